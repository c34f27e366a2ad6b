import Foundation

/// Checks the meaning of an ``InputDocument`` (versions, ids, references, times, ranges, cycles)
/// and resolves it into a ``Gathering``. Every problem is logged; none stops the others.
struct InputValidator {
    let document: InputDocument
    let log: ProblemLog
    private var zone = TimeZone(identifier: "UTC") ?? TimeZone.current
    private var timesReadable = true

    init(_ document: InputDocument, log: ProblemLog) {
        self.document = document
        self.log = log
    }

    mutating func validate() -> Gathering? {
        let root = JSONPath.root
        if document.convene != 1 {
            log.error(
                root / "convene", "unsupported format version \(document.convene); this Convene reads version 1: write \"convene\": 1")
        }
        if let name = document.event.timeZone {
            if let tz = TimeZone(identifier: name) {
                zone = tz
            } else {
                timesReadable = false
                log.error(
                    root / "event" / "timeZone",
                    "unknown time zone \"\(name)\"; use an IANA zone name such as \"America/New_York\" or \"Europe/Berlin\"")
            }
        }
        let slotIDs = ids(document.slots.map(\.id), "slots", "slot")
        let roomIDs = ids(document.rooms.map(\.id), "rooms", "room")
        let formatIDs = ids(document.formats.map(\.id), "formats", "format")
        let personIDs = ids(document.people.map(\.id), "people", "person")
        let sessionIDs = ids(document.sessions.map(\.id), "sessions", "session")
        _ = ids(document.attendees.map(\.id), "attendees", "attendee")

        let slots = resolveSlots()
        let rooms = document.rooms.enumerated().map { i, room in
            let path = root / "rooms" / i
            if let c = room.capacity, c < 0 {
                log.error(path / "capacity", "capacity is \(c); it must be 0 or more (omit it for no limit)")
            }
            return Room(
                id: room.id, index: i, name: room.name, capacity: room.capacity, tags: Set(room.tags),
                unavailable: windows(room.unavailable, at: path / "unavailable"), site: room.site ?? "", guid: room.guid?.lowercased())
        }
        let formats = document.formats.enumerated().map { i, format in
            let path = root / "formats" / i
            if let d = format.duration { checkDuration(d, at: path / "duration") }
            if let r = format.rooms { checkRooms(r, at: path / "rooms") }
            return Format(id: format.id, index: i, name: format.name)
        }
        let people = document.people.enumerated().map { i, person in
            let path = root / "people" / i
            if let most = person.maxPerDay, most < 1 {
                log.error(
                    path / "maxPerDay",
                    "must be a whole number of at least 1, not \(most): the most sessions this person facilitates on one day; "
                        + "omit it for no limit")
            }
            return Person(
                id: person.id, index: i, name: person.name,
                available: TimeWindow.merged(windows(person.available, at: path / "available")),
                unavailable: windows(person.unavailable, at: path / "unavailable"),
                preferred: TimeWindow.merged(windows(person.preferred, at: path / "preferred")), maxPerDay: person.maxPerDay)
        }
        var interested = Array(repeating: 0, count: document.sessions.count)
        var facilitated = [[Int]](repeating: [], count: document.people.count)
        for (s, session) in document.sessions.enumerated() {
            for id in session.facilitators { if let p = personIDs[id], !facilitated[p].contains(s) { facilitated[p].append(s) } }
        }
        var linked: [Int: Int] = [:]  // person → the attendee who is that person
        let attendees = document.attendees.enumerated().map { i, attendee in
            let path = root / "attendees" / i
            var interests = references(attendee.interests, to: sessionIDs, "session", at: path / "interests")
            var person: Int?
            if let id = attendee.person, let p = reference(id, to: personIDs, "person", at: path / "person") {
                if let other = linked[p] {
                    log.error(
                        path / "person",
                        "attendees[\(other)] already is person \"\(id)\"; one person is at most one attendee: remove one of the links")
                } else {
                    linked[p] = i
                    person = p
                    interests += facilitated[p].filter { !interests.contains($0) }
                }
            }
            for s in interests { interested[s] += 1 }
            return Attendee(
                id: attendee.id, index: i, interests: interests.map { document.sessions[$0].id }, interestIndices: interests,
                person: person.map { document.people[$0].id }, personIndex: person)
        }
        let sessions = Self.apartBothWays(
            document.sessions.enumerated().map { i, session in
                resolve(
                    session, index: i, at: root / "sessions" / i, interested: interested[i], formatIDs: formatIDs,
                    personIDs: personIDs, sessionIDs: sessionIDs, slotIDs: slotIDs, roomIDs: roomIDs)
            })
        checkAfterCycles(sessions)
        if let travel = document.event.travelMinutes, travel < 0 {
            log.error(
                root / "event" / "travelMinutes",
                "must be a whole number of minutes, 0 or more, not \(travel): the time a person needs between sessions at "
                    + "different sites")
        }
        checkGUIDs()
        let w = document.weights
        for (key, value) in [
            ("clash", w.clash), ("preference", w.preference), ("unscheduled", w.unscheduled),
            ("change", w.change), ("trackOverlap", w.trackOverlap), ("personPreference", w.personPreference),
            ("roomChange", w.roomChange ?? 0),
        ] where value < 0 {
            log.error(root / "weights" / key, "weight is \(value); weights must be whole numbers 0 or more")
        }
        guard !log.hasErrors else { return nil }
        var gathering = Gathering(
            name: document.event.name ?? "Gathering", timeZoneName: document.event.timeZone ?? "UTC", timeZone: zone, slots: slots,
            rooms: rooms, formats: formats,
            people: people, sessions: sessions, attendees: attendees, weights: w, warnings: [], document: document)
        gathering.travelMinutes = document.event.travelMinutes ?? 0
        return gathering
    }

