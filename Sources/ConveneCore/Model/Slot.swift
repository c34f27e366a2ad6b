import Foundation

/// A time slot of the gathering, validated: the same slots serve every room.
public struct Slot: Sendable, Hashable, Identifiable {
    /// The slot's id in the input.
    public internal(set) var id: String
    /// Position in the gathering's slots, which are sorted by start time.
    package internal(set) var index: Int
    package internal(set) var window: TimeWindow
    package internal(set) var tags: Set<String>

    /// When it starts: the input's local time read in the event's time zone.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(window.start)) }
    /// When it ends.
    public var end: Date { Date(timeIntervalSince1970: TimeInterval(window.end)) }
    /// Its start, in seconds since 1970-01-01T00:00Z: what the solvers compare.
    package var startSecond: Int { window.start }
    /// Its end, in seconds since 1970-01-01T00:00Z.
    package var endSecond: Int { window.end }
    package var seconds: Int { window.end - window.start }
}
