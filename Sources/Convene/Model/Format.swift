/// A kind of session (large group, breakout, workshop…), kept for display.
public struct Format: Sendable, Hashable, Identifiable {
    public var id: String
    public var index: Int
    public var name: String?

    public var label: String { name ?? id }
}
