import ConveneCore

/// Reads files saved from pretalx's REST API (`/api/events/SLUG/…`): submissions or talks,
/// speakers, rooms, and where they are given, submission types, tracks, slots and the event itself.
///
/// A file may be one page (`count`, `next`, `results`), a plain list, or one object; several pages
/// are several files, in any order. Both shapes pretalx has served are read: speakers, rooms,
/// tracks and types as nested objects (the legacy API, or `?expand=`), or as codes and ids whose
/// objects are in the other files (API v1). Multilingual texts are read in English, else in their
/// first language. What each file holds is told from its records' keys.
struct PretalxReader {
    enum Kind: String, CaseIterable {
        case submissions, speakers, rooms, slots, event, tracks
        case types = "submission types"
    }

    struct Record {
        var value: JSONValue
        var origin: ImportOrigin
    }

    /// Submissions in these states are on the programme.
    static let scheduledStates: Set<String> = ["confirmed", "accepted"]

    let log: ImportLog
    private var records: [Kind: [Record]] = [:]
    private var source: ImportedSource
    private var roomIDs = IdentifierMaker()
    /// pretalx room id (or name, for rooms known only by name) → Convene room id.
    private var roomByKey: [String: String] = [:]
    private var formatByKey: [String: String] = [:]
    private var formatIDs = IdentifierMaker()
    private var trackNames: [String: String] = [:]
    private var typeRecords: [String: Record] = [:]
    private var speakerRecords: [String: Record] = [:]
    private var slotRecords: [String: Record] = [:]
    /// Slot records by the code of their submission (API v1 slots name it; a break names none).
    private var slotsBySubmission: [String: [Record]] = [:]

    /// Reads every file; nil when none of them could be read.
    static func read(_ files: [ImportFile], log: ImportLog) -> ImportedSource? {
        var reader = PretalxReader(log: log, file: files.first?.name ?? "pretalx")
        for file in files {
            guard let value = SourceJSON.parse(file, log: log) else { continue }
            reader.classify(value, file: file.name)
        }
        guard !reader.records.isEmpty else { return nil }
        reader.readEvent()
        reader.readLookups()
        reader.readRooms()
        reader.readSubmissions()
        return reader.source
    }

    private init(log: ImportLog, file: String) {
        self.log = log
        source = ImportedSource(tool: "pretalx", file: file)
    }

    // MARK: What each file holds

    static func kind(of value: JSONValue) -> Kind? {
        func has(_ key: String) -> Bool { SourceJSON.has(value, key) }
        if has("submission") && has("start") { return .slots }
        if has("date_from") || (has("timezone") && has("slug")) { return .event }
        if has("default_duration") { return .types }
        if has("code") && (has("state") || has("submission_type") || has("slot_count") || has("title")) { return .submissions }
        if has("code") && has("name") { return .speakers }
        if has("id") && has("name") && (has("capacity") || has("guid") || has("uuid") || has("availabilities") || has("hidden")) {
            return .rooms
        }
        if has("id") && has("name") && (has("color") || has("position")) { return .tracks }
        return nil
    }

    private mutating func classify(_ value: JSONValue, file: String) {
        for (record, path) in SourceJSON.records(value) {
            let origin = ImportOrigin(file: file, place: .json(path))
            guard let kind = Self.kind(of: record) else {
                if let detail = SourceJSON.text(record, "detail") {
                    log.error(origin, "pretalx answered \"\(detail)\" instead of data; save the export again with an API token")
                } else if case .object(let members) = record {
                    let keys = members.map(\.key)
                    log.error(
                        origin,
                        "cannot tell which pretalx export this is (submissions, talks, speakers, rooms, submission types, tracks, slots "
                            + "or the event): it has the keys \(keys.prefix(8).joined(separator: ", "))")
                } else {
                    log.error(origin, "expected a pretalx record (an object in braces), found \(record.kindDescription)")
                }
                continue
            }
            records[kind, default: []].append(Record(value: record, origin: origin))
        }
    }

    // MARK: Event, types, tracks, speakers, slots

