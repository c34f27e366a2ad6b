import ConveneCore

/// What frab's `schedule.xml` and c3voc's `schedule.json` share: one event per placement and
/// room (a session in several rooms appears in each), with unique ids, uuid `guid`s and slugs
/// that the voc/schedule schemas accept.
///
/// Identity survives a round trip through other tools: an imported session's `guid` is its
/// event's guid, a session id that is a pretalx code (`ABC123`, or `ABC123-2` for a part) is the
/// event's `code`, a numeric session id (a frab event id) is the event's `id`, and an imported
/// room's `guid` (pretalx's room uuid) is the room's guid in `schedule.json`. Other events
/// are numbered in time order around those, with name-based uuids stable for the same input.
struct FrabSchedule {
    struct Event {
        var id: Int
        var guid: String
        var slug: String
        /// A pretalx submission code, on the first event of its session only (the XSD wants codes unique).
        var code: String?
        var placement: Assignment
        var room: Int
    }

    struct Day {
        var index: Int
        var day: AgendaLayout.Day
        var start: String
        var end: String
        /// Rooms in use that day, each with its events in time order.
        var rooms: [(room: Int, events: [Event])]
    }

    let layout: AgendaLayout
    let days: [Day]
    /// At least four of `[a-z0-9_]`: the XSD's acronym, and the part of every slug before its first hyphen.
    let acronym: String
    /// The shortest slot, `HH:MM`.
    let timeslot: String

    init(_ layout: AgendaLayout) {
        self.layout = layout
        let g = layout.gathering
        acronym = Self.acronym(g.name)
        let dated = layout.days.enumerated().filter { !$0.element.placements.isEmpty }
        var reserved = Set<Int>()
        for (_, day) in dated {
            for p in day.placements { if let n = Self.numericID(g.sessions[p.session].id) { reserved.insert(n) } }
        }
        var nextID = 1
        var usedIDs = Set<Int>()
        var usedGUIDs = Set<String>()
        var usedCodes = Set<String>()
        var days: [Day] = []
        for (d, day) in dated {
            var rooms: [(room: Int, events: [Event])] = []
            for room in day.rooms {
                var events: [Event] = []
                for p in day.placements where p.rooms.contains(room) {
                    let session = g.sessions[p.session]
                    var id: Int
                    if let n = Self.numericID(session.id), !usedIDs.contains(n) {
                        id = n
                    } else {
                        while reserved.contains(nextID) || usedIDs.contains(nextID) { nextID += 1 }
                        id = nextID
                    }
                    usedIDs.insert(id)
                    let name = p.rooms.count > 1 ? "\(session.id):\(g.rooms[room].id)" : session.id
                    var guid = StableIdentifier.uuid("convene:\(g.name):\(name)")
                    if let imported = session.guid {
                        let candidate = p.rooms.first == room ? imported : StableIdentifier.uuid("convene:\(imported):\(g.rooms[room].id)")
                        if !usedGUIDs.contains(candidate) { guid = candidate }
                    }
                    usedGUIDs.insert(guid)
                    let code = Self.pretalxCode(session.id).flatMap { usedCodes.insert($0).inserted ? $0 : nil }
                    events.append(
                        Event(
                            id: id, guid: guid, slug: Self.slug(acronym: acronym, id: id, session: session.id), code: code,
                            placement: p, room: room))
                }
                rooms.append((room, events))
            }
            let first = g.slots[day.slots.first ?? 0].startSecond
            let last = g.slots[day.slots.last ?? 0].endSecond
            days.append(Day(index: d + 1, day: day, start: layout.isoDateTime(first), end: layout.isoDateTime(last), rooms: rooms))
        }
        self.days = days
        let shortest = (g.slots.map(\.seconds).min() ?? 3600) / 60
        timeslot = "\(LocalTime.pad(shortest / 60)):\(LocalTime.pad(shortest % 60))"
    }

    /// The event name's slug with `_` (`p2pu_gathering_2019`); padded to four characters with `_event`.
    static func acronym(_ name: String) -> String {
        let slug = name.slug("_")
        if slug.isEmpty { return "convene" }
        return slug.count < 4 ? slug + "_event" : slug
    }

