import ConveneCore
import Foundation

/// What `convene push` writes into pretalx's work-in-progress schedule, worked out before anything
/// is written: the agenda checked, each session run matched to a slot of its submission, each room
/// to a pretalx room, and only what differs from pretalx's state kept.
///
/// Sessions are submissions by their id (the import makes a session's id its submission's code;
/// see `SubmissionRun` for a submission held several times). Rooms are pretalx rooms by
/// `rooms[].guid` (the import records pretalx's room uuid there), else by name (in any of the
/// room's languages, then ignoring case, spacing and punctuation).
///
/// Within a submission the slots are interchangeable (their ids change at every release): a run
/// keeps a slot that is already where the agenda puts it; the other runs take the remaining slots
/// in order of start, placed slots first. A submission's duration becomes the input's when they
/// differ, so that pretalx's end times are the agenda's (see `DurationWrite`).
public struct PretalxPushPlan: Sendable {
    /// Where a talk is in pretalx: a room id and a start (seconds since 1970).
    struct Place: Equatable {
        var room: Int
        var start: Int
    }

    /// One slot's new room and start (nil: off the schedule).
    struct SlotWrite {
        var slot: Int
        var run: SubmissionRun
        /// How many runs the submission has in the input, for saying "run 2 of 2".
        var runs: Int
        var title: String?
        var before: Place?
        var after: Place?
    }

    /// A submission's duration written after its slots. pretalx stores a talk's end only when its
    /// submission's duration changes (then every placed slot's end is set to start + duration);
    /// a `PATCH` of a slot's start leaves the old end. So a submission whose slots moved gets its
    /// duration changed there and back (`minutes + 1`, then `minutes`), and one whose duration
    /// differs from the input's gets the input's in one request.
    struct DurationWrite {
        var code: String
        var title: String?
        var pretalx: Int?
        var minutes: Int
        /// There and back: the duration stays, the ends are stored.
        var roundTrip: Bool { pretalx == nil || pretalx == minutes }
        var requests: Int { roundTrip ? 2 : 1 }
    }

    /// What is written for one submission, in this order.
    struct SubmissionWrites {
        var code: String
        var slots: [SlotWrite]
        var duration: DurationWrite?
    }

    var writes: [SubmissionWrites]
    /// Talks already where the agenda puts them.
    package private(set) var unchanged: Int
    /// Slots the agenda leaves off the schedule (taken off, or already off).
    package private(set) var unplaced: Int
    /// What the push notices but does not stop for (submissions the input does not hold).
    package private(set) var warnings: [Diagnostic]
    /// The release, when one is asked for.
    package private(set) var release: PretalxRelease?
    /// The work-in-progress schedule's id.
    let schedule: Int
    let zone: TimeZone
    let roomNames: [Int: String]

    /// Slots given a new room or start.
    package var moved: Int { writes.reduce(0) { $0 + $1.slots.filter { $0.after != nil }.count } }
    /// Slots that were placed and that the agenda leaves unplaced.
    package var takenOff: Int { writes.reduce(0) { $0 + $1.slots.filter { $0.after == nil }.count } }
    /// Submissions whose duration changes to the input's.
    package var durationsChanged: Int { writes.filter { $0.duration.map { !$0.roundTrip } ?? false }.count }
    /// Requests the writes take (the release included).
    package var writeRequests: Int {
        writes.reduce(release == nil ? 0 : 1) { $0 + $1.slots.count + ($1.duration?.requests ?? 0) }
    }

