/// What frab's `schedule.xml` and c3voc's `schedule.json` share: one event per placement and
/// room (a session in several rooms appears in each), numbered in time order, with stable uuid
/// `guid`s and unique slugs.
struct FrabSchedule {
    struct Event {
        var id: Int
        var guid: String
        var slug: String
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
    let acronym: String
    /// The shortest slot, `HH:MM`.
    let timeslot: String

    init(_ layout: AgendaLayout) {
        self.layout = layout
        let g = layout.gathering
        acronym = g.name.slug("_").isEmpty ? "convene" : g.name.slug("_")
        var nextID = 1
        var days: [Day] = []
        for (d, day) in layout.days.enumerated() where !day.placements.isEmpty {
            var rooms: [(room: Int, events: [Event])] = []
            for room in day.rooms {
                var events: [Event] = []
                for p in day.placements where p.rooms.contains(room) {
                    let session = g.sessions[p.session]
                    let name = p.rooms.count > 1 ? "\(session.id):\(g.rooms[room].id)" : session.id
                    events.append(
                        Event(
                            id: nextID, guid: StableIdentifier.uuid("convene:\(g.name):\(name)"),
                            slug: "\(acronym.slug())-\(nextID)-\(session.id.slug().isEmpty ? "session" : session.id.slug())",
                            placement: p, room: room))
                    nextID += 1
                }
                rooms.append((room, events))
            }
            let first = g.slots[day.slots.first ?? 0].start
            let last = g.slots[day.slots.last ?? 0].end
            days.append(Day(index: d + 1, day: day, start: layout.isoDateTime(first), end: layout.isoDateTime(last), rooms: rooms))
        }
        self.days = days
        let shortest = (g.slots.map(\.seconds).min() ?? 3600) / 60
        timeslot = "\(LocalTime.pad(shortest / 60)):\(LocalTime.pad(shortest % 60))"
    }

    var events: [Event] { days.flatMap { $0.rooms.flatMap(\.events) } }

    /// Conference dates: first and last day with an event (all days when there is none).
    var dates: (start: String, end: String, count: Int) {
        let used = days.isEmpty ? layout.days : days.map(\.day)
        return (used.first?.date ?? "1970-01-01", used.last?.date ?? "1970-01-01", used.count)
    }

    func persons(_ session: Int) -> [(id: Int, name: String, guid: String)] {
        let g = layout.gathering
        return g.sessions[session].facilitators.map { p in
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
        out += "  <version>\(Self.escape(layout.agenda.status.rawValue))</version>\n"
        out += "  <conference>\n"
        out += "    <title>\(Self.escape(g.name))</title>\n    <acronym>\(schedule.acronym)</acronym>\n"
        out += "    <start>\(dates.start)</start>\n    <end>\(dates.end)</end>\n    <days>\(dates.count)</days>\n"
        out += "    <timeslot_duration>\(schedule.timeslot)</timeslot_duration>\n  </conference>\n"
        for day in schedule.days {
            out += "  <day index=\"\(day.index)\" date=\"\(day.day.date)\" start=\"\(day.start)\" end=\"\(day.end)\">\n"
            for (room, events) in day.rooms {
                out += "    <room name=\"\(Self.escape(layout.roomName(room)))\">\n"
                for event in events {
                    let s = event.placement.session
                    let session = g.sessions[s]
                    let (start, _) = layout.interval(event.placement)
                    out += "      <event id=\"\(event.id)\" guid=\"\(event.guid)\">\n"
                    out += "        <date>\(layout.isoDateTime(start))</date>\n"
                    out += "        <start>\(LocalTime.clock(start, in: g.timeZone))</start>\n"
                    out += "        <duration>\(layout.duration(event.placement))</duration>\n"
                    out += "        <room>\(Self.escape(layout.roomName(room)))</room>\n"
                    out += "        <slug>\(event.slug)</slug>\n"
                    out += "        <title>\(Self.escape(layout.title(s)))</title>\n        <subtitle></subtitle>\n"
                    out += "        <track>\(Self.escape(session.track ?? ""))</track>\n"
                    out += "        <type>\(Self.escape(layout.formatName(s) ?? "session"))</type>\n"
                    out += "        <language>en</language>\n        <abstract></abstract>\n"
                    out += "        <description>\(Self.escape(layout.facilitators(s).joined(separator: ", ")))</description>\n"
                    out += "        <persons>\n"
                    for person in schedule.persons(s) {
                        out += "          <person id=\"\(person.id)\">\(Self.escape(person.name))</person>\n"
                    }
                    out += "        </persons>\n        <links></links>\n      </event>\n"
                }
                out += "    </room>\n"
            }
            out += "  </day>\n"
        }
        return out + "</schedule>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
            object([("name", s(layout.roomName(r))), ("guid", s(StableIdentifier.uuid("convene:\(g.name):room:\(g.rooms[r].id)")))])
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
        if g.timeZoneName.contains("/") || g.timeZoneName == "UTC" { conference.append(("time_zone_name", s(g.timeZoneName))) }
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
        let members: [(String, JSONValue)] = [
            ("id", .number(Double(event.id))), ("guid", .string(event.guid)),
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
