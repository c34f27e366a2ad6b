import ConveneCore
import Foundation

/// Reads Sessionize's "All" JSON view (`sessions`, `speakers`, `rooms`, `categories`).
///
/// Service sessions (registration, breaks) with times become exclusive sessions pinned where they
/// are; plenum sessions become exclusive. With `trackGroup`, the items of that category group
/// become tracks; a group called "Session format" or "Format" gives the formats, and a number of
/// minutes in an item's name ("Lightning talk (10 min)") its default duration. Times already set
/// become the previous agenda. Sessionize writes times local to the event, without an offset.
struct SessionizeReader {
    let log: ImportLog
    let file: String
    private var source: ImportedSource

    static func read(_ file: ImportFile, trackGroup: String?, log: ImportLog) -> ImportedSource? {
        guard let root = SourceJSON.parse(file, log: log) else { return nil }
        guard case .object = root, SourceJSON.has(root, "sessions") else {
            log.error(
                ImportOrigin(file: file.name),
                "this is not Sessionize's \"All\" view: it has no \"sessions\"; save the API's All JSON (…/view/All)")
            return nil
        }
        var reader = SessionizeReader(log: log, file: file.name)
        reader.read(root, trackGroup: trackGroup)
        return reader.source
    }

    private init(log: ImportLog, file: String) {
        self.log = log
        self.file = file
        source = ImportedSource(tool: "Sessionize", file: file)
    }

    private func origin(_ path: JSONPath) -> ImportOrigin { ImportOrigin(file: file, place: .json(path)) }