    /// Matches the agenda to pretalx's state.
    ///
    /// - Throws: ``DiagnosticError`` with every reason the agenda cannot be pushed (a broken rule, a
    ///   session that is no submission, a room pretalx does not have, a version already released),
    ///   each at its place in the agenda or the input.
    init(
        gathering g: Gathering, agenda: Agenda, state: PretalxState, release: PretalxRelease?, inputName: String, agendaName: String
    ) throws(DiagnosticError) {
        try Self.check(agenda, gathering: g, agendaName: agendaName)
        let log = ImportLog()
        schedule = state.schedule
        zone = g.timeZone
        roomNames = Dictionary(state.rooms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.release = release
        writes = []
        unchanged = 0
        unplaced = 0
        warnings = []
        if let release, state.versions.contains(release.version.trimmingCharacters(in: .whitespaces)) {
            log.error(
                ImportOrigin(file: "--release"),
                "pretalx already has a version \"\(release.version)\" (released: \(state.versions.joined(separator: ", "))); choose another"
            )
        }

        let rooms = PretalxRoomMatch(gathering: g, state: state, inputName: inputName, log: log)
        let bySubmission = state.slotsBySubmission
        let scheduled = Set(state.submissions.values.filter { PretalxReader.scheduledStates.contains($0.state) }.map(\.code))
        var wanted: [String: [(run: SubmissionRun, session: Int, place: Place?)]] = [:]
        var owner: [SubmissionRun: Int] = [:]
        var placedMinutes: [String: [(session: Int, minutes: Double)]] = [:]
        for (s, run, p) in SubmissionRun.runs(of: g, placedBy: agenda) {
            let session = g.sessions[s]
            let here = p.map { ImportOrigin(file: agendaName, place: .json(.root / "placements" / $0)) }
            guard let target = SubmissionRun(session: session.id, run: run, codes: Set(state.submissions.keys)) else {
                if let here {
                    log.error(
                        here,
                        "\(session.label) is placed, but pretalx has no submission with the code \"\(session.id)\"; a push places "
                            + "pretalx's submissions only (the import names each session by its code): leave it unplaced, or "
                            + "add it to pretalx"
                    )
                }
                continue
            }
            let slots = bySubmission[target.code] ?? []
            guard scheduled.contains(target.code), target.run <= slots.count else {
                if let here {
                    let state = state.submissions[target.code]?.state ?? ""
                    let why =
                        !scheduled.contains(target.code)
                        ? "is \(state) in pretalx, so it has no slot: confirm or accept it in pretalx"
                        : "has \(slots.count) slot\(slots.count == 1 ? "" : "s") in pretalx: raise its number of slots in pretalx"
                    log.error(here, "\(session.label) is run \(target.run) of the submission \(target.code), which \(why)")
                }
                continue
            }
            if let other = owner[target] {
                log.error(
                    here ?? ImportOrigin(file: inputName, place: .json(.root / "sessions" / s)),
                    "\(session.label) and \(g.sessions[other].label) are both run \(target.run) of the submission \(target.code); "
                        + "keep one of them")
                continue
            }
            owner[target] = s
            var place: Place?
            if let p, let here {
                let placement = agenda.placements[p]
                if placement.rooms.count != 1 {
                    log.error(
                        here.appending("rooms"),
                        "\(session.label) is placed in \(placement.rooms.count) rooms; a pretalx talk takes one room")
                } else if let slot = g.slotIndex[placement.start], let room = g.roomIndex[placement.rooms[0]],
                    let pretalxRoom = rooms.pretalxRoom(room, usedAt: here)
                {
                    place = Place(room: pretalxRoom, start: g.slots[slot].startSecond)
                }
                placedMinutes[target.code, default: []].append((s, session.durationMinutes))
            }
            wanted[target.code, default: []].append((target, s, place))
        }
        rooms.reportMissing()
        let minutes = Self.minutes(placedMinutes, gathering: g, inputName: inputName, log: log)
        guard !log.hasErrors else { throw DiagnosticError(log.problems) }

        for code in wanted.keys.sorted() {
            let runs = wanted[code] ?? []
            var unmatched = (bySubmission[code] ?? []).sorted { $0.id < $1.id }
            var pairs: [(run: SubmissionRun, session: Int, place: Place?, slot: PretalxState.Slot)] = []
            for run in runs {
                guard let place = run.place, let i = unmatched.firstIndex(where: { $0.isPlaced && Self.place($0) == place }) else {
                    continue
                }
                pairs.append((run.run, run.session, place, unmatched.remove(at: i)))
            }
            unmatched.sort { a, b in
                (a.isPlaced ? 0 : 1, a.start ?? 0, a.id) < (b.isPlaced ? 0 : 1, b.start ?? 0, b.id)
            }
            let open = runs.filter { run in !pairs.contains { $0.run == run.run } }.sorted { a, b in
                (a.place == nil ? 1 : 0, a.place?.start ?? 0, a.run.run) < (b.place == nil ? 1 : 0, b.place?.start ?? 0, b.run.run)
            }
            for run in open where !unmatched.isEmpty {
                // Runs left unplaced take unplaced slots first, so that nothing is written for them.
                let i = run.place == nil ? (unmatched.firstIndex { !$0.isPlaced } ?? 0) : 0
                pairs.append((run.run, run.session, run.place, unmatched.remove(at: i)))
            }
            if !unmatched.isEmpty {
                log.warning(
                    ImportOrigin(file: inputName),
                    "pretalx has \(unmatched.count) more slot\(unmatched.count == 1 ? "" : "s") of \(code) than the input has runs; "
                        + "\(unmatched.count == 1 ? "it stays" : "they stay") as \(unmatched.count == 1 ? "it is" : "they are")")
            }
            var entry = SubmissionWrites(code: code, slots: [], duration: nil)
            var staleEnd = false
            for pair in pairs.sorted(by: { $0.run < $1.run }) {
                let before = pair.slot.isPlaced ? Self.place(pair.slot) : nil
                if before == pair.place {
                    if pair.place == nil {
                        unplaced += 1
                    } else {
                        unchanged += 1
                        if let m = minutes[code], let start = pair.slot.start, pair.slot.end != start + m * 60 { staleEnd = true }
                    }
                    continue
                }
                if pair.place == nil { unplaced += 1 }
                entry.slots.append(
                    SlotWrite(
                        slot: pair.slot.id, run: pair.run, runs: runs.count,
                        title: state.submissions[code]?.title ?? g.sessions[pair.session].title, before: before,
                        after: pair.place))
            }
            if let m = minutes[code] {
                let pretalx = state.submissions[code]?.duration
                if pretalx != m || staleEnd || entry.slots.contains(where: { $0.after != nil }) {
                    entry.duration = DurationWrite(code: code, title: state.submissions[code]?.title, pretalx: pretalx, minutes: m)
                }
            }
            if !entry.slots.isEmpty || entry.duration != nil { writes.append(entry) }
        }
        let untouched = scheduled.subtracting(wanted.keys).filter { !(bySubmission[$0] ?? []).isEmpty }.sorted()
        if !untouched.isEmpty {
            let placed = untouched.filter { (bySubmission[$0] ?? []).contains(where: \.isPlaced) }.count
            log.warning(
                ImportOrigin(file: inputName),
                "\(untouched.count) submission\(untouched.count == 1 ? " on pretalx's programme is" : "s on pretalx's programme are") "
                    + "not in the input (\(untouched.prefix(5).joined(separator: ", "))\(untouched.count > 5 ? ", …" : "")), so "
                    + "their slots "
                    + "stay as they are\(placed > 0 ? " (\(placed) of them placed, perhaps where the agenda puts another talk)" : ""); "
                    + "import again to plan them")
        }
        warnings = log.problems
    }

    /// Every rule the agenda breaks, as errors: nothing that breaks one goes to pretalx. Only the
    /// placements go there: the stated objective may count changes from an agenda the push does
    /// not know (a solve with `--previous`), so it is not judged.
    static func check(_ agenda: Agenda, gathering: Gathering, agendaName: String) throws(DiagnosticError) {
        var placements = agenda
        placements.objective = nil
        let violations = AgendaChecker(domain: Domain(gathering)).check(placements).violations
        guard !violations.isEmpty else { return }
        throw DiagnosticError(
            violations.map { Diagnostic(.error, at: ImportOrigin(file: agendaName).location, "\($0); `convene check` shows them all") })
    }

    static func place(_ slot: PretalxState.Slot) -> Place? {
        guard let room = slot.room, let start = slot.start else { return nil }
        return Place(room: room, start: start)
    }

    /// The whole minutes of each placed submission: pretalx has one duration per submission, in
    /// whole minutes, so its runs must agree and a fraction of a minute cannot be pushed.
    private static func minutes(
        _ placed: [String: [(session: Int, minutes: Double)]], gathering g: Gathering, inputName: String, log: ImportLog
    ) -> [String: Int] {
        var result: [String: Int] = [:]
        for (code, runs) in placed {
            guard let first = runs.first else { continue }
            if let other = runs.first(where: { $0.minutes != first.minutes }) {
                log.error(
                    ImportOrigin(file: inputName, place: .json(.root / "sessions" / other.session / "duration")),
                    "\(g.sessions[other.session].label) lasts \(JSONValue.format(other.minutes)) minutes and "
                        + "\(g.sessions[first.session].label) \(JSONValue.format(first.minutes)), but both are runs of \(code), "
                        + "and pretalx "
                        + "gives a submission one duration")
            } else if first.minutes != first.minutes.rounded() {
                log.error(
                    ImportOrigin(file: inputName, place: .json(.root / "sessions" / first.session / "duration")),
                    "\(g.sessions[first.session].label) lasts \(JSONValue.format(first.minutes)) minutes; pretalx counts whole minutes")
            } else {
                result[code] = Int(first.minutes)
            }
        }
        return result
    }
}

/// Asks pretalx to release the work-in-progress schedule as a version after the push.
package struct PretalxRelease: Sendable, Equatable {
    /// The version's name, as `1.1` or `Final`.
    package var version: String
    /// What changed, shown with the version in pretalx's changelog.
    package var comment: String?

    /// A release; check the name with ``problem(version:)`` first.
    package init(version: String, comment: String? = nil) {
        self.version = version
        self.comment = comment
    }

    /// Why pretalx cannot release a version of this name, or nil: a blank name, and `wip` and
    /// `latest`, which pretalx 2025.2 answers with an error page (they name its schedules).
    package static func problem(version: String) -> String? {
        let name = version.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "the version's name is blank; give one, such as 1.1" }
        if ["wip", "latest"].contains(name.lowercased()) {
            return "\"\(name)\" names one of pretalx's own schedules, and pretalx fails on it; choose another name, such as 1.1"
        }
        return nil
    }
}
