import ConveneCore
import Foundation

/// The document an import builds: the frame first, then each source's rooms, formats, people and
/// sessions, then the slots (the frame's, or a derived grid), then attendees from the surveys.
/// It remembers where every imported item came from, so that a problem found when the whole
/// document is validated is reported at its place in the source file.
struct ImportAssembly {
    /// Who holds an id: the frame (at an index of its list) or a source.
    private enum Owner {
        case frame(Int)
        case source(ImportOrigin, tool: Int)
    }

    private struct Placement {
        var session: String
        /// Which run of the session, 1-based.
        var run: Int
        var start: Int
        var rooms: [String]
        var origin: ImportOrigin
    }

    private(set) var document: InputDocument
    /// Another name → the sessions it stands for (a multi-part talk's code and title).
    private(set) var aliases: [String: [String]] = [:]
    private let frameName: String?
    private let log: ImportLog
    private var zone = TimeZone(identifier: "UTC") ?? TimeZone.current
    private var origins: [String: [Int: ImportOrigin]] = [:]
    private var owners: [String: [String: Owner]] = [:]
    private var eventOrigin: ImportOrigin?
    private var placements: [Placement] = []
    private var pins: [(session: Int, start: Int, origin: ImportOrigin)] = []
    private var roomWindows: [(room: Int, available: [TimeWindow])] = []
    private var sourceDays = Set<Int>()
    private var reportedDurations = Set<Int>()
    private var tools = 0

    init(frame: InputDocument, frameName: String?, log: ImportLog) {
        document = frame
        self.frameName = frameName
        self.log = log
        for (list, ids) in [
            ("rooms", frame.rooms.map(\.id)), ("people", frame.people.map(\.id)), ("sessions", frame.sessions.map(\.id)),
            ("attendees", frame.attendees.map(\.id)),
        ] {
            for (i, id) in ids.enumerated() where owners[list]?[id] == nil { owners[list, default: [:]][id] = .frame(i) }
        }
    }

    private var frameLabel: String { frameName ?? "the frame" }

    // MARK: Event and time zone

    /// Takes the event's name and time zone from the frame, else from the sources; a zone no one
    /// names is guessed from fixed offsets, else UTC, and said in a warning.
    mutating func settleEvent(_ sources: [ImportedSource]) {
        if document.event.name == nil, let named = sources.first(where: { $0.eventName != nil }) {
            document.event.name = named.eventName
            eventOrigin = named.eventOrigin
        }
        var name = document.event.timeZone
        if name == nil, let named = sources.first(where: { $0.timeZone != nil }), let zoneName = named.timeZone {
            if TimeZone(identifier: zoneName) == nil {
                log.error(
                    named.eventOrigin ?? ImportOrigin(file: named.file),
                    "unknown time zone \"\(zoneName)\"; give the event's IANA zone in a frame: "
                        + "{\"event\": {\"timeZone\": \"Europe/Berlin\"}}")
            } else {
                name = zoneName
                eventOrigin = eventOrigin ?? named.eventOrigin
            }
        }
        if name == nil, let first = sources.first {
            let guessed = SourceTime.zone(forOffsets: sources.reduce(into: Set<Int>()) { $0.formUnion($1.offsets) })
            name = guessed ?? "UTC"
            let offsets = sources.reduce(into: Set<Int>()) { $0.formUnion($1.offsets) }
            if !offsets.isEmpty || sources.contains(where: \.hasLocalTimes) {
                let why =
                    guessed.map { "all its times have the offset of \($0)" }
                    ?? (offsets.isEmpty ? "its times carry no offset" : "its times have several offsets")
                log.warning(
                    ImportOrigin(file: first.file),
                    "no source names the event's time zone and \(why), so times are written in \(name ?? "UTC"); give the zone in a "
                        + "frame ({\"event\": {\"timeZone\": \"Europe/Berlin\"}}) to write them in local time")
            }
        }
        if let name, document.event.timeZone == nil { document.event.timeZone = name }
        zone = TimeZone(identifier: document.event.timeZone ?? "UTC") ?? zone
    }

    // MARK: Sources

