import ConveneCore
import Foundation

/// Reads frab's `schedule.xml`, as frab, pretalx, Indico and Convene write it: the conference
/// (title, time zone, dates), days, rooms, and events with their `duration`, `persons`, `track` and
/// `type`. The schedule becomes the previous agenda.
///
/// A session's id is the event's pretalx `code` when it has one, else its numeric `id`, else its
/// `guid`; the `guid` is kept (`sessions[].guid`) so that the schedule written again names every
/// event as before. Events with the same title, start, duration and persons in several rooms are
/// one session in several rooms (Convene writes a multi-room session that way).
struct FrabReader {
    let log: ImportLog
    let file: String
    private var source: ImportedSource

    static func read(_ file: ImportFile, log: ImportLog) -> ImportedSource? {
        let root: XMLReader.Element
        do {
            root = try XMLReader.parse(Array(file.data))
        } catch {
            var hint = ""
            if error.atEnd { hint = "; was the file saved completely?" }
            log.error(
                ImportOrigin(file: file.name, place: .line(error.line, column: error.column)),
                "the file is not well-formed XML: \(error.message)\(hint)")
            return nil
        }
        guard root.name == "schedule" else {
            log.error(
                ImportOrigin(file: file.name, place: .line(root.line, column: root.column)),
                "expected a frab schedule (<schedule>), found <\(root.name)>")
            return nil
        }
        var reader = FrabReader(log: log, file: file.name)
        reader.read(root)
        return reader.source
    }

    private init(log: ImportLog, file: String) {
        self.log = log
        self.file = file
        source = ImportedSource(tool: "frab", file: file)
    }

    private func origin(_ element: XMLReader.Element) -> ImportOrigin {
        ImportOrigin(file: file, place: .line(element.line, column: element.column))
    }

    /// One `<event>` as read, before events of one multi-room session are joined.
    private struct Event {
        var element: XMLReader.Element
        var key: String
        var guid: String?
        var title: String
        var start: SourceTime
        var minutes: Int
        var room: String
        var persons: [String]
        var track: String?
        var type: String?
    }

    private mutating func read(_ root: XMLReader.Element) {
        if let conference = root.child("conference") {
            source.eventName = conference.childText("title")
            source.eventOrigin = origin(conference)
            source.timeZone = conference.childText("time_zone_name").flatMap { $0.isEmpty ? nil : $0 }
            if let start = conference.childText("start").flatMap(SourceTime.day),
                let end = conference.childText("end").flatMap(SourceTime.day), start <= end
            {
                source.days = start...end
            }
        }
        var roomIDs = IdentifierMaker()
        var rooms: [String: String] = [:]
        var personIDs = IdentifierMaker()
        var persons: [String: String] = [:]
        var events: [Event] = []
        for day in root.children(named: "day") {
            let dayDate = day.attribute("date").flatMap(SourceTime.day)
            let dayStart = day.attribute("start").flatMap(SourceTime.parse)
            for room in day.children(named: "room") {
                let elements = room.children(named: "event")
                if !elements.isEmpty, (room.attribute("name") ?? "").isEmpty,
                    elements.contains(where: { ($0.childText("room") ?? "").isEmpty })
                {
                    log.error(origin(room), "a room needs a name (name=\"…\")")
                    continue
                }
                for element in elements {
                    let roomName = element.childText("room").flatMap { $0.isEmpty ? nil : $0 } ?? room.attribute("name") ?? ""
                    if rooms[roomName] == nil {
                        let id = roomIDs.make(roomName, fallback: "room")
                        rooms[roomName] = id
                        // pretalx writes its room uuid as the room's guid: `convene push` finds the room by it.
                        let guid = room.attribute("guid").flatMap { StableIdentifier.isUUID($0) ? $0.lowercased() : nil }
                        source.rooms.append(
                            .init(value: .init(room: .init(id: id, name: roomName, guid: guid), available: nil), origin: origin(room)))
                    }
                    guard var event = self.event(element, dayDate: dayDate, dayStart: dayStart, room: rooms[roomName] ?? "") else {
                        continue
                    }
                    for person in element.child("persons")?.children(named: "person") ?? [] {
                        let name = person.text.trimmingCharacters(in: .whitespacesAndNewlines)
                        let key = person.attribute("guid") ?? person.attribute("id").map { "id:\($0)" } ?? "name:\(name)"
                        if persons[key] == nil {
                            let id = personIDs.make(name, fallback: "person")
                            persons[key] = id
                            source.people.append(
                                .init(
                                    value: .init(person: .init(id: id, name: name.isEmpty ? nil : name), available: []),
                                    origin: origin(person)))
                        }
                        if let id = persons[key], !event.persons.contains(id) { event.persons.append(id) }
                    }
                    events.append(event)
                }
            }
        }
        join(events)
        if events.isEmpty { log.warning(ImportOrigin(file: file), "the schedule holds no events") }
    }

