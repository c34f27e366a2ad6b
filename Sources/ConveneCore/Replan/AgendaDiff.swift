/// What changed between two agendas of one gathering, session by session, and whom each change
/// concerns: the contract's `convene diff`.
///
/// Sessions are matched by id. A change is `added` (placed now, not before), `moved` (another
/// start slot), `roomChanged` (same start slot, another room set), `unscheduled` (still in the
/// input, no longer placed) or `cancelled` (placed before, no longer in the input). The people
/// concerned are the session's facilitators and the attendees who want it; an attendee linked to
/// a person who is already named (by `attendees[].person`) is not named twice. Each person's
/// notice gathers the changes that concern them and the clashes among the sessions they want
/// that the new agenda creates.
///
/// ``json`` writes it as the contract's diff document (`convene diff --format json`, an agenda's
/// `stats.diff`), its keys in the contract's order. Ids are the input's ids, as strings.
public struct AgendaDiff: Sendable, Equatable {
    /// How a session changed.
    public enum Kind: String, Sendable, CaseIterable {
        /// Placed in the new agenda and not in the previous one.
        case added
        /// Placed in both, with another start slot.
        case moved
        /// Placed in both, at the same start slot, in another set of rooms.
        case roomChanged
        /// Still in the input, placed before, not placed now.
        case unscheduled
        /// Placed before and no longer in the input.
        case cancelled
    }

    /// Where a session was or is: its start slot, rooms and local times.
    public struct Side: Sendable, Equatable {
        /// The start slot.
        public package(set) var start: Slot.ID
        /// The rooms, in the agenda's order.
        public package(set) var rooms: [Room.ID]
        /// When it starts, local to the event's time zone; nil when it cannot be known.
        public var startTime: LocalDateTime? { startTimeText.flatMap(LocalDateTime.init(text:)) }
        /// When it ends, local to the event's time zone; nil when it cannot be known.
        public var endTime: LocalDateTime? { endTimeText.flatMap(LocalDateTime.init(text:)) }
        /// ``startTime`` as the document writes it, `YYYY-MM-DDTHH:MM`.
        package var startTimeText: String?
        /// ``endTime`` as the document writes it.
        package var endTimeText: String?
    }

    /// One session's change.
    public struct Change: Sendable, Equatable {
        /// The session.
        public package(set) var session: Session.ID
        /// Which run of the session changed (1 for a session that takes place once); written as
        /// `"run"` after `"session"` for a session with several runs, like a placement's.
        public package(set) var run: Int = 1
        /// How many runs the session has (when it is known), which decides whether `"run"` is written.
        package var runs: Int = 1
        /// What happened to it.
        public package(set) var kind: Kind
        /// Where it was; nil for `added`.
        public package(set) var before: Side?
        /// Where it is; nil for `unscheduled` and `cancelled`.
        public package(set) var after: Side?
        /// Person and attendee ids concerned, facilitators first (none for a cancelled session).
        package var people: [String]
    }

    /// What one person needs to hear.
    public struct Notice: Sendable, Equatable {
        /// A person's id, or an attendee's id for an attendee not linked to a person.
        public package(set) var person: String
        /// The changed sessions that concern them, in the order of ``AgendaDiff/changes``.
        public package(set) var sessions: [Session.ID]
        /// Pairs of sessions they want that run at the same time in the new agenda and did not
        /// in the previous one, each pair in input order.
        public package(set) var newClashes: [[Session.ID]]
    }

    /// Every change, in the input's session order (cancelled sessions last, in the previous
    /// agenda's order).
    public let changes: [Change]
    /// One notice per person concerned by a change or by a new clash, facilitators (in the
    /// input's order of people) before attendees (in the input's order of attendees).
    public let notices: [Notice]

    /// Whether anything changed.
    package var isEmpty: Bool { changes.isEmpty }

    /// Compares two agendas of `gathering`: `previous` may come from an earlier input (its sessions
    /// no longer in `gathering` are cancelled), `new` is an agenda of `gathering`.
    public init(previous: Agenda, new: Agenda, gathering g: Gathering) {
        // The chain rule (which slots a placement occupies) is the domain's.
        let domain = Domain(g)
        let before = DiffSide(previous, domain)
        let after = DiffSide(new, domain)
        // Each run of a session is compared with the same run (see `Gathering.splittingRuns()`).
        let g = domain.gathering
        var changes: [Change] = []
        for session in g.sessions {
            let key = DiffSide.Key(session: session.id, run: session.run)
            let was = before.placement[key]
            let now = after.placement[key]
            let kind: Kind
            switch (was, now) {
            case (nil, nil): continue
            case (nil, .some): kind = .added
            case (.some, nil): kind = .unscheduled
            case (.some(let a), .some(let b)):
                if a.start != b.start {
                    kind = .moved
                } else if Set(a.rooms) != Set(b.rooms) {
                    kind = .roomChanged
                } else {
                    continue
                }
            }
            changes.append(
                Change(
                    session: session.id, run: session.run, runs: session.runs, kind: kind, before: was.map(before.side),
                    after: now.map(after.side), people: Self.concerned(session.index, g)))
        }
        // Cancelled: the session is no longer in the input, or no longer has that run.
        for placement in previous.placements {
            if let s = g.sessionIndex[placement.session], g.sessions[s].runs >= placement.run { continue }
            guard !changes.contains(where: { $0.session == placement.session && $0.run == placement.run }) else { continue }
            changes.append(
                Change(
                    session: placement.session, run: placement.run, runs: placement.namesRun ? 2 : 1, kind: .cancelled,
                    before: before.side(placement), after: nil, people: []))
        }
        self.changes = changes
        notices = Self.notices(changes, before: before, after: after, g)
    }

