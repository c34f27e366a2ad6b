extension Gathering {
    /// Every non-zero cost term of the contract objective for these placements, in a fixed order:
    /// by kind (in ``Agenda/CostKind`` order), then by the sessions' order in the input (and a
    /// session's facilitators' order). A session placed more than once counts by its first placement.
    package func costs(of placements: [Assignment], previous: PreviousAgenda? = nil) -> [Agenda.Cost] {
        var placed = [Assignment?](repeating: nil, count: sessions.count)
        for p in placements where sessions.indices.contains(p.session) && placed[p.session] == nil { placed[p.session] = p }
        var costs: [Agenda.Cost] = []

        if weights.clash > 0 {
            // Two sessions clash when every run of one is concurrent with every run of the other
            // (with one run each: when they are concurrent); a session counts as placed here when
            // all of its runs are.
            func placedRuns(_ s: Int) -> [Assignment]? {
                let runs = runs(of: s).compactMap { placed[$0] }
                return runs.count == sessions[s].runs ? runs : nil
            }
            var wanting: [SessionPair: [Int]] = [:]
            for attendee in attendees {
                let wanted = attendee.interestIndices.compactMap { s in placedRuns(s).map { (s, $0) } }
                for (i, a) in wanted.enumerated() {
                    for b in wanted[(i + 1)...] where a.1.allSatisfy({ x in b.1.allSatisfy(x.isConcurrent) }) {
                        wanting[SessionPair(a.0, b.0), default: []].append(attendee.index)
                    }
                }
            }
            for (pair, who) in wanting.sorted(by: { $0.key < $1.key }) {
                costs.append(
                    .init(
                        kind: .clash, sessions: [sessions[pair.first].id, sessions[pair.second].id],
                        attendees: who.map { attendees[$0].id }, cost: who.count * weights.clash))
            }
        }
        for session in sessions where !session.preferredSlotTags.isEmpty {
            guard let p = placed[session.index], !misses(session, p.slots).isEmpty else { continue }
            let cost = weights.preference * session.preferenceWeight
            if cost > 0 { costs.append(.init(kind: .preference, sessions: [session.id], cost: cost)) }
        }
        if weights.personPreference > 0 {
            for session in sessions {
                guard let p = placed[session.index] else { continue }
                for f in outsidePreferredHours(session, p.slots) {
                    costs.append(
                        .init(kind: .personPreference, sessions: [session.id], person: people[f].id, cost: weights.personPreference))
                }
            }
        }
        // Once per session: run 1 carries it (an optional session has all its runs placed or none).
        for session in sessions where session.optional && session.run == 1 && placed[session.index] == nil {
            let cost = weights.unscheduled * session.priority
            if cost > 0 { costs.append(.init(kind: .unscheduled, sessions: [session.id], cost: cost)) }
        }
        if let previous {
            // A session kept at its start slot in other rooms costs `roomChange`; moved or
            // unplaced, `change`.
            var moved: [String] = []
            var roomChanged: [String] = []
            for session in sessions {
                guard let before = previous.entry(session) else { continue }
                guard let now = placed[session.index], slots[now.start].id == before.start else {
                    moved.append(session.id)
                    continue
                }
                if Set(now.rooms.map { rooms[$0].id }) != before.rooms { roomChanged.append(session.id) }
            }
            if weights.change > 0 { costs += moved.map { .init(kind: .change, sessions: [$0], cost: weights.change) } }
            let roomChange = weights.roomChangeWeight
            if roomChange > 0 { costs += roomChanged.map { .init(kind: .roomChange, sessions: [$0], cost: roomChange) } }
        }
        if weights.trackOverlap > 0 {
            var pairs: [SessionPair] = []
            for members in tracks.values.map({ $0.compactMap { placed[$0] } }) {
                for (i, a) in members.enumerated() {
                    for b in members[(i + 1)...] where a.isConcurrent(with: b) && !areRuns(a.session, b.session) {
                        pairs.append(SessionPair(a.session, b.session))
                    }
                }
            }
            for pair in pairs.sorted() {
                costs.append(
                    .init(kind: .trackOverlap, sessions: [sessions[pair.first].id, sessions[pair.second].id], cost: weights.trackOverlap))
            }
        }
        return costs
    }

    /// Sessions by track (non-empty tracks only), each list in input order.
    package var tracks: [String: [Int]] {
        var tracks: [String: [Int]] = [:]
        for session in sessions { if let track = session.track { tracks[track, default: []].append(session.index) } }
        return tracks
    }

    /// The groups whose concurrent pairs cost something, each with the weight of one such pair:
    /// each attendee's interests (`clash`) and each track (`trackOverlap`), groups of the same
    /// sessions (sorted) merged, their weights added. The objective's concurrency part is
    /// Σ weight × (concurrent pairs of the group), as the integer program and the domain's bound
    /// count it.
    package func concurrencyGroups() -> [[Int]: Int] {
        var weight: [[Int]: Int] = [:]
        if weights.clash > 0 {
            for attendee in attendees {
                let wanted = pairwiseInterests(attendee)
                if wanted.count > 1 { weight[wanted.sorted(), default: 0] += weights.clash }
            }
        }
        if weights.trackOverlap > 0 {
            for members in tracks.values where members.count > 1 { weight[members.sorted(), default: 0] += weights.trackOverlap }
        }
        return weight
    }

    /// What running two sessions at the same time costs: the attendees who want both × the clash
    /// weight, plus the track-overlap weight when they share a track. Only pairs that cost something.
    /// A clash with a session that has several runs is not a pair's: ``runClashes()``.
    package func concurrencyWeights() -> [SessionPair: Int] {
        var weight: [SessionPair: Int] = [:]
        if weights.clash > 0 {
            for attendee in attendees {
                let wanted = pairwiseInterests(attendee)
                for (i, a) in wanted.enumerated() {
                    for b in wanted[(i + 1)...] { weight[SessionPair(a, b), default: 0] += weights.clash }
                }
            }
        }
        if weights.trackOverlap > 0 {
            for members in tracks.values {
                for (i, a) in members.enumerated() {
                    for b in members[(i + 1)...] where !areRuns(a, b) { weight[SessionPair(a, b), default: 0] += weights.trackOverlap }
                }
            }
        }
        return weight
    }

    /// The preferred tags that some occupied slot lacks (empty: the preference is met).
    package func misses(_ session: Session, _ occupied: Range<Int>) -> Set<String> {
        occupied.reduce(into: Set<String>()) { missing, slot in missing.formUnion(session.preferredSlotTags.subtracting(slots[slot].tags)) }
    }
}

/// An unordered pair of session indices, smaller first.
package struct SessionPair: Sendable, Hashable, Comparable {
    package let first: Int
    package let second: Int

    package init(_ a: Int, _ b: Int) {
        first = min(a, b)
        second = max(a, b)
    }

    package static func < (a: SessionPair, b: SessionPair) -> Bool { (a.first, a.second) < (b.first, b.second) }
}

extension Gathering {
    /// The same gathering with every weight zero: only whether an agenda exists matters.
    package func withoutCosts() -> Gathering {
        var plain = self
        plain.weights = .init(clash: 0, preference: 0, unscheduled: 0, change: 0, trackOverlap: 0, personPreference: 0, roomChange: 0)
        return plain
    }
}