    /// `acronym-id-session`: the XSD's voc-slug-new wants four of `[a-z0-9_]` before the first
    /// hyphen and four of `[a-z0-9_-]` after it; c3voc's JSON schema wants it to end in a letter or digit.
    static func slug(acronym: String, id: Int, session: String) -> String {
        let name = session.slug().isEmpty ? "session" : session.slug()
        var rest = "\(id)-\(name)"
        if rest.count < 4 { rest = "\(id)-session-\(name)" }
        return "\(acronym)-\(rest)"
    }

    /// A session id that is a frab event id: a positive whole number written without leading zeros.
    static func numericID(_ id: String) -> Int? {
        guard let n = Int(id), n >= 1, String(n) == id else { return nil }
        return n
    }

    /// The pretalx code in a session id: `ABC123`, or the code of a part, `ABC123-2`.
    static func pretalxCode(_ id: String) -> String? {
        func isCode(_ s: Substring) -> Bool { s.count == 6 && s.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) } }
        if isCode(Substring(id)) { return id }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, isCode(parts[0]), let n = Int(parts[1]), n >= 1 { return String(parts[0]) }
        return nil
    }

    var events: [Event] { days.flatMap { $0.rooms.flatMap(\.events) } }

    /// Conference dates: first and last day with an event (all days when there is none).
    var dates: (start: String, end: String, count: Int) {
        let used = days.isEmpty ? layout.days : days.map(\.day)
        return (used.first?.date ?? "1970-01-01", used.last?.date ?? "1970-01-01", used.count)
    }

    /// The event's IANA time zone name, when it is one the schemas accept.
    var timeZoneName: String? {
        let name = layout.gathering.timeZoneName
        return name.contains("/") || name == "UTC" ? name : nil
    }

    func persons(_ session: Int) -> [(id: Int, name: String, guid: String)] {
        let g = layout.gathering
        return g.sessions[session].facilitatorIndices.map { p in
            (p + 1, g.people[p].name ?? g.people[p].id, StableIdentifier.uuid("convene:\(g.name):person:\(g.people[p].id)"))
        }
    }
}

/// frab's `schedule.xml`, as the voc/schedule XSD requires it (and as Giggity and ConfClerk read it).
package struct FrabXMLRenderer: Sendable {
    package init() {}

    package func render(_ layout: AgendaLayout) -> String {
        let schedule = FrabSchedule(layout)
        let g = layout.gathering
        let dates = schedule.dates
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n"
        out += "  <version>\(XMLText.escape(layout.agenda.status.rawValue))</version>\n"
        out += "  <conference>\n"
        out += "    <title>\(XMLText.escape(g.name))</title>\n    <acronym>\(schedule.acronym)</acronym>\n"
        out += "    <start>\(dates.start)</start>\n    <end>\(dates.end)</end>\n    <days>\(dates.count)</days>\n"
        out += "    <timeslot_duration>\(schedule.timeslot)</timeslot_duration>\n"
        if let zone = schedule.timeZoneName { out += "    <time_zone_name>\(XMLText.escape(zone))</time_zone_name>\n" }
        out += "  </conference>\n"
        for day in schedule.days {
            out += "  <day index=\"\(day.index)\" date=\"\(day.day.date)\" start=\"\(day.start)\" end=\"\(day.end)\">\n"
            for (room, events) in day.rooms {
                out += "    <room name=\"\(XMLText.escape(layout.roomName(room)))\">\n"
                for event in events {
                    let s = event.placement.session
                    let session = g.sessions[s]
                    let (start, _) = layout.interval(event.placement)
                    let code = event.code.map { " code=\"\($0)\"" } ?? ""
                    out += "      <event id=\"\(event.id)\" guid=\"\(event.guid)\"\(code)>\n"
                    out += "        <date>\(layout.isoDateTime(start))</date>\n"
                    out += "        <start>\(LocalTime.clock(start, in: g.timeZone))</start>\n"
                    out += "        <duration>\(layout.duration(event.placement))</duration>\n"
                    out += "        <room>\(XMLText.escape(layout.roomName(room)))</room>\n"
                    out += "        <slug>\(event.slug)</slug>\n"
                    out += "        <title>\(XMLText.escape(layout.title(s)))</title>\n        <subtitle></subtitle>\n"
                    out += "        <track>\(XMLText.escape(session.track ?? ""))</track>\n"
                    out += "        <type>\(XMLText.escape(layout.formatName(s) ?? "session"))</type>\n"
                    out += "        <language>en</language>\n        <abstract></abstract>\n"
                    out += "        <description>\(XMLText.escape(layout.facilitators(s).joined(separator: ", ")))</description>\n"
                    out += "        <persons>\n"
                    for person in schedule.persons(s) {
                        out += "          <person id=\"\(person.id)\">\(XMLText.escape(person.name))</person>\n"
                    }
                    out += "        </persons>\n        <links></links>\n      </event>\n"
                }
                out += "    </room>\n"
            }
            out += "  </day>\n"
        }
        return out + "</schedule>\n"
    }
}