    // MARK: Slots and times

    private mutating func resolveSlots() -> [Slot] {
        var slots: [(path: JSONPath, slot: Slot)] = []
        for (i, slot) in document.slots.enumerated() {
            let path = JSONPath.root / "slots" / i
            guard let window = window(start: slot.start, end: slot.end, at: path) else { continue }
            slots.append((path, Slot(id: slot.id, index: 0, window: window, tags: Set(slot.tags))))
        }
        slots.sort { ($0.slot.startSecond, $0.slot.endSecond) < ($1.slot.startSecond, $1.slot.endSecond) }
        // Sorted by start, a slot overlaps a later one exactly when it overlaps its successor
        // or an earlier slot's end reaches past the successor's start; compare with the latest end so far.
        var latest: (path: JSONPath, slot: Slot)?
        for entry in slots {
            if let previous = latest, previous.slot.window.overlaps(entry.slot.window) {
                log.error(
                    entry.path,
                    "slot \"\(entry.slot.id)\" (\(describe(entry.slot.window))) overlaps slot \"\(previous.slot.id)\" "
                        + "(\(describe(previous.slot.window))); slots are shared by all rooms and must not overlap: shorten one or merge "
                        + "them"
                )
            }
            if latest.map({ entry.slot.endSecond > $0.slot.endSecond }) ?? true { latest = entry }
        }
        return slots.enumerated().map { i, entry in
            var slot = entry.slot
            slot.index = i
            return slot
        }
    }

    private func describe(_ window: TimeWindow) -> String {
        "\(LocalTime.format(window.start, in: zone))–\(LocalTime.clock(window.end, in: zone))"
    }

    private func windows(_ windows: [InputDocument.Window], at path: JSONPath) -> [TimeWindow] {
        windows.enumerated().compactMap { i, w in window(start: w.start, end: w.end, at: path / i) }
    }

    private func window(start: String, end: String, at path: JSONPath) -> TimeWindow? {
        guard timesReadable else { return nil }
        let s = instant(start, at: path / "start")
        let e = instant(end, at: path / "end")
        guard let s, let e else { return nil }
        guard e > s else {
            log.error(path / "end", "ends at \(end), \(e == s ? "when" : "before") it starts (\(start)); the end must come after the start")
            return nil
        }
        return TimeWindow(start: s, end: e)
    }

    private func instant(_ text: String, at path: JSONPath) -> Int? {
        switch LocalTime.instant(text, in: zone) {
        case .success(let t): return t
        case .failure(.malformed):
            log.error(
                path,
                "cannot read the time \"\(text)\"; write YYYY-MM-DDTHH:MM (local to the event's time zone), optionally with :SS and an "
                    + "offset such as Z or +02:00, e.g. \"2019-09-19T09:00\""
            )
        case .failure(.nonexistent):
            log.error(
                path,
                "the local time \"\(text)\" does not exist in \(zone.identifier) (clocks spring forward over it); pick a time outside the "
                    + "skipped hour or give an explicit offset"
            )
        }
        return nil
    }

    // MARK: Sessions