    /// Claims `id` in `list` for an imported item; false (after saying why) when the frame or
    /// another source has it. The same source naming it twice keeps the first.
    private mutating func claim(_ list: String, _ id: String, origin: ImportOrigin, what: String) -> Bool {
        switch owners[list]?[id] {
        case nil:
            owners[list, default: [:]][id] = .source(origin, tool: tools)
            return true
        case .frame(let i):
            log.error(
                origin,
                "the \(what) \"\(id)\" is also in the frame (\(frameLabel): \(list)[\(i)]); an id names one \(what) only: "
                    + "leave it out of the frame, or rename it there")
        case .source(let other, let tool) where tool == tools:
            log.warning(origin, "the \(what) \"\(id)\" appears again (first at \(other.label)); the first is kept")
        case .source(let other, _):
            log.error(
                origin,
                "the \(what) \"\(id)\" is also imported from \(other.label); an id names one \(what) only: give only one of the "
                    + "two sources")
        }
        return false
    }

    private mutating func remember(_ list: String, _ index: Int, _ origin: ImportOrigin) {
        origins[list, default: [:]][index] = origin
    }

    mutating func add(_ source: ImportedSource) {
        tools += 1
        if let days = source.days { sourceDays.formUnion(days) }
        for item in source.rooms where claim("rooms", item.value.room.id, origin: item.origin, what: "room") {
            remember("rooms", document.rooms.count, item.origin)
            if let available = item.value.available {
                roomWindows.append((document.rooms.count, available.compactMap { window($0) }))
            }
            document.rooms.append(item.value.room)
        }
        var formatID: [String: String] = [:]
        for item in source.formats {
            let format = item.value
            let match =
                document.formats.firstIndex { $0.id == format.id }
                ?? document.formats.firstIndex { f in f.name.map { $0.lowercased() == format.name?.lowercased() } ?? false }
            if let match {
                formatID[format.id] = document.formats[match].id
                if document.formats[match].duration == nil { document.formats[match].duration = format.duration }
            } else {
                formatID[format.id] = format.id
                remember("formats", document.formats.count, item.origin)
                document.formats.append(format)
            }
        }
        for item in source.people where claim("people", item.value.person.id, origin: item.origin, what: "person") {
            var person = item.value.person
            person.available = item.value.available.compactMap { w in
                window(w).map { .init(start: SourceTime.contractText($0.start, in: zone), end: SourceTime.contractText($0.end, in: zone)) }
            }
            remember("people", document.people.count, item.origin)
            document.people.append(person)
        }
        for item in source.sessions where claim("sessions", item.value.session.id, origin: item.origin, what: "session") {
            var session = item.value.session
            session.format = session.format.map { formatID[$0] ?? $0 }
            let index = document.sessions.count
            remember("sessions", index, item.origin)
            for (k, placed) in item.value.placed.enumerated() {
                let start = placed.start.instant(in: zone)
                placements.append(Placement(session: session.id, run: k + 1, start: start, rooms: placed.rooms, origin: placed.origin))
                sourceDays.insert(day(of: start))
            }
            if let pin = item.value.pinStart { pins.append((index, pin.instant(in: zone), item.origin)) }
            for alias in item.value.aliases { aliases[alias, default: []].append(session.id) }
            document.sessions.append(session)
        }
    }

    /// A source's window as instants, or nil (after an error) when it does not end after it starts.
    private func window(_ w: ImportedSource.Window) -> TimeWindow? {
        let start = w.start.instant(in: zone)
        let end = w.end.instant(in: zone)
        guard end > start else {
            log.error(w.origin, "the window ends when or before it starts; it needs an end after its start")
            return nil
        }
        return TimeWindow(start: start, end: end)
    }

    private func day(of instant: Int) -> Int {
        let c = LocalTime.components(instant, in: zone)
        return LocalTime.civilDays(c.year, c.month, c.day)
    }

    // MARK: Slots, pins, rooms' hours, durations