    /// A diff read back from its document.
    package init(changes: [Change], notices: [Notice]) {
        self.changes = changes
        self.notices = notices
    }

    /// The facilitators' ids, then the ids of the attendees who want the session and are not one
    /// of those facilitators.
    static func concerned(_ s: Int, _ g: Gathering) -> [String] {
        let facilitators = g.sessions[s].facilitatorIndices
        var people = facilitators.map { g.people[$0].id }
        let wanted = g.runs(of: s)[0]  // interests name a session's run 1
        for attendee in g.attendees where attendee.interestIndices.contains(wanted) {
            if let person = attendee.personIndex, facilitators.contains(person) { continue }
            people.append(attendee.id)
        }
        return people
    }

    private static func notices(_ changes: [Change], before: DiffSide, after: DiffSide, _ g: Gathering) -> [Notice] {
        var sessions: [String: [String]] = [:]
        for change in changes {
            for id in change.people where sessions[id]?.contains(change.session) != true {
                sessions[id, default: []].append(change.session)
            }
        }
        var clashes: [String: [[String]]] = [:]
        for attendee in g.attendees {
            var pairs: [[String]] = []
            let wanted = attendee.interestIndices.sorted()
            for (i, a) in wanted.enumerated() {
                for b in wanted[(i + 1)...] {
                    let (x, y) = (g.sessions[a].id, g.sessions[b].id)
                    if after.clash(g.sessions[a], g.sessions[b]), !before.clash(g.sessions[a], g.sessions[b]) { pairs.append([x, y]) }
                }
            }
            guard !pairs.isEmpty else { continue }
            // An attendee who is a person hears it under the person's id.
            clashes[attendee.personIndex.map { g.people[$0].id } ?? attendee.id, default: []] += pairs
        }
        let order = g.people.map(\.id) + g.attendees.filter { $0.personIndex == nil }.map(\.id)
        return order.compactMap { id in
            let mine = sessions[id] ?? []
            let new = clashes[id] ?? []
            guard !mine.isEmpty || !new.isEmpty else { return nil }
            return Notice(person: id, sessions: mine, newClashes: new)
        }
    }
}

/// One agenda's placements by session id, with the slots they occupy in the gathering.
private struct DiffSide {
    /// A session's run, by id.
    struct Key: Hashable {
        var session: String
        var run: Int
    }

    let gathering: Gathering
    let placement: [Key: Agenda.Placement]
    /// Occupied slot indices by session id and run, for sessions in the gathering whose start resolves.
    let occupied: [Key: Range<Int>]

    init(_ agenda: Agenda, _ domain: Domain) {
        let g = domain.gathering
        gathering = g
        var placement: [Key: Agenda.Placement] = [:]
        var occupied: [Key: Range<Int>] = [:]
        for p in agenda.placements {
            let key = Key(session: p.session, run: p.run)
            guard placement[key] == nil else { continue }
            placement[key] = p
            if let s = g.sessionIndex[p.session], let t = g.slotIndex[p.start], let chain = domain.chain(session: s, start: t) {
                occupied[key] = chain
            }
        }
        self.placement = placement
        self.occupied = occupied
    }

    /// Whether two sessions clash here: both placed, and every run of one concurrent with every
    /// run of the other (the contract's clash; with one run each, concurrent).
    func clash(_ a: Session, _ b: Session) -> Bool {
        let x = (1...a.runs).compactMap { occupied[Key(session: a.id, run: $0)] }
        let y = (1...b.runs).compactMap { occupied[Key(session: b.id, run: $0)] }
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x.allSatisfy { r in y.allSatisfy(r.overlaps) }
    }

    /// The placement's side, its times from the gathering's slots when the start resolves there,
    /// else from the document.
    func side(_ p: Agenda.Placement) -> AgendaDiff.Side {
        let g = gathering
        if let chain = occupied[Key(session: p.session, run: p.run)], let first = chain.first, let last = chain.last {
            return AgendaDiff.Side(
                start: p.start, rooms: p.rooms, startTimeText: LocalTime.format(g.slots[first].startSecond, in: g.timeZone),
                endTimeText: LocalTime.format(g.slots[last].endSecond, in: g.timeZone))
        }
        // A session no longer in the input: its length is unknown, its start slot may still be known.
        let start = p.startTime ?? g.slotIndex[p.start].map { LocalTime.format(g.slots[$0].startSecond, in: g.timeZone) }
        return AgendaDiff.Side(start: p.start, rooms: p.rooms, startTimeText: start, endTimeText: p.endTime)
    }
}
