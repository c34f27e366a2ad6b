import ConveneCore

/// One requirement of the input that an explanation may name, and that can be lifted on its own:
/// what the deletion filter works with. ``ConflictExplainer/Requirement`` is the same requirement
/// as the explanation gives it, by id and in words.
package enum Condition: Sendable, Hashable, Comparable {
    case placed(session: Int)
    case availability(person: Int)
    case oneAtATime(person: Int)
    case exclusive(session: Int)
    case after(session: Int, before: Int)
    case apart(SessionPair)
    case pinSlot(session: Int)
    case pinRoom(session: Int)
    case roomUnavailable(room: Int)
    case capacity(room: Int)
    /// Rule 11 for one person.
    case travel(person: Int)
    /// Rule 12 for one person.
    case dailyLoad(person: Int)
    /// Rule 10 for one session that already ran (or is held in place): `place` says when and
    /// where, from the previous agenda (`already ran on Fri 20 Sep 09:00 in Rabb Hall`).
    case frozen(session: Int, place: String)
    /// Rule 1 for a session with several runs: they take place one after another, run 1 first
    /// (`session` is its run 1).
    case runOrder(session: Int)

    /// Every requirement of a (replanning) domain, sessions' placement first (lifting one of those
    /// removes a whole session from the question, which keeps explanations small), each frozen
    /// session's place last.
    package static func all(in domain: Domain) -> [Condition] {
        let g = domain.gathering
        // A session with runs is placed, and ordered, as one requirement (`session` its run 1).
        var list: [Condition] = g.sessions.filter { !$0.optional && $0.run == 1 }.map { .placed(session: $0.index) }
        list += g.sessions.filter { $0.runs > 1 && $0.run == 1 && g.runsOf != nil }.map { .runOrder(session: $0.index) }
        let facilitating = g.people.filter { !g.facilitated[$0.index].isEmpty }
        for p in facilitating where !p.available.isEmpty || !p.unavailable.isEmpty { list.append(.availability(person: p.index)) }
        for p in g.people where g.facilitated[p.index].count > 1 { list.append(.oneAtATime(person: p.index)) }
        for s in g.sessions where s.exclusive { list.append(.exclusive(session: s.index)) }
        for s in g.sessions { for b in s.after where !g.areRuns(s.index, b) { list.append(.after(session: s.index, before: b)) } }
        for s in g.sessions { for b in s.notConcurrentWith where b > s.index { list.append(.apart(SessionPair(s.index, b))) } }
        for s in g.sessions {
            if s.pinSlot != nil { list.append(.pinSlot(session: s.index)) }
            if s.pinRoom != nil { list.append(.pinRoom(session: s.index)) }
        }
        for r in g.rooms where !r.unavailable.isEmpty { list.append(.roomUnavailable(room: r.index)) }
        for r in g.rooms where r.capacity != nil { list.append(.capacity(room: r.index)) }
        for p in g.people where domain.travels(p.index) && g.facilitated[p.index].count > 1 { list.append(.travel(person: p.index)) }
        for p in g.people where domain.dailyLimit(p.index).map({ $0 < g.facilitated[p.index].count }) ?? false {
            list.append(.dailyLoad(person: p.index))
        }
        return list + g.sessions.indices.compactMap { s in domain.frozenPlaceText(s).map { .frozen(session: s, place: $0) } }
    }

    /// Its kind, which says the rule it is part of.
    package var kind: ConflictExplainer.Requirement.Kind {
        switch self {
        case .placed: .placed
        case .availability: .availability
        case .oneAtATime: .oneAtATime
        case .exclusive: .exclusive
        case .after: .after
        case .apart: .apart
        case .pinSlot: .pinSlot
        case .pinRoom: .pinRoom
        case .roomUnavailable: .roomUnavailable
        case .capacity: .capacity
        case .travel: .travel
        case .dailyLoad: .dailyLoad
        case .frozen: .frozen
        case .runOrder: .runOrder
        }
    }

    /// A short stable key: `placed update`, `after stories update`, `apart a b`, `capacity rabb`.
    package func key(_ g: Gathering) -> String {
        switch self {
        case .placed(let s): "placed \(g.sessions[s].id)"
        case .availability(let p): "availability \(g.people[p].id)"
        case .oneAtATime(let p): "one-at-a-time \(g.people[p].id)"
        case .exclusive(let s): "exclusive \(g.sessions[s].id)"
        case .after(let s, let b): "after \(g.sessions[s].id) \(g.sessions[b].id)"
        case .apart(let pair): "apart \(g.sessions[pair.first].id) \(g.sessions[pair.second].id)"
        case .pinSlot(let s): "pin-slot \(g.sessions[s].id)"
        case .pinRoom(let s): "pin-room \(g.sessions[s].id)"
        case .roomUnavailable(let r): "room-unavailable \(g.rooms[r].id)"
        case .capacity(let r): "capacity \(g.rooms[r].id)"
        case .travel(let p): "travel \(g.people[p].id)"
        case .dailyLoad(let p): "daily-load \(g.people[p].id)"
        case .frozen(let s, _): "frozen \(g.sessions[s].id)\(g.sessions[s].runs > 1 ? " \(g.sessions[s].run)" : "")"
        case .runOrder(let s): "runs \(g.sessions[s].id)"
        }
    }

    /// The requirement as a sentence naming the sessions, people, rooms and times involved.
    package func sentence(_ domain: Domain) -> String {
        let g = domain.gathering
        switch self {
        case .placed(let s):
            let session = g.sessions[s]
            return session.runs > 1 ? "\(session.nameLabel) must be scheduled, all \(session.runs) runs." : "\(session.label) must be scheduled."
        case .runOrder(let s):
            let session = g.sessions[s]
            return "\(session.nameLabel) takes place \(session.runs) times, one run after another."
        case .availability(let p): return "\(g.people[p].label) is available \(ImmediateReason.availability(g.people[p], g))."
        case .oneAtATime(let p):
            return "\(g.people[p].label) facilitates \(Self.sessions(of: p, g)) and can be in only one at a time."
        case .exclusive(let s): return "\(g.sessions[s].label) is exclusive: nothing else may run at the same time."
        case .after(let s, let b): return "\(g.sessions[s].label) must start after \(g.sessions[b].label) ends."
        case .apart(let pair): return "\(g.sessions[pair.first].label) and \(g.sessions[pair.second].label) must not run at the same time."
        case .pinSlot(let s):
            return "\(g.sessions[s].label) is pinned to start at \(g.sessions[s].pinSlot.map { g.label(slot: $0) } ?? "?")."
        case .pinRoom(let s): return "\(g.sessions[s].label) is pinned to \(g.sessions[s].pinRoom.map { g.rooms[$0].label } ?? "?")."
        case .roomUnavailable(let r): return "\(g.rooms[r].label) is unavailable \(g.label(windows: g.rooms[r].unavailable))."
        case .capacity(let r): return "\(g.rooms[r].label) holds \(g.rooms[r].capacity ?? 0) people."
        case .travel(let p):
            return "\(g.people[p].label) must travel \(g.travelMinutes) minutes between \(Self.sites(of: p, domain))."
        case .dailyLoad(let p):
            let most = g.people[p].maxPerDay ?? 0
            return "\(g.people[p].label) facilitates \(Self.sessions(of: p, g)) and at most \(most) "
                + "\(most == 1 ? "session" : "sessions") a day."
        case .frozen(let s, let place): return "\(g.sessions[s].label) \(place); it keeps that place."
        }
    }

    private static func sessions(of p: Int, _ g: Gathering) -> String { g.facilitated[p].map { g.sessions[$0].label }.joinedInWords }

    /// The sites of the rooms where a person's sessions could be, as far as their tags, seats and
    /// pins go: `Boston Public Library and Cambridge Public Library`.
    private static func sites(of p: Int, _ domain: Domain) -> String {
        let g = domain.gathering
        var found: [String] = []
        for s in g.facilitated[p] {
            for r in g.sessions[s].pinRoom.map({ [$0] }) ?? domain.suitableRooms[s] {
                let name = g.rooms[r].siteName ?? "the default site"
                if !found.contains(name) { found.append(name) }
            }
        }
        return found.sorted().joinedInWords
    }

    /// What lifting it would mean, as advice.
    package func advice(_ g: Gathering) -> String {
        switch self {
        case .placed(let s): "make \(g.sessions[s].nameLabel) optional"
        case .runOrder(let s): "hold \(g.sessions[s].nameLabel) fewer times (lower its \"runs\")"
        case .availability(let p): "widen the availability of \(g.people[p].label)"
        case .oneAtATime(let p): "share the sessions of \(g.people[p].label) with another facilitator"
        case .exclusive(let s): "let other sessions run beside \(g.sessions[s].label) (not exclusive)"
        case .after(let s, let b): "drop \"after\": \(g.sessions[s].label) need not follow \(g.sessions[b].label)"
        case .apart(let pair): "allow \(g.sessions[pair.first].label) and \(g.sessions[pair.second].label) at the same time"
        case .pinSlot(let s): "unpin the slot of \(g.sessions[s].label)"
        case .pinRoom(let s): "unpin the room of \(g.sessions[s].label)"
        case .roomUnavailable(let r): "open \(g.rooms[r].label) when it is now unavailable"
        case .capacity(let r): "give \(g.rooms[r].label) more seats"
        case .travel(let p): "give \(g.people[p].label) less travel: sessions at one site, or more time between them"
        case .dailyLoad(let p): "let \(g.people[p].label) facilitate more sessions a day"
        case .frozen(let s, _): "let \(g.sessions[s].label) move from where it ran (drop it from the previous agenda)"
        }
    }

    /// The sessions, people, rooms and slots it names or concerns, by index: a person's rules
    /// concern the sessions they facilitate, a pin its slot or room, a frozen session its place.
    package func names(_ domain: Domain) -> (sessions: [Int], people: [Int], rooms: [Int], slots: [Int]) {
        let g = domain.gathering
        switch self {
        case .placed(let s), .runOrder(let s): return (g.runs(of: s), [], [], [])
        case .exclusive(let s): return ([s], [], [], [])
        case .availability(let p): return (g.facilitated[p], [p], [], [])
        case .oneAtATime(let p), .travel(let p), .dailyLoad(let p): return (g.facilitated[p], [p], [], [])
        case .after(let s, let b): return ([s, b], [], [], [])
        case .apart(let pair): return ([pair.first, pair.second], [], [], [])
        case .pinSlot(let s): return ([s], [], [], g.sessions[s].pinSlot.map { [$0] } ?? [])
        case .pinRoom(let s): return ([s], [], g.sessions[s].pinRoom.map { [$0] } ?? [], [])
        case .roomUnavailable(let r), .capacity(let r): return ([], [], [r], [])
        case .frozen(let s, _): return ([s], [], [], [])  // its place is named by the previous agenda's ids
        }
    }
}