    private func resolve(
        _ session: InputDocument.Session, index: Int, at path: JSONPath, interested: Int, formatIDs: [String: Int],
        personIDs: [String: Int], sessionIDs: [String: Int], slotIDs: [String: Int], roomIDs: [String: Int]
    ) -> Session {
        var format: InputDocument.Format?
        var formatIndex: Int?
        if let name = session.format {
            formatIndex = reference(name, to: formatIDs, "format", at: path / "format")
            format = formatIndex.map { document.formats[$0] }
        }
        var duration = session.duration ?? format?.duration ?? 0
        if let d = session.duration {
            checkDuration(d, at: path / "duration")
        } else if format?.duration == nil && (session.format == nil || formatIndex != nil) {
            log.error(path / "duration", "is missing: give the session a \"duration\" in minutes, or a \"format\" that has one")
        }
        if !(duration > 0) || !duration.isFinite { duration = 1 }
        let rooms = session.rooms ?? format?.rooms ?? 1
        if let r = session.rooms { checkRooms(r, at: path / "rooms") }
        if let a = session.attendance, a < 0 { log.error(path / "attendance", "attendance is \(a); it must be 0 or more") }
        if let p = session.priority, p < 1 { log.error(path / "priority", "priority is \(p); it must be a whole number 1 or more") }
        if let r = session.runs, r < 1 {
            log.error(path / "runs", "runs is \(r); a session takes place at least once, so write 1 or more (or leave it out for 1)")
        }
        if let s = session.seats, s >= 1, let runs = session.runs.map({ max(1, $0) }) ?? 1 as Int?,
            case let wanting = max(0, session.attendance ?? interested), wanting > s * runs
        {
            log.warning(
                path / "seats",
                "\(wanting) people want this session, but its \(runs == 1 ? "run seats" : "\(runs) runs seat") \(s * runs); add runs "
                    + "or seats if everyone should get one")
        }
        if let s = session.seats, s < 1 {
            log.error(path / "seats", "seats is \(s); a run seats at least 1 person, so write 1 or more (or leave it out for the rooms' capacity)")
        }
        if let w = session.prefer?.weight, w < 0 { log.error(path / "prefer" / "weight", "weight is \(w); it must be 0 or more") }
        let notConcurrent = references(session.notConcurrentWith, to: sessionIDs, "session", at: path / "notConcurrentWith")
        var pinSlot: Int?
        var pinRoom: Int?
        if let slot = session.pin?.slot { pinSlot = reference(slot, to: slotIDs, "slot", at: path / "pin" / "slot") }
        if let room = session.pin?.room { pinRoom = reference(room, to: roomIDs, "room", at: path / "pin" / "room") }
        let facilitators = references(session.facilitators, to: personIDs, "person", at: path / "facilitators")
        return Session(
            id: session.id, index: index, title: session.title, format: formatIndex.map { document.formats[$0].id },
            formatIndex: formatIndex, facilitators: facilitators.map { document.people[$0].id }, facilitatorIndices: facilitators,
            attendance: max(0, session.attendance ?? interested), durationMinutes: duration, rooms: max(1, rooms),
            exclusive: session.exclusive ?? format?.exclusive ?? false,
            roomTags: Set(session.roomTags + (format?.roomTags ?? [])), slotTags: Set(session.slotTags + (format?.slotTags ?? [])),
            track: session.track.flatMap { $0.isEmpty ? nil : $0 },
            after: references(session.after, to: sessionIDs, "session", at: path / "after"),
            notConcurrentWith: notConcurrent.filter { $0 != index }, pinSlot: pinSlot, pinRoom: pinRoom,
            preferredSlotTags: Set(session.prefer?.slotTags ?? []), preferenceWeight: max(0, session.prefer?.weight ?? 1),
            optional: session.optional, priority: max(1, session.priority ?? 1), guid: session.guid?.lowercased(),
            runs: max(1, session.runs ?? 1), seats: session.seats.map { max(1, $0) }, description: session.description)
    }

    /// Rule 8 binds two sessions whichever of them names the other: each session's
    /// `notConcurrentWith` becomes the sessions on either side, sorted, so that every rule and
    /// solver reads the relation as it is, symmetric, without closing it again.
    private static func apartBothWays(_ sessions: [Session]) -> [Session] {
        var apart = sessions.map { Set($0.notConcurrentWith) }
        for session in sessions { for other in session.notConcurrentWith { apart[other].insert(session.index) } }
        var result = sessions
        for s in result.indices { result[s].notConcurrentWith = apart[s].sorted() }
        return result
    }

