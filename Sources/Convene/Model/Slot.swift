/// A time slot of the gathering, validated: the same slots serve every room.
public struct Slot: Sendable, Hashable, Identifiable {
    public internal(set) var id: String
    /// Position in the gathering's slots, which are sorted by start time.
    public internal(set) var index: Int
    public internal(set) var window: TimeWindow
    public internal(set) var tags: Set<String>

    public var start: Int { window.start }
    public var end: Int { window.end }
    public var seconds: Int { window.end - window.start }
}
