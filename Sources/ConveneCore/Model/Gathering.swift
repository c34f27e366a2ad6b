import Foundation

/// A validated input: the gathering to schedule, with defaults applied, references resolved to
/// indices and times turned into instants. Everything after input validation works on this.
///
/// Read one with ``init(contentsOf:)`` or ``init(json:)``, or build one in code with
/// ``GatheringBuilder``. A gathering cannot be changed from outside: edit its ``json`` and read
/// that again.
public struct Gathering: Sendable {
    /// The event's name.
    public internal(set) var name: String
    /// The IANA name as given (`UTC` when omitted); `timeZone.identifier` may spell it differently.
    package internal(set) var timeZoneName: String
    /// The event's time zone, in which local times are read and written.
    public internal(set) var timeZone: TimeZone
    /// Sorted by start time; `slots[i].index == i`.
    public internal(set) var slots: [Slot]
    /// In input order; `rooms[i].index == i`.
    public package(set) var rooms: [Room]
    /// In input order; `formats[i].index == i`.
    package internal(set) var formats: [Format]
    /// In input order; `people[i].index == i`.
    public package(set) var people: [Person]
    /// In input order; `sessions[i].index == i`.
    public package(set) var sessions: [Session]
    /// In input order; `attendees[i].index == i`.
    public internal(set) var attendees: [Attendee]
    /// The objective's weights, with defaults applied.
    package internal(set) var weights: InputDocument.Weights
    /// Rule 11: minutes a person needs between sessions at different sites (0: no travel time).
    package internal(set) var travelMinutes: Int = 0
    /// In the domain's gathering, where each run is a session of its own: `runsOf[s]` lists the
    /// runs of the input's session `s`, run 1 first. nil in the input's gathering (and when no
    /// session has more than one run). See ``splittingRuns()``.
    package internal(set) var runsOf: [[Int]]? = nil
    /// Problems that do not stop the input from being used (unknown keys).
    public internal(set) var warnings: [Diagnostic]
    /// The document this gathering was validated from: ``GatheringBuilder/init(gathering:)`` adds
    /// to it, and builds again to change the gathering.
    package let document: InputDocument

    /// The gathering as a JSON input document (pretty, keys sorted), which ``init(json:)`` reads
    /// back into the same gathering: how to change one, or to keep one built in code.
    public var json: Data { Data(document.json.utf8) }

    /// Slot indices by id.
    package let slotIndex: [String: Int]
    /// Room indices by id.
    package let roomIndex: [String: Int]
    /// Session indices by id.
    package let sessionIndex: [String: Int]
    /// `facilitated[person]`: the sessions they facilitate, in input order; every rule about a
    /// person's sessions together (5, 11, 12) and every page about a person reads this one index.
    package let facilitated: [[Int]]

    init(
        name: String, timeZoneName: String, timeZone: TimeZone, slots: [Slot], rooms: [Room], formats: [Format], people: [Person],
        sessions: [Session], attendees: [Attendee], weights: InputDocument.Weights, warnings: [Diagnostic], document: InputDocument
    ) {
        self.document = document
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
        var facilitated = [[Int]](repeating: [], count: people.count)
        for session in sessions { for p in session.facilitatorIndices { facilitated[p].append(session.index) } }
        self.facilitated = facilitated
    }

    /// `thu-1 (Thu 19 Sep 09:00–10:30)`.
    package func label(slot: Int) -> String {
        let s = slots[slot]
        return
            "\(s.id) (\(LocalTime.dayLabel(s.startSecond, in: timeZone)) "
            + "\(LocalTime.clock(s.startSecond, in: timeZone))–\(LocalTime.clock(s.endSecond, in: timeZone)))"
    }

    /// `Thu 19 Sep 09:00–12:00` for a run of consecutive slots.
    package func label(slots range: Range<Int>) -> String {
        guard let first = range.first, let last = range.last else { return "no time" }
        let start = slots[first].startSecond
        let end = slots[last].endSecond
        return "\(LocalTime.dayLabel(start, in: timeZone)) \(LocalTime.clock(start, in: timeZone))–\(LocalTime.clock(end, in: timeZone))"
    }

    /// `Thu 19 Sep 09:00–12:00, Fri 20 Sep 09:00–17:00`, local to the event.
    package func label(windows: [TimeWindow]) -> String {
        windows.map { w in
            let sameDay = LocalTime.dayLabel(w.start, in: timeZone) == LocalTime.dayLabel(w.end - 1, in: timeZone)
            return "\(LocalTime.dayLabel(w.start, in: timeZone)) \(LocalTime.clock(w.start, in: timeZone))–"
                + (sameDay ? "" : LocalTime.dayLabel(w.end, in: timeZone) + " ") + LocalTime.clock(w.end, in: timeZone)
        }.joined(separator: ", ")
    }
}

extension Gathering {
    /// `21 sessions, 13 slots, 10 rooms, 16 people, 50 attendees.`
    package var summary: String {
        "\(sessions.count) sessions, \(slots.count) slots, \(rooms.count) rooms, \(people.count) people, \(attendees.count) attendees."
    }
}
