import Foundation

/// Turns JSON into an `InputDocument`, checking the shape of every value (types, required
/// fields, unknown keys) and reporting all problems at once. Meaning (references, times,
/// ranges) is checked afterwards by ``InputValidator``.
package enum DocumentReader {
    /// Parses and reads a whole document. Syntax errors stop at the first (the rest cannot be read);
    /// shape problems are all collected into `log`.
    package static func read(_ data: Data, log: ProblemLog) -> InputDocument? {
        var parser = JSONParser(Array(data))
        let value: JSONValue
        do {
            value = try parser.parseDocument()
        } catch {
            log.error(.root, "the file is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
            return nil
        }
        for path in parser.repeatedKeys {
            log.error(path, "this key appears twice in the same object; keep one of them")
        }
        return read(value, log: log)
    }

    static func read(_ value: JSONValue, log: ProblemLog) -> InputDocument? {
        guard var root = ObjectReader(value, at: .root, log: log, what: "a Convene input document") else { return nil }
        var document = InputDocument()
        document.convene = root.integer("convene", required: "every input starts with \"convene\": 1, the format version") ?? 0
        document.event =
            root.object("event", what: "the event") { r in
                InputDocument.Event(name: r.string("name"), timeZone: r.string("timeZone"), travelMinutes: r.integer("travelMinutes"))
            } ?? InputDocument.Event()
        document.slots = root.list("slots", of: "slots") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "a slot") else { return .init(id: "", start: "", end: "") }
            defer { r.warnAboutUnknownKeys() }
            return .init(
                id: r.string("id", required: "every slot needs an id, such as \"thu-1\"") ?? "",
                start: r.string("start", required: "every slot needs a start time, such as \"2019-09-19T09:00\"") ?? "",
                end: r.string("end", required: "every slot needs an end time, such as \"2019-09-19T10:30\"") ?? "",
                tags: r.strings("tags"))
        }
        document.rooms = root.list("rooms", of: "rooms") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "a room") else { return .init(id: "") }
            defer { r.warnAboutUnknownKeys() }
            return .init(
                id: r.string("id", required: "every room needs an id, such as \"rabb\"") ?? "",
                name: r.string("name"), capacity: r.integer("capacity"), tags: r.strings("tags"),
                unavailable: windows(&r, "unavailable"), site: r.string("site"), guid: r.string("guid"))
        }
        document.formats = root.list("formats", of: "formats") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "a format") else { return .init(id: "") }
            defer { r.warnAboutUnknownKeys() }
            return .init(
                id: r.string("id", required: "every format needs an id, such as \"breakout\"") ?? "",
                name: r.string("name"), duration: r.number("duration"), rooms: r.integer("rooms"),
                exclusive: r.bool("exclusive"), roomTags: r.strings("roomTags"), slotTags: r.strings("slotTags"))
        }
        document.people = root.list("people", of: "people") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "a person") else { return .init(id: "") }
            defer { r.warnAboutUnknownKeys() }
            return .init(
                id: r.string("id", required: "every person needs an id") ?? "", name: r.string("name"),
                available: windows(&r, "available"), unavailable: windows(&r, "unavailable"), preferred: windows(&r, "preferred"),
                maxPerDay: r.integer("maxPerDay"))
        }
        document.sessions = root.list("sessions", of: "sessions") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "a session") else { return .init(id: "") }
            defer { r.warnAboutUnknownKeys() }
            return session(&r)
        }
        document.attendees = root.list("attendees", of: "attendees") { value, path, log in
            guard var r = ObjectReader(value, at: path, log: log, what: "an attendee") else { return .init(id: "") }
            defer { r.warnAboutUnknownKeys() }
            return .init(
                id: r.string("id", required: "every attendee needs an id") ?? "", interests: r.strings("interests"),
                person: r.string("person"))
        }
        document.weights =
            root.object("weights", what: "the objective's weights") { r in
                let defaults = InputDocument.Weights()
                return InputDocument.Weights(
                    clash: r.integer("clash") ?? defaults.clash,
                    preference: r.integer("preference") ?? defaults.preference,
                    unscheduled: r.integer("unscheduled") ?? defaults.unscheduled,
                    change: r.integer("change") ?? defaults.change,
                    trackOverlap: r.integer("trackOverlap") ?? defaults.trackOverlap,
                    personPreference: r.integer("personPreference") ?? defaults.personPreference,
                    roomChange: r.integer("roomChange"))
            } ?? InputDocument.Weights()
        root.warnAboutUnknownKeys()
        return document
    }

    private static func session(_ r: inout ObjectReader) -> InputDocument.Session {
        var session = InputDocument.Session(id: r.string("id", required: "every session needs an id, such as \"update\"") ?? "")
        session.title = r.string("title")
        session.format = r.string("format")
        session.facilitators = r.strings("facilitators")
        session.attendance = r.integer("attendance")
        session.duration = r.number("duration")
        session.rooms = r.integer("rooms")
        session.exclusive = r.bool("exclusive")
        session.roomTags = r.strings("roomTags")
        session.slotTags = r.strings("slotTags")
        session.track = r.string("track")
        session.after = r.strings("after")
        session.notConcurrentWith = r.strings("notConcurrentWith")
        session.pin = r.object("pin", what: "a pin with \"slot\" and/or \"room\"") { p in
            InputDocument.Pin(slot: p.string("slot"), room: p.string("room"))
        }
        session.prefer = r.object("prefer", what: "a preference with \"slotTags\" and \"weight\"") { p in
            InputDocument.Preference(slotTags: p.strings("slotTags"), weight: p.integer("weight"))
        }
        session.optional = r.bool("optional") ?? false
        session.priority = r.integer("priority")
        session.guid = r.string("guid")
        session.runs = r.integer("runs")
        session.seats = r.integer("seats")
        session.description = r.string("description")
        return session
    }

    private static func windows(_ r: inout ObjectReader, _ key: String) -> [InputDocument.Window] {
        r.list(key, of: "time windows") { value, path, log in
            guard var w = ObjectReader(value, at: path, log: log, what: "a time window with \"start\" and \"end\"") else {
                return .init(start: "", end: "")
            }
            defer { w.warnAboutUnknownKeys() }
            return .init(
                start: w.string("start", required: "a window needs a start time") ?? "",
                end: w.string("end", required: "a window needs an end time") ?? "")
        }
    }
}

extension InputDocument {
    /// Decodes through the same reader as `Gathering.init(json:)`.
    ///
    /// - Throws: `DiagnosticError` with every problem of the document's shape, each at its JSON
    ///   path (warnings alone do not throw).
    package init(from decoder: Decoder) throws {
        let log = ProblemLog()
        guard let document = DocumentReader.read(try JSONValue(from: decoder), log: log), !log.hasErrors else {
            throw DiagnosticError(log.problems)
        }
        self = document
    }
}