    private mutating func readEvent() {
        guard let event = records[.event]?.first else { return }
        source.eventName = SourceJSON.text(event.value, "name")
        source.eventOrigin = event.origin
        source.timeZone = SourceJSON.text(event.value, "timezone")
        if let from = SourceJSON.text(event.value, "date_from").flatMap(SourceTime.day),
            let to = SourceJSON.text(event.value, "date_to").flatMap(SourceTime.day), from <= to
        {
            source.days = from...to
        }
    }

    private mutating func readLookups() {
        for record in records[.types] ?? [] {
            if let id = SourceJSON.identifier(SourceJSON.member(record.value, "id")) { typeRecords[id] = record }
        }
        for record in records[.tracks] ?? [] {
            if let id = SourceJSON.identifier(SourceJSON.member(record.value, "id")), let name = SourceJSON.text(record.value, "name") {
                trackNames[id] = name
            }
        }
        for record in records[.speakers] ?? [] {
            if let code = SourceJSON.identifier(SourceJSON.member(record.value, "code")), speakerRecords[code] == nil {
                speakerRecords[code] = record
            }
        }
        var schedules: [String: ImportOrigin] = [:]
        for record in records[.slots] ?? [] {
            if let id = SourceJSON.identifier(SourceJSON.member(record.value, "id")) { slotRecords[id] = record }
            if let code = SourceJSON.identifier(SourceJSON.member(record.value, "submission")) {
                slotsBySubmission[code, default: []].append(record)
            }
            if let schedule = SourceJSON.identifier(SourceJSON.member(record.value, "schedule")), schedules[schedule] == nil {
                schedules[schedule] = record.origin
            }
        }
        if schedules.count > 1, let first = records[.slots]?.first {
            let ids = schedules.keys.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
            log.error(
                ImportOrigin(file: first.origin.file),
                "the slots come from \(ids.count) schedules (ids \(ids.joined(separator: ", "))), so each talk would be placed once per "
                    + "schedule; save the slots of one: /slots/?schedule=ID (the work-in-progress schedule's id is in /schedules/)")
        }
    }

    // MARK: Rooms

    private mutating func readRooms() {
        var hidden = 0
        for record in records[.rooms] ?? [] {
            if SourceJSON.bool(SourceJSON.member(record.value, "hidden")) == true {
                hidden += 1
                continue
            }
            _ = defineRoom(record.value, origin: record.origin)
        }
        if hidden > 0, let first = records[.rooms]?.first {
            log.warning(
                ImportOrigin(file: first.origin.file),
                "\(hidden) hidden room\(hidden == 1 ? " is" : "s are") left out (pretalx hides them from the schedule)")
        }
    }

    /// Adds a room object (from the rooms export, or nested in a slot) unless it is known; returns its id.
    private mutating func defineRoom(_ value: JSONValue, origin: ImportOrigin) -> String? {
        let pretalxID = SourceJSON.identifier(SourceJSON.member(value, "id"))
        if let pretalxID, let known = roomByKey["id:" + pretalxID] { return known }
        let name = SourceJSON.text(value, "name")
        if let name, let known = roomByKey["name:" + name] { return known }
        guard name != nil || pretalxID != nil else {
            log.error(origin, "a room needs a \"name\" or an \"id\"")
            return nil
        }
        let id = roomIDs.make(name ?? "", fallback: "room-\(pretalxID ?? "")")
        var room = InputDocument.Room(id: id, name: name)
        // The room's uuid (its guid when set) survives renames: `convene push` finds the room by it.
        room.guid = [SourceJSON.text(value, "uuid"), SourceJSON.text(value, "guid")].lazy.compactMap { $0 }
            .first(where: StableIdentifier.isUUID)?.lowercased()
        if let capacity = SourceJSON.member(value, "capacity") {
            if let c = SourceJSON.integer(capacity), c >= 0 {
                room.capacity = c
            } else {
                log.error(origin.appending("capacity"), "expected a whole number of seats, found \(capacity.excerpt)")
            }
        }
        var available: [ImportedSource.Window]?
        let windows = SourceJSON.list(value, "availabilities")
        if !windows.isEmpty { available = self.windows(windows, at: origin.appending("availabilities")) }
        source.rooms.append(.init(value: .init(room: room, available: available), origin: origin))
        if let pretalxID { roomByKey["id:" + pretalxID] = id }
        if let name { roomByKey["name:" + name] = id }
        return id
    }