    /// A `guid` is a UUID that names one session (or one room) only: the frab formats write it back,
    /// and `convene push` finds a pretalx room by it.
    private func checkGUIDs() {
        check(document.sessions.map { ($0.id, $0.guid) }, list: "sessions", what: "session")
        check(document.rooms.map { ($0.id, $0.guid) }, list: "rooms", what: "room")
        func check(_ items: [(id: String, guid: String?)], list: String, what: String) {
            var first: [String: Int] = [:]
            for (i, item) in items.enumerated() {
                guard let guid = item.guid else { continue }
                let path = JSONPath.root / list / i / "guid"
                guard StableIdentifier.isUUID(guid) else {
                    log.error(
                        path,
                        "\"\(guid)\" is not a UUID; write 8-4-4-4-12 hexadecimal digits, such as \"7339cde5-b135-51f2-a9db-67a2d930fc22\"")
                    continue
                }
                if let earlier = first[guid.lowercased()] {
                    log.error(path, "\(what) \"\(items[earlier].id)\" has the same guid; a guid names one \(what) only")
                } else {
                    first[guid.lowercased()] = i
                }
            }
        }
    }

    private func checkDuration(_ minutes: Double, at path: JSONPath) {
        if !(minutes > 0) || !minutes.isFinite {
            log.error(path, "duration is \(JSONValue.format(minutes)); it must be a number of minutes greater than 0")
        }
    }

    private func checkRooms(_ rooms: Int, at path: JSONPath) {
        if rooms < 1 {
            log.error(path, "rooms is \(rooms); a session uses at least 1 room")
        } else if rooms > document.rooms.count {
            log.error(path, "asks for \(rooms) rooms at once, but the input has only \(document.rooms.count); add rooms or ask for fewer")
        }
    }

    /// `after` must not form a cycle: reported once per cycle, at the `after` entry that closes it.
    private func checkAfterCycles(_ sessions: [Session]) {
        var state = Array(repeating: 0, count: sessions.count)  // 0 new, 1 on the stack, 2 done
        var stack: [Int] = []
        func visit(_ s: Int) {
            state[s] = 1
            stack.append(s)
            for (k, b) in sessions[s].after.enumerated() {
                if state[b] == 1 {
                    let cycle = stack[(stack.lastIndex(of: b) ?? 0)...].map { "\"\(sessions[$0].id)\"" }
                    let entry = document.sessions[s].after.firstIndex(of: sessions[b].id) ?? k
                    let path = JSONPath.root / "sessions" / s / "after" / entry
                    if b == s {
                        log.error(
                            path,
                            "session \"\(sessions[s].id)\" names itself in \"after\"; it cannot start after its own end: remove this entry")
                    } else {
                        log.error(
                            path,
                            "\"after\" forms a cycle: \((cycle + ["\"\(sessions[b].id)\""]).joined(separator: " → ")), so none of them "
                                + "could go first; remove one of these \"after\" entries"
                        )
                    }
                } else if state[b] == 0 {
                    visit(b)
                }
            }
            stack.removeLast()
            state[s] = 2
        }
        for s in sessions.indices where state[s] == 0 { visit(s) }
    }

    // MARK: Ids and references

    /// The index of each id (first occurrence); empty and repeated ids are reported.
    private func ids(_ ids: [String], _ list: String, _ what: String) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            let path = JSONPath.root / list / i / "id"
            if id.isEmpty {
                log.error(path, "the \(what) id is empty; give every \(what) a short unique id")
            } else if let first = index[id] {
                log.error(path, "duplicate id \"\(id)\": \(list)[\(first)] already uses it; give each \(what) its own id")
            } else {
                index[id] = i
            }
        }
        return index
    }

    private func reference(_ id: String, to ids: [String: Int], _ what: String, at path: JSONPath) -> Int? {
        if let i = ids[id] { return i }
        var message = "no \(what) has the id \"\(id)\""
        if let near = ObjectReader.nearest(to: id, among: ids.keys.sorted()) {
            message += "; did you mean \"\(near)\"?"
        } else {
            message += "; add that \(what) or correct the reference"
        }
        log.error(path, message)
        return nil
    }

    /// Resolved references, each once, in the order first written.
    private func references(_ ids: [String], to index: [String: Int], _ what: String, at path: JSONPath) -> [Int] {
        var result: [Int] = []
        for (k, id) in ids.enumerated() {
            if let i = reference(id, to: index, what, at: path / k), !result.contains(i) { result.append(i) }
        }
        return result
    }
}