    private mutating func read(_ root: JSONValue, trackGroup: String?) {
        // Categories: item id → (group title, item name).
        var items: [String: (group: String, name: String)] = [:]
        var groups: [String] = []
        for category in SourceJSON.list(root, "categories") {
            let title = SourceJSON.text(category, "title") ?? ""
            groups.append(title)
            for item in SourceJSON.list(category, "items") {
                if let id = SourceJSON.identifier(SourceJSON.member(item, "id")), let name = SourceJSON.text(item, "name") {
                    items[id] = (title, name)
                }
            }
        }
        if let trackGroup, !groups.contains(where: { $0.lowercased() == trackGroup.lowercased() }) {
            var message = "no category group is called \"\(trackGroup)\" (--sessionize-track); the groups are "
            message += groups.isEmpty ? "none" : groups.map { "\"\($0)\"" }.joined(separator: ", ")
            if let near = ObjectReader.nearest(to: trackGroup, among: groups) { message += "; did you mean \"\(near)\"?" }
            log.error(origin(.root / "categories"), message)
        }
        let formatGroup = groups.first { ["session format", "format", "session type"].contains($0.lowercased()) }

        var roomIDs = IdentifierMaker()
        var roomTable: [String: String] = [:]
        for (k, room) in SourceJSON.list(root, "rooms").enumerated() {
            guard let key = SourceJSON.identifier(SourceJSON.member(room, "id")) else { continue }
            let name = SourceJSON.text(room, "name")
            let id = roomIDs.make(name ?? "", fallback: "room-\(key)")
            roomTable[key] = id
            source.rooms.append(.init(value: .init(room: .init(id: id, name: name), available: nil), origin: origin(.root / "rooms" / k)))
        }

        var speakers: [String: (name: String?, origin: ImportOrigin)] = [:]
        for (k, speaker) in SourceJSON.list(root, "speakers").enumerated() {
            guard let id = SourceJSON.identifier(SourceJSON.member(speaker, "id")) else { continue }
            let full =
                SourceJSON.text(speaker, "fullName")
                ?? [SourceJSON.text(speaker, "firstName"), SourceJSON.text(speaker, "lastName")].compactMap { $0 }.joined(separator: " ")
            speakers[id] = (full.isEmpty ? nil : full, origin(.root / "speakers" / k))
        }

        var formatIDs = IdentifierMaker()
        var formats: [String: String] = [:]
        var people = Set<String>()
        var skipped: [String: Int] = [:]
        var untimedService = 0
        for (k, value) in SourceJSON.list(root, "sessions").enumerated() {
            let path = JSONPath.root / "sessions" / k
            guard let id = SourceJSON.identifier(SourceJSON.member(value, "id")) else {
                log.error(origin(path / "id"), "is missing: every Sessionize session has an id")
                continue
            }
            if let status = SourceJSON.text(value, "status"), !["accepted", "confirmed"].contains(status.lowercased()) {
                skipped[status, default: 0] += 1
                continue
            }
            let service = SourceJSON.bool(SourceJSON.member(value, "isServiceSession")) ?? false
            let plenum = SourceJSON.bool(SourceJSON.member(value, "isPlenumSession")) ?? false
            var start: SourceTime?
            var end: SourceTime?
            for (key, target) in [("startsAt", 0), ("endsAt", 1)] {
                guard let text = SourceJSON.text(value, key) else { continue }
                guard let time = SourceTime.parse(text) else {
                    log.error(origin(path / key), "cannot read the time \"\(text)\"; Sessionize writes 2025-06-12T09:00:00")
                    continue
                }
                if target == 0 { start = time } else { end = time }
            }
            if service && start == nil {
                untimedService += 1
                continue
            }
            var session = InputDocument.Session(id: id, title: SourceJSON.text(value, "title") ?? id)
            if let text = SourceJSON.text(value, "description"), !text.isEmpty { session.description = text }
            if plenum || (service && start != nil) { session.exclusive = true }
            for (j, speaker) in SourceJSON.list(value, "speakers").enumerated() {
                let speakerID = SourceJSON.identifier(SourceJSON.member(speaker, "id")) ?? SourceJSON.identifier(speaker)
                guard let speakerID else {
                    log.error(origin(path / "speakers" / j), "expected a speaker's id, found \(speaker.excerpt)")
                    continue
                }
                guard let known = speakers[speakerID] ?? inline(speaker) else {
                    var message = "no speaker in the file has the id \"\(speakerID)\""
                    if let near = ObjectReader.nearest(to: speakerID, among: Array(speakers.keys).sorted()) {
                        message += "; did you mean \"\(near)\"?"
                    }
                    log.error(origin(path / "speakers" / j), message)
                    continue
                }
                if people.insert(speakerID).inserted {
                    source.people.append(
                        .init(value: .init(person: .init(id: speakerID, name: known.name), available: []), origin: known.origin))
                }
                session.facilitators.append(speakerID)
            }
            for item in SourceJSON.list(value, "categoryItems").compactMap({ SourceJSON.identifier($0) }) {
                guard let (group, name) = items[item] else { continue }
                if let trackGroup, group.lowercased() == trackGroup.lowercased(), session.track == nil { session.track = name }
                if group == formatGroup, session.format == nil {
                    if formats[name] == nil {
                        let formatID = formatIDs.make(name, fallback: "format")
                        formats[name] = formatID
                        source.formats.append(
                            .init(
                                value: .init(id: formatID, name: name, duration: Self.minutes(in: name)),
                                origin: origin(.root / "categories")))
                    }
                    session.format = formats[name]
                }
            }
            var rooms: [String] = []
            if let roomKey = SourceJSON.identifier(SourceJSON.member(value, "roomId")) {
                if let room = roomTable[roomKey] {
                    rooms = [room]
                } else {
                    log.error(origin(path / "roomId"), "no room in the file has the id \(roomKey)")
                }
            }
            var imported = ImportedSource.Session(session: session)
            if let start, let end {
                if end.naive > start.naive {
                    session.duration = Double(end.naive - start.naive) / 60
                    imported.session = session
                }
                if !rooms.isEmpty {
                    imported.placed = [ImportedSource.Placed(start: start, rooms: rooms, origin: origin(path / "startsAt"))]
                }
                if service {
                    imported.pinStart = start
                    imported.session.pin = InputDocument.Pin(room: rooms.first)
                }
            }
            source.sessions.append(.init(value: imported, origin: origin(path)))
        }
        if !skipped.isEmpty {
            let list = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            log.warning(origin(.root / "sessions"), "sessions not accepted are left out (\(list))")
        }
        if untimedService > 0 {
            log.warning(origin(.root / "sessions"), "\(untimedService) service sessions without times are left out: they hold no place yet")
        }
        if !source.people.isEmpty {
            log.warning(
                origin(.root / "speakers"),
                "Sessionize has no speaker availabilities: all \(source.people.count) speakers are taken as available throughout")
        }
    }

    /// A speaker written inline (`{"id": …, "name": …}`, as older views do).
    private func inline(_ speaker: JSONValue) -> (name: String?, origin: ImportOrigin)? {
        guard case .object = speaker, let name = SourceJSON.text(speaker, "name") else { return nil }
        return (name, ImportOrigin(file: file))
    }

    /// `Lightning talk (10 min)` → 10; `Workshop – 2 hours` → 120; nil when the name gives no length.
    static func minutes(in name: String) -> Double? {
        let words = name.lowercased().replacingOccurrences(of: "(", with: " ").replacingOccurrences(of: ")", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" || $0 == "," }).map(String.init)
        for (i, word) in words.enumerated() {
            var number = word
            var unit = i + 1 < words.count ? words[i + 1] : ""
            if let split = word.firstIndex(where: { !$0.isNumber }), split != word.startIndex {
                number = String(word[..<split])
                unit = String(word[split...])
            }
            guard let n = Double(number), n > 0 else { continue }
            if unit.hasPrefix("min") || unit == "m" || unit == "'" { return n }
            if unit.hasPrefix("h") { return n * 60 }
        }
        return nil
    }
}
