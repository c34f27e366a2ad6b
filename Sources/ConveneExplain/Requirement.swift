import ConveneCore

/// One requirement of the input that an explanation may name, and that can be relaxed on its own.
package enum Requirement: Sendable, Hashable, Comparable {
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

    /// Every requirement the gathering has, sessions' placement first (relaxing one of those
    /// removes a whole session from the question, which keeps explanations small).
    package static func all(in g: Gathering) -> [Requirement] {
        var list: [Requirement] = g.sessions.filter { !$0.optional }.map { .placed(session: $0.index) }
        var sessionsOf = [[Int]](repeating: [], count: g.people.count)
        for s in g.sessions { for p in s.facilitators { sessionsOf[p].append(s.index) } }
        for p in g.people where !sessionsOf[p.index].isEmpty && (!p.available.isEmpty || !p.unavailable.isEmpty) {
            list.append(.availability(person: p.index))
        }
        for p in g.people where sessionsOf[p.index].count > 1 { list.append(.oneAtATime(person: p.index)) }
        for s in g.sessions where s.exclusive { list.append(.exclusive(session: s.index)) }
        for s in g.sessions { for b in s.after { list.append(.after(session: s.index, before: b)) } }
        var pairs = Set<SessionPair>()
        for s in g.sessions { for b in s.notConcurrentWith { pairs.insert(SessionPair(s.index, b)) } }
        list += pairs.sorted().map { .apart($0) }
        for s in g.sessions {
            if s.pinSlot != nil { list.append(.pinSlot(session: s.index)) }
            if s.pinRoom != nil { list.append(.pinRoom(session: s.index)) }
        }
        for r in g.rooms where !r.unavailable.isEmpty { list.append(.roomUnavailable(room: r.index)) }
        for r in g.rooms where r.capacity != nil { list.append(.capacity(room: r.index)) }
        let sites = Set(g.rooms.map(\.site)).count
        for p in g.people where g.travelMinutes > 0 && sites > 1 && sessionsOf[p.index].count > 1 { list.append(.travel(person: p.index)) }
        for p in g.people where p.maxPerDay.map({ $0 < sessionsOf[p.index].count }) ?? false { list.append(.dailyLoad(person: p.index)) }
        return list
    }

    /// Every requirement of a replanning domain: the gathering's, then each frozen session's place.
    package static func all(in domain: Domain) -> [Requirement] {
        let g = domain.gathering
        return all(in: g)
            + g.sessions.indices.compactMap { s in domain.frozenPlaceText(s).map { .frozen(session: s, place: $0) } }
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
        case .frozen(let s, _): "frozen \(g.sessions[s].id)"
        }
    }

    /// The requirement as a sentence naming the sessions, people, rooms and times involved.
    package func sentence(_ g: Gathering) -> String {
        switch self {
        case .placed(let s): return "\(g.sessions[s].label) must be scheduled."
        case .availability(let p): return "\(g.people[p].label) is available \(ImmediateReason.availability(g.people[p], g))."
        case .oneAtATime(let p):
            return "\(g.people[p].label) facilitates \(sessions(of: p, in: g).joinedInWords) and can be in only one at a time."
        case .exclusive(let s): return "\(g.sessions[s].label) is exclusive: nothing else may run at the same time."
        case .after(let s, let b): return "\(g.sessions[s].label) must start after \(g.sessions[b].label) ends."
        case .apart(let pair): return "\(g.sessions[pair.first].label) and \(g.sessions[pair.second].label) must not run at the same time."
        case .pinSlot(let s):
            return "\(g.sessions[s].label) is pinned to start at \(g.sessions[s].pinSlot.map { g.label(slot: $0) } ?? "?")."
        case .pinRoom(let s): return "\(g.sessions[s].label) is pinned to \(g.sessions[s].pinRoom.map { g.rooms[$0].label } ?? "?")."
        case .roomUnavailable(let r): return "\(g.rooms[r].label) is unavailable \(g.label(windows: g.rooms[r].unavailable))."
        case .capacity(let r): return "\(g.rooms[r].label) holds \(g.rooms[r].capacity ?? 0) people."
        case .travel(let p):
            return "\(g.people[p].label) must travel \(g.travelMinutes) minutes between \(Self.sites(of: p, in: g))."
        case .dailyLoad(let p):
            let most = g.people[p].maxPerDay ?? 0
            return "\(g.people[p].label) facilitates \(sessions(of: p, in: g).joinedInWords) and at most \(most) "
                + "\(most == 1 ? "session" : "sessions") a day."
        case .frozen(let s, let place): return "\(g.sessions[s].label) \(place); it keeps that place."
        }
    }

    private func sessions(of p: Int, in g: Gathering) -> [String] {
        g.sessions.filter { $0.facilitators.contains(p) }.map(\.label)
    }

    /// The sites of the rooms where a person's sessions could be: `Boston Public Library and
    /// Cambridge Public Library`.
    private static func sites(of p: Int, in g: Gathering) -> String {
        var found: [String] = []
        for session in g.sessions where session.facilitators.contains(p) {
            for room in g.rooms where session.pinRoom.map({ $0 == room.index }) ?? Domain.suits(room, session) {
                let name = room.siteName ?? "the default site"
                if !found.contains(name) { found.append(name) }
            }
        }
        return found.sorted().joinedInWords
    }

    /// What relaxing it would mean, as advice.
    package func relaxation(_ g: Gathering) -> String {
        switch self {
        case .placed(let s): "make \(g.sessions[s].label) optional"
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
}

extension Gathering {
    /// The same gathering with these requirements lifted (a frozen place is the previous agenda's,
    /// and one person's one-at-a-time rule or travel time are the domain's, which
    /// ``Domain/relaxing(_:)`` lifts).
    package func relaxing(_ requirements: some Sequence<Requirement>) -> Gathering {
        var g = self
        for requirement in requirements.sorted() {
            switch requirement {
            case .placed(let s): g.sessions[s].optional = true
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
    package func relaxing(_ requirements: some Sequence<Requirement>) -> Domain {
        var previous = self.previous
        var kept = self.kept
        var lifted = relaxations
        for requirement in requirements {
            switch requirement {
            case .frozen(let s, _):
                previous?.placements[gathering.sessions[s].id] = nil
                kept.remove(gathering.sessions[s].id)
            case .oneAtATime(let p): lifted.oneAtATime.insert(p)
            case .travel(let p): lifted.travel.insert(p)
            default: continue
            }
        }
        return Domain(gathering.relaxing(requirements), previous: previous, frozenUntil: frozenUntil, keep: kept, relaxations: lifted)
    }
}