    /// Derives slots when the frame has none, then turns pins, existing placements and rooms'
    /// availabilities into slot ids and windows, and checks that every session has a duration.
    mutating func finishSchedule(_ sources: [ImportedSource]) {
        let reportAt = ImportOrigin(file: sources.first?.eventOrigin?.file ?? sources.first?.file ?? frameName ?? "import")
        if document.slots.isEmpty, !document.sessions.isEmpty {
            var days = sourceDays
            if days.isEmpty {
                for person in document.people {
                    for w in person.available {
                        guard case .success(let s) = LocalTime.instant(w.start, in: zone),
                            case .success(let e) = LocalTime.instant(w.end, in: zone)
                        else { continue }
                        days.formUnion(day(of: s)...day(of: e - 1))
                    }
                }
            }
            if days.isEmpty {
                log.error(
                    reportAt,
                    "cannot derive slots: no source gives the event's dates and the frame has no \"slots\"; give slots in a frame (--frame)"
                )
            } else {
                let durations = document.sessions.compactMap { s in s.duration ?? document.formats.first { $0.id == s.format }?.duration }
                let placed = placedIntervals()
                let grid = SlotGrid(
                    durations: durations, days: days, placed: placed, complete: placed.count >= document.sessions.count, zone: zone)
                document.slots = grid.slots()
                for i in document.slots.indices { remember("slots", i, ImportOrigin(file: "(derived slots)")) }
                log.warning(
                    reportAt,
                    grid.summary(
                        slotCount: document.slots.count,
                        existing: Set(placements.map(\.session) + pins.map { document.sessions[$0.session].id }).count))
            }
        }
        var slotAt: [Int: String] = [:]
        for slot in document.slots {
            if case .success(let t) = LocalTime.instant(slot.start, in: zone), slotAt[t] == nil { slotAt[t] = slot.id }
        }
        let eventDays = sourceDays.union(slotAt.keys.map(day(of:)))
        if let first = eventDays.min(), let last = eventDays.max() {
            let span = TimeWindow(
                start: SourceTime(naive: first * 86_400, offset: nil).instant(in: zone),
                end: SourceTime(naive: (last + 1) * 86_400, offset: nil).instant(in: zone))
            for (room, available) in roomWindows {
                document.rooms[room].unavailable = Self.complement(available, within: span).map {
                    .init(start: SourceTime.contractText($0.start, in: zone), end: SourceTime.contractText($0.end, in: zone))
                }
            }
        }
        for (session, start, origin) in pins {
            if let slot = slotAt[start] {
                document.sessions[session].pin = InputDocument.Pin(slot: slot, room: document.sessions[session].pin?.room)
            } else {
                log.error(
                    origin,
                    "\"\(document.sessions[session].title ?? document.sessions[session].id)\" is set for \(describe(start)), where no "
                        + "slot starts; add a slot that starts then to the frame")
            }
        }
        checkDurations()
    }