extension Gathering {
    /// The same gathering with these requirements lifted (a frozen place is the previous agenda's,
    /// and one person's one-at-a-time rule or travel time are the domain's, which
    /// ``Domain/relaxing(_:)`` lifts).
    package func relaxing(_ conditions: some Sequence<Condition>) -> Gathering {
        var g = self
        for condition in conditions.sorted() {
            switch condition {
            case .placed(let s): for r in g.runs(of: s) { g.sessions[r].optional = true }
            case .runOrder(let s):
                let runs = g.runs(of: s)
                for r in runs { g.sessions[r].after.removeAll { runs.contains($0) } }
            case .availability(let p):
                g.people[p].available = []
                g.people[p].unavailable = []
            case .exclusive(let s): g.sessions[s].exclusive = false
            case .after(let s, let b): g.sessions[s].after.removeAll { $0 == b }
            case .apart(let pair):
                g.sessions[pair.first].notConcurrentWith.removeAll { $0 == pair.second }
                g.sessions[pair.second].notConcurrentWith.removeAll { $0 == pair.first }
            case .pinSlot(let s): g.sessions[s].pinSlot = nil
            case .pinRoom(let s): g.sessions[s].pinRoom = nil
            case .roomUnavailable(let r): g.rooms[r].unavailable = []
            case .capacity(let r): g.rooms[r].capacity = nil
            case .dailyLoad(let p): g.people[p].maxPerDay = nil
            case .frozen, .oneAtATime, .travel: break
            }
        }
        return g
    }
}

extension Domain {
    /// The same replanning domain with these requirements lifted: the gathering's through
    /// ``Gathering/relaxing(_:)``; a person's one-at-a-time rule and travel time through the
    /// domain's ``Domain/Relaxations``; and a frozen session's by dropping its entry from the
    /// previous agenda (it then moves freely, at or after the frozen time, like any session that
    /// has not run).
    package func relaxing(_ conditions: some Sequence<Condition>) -> Domain {
        var previous = self.previous
        var kept = self.kept
        var lifted = relaxations
        for condition in conditions {
            switch condition {
            case .frozen(let s, _):
                previous?.forget(gathering.sessions[s])
                kept.remove(gathering.sessions[s].id)
            case .oneAtATime(let p): lifted.oneAtATime.insert(p)
            case .travel(let p): lifted.travel.insert(p)
            default: continue
            }
        }
        return Domain(gathering.relaxing(conditions), previous: previous, frozenUntil: frozenUntil, keep: kept, relaxations: lifted)
    }
}
