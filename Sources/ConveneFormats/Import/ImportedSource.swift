import ConveneCore

/// What one source (a pretalx export, a Sessionize file, a frab schedule) holds, in Convene's
/// terms but with times as the source wrote them: they become instants once the event's time zone
/// is known, which may come from another file.
struct ImportedSource {
    /// Something read, with where it was read.
    struct Item<Value> {
        var value: Value
        var origin: ImportOrigin
    }

    /// A time window as written by the source.
    struct Window {
        var start: SourceTime
        var end: SourceTime
        var origin: ImportOrigin
    }

    struct Room {
        var room: InputDocument.Room
        /// When the source says when the room can be used; nil: always. Turned into `unavailable`
        /// windows over the event's days.
        var available: [Window]?
    }

    struct Person {
        var person: InputDocument.Person
        /// The source's availability windows; empty: available throughout.
        var available: [Window]
    }

    /// Where and when the source already schedules a session (its end follows from its duration).
    struct Placed {
        var start: SourceTime
        var rooms: [String]
        var origin: ImportOrigin
    }

    struct Session {
        var session: InputDocument.Session
        /// Where the source already schedules each run, in run order (run 1 first); empty: unscheduled.
        var placed: [Placed] = []
        /// Pinned to the slot that starts at this time (Sessionize's service sessions).
        var pinStart: SourceTime?
        /// Other names a survey may use for it: a talk the source splits in parts is named by its
        /// code and title in every part.
        var aliases: [String] = []
    }

    /// The tool, for messages: `pretalx`, `Sessionize`, `frab`.
    var tool: String
    /// The (first) file read, for problems that concern the source as a whole.
    var file: String
    var eventName: String?
    var eventOrigin: ImportOrigin?
    /// An IANA zone the source names.
    var timeZone: String?
    /// The event's first and last calendar days, when the source says them.
    var days: ClosedRange<Int>?
    var rooms: [Item<Room>] = []
    var formats: [Item<InputDocument.Format>] = []
    var people: [Item<Person>] = []
    var sessions: [Item<Session>] = []

    init(tool: String, file: String) {
        self.tool = tool
        self.file = file
    }

    /// Every written offset, for guessing a fixed zone when no source names one.
    var offsets: Set<Int> {
        var offsets = Set<Int>()
        func add(_ t: SourceTime) { if let o = t.offset { offsets.insert(o) } }
        for room in rooms { for w in room.value.available ?? [] { add(w.start) } }
        for person in people { for w in person.value.available { add(w.start) } }
        for session in sessions { for p in session.value.placed { add(p.start) } }
        return offsets
    }

    /// True when some time is written without an offset, so that the zone matters to its meaning.
    var hasLocalTimes: Bool {
        sessions.contains { $0.value.placed.contains { $0.start.offset == nil } }
            || people.contains { $0.value.available.contains { $0.start.offset == nil } }
    }
}
