/// A time slot of the gathering, validated: the same slots serve every room.
public struct Slot: Sendable, Hashable, Identifiable {
    /// The slot's id in the input.
    public internal(set) var id: String
    /// Position in the gathering's slots, which are sorted by start time.
    public internal(set) var index: Int
    package internal(set) var window: TimeWindow
    package internal(set) var tags: Set<String>

    /// Its start, in seconds since 1970-01-01T00:00Z.
    public var start: Int { window.start }
    /// Its end, in seconds since 1970-01-01T00:00Z.
    public var end: Int { window.end }
    package var seconds: Int { window.end - window.start }
}