    /// The room a slot names: a pretalx id (from the rooms export), a name, or a nested object.
    private mutating func room(_ value: JSONValue, at origin: ImportOrigin) -> String? {
        if case .object = value, SourceJSON.has(value, "name") || SourceJSON.has(value, "id") {
            return defineRoom(value, origin: origin)
        }
        if case .number = value, let id = SourceJSON.identifier(value) {
            if let known = roomByKey["id:" + id] { return known }
            log.error(origin, "no file defines the room \(id); add pretalx's /rooms/ export to --pretalx")
            return nil
        }
        guard let name = SourceJSON.text(value) else {
            log.error(origin, "expected a room (its id, its name or the room object), found \(value.excerpt)")
            return nil
        }
        if let known = roomByKey["name:" + name] ?? roomByKey["id:" + name] { return known }
        return defineRoom(.object([.init(key: "name", value: .string(name))]), origin: origin)
    }

    private func windows(_ values: [JSONValue], at origin: ImportOrigin) -> [ImportedSource.Window] {
        values.enumerated().compactMap { i, value in
            let here = origin.appending(i)
            guard let startText = SourceJSON.text(value, "start"), let endText = SourceJSON.text(value, "end") else {
                log.error(here, "an availability needs \"start\" and \"end\"")
                return nil
            }
            guard let start = SourceTime.parse(startText) else {
                log.error(here.appending("start"), "cannot read the time \"\(startText)\"; pretalx writes 2025-09-18T09:00:00+02:00")
                return nil
            }
            guard let end = SourceTime.parse(endText) else {
                log.error(here.appending("end"), "cannot read the time \"\(endText)\"; pretalx writes 2025-09-18T18:00:00+02:00")
                return nil
            }
            return ImportedSource.Window(start: start, end: end, origin: here)
        }
    }

    // MARK: Submissions