    /// Where the sources already hold time: placed sessions and pinned ones.
    private func placedIntervals() -> [(start: Int, end: Int)] {
        func interval(_ s: InputDocument.Session, _ start: Int) -> (start: Int, end: Int)? {
            guard let minutes = s.duration ?? document.formats.first(where: { $0.id == s.format })?.duration else { return nil }
            return (start, start + Int((minutes * 60).rounded()))
        }
        let index = Dictionary(document.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return placements.compactMap { p in index[p.session].flatMap { interval(document.sessions[$0], p.start) } }
            + pins.compactMap { interval(document.sessions[$0.session], $0.start) }
    }

    private func describe(_ instant: Int) -> String {
        "\(LocalTime.dayLabel(instant, in: zone)) \(LocalTime.clock(instant, in: zone))"
    }

    /// The parts of `span` outside every window.
    static func complement(_ windows: [TimeWindow], within span: TimeWindow) -> [TimeWindow] {
        var result: [TimeWindow] = []
        var t = span.start
        for w in TimeWindow.merged(windows) where w.end > t {
            if w.start > t { result.append(TimeWindow(start: t, end: min(w.start, span.end))) }
            t = max(t, w.end)
            if t >= span.end { break }
        }
        if t < span.end { result.append(TimeWindow(start: t, end: span.end)) }
        return result.filter { $0.end > $0.start }
    }

    /// An imported session with neither its own duration nor its format's cannot be placed: say
    /// so where the source wrote it, with the fix.
    private mutating func checkDurations() {
        for (i, session) in document.sessions.enumerated() where session.duration == nil {
            guard let origin = origins["sessions"]?[i] else { continue }
            let format = document.formats.first { $0.id == session.format }
            guard format?.duration == nil else { continue }
            reportedDurations.insert(i)
            var message = "the session \"\(session.id)\" has no duration"
            if let format {
                message += " and its format \"\(format.name ?? format.id)\" has no default; give the format a duration in a frame "
                message += "({\"formats\": [{\"id\": \"\(format.id)\", \"duration\": 30}]}), or set one in the source"
            } else {
                message += " and no format; set one in the source"
            }
            log.error(origin.appending("duration"), message)
        }
    }

    // MARK: Attendees

    /// Adds a survey's answers as attendees; a respondent who answers twice is merged, with a warning.
    mutating func add(_ answers: [InterestSurvey.Answer]) {
        var index: [String: Int] = [:]
        for (i, attendee) in document.attendees.enumerated() { index[Self.respondentKey(attendee.id)] = i }
        var again: [(answer: InterestSurvey.Answer, first: ImportOrigin)] = []
        for answer in answers {
            let key = Self.respondentKey(answer.attendee)
            if let i = index[key] {
                if let previous = origins["attendees"]?[i] {
                    again.append((answer, previous))
                    for s in answer.interests where !document.attendees[i].interests.contains(s) {
                        document.attendees[i].interests.append(s)
                    }
                } else {
                    log.error(
                        answer.origin,
                        "the attendee \"\(answer.attendee)\" is also in the frame (\(frameLabel): attendees[\(i)]); leave them out of "
                            + "the frame, or out of the survey")
                }
                continue
            }
            var unique: [String] = []
            for s in answer.interests where !unique.contains(s) { unique.append(s) }
            index[key] = document.attendees.count
            remember("attendees", document.attendees.count, answer.origin)
            document.attendees.append(.init(id: answer.attendee, interests: unique))
        }
        if let first = again.first {
            let examples = again.prefix(3).map { "\"\($0.answer.attendee)\" (first at \($0.first.description))" }
            log.warning(
                first.answer.origin,
                again.count == 1
                    ? "\"\(first.answer.attendee)\" answered again (first at \(first.first.label)); the answers are merged"
                    : "\(again.count) rows answer again for a respondent already read: \(examples.joined(separator: ", "))"
                        + "\(again.count > 3 ? ", …" : ""); each one's answers are merged")
        }
    }

    /// E-mail addresses are compared without case; other ids as written.
    private static func respondentKey(_ id: String) -> String { id.contains("@") ? id.lowercased() : id }

    // MARK: Validation and the previous agenda

    /// The whole document validated, its problems reported where the items came from.
    func validate() -> Gathering? {
        do {
            return try Gathering(document: document)
        } catch {
            for problem in error.diagnostics {
                let c = problem.path.components
                if c.count >= 3, case .key("sessions") = c[0], case .index(let i) = c[1], case .key("duration") = c[2],
                    reportedDurations.contains(i)
                {
                    continue
                }
                var origin = ImportOrigin(file: frameLabel, place: .json(problem.path))
                var message = problem.message
                if c.count >= 2, case .key(let list) = c[0], case .index(let i) = c[1], let imported = origins[list]?[i] {
                    origin = imported
                    message += " (in the imported document at \(problem.path))"
                } else if case .key("event")? = c.first, let eventOrigin {
                    origin = eventOrigin
                }
                if problem.severity == .error { log.error(origin, message) } else { log.warning(origin, message) }
            }
            return nil
        }
    }

    /// Where the sources already placed sessions, as an agenda document; placements that start
    /// where no slot starts are left out, with a warning.
    func previousAgenda() -> Agenda? {
        guard !placements.isEmpty else { return nil }
        var slotAt: [Int: String] = [:]
        for slot in document.slots {
            if case .success(let t) = LocalTime.instant(slot.start, in: zone), slotAt[t] == nil { slotAt[t] = slot.id }
        }
        var result: [Agenda.Placement] = []
        var missed: [Placement] = []
        let heldMoreThanOnce = Set(document.sessions.filter { ($0.runs ?? 1) > 1 }.map(\.id))
        for p in placements {
            if let slot = slotAt[p.start] {
                var placement = Agenda.Placement(session: p.session, run: p.run, start: slot, rooms: p.rooms)
                // Every placement of a session held more than once says its run, run 1 included (the contract's form).
                placement.namesRun = heldMoreThanOnce.contains(p.session)
                result.append(placement)
            } else {
                missed.append(p)
            }
        }
        if let first = missed.first {
            let examples = missed.prefix(3).map { "\($0.session) at \(describe($0.start))" }.joined(separator: ", ")
            log.warning(
                first.origin,
                "\(missed.count) scheduled session\(missed.count == 1 ? " starts" : "s start") where no slot starts (\(examples)"
                    + "\(missed.count > 3 ? ", …" : "")) and \(missed.count == 1 ? "is" : "are") left out of the previous agenda")
        }
        return Agenda(status: .feasible, solver: "import", placements: result)
    }
}
