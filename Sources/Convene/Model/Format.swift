/// A kind of session (large group, breakout, workshop…), kept for display.
public struct Format: Sendable, Hashable, Identifiable {
    public internal(set) var id: String
    public internal(set) var index: Int
    public internal(set) var name: String?

    public var label: String { name ?? id }
}