    private mutating func readSubmissions() {
        var skipped: [String: Int] = [:]
        var people: [String: Int] = [:]
        var nested: [String: Record] = [:]
        let submissions = records[.submissions] ?? []
        for record in submissions {
            for (k, speaker) in SourceJSON.list(record.value, "speakers").enumerated() {
                if case .object = speaker, let code = SourceJSON.identifier(SourceJSON.member(speaker, "code")), nested[code] == nil {
                    nested[code] = Record(value: speaker, origin: record.origin.appending("speakers").appending(k))
                }
            }
        }
        var seen = Set<String>()
        for record in submissions {
            let state = SourceJSON.text(record.value, "state")?.lowercased()
            if let state, !Self.scheduledStates.contains(state) {
                skipped[state, default: 0] += 1
                continue
            }
            guard let code = SourceJSON.identifier(SourceJSON.member(record.value, "code")) else {
                log.error(record.origin.appending("code"), "is missing: every submission has a code, such as \"ABCDEF\"")
                continue
            }
            guard seen.insert(code).inserted else {
                log.warning(record.origin, "the submission \(code) appears again (two pages overlap?); the first is kept")
                continue
            }
            var facilitators: [String] = []
            if let speakers = SourceJSON.member(record.value, "speakers"), !speakers.isArray {
                log.error(record.origin.appending("speakers"), "expected a list of speaker codes or objects, found \(speakers.excerpt)")
            }
            for (k, speaker) in SourceJSON.list(record.value, "speakers").enumerated() {
                let here = record.origin.appending("speakers").appending(k)
                guard let code = speakerCode(speaker, at: here, nested: nested) else { continue }
                if people[code] == nil {
                    people[code] = source.people.count
                    source.people.append(person(code, nested: nested))
                }
                facilitators.append(code)
            }
            submission(record, code: code, facilitators: facilitators)
        }
        if !skipped.isEmpty, let first = submissions.first {
            let states = skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key)" }
            log.warning(
                ImportOrigin(file: first.origin.file),
                "\(skipped.values.reduce(0, +)) submissions are not on the programme and are left out (\(states.joined(separator: ", "))); "
                    + "only confirmed and accepted ones become sessions")
        }
        let unavailable = source.people.filter { $0.value.available.isEmpty }.map(\.value.person.id)
        if !unavailable.isEmpty, let first = submissions.first {
            log.warning(
                ImportOrigin(file: (records[.speakers]?.first ?? first).origin.file),
                "\(unavailable.count) of \(source.people.count) speakers give no availabilities and are taken as available throughout"
                    + " (\(unavailable.prefix(5).joined(separator: ", "))\(unavailable.count > 5 ? ", …" : ""))")
        }
    }

    private func speakerCode(_ value: JSONValue, at origin: ImportOrigin, nested: [String: Record]) -> String? {
        if case .object = value {
            guard let code = SourceJSON.identifier(SourceJSON.member(value, "code")) else {
                log.error(origin.appending("code"), "is missing: every speaker has a code")
                return nil
            }
            return code
        }
        guard let code = SourceJSON.identifier(value) else {
            log.error(origin, "expected a speaker code or a speaker object, found \(value.excerpt)")
            return nil
        }
        guard speakerRecords[code] != nil || nested[code] != nil else {
            var message = "no file defines the speaker \"\(code)\"; add pretalx's /speakers/ export (every page of it) to --pretalx"
            if let near = ObjectReader.nearest(to: code, among: Array(speakerRecords.keys).sorted()) {
                message += " (did you mean \"\(near)\"?)"
            }
            log.error(origin, message)
            return nil
        }
        return code
    }

    private func person(_ code: String, nested: [String: Record]) -> ImportedSource.Item<ImportedSource.Person> {
        let record = speakerRecords[code] ?? nested[code]
        let origin = record?.origin ?? ImportOrigin(file: "")
        let value = record?.value ?? .null
        let available = windows(SourceJSON.list(value, "availabilities"), at: origin.appending("availabilities"))
        let person = InputDocument.Person(id: code, name: SourceJSON.text(value, "name"))
        return .init(value: .init(person: person, available: available), origin: origin)
    }

    private mutating func submission(_ record: Record, code: String, facilitators: [String]) {
        let value = record.value
        let title = SourceJSON.text(value, "title") ?? code
        var base = InputDocument.Session(id: code, title: title, facilitators: facilitators)
        if let type = SourceJSON.member(value, "submission_type") {
            base.format = format(type, at: record.origin.appending("submission_type"))
        }
        if let track = SourceJSON.member(value, "track") {
            if case .number = track, let id = SourceJSON.identifier(track) {
                if let name = trackNames[id] {
                    base.track = name
                } else {
                    log.error(
                        record.origin.appending("track"), "no file defines the track \(id); add pretalx's /tracks/ export to --pretalx")
                }
            } else {
                base.track = SourceJSON.text(track, "name") ?? SourceJSON.text(track)
            }
        }
        if let duration = SourceJSON.member(value, "duration") {
            if let minutes = SourceJSON.number(duration), minutes > 0 {
                base.duration = minutes
            } else {
                log.error(record.origin.appending("duration"), "expected a number of minutes above 0, found \(duration.excerpt)")
            }
        }
        var count = 1
        if let slots = SourceJSON.member(value, "slot_count") {
            if let n = SourceJSON.integer(slots), n >= 1 {
                count = n
            } else {
                log.error(record.origin.appending("slot_count"), "expected a whole number of 1 or more, found \(slots.excerpt)")
            }
        }
        let placed = placements(value, code: code, at: record.origin).sorted {
            $0.start.naive - ($0.start.offset ?? 0) < $1.start.naive - ($1.start.offset ?? 0)
        }
        if placed.count > count {
            log.warning(
                record.origin.appending("slots"),
                "the submission \(code) is scheduled \(placed.count) times but has slot_count \(count); the first \(count) are kept")
        }
        // One session that takes place `slot_count` times: interest in it is one interest, and its
        // runs are the submission's slots in time order.
        var session = base
        if count > 1 { session.runs = count }
        if let abstract = SourceJSON.text(value, "abstract"), !abstract.isEmpty { session.description = abstract }
        let imported = ImportedSource.Session(session: session, placed: Array(placed.prefix(count)))
        source.sessions.append(.init(value: imported, origin: record.origin))
    }

    /// The format of a submission type given by id, by name, or as an object; created once.
    private mutating func format(_ value: JSONValue, at origin: ImportOrigin) -> String? {
        var name: String?
        var duration: Double?
        var key: String
        if case .number = value, let id = SourceJSON.identifier(value) {
            guard let record = typeRecords[id] else {
                log.error(origin, "no file defines the submission type \(id); add pretalx's /submission-types/ export to --pretalx")
                return nil
            }
            key = "id:" + id
            name = SourceJSON.text(record.value, "name")
            duration = SourceJSON.number(SourceJSON.member(record.value, "default_duration"))
        } else if case .object = value, SourceJSON.has(value, "name") || SourceJSON.has(value, "id") {
            name = SourceJSON.text(value, "name")
            duration = SourceJSON.number(SourceJSON.member(value, "default_duration"))
            key = SourceJSON.identifier(SourceJSON.member(value, "id")).map { "id:" + $0 } ?? "name:" + (name ?? "")
        } else {
            name = SourceJSON.text(value)
            key = "name:" + (name ?? "")
        }
        if let known = formatByKey[key] { return known }
        let id = formatIDs.make(name ?? "", fallback: "type")
        formatByKey[key] = id
        source.formats.append(
            .init(value: InputDocument.Format(id: id, name: name, duration: duration.flatMap { $0 > 0 ? $0 : nil }), origin: origin))
        return id
    }

    /// The submission's scheduled slots: the legacy `slot` object, `slots` as objects or ids, and
    /// the slot records that name the submission. Slot records, when there are any, are one
    /// schedule's slots (the work-in-progress one from the live API): a submission's own `slots`
    /// ids name the released schedule's, which need not be among them.
    private mutating func placements(_ value: JSONValue, code: String, at origin: ImportOrigin) -> [ImportedSource.Placed] {
        var found: [(JSONValue, ImportOrigin)] = []
        var ids = Set<String>()
        func add(_ slot: JSONValue, _ here: ImportOrigin) {
            if let id = SourceJSON.identifier(SourceJSON.member(slot, "id")), !ids.insert(id).inserted { return }
            found.append((slot, here))
        }
        if let slot = SourceJSON.member(value, "slot") { add(slot, origin.appending("slot")) }
        var unresolved = 0
        for (k, slot) in SourceJSON.list(value, "slots").enumerated() {
            if case .object = slot {
                add(slot, origin.appending("slots").appending(k))
            } else if let id = SourceJSON.identifier(slot), let record = slotRecords[id] {
                add(record.value, record.origin)
            } else {
                unresolved += 1
            }
        }
        for record in slotsBySubmission[code] ?? [] { add(record.value, record.origin) }
        if unresolved > 0, slotRecords.isEmpty {
            log.warning(
                origin.appending("slots"),
                "the schedule's slots are named by id only; add pretalx's /slots/ export to --pretalx to keep the existing schedule")
        }
        // A slot is placed when it has a room and a start; pretalx may keep a stale end on an unplaced one.
        return found.compactMap { slot, here in
            guard let startText = SourceJSON.text(slot, "start"), let roomValue = SourceJSON.member(slot, "room") else { return nil }
            guard let start = SourceTime.parse(startText) else {
                log.error(
                    here.appending("start"), "cannot read the slot's start \"\(startText)\"; pretalx writes 2025-09-18T10:00:00+02:00")
                return nil
            }
            guard let room = room(roomValue, at: here.appending("room")) else { return nil }
            return ImportedSource.Placed(start: start, rooms: [room], origin: here)
        }
    }
}
