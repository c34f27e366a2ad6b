import Foundation

/// A validated input: the gathering to schedule, with defaults applied, references resolved to
/// indices and times turned into instants. Everything after input validation works on this.
///
/// Make one with ``Gathering/load(_:)`` (JSON) or ``Gathering/init(validating:)`` (a document).
public struct Gathering: Sendable {
    public var name: String
    /// The IANA name as given (`UTC` when omitted); `timeZone.identifier` may spell it differently.
    public var timeZoneName: String
    public var timeZone: TimeZone
    /// Sorted by start time; `slots[i].index == i`.
    public var slots: [Slot]
    public var rooms: [Room]
    public var formats: [Format]
    public var people: [Person]
    public var sessions: [Session]
    public var attendees: [Attendee]
    public var weights: InputDocument.Weights
    /// Problems that do not stop the input from being used (unknown keys).
    public var warnings: [InputProblem]

    public let slotIndex: [String: Int]
    public let roomIndex: [String: Int]
    public let sessionIndex: [String: Int]

    init(
        name: String, timeZoneName: String, timeZone: TimeZone, slots: [Slot], rooms: [Room], formats: [Format], people: [Person],
        sessions: [Session], attendees: [Attendee], weights: InputDocument.Weights, warnings: [InputProblem]
    ) {
        self.name = name
        self.timeZoneName = timeZoneName
        self.timeZone = timeZone
        self.slots = slots
        self.rooms = rooms
        self.formats = formats
        self.people = people
        self.sessions = sessions
        self.attendees = attendees
        self.weights = weights
        self.warnings = warnings
        slotIndex = Dictionary(slots.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        roomIndex = Dictionary(rooms.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        sessionIndex = Dictionary(sessions.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
    }

    /// `thu-1 (Thu 19 Sep 09:00–10:30)`.
    public func label(slot: Int) -> String {
        let s = slots[slot]
        return
            "\(s.id) (\(LocalTime.dayLabel(s.start, in: timeZone)) "
            + "\(LocalTime.clock(s.start, in: timeZone))–\(LocalTime.clock(s.end, in: timeZone)))"
    }

    /// `Thu 19 Sep 09:00–12:00` for a run of consecutive slots.
    public func label(slots range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "no time" }
        let start = slots[first].start
        let end = slots[last].end
        return "\(LocalTime.dayLabel(start, in: timeZone)) \(LocalTime.clock(start, in: timeZone))–\(LocalTime.clock(end, in: timeZone))"
    }
}