/// c3voc's `schedule.json`, with every field its JSON schema requires.
package struct FrabJSONRenderer: Sendable {
    package init() {}

    package func render(_ layout: AgendaLayout) -> String {
        let schedule = FrabSchedule(layout)
        let g = layout.gathering
        let dates = schedule.dates
        func s(_ text: String) -> JSONValue { .string(text) }
        func n(_ value: Int) -> JSONValue { .number(Double(value)) }
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { .init(key: $0.0, value: $0.1) }) }
        let usedRooms = Set(schedule.days.flatMap { $0.rooms.map(\.room) }).sorted()
        let rooms = usedRooms.map { r in
            let guid = g.rooms[r].guid ?? StableIdentifier.uuid("convene:\(g.name):room:\(g.rooms[r].id)")
            return object([("name", s(layout.roomName(r))), ("guid", s(guid))])
        }
        let days: [JSONValue] = schedule.days.map { day in
            object([
                ("index", n(day.index)), ("date", s(day.day.date)), ("day_start", s(day.start)), ("day_end", s(day.end)),
                (
                    "rooms",
                    .object(
                        day.rooms.map { room, events in
                            .init(key: layout.roomName(room), value: .array(events.map { event(layout, schedule, $0) }))
                        })
                ),
            ])
        }
        var conference: [(String, JSONValue)] = [
            ("acronym", s(schedule.acronym)), ("title", s(g.name)), ("start", s(dates.start)),
            ("end", s(dates.end)), ("daysCount", n(dates.count)), ("timeslot_duration", s(schedule.timeslot)),
        ]
        if let zone = schedule.timeZoneName { conference.append(("time_zone_name", s(zone))) }
        conference += [("rooms", .array(rooms)), ("days", .array(days))]
        return JSONWriter.write(
            object([
                ("$schema", s("https://c3voc.de/schedule/schema.json")),
                ("generator", object([("name", s("convene")), ("version", s("1"))])),
                ("schedule", object([("version", s(layout.agenda.status.rawValue)), ("conference", object(conference))])),
            ]))
    }

    private func event(_ layout: AgendaLayout, _ schedule: FrabSchedule, _ event: FrabSchedule.Event) -> JSONValue {
        let g = layout.gathering
        let session = event.placement.session
        let (start, _) = layout.interval(event.placement)
        let persons: [JSONValue] = schedule.persons(session).map {
            .object([.init(key: "name", value: .string($0.name)), .init(key: "guid", value: .string($0.guid))])
        }
        var members: [(String, JSONValue)] = [("id", .number(Double(event.id))), ("guid", .string(event.guid))]
        if let code = event.code { members.append(("code", .string(code))) }
        members += [
            ("date", .string(layout.isoDateTime(start))), ("start", .string(LocalTime.clock(start, in: g.timeZone))),
            ("duration", .string(layout.duration(event.placement))), ("room", .string(layout.roomName(event.room))),
            ("slug", .string(event.slug)), ("url", .string("urn:uuid:" + event.guid)),
            ("title", .string(layout.title(session))), ("subtitle", .string("")),
            ("track", g.sessions[session].track.map(JSONValue.string) ?? .null),
            ("type", .string(layout.formatName(session) ?? "session")), ("language", .string("en")),
            ("abstract", .string("")), ("description", .string(layout.facilitators(session).joined(separator: ", "))),
            ("persons", .array(persons)), ("links", .array([])),
        ]
        return .object(members.map { .init(key: $0.0, value: $0.1) })
    }
}