    private func event(_ element: XMLReader.Element, dayDate: Int?, dayStart: SourceTime?, room: String) -> Event? {
        let here = origin(element)
        let title = element.childText("title") ?? ""
        guard let durationText = element.childText("duration"), let minutes = Self.minutes(durationText) else {
            log.error(here, "the event \"\(title)\" needs a <duration> such as 00:30 or 01:30:00")
            return nil
        }
        guard minutes > 0 else {
            log.warning(here, "the event \"\(title)\" lasts 00:00 and is left out")
            return nil
        }
        var start: SourceTime?
        if let date = element.childText("date"), !date.isEmpty {
            start = SourceTime.parse(date)
        } else if let clock = element.childText("start"), let dayDate, let local = SourceTime.parse(SourceTime.date(dayDate) + "T" + clock)
        {
            // Before the day's own start time, the clock reads the next morning (a day that ends after midnight).
            let dayBegins = dayStart.map { $0.naive - $0.writtenDay * 86_400 } ?? 0
            let rolled = local.naive - local.writtenDay * 86_400 < dayBegins ? local.naive + 86_400 : local.naive
            start = SourceTime(naive: rolled, offset: dayStart?.offset)
        }
        guard let start else {
            log.error(here, "the event \"\(title)\" needs a <date> (2025-09-18T10:00:00+02:00), or a <start> inside a <day date=…>")
            return nil
        }
        let code = element.attribute("code").flatMap { $0.isEmpty ? nil : $0 }
        let id = element.attribute("id").flatMap { $0.isEmpty ? nil : $0 }
        let guid = element.attribute("guid").flatMap { $0.isEmpty ? nil : $0 }
        guard let key = code ?? id ?? guid else {
            log.error(here, "the event \"\(title)\" has no code, id or guid to name it by")
            return nil
        }
        let track = element.childText("track").flatMap { $0.isEmpty ? nil : $0 }
        let type = element.childText("type").flatMap { $0.isEmpty ? nil : $0 }
        return Event(
            element: element, key: key, guid: guid, title: title.isEmpty ? key : title, start: start, minutes: minutes, room: room,
            persons: [], track: track, type: type)
    }

    /// Joins the rooms of one session, names repeated codes `CODE-1`, `CODE-2` in time order, and
    /// adds the sessions and formats.
    private mutating func join(_ events: [Event]) {
        var groups: [[Event]] = []
        var groupOf: [String: Int] = [:]
        for event in events {
            let signature = "\(event.title)\u{0}\(event.start.naive)\u{0}\(event.minutes)\u{0}\(event.persons.joined(separator: ","))"
            if let g = groupOf[signature], !groups[g].contains(where: { $0.room == event.room }) {
                groups[g].append(event)
            } else {
                groupOf[signature] = groups.count
                groups.append([event])
            }
        }
        var count: [String: Int] = [:]
        for group in groups { count[group[0].key, default: 0] += 1 }
        var seen: [String: Int] = [:]
        var formatIDs = IdentifierMaker()
        var formats: [String: String] = [:]
        let ordered = groups.sorted {
            ($0[0].start.naive - ($0[0].start.offset ?? 0), $0[0].key) < ($1[0].start.naive - ($1[0].start.offset ?? 0), $1[0].key)
        }
        for group in ordered {
            let first = group[0]
            var id = first.key
            if (count[first.key] ?? 1) > 1 {
                seen[first.key, default: 0] += 1
                id = "\(first.key)-\(seen[first.key] ?? 1)"
            }
            var session = InputDocument.Session(id: id, title: first.title, facilitators: first.persons, duration: Double(first.minutes))
            if group.count > 1 { session.rooms = group.count }
            session.track = first.track
            if let text = first.element.childText("abstract"), !text.isEmpty { session.description = text }
            if let guid = first.guid, StableIdentifier.isUUID(guid) { session.guid = guid.lowercased() }
            if let type = first.type {
                if formats[type] == nil {
                    let formatID = formatIDs.make(type, fallback: "type")
                    formats[type] = formatID
                    source.formats.append(.init(value: .init(id: formatID, name: type), origin: origin(first.element)))
                }
                session.format = formats[type]
            }
            let placed = ImportedSource.Placed(start: first.start, rooms: group.map(\.room), origin: origin(first.element))
            let aliases = (count[first.key] ?? 1) > 1 ? [first.key, first.title] : []
            source.sessions.append(.init(value: .init(session: session, placed: [placed], aliases: aliases), origin: origin(first.element)))
        }
    }

    /// `00:30`, `1:30`, `01:30:00` → minutes (seconds rounded up).
    static func minutes(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        let values = fields.compactMap { Int($0) }.filter { $0 >= 0 }
        guard values.count == fields.count, values.count == 2 || values.count == 3 else { return nil }
        return values[0] * 60 + values[1] + (values.count == 3 && values[2] > 0 ? 1 : 0)
    }
}
