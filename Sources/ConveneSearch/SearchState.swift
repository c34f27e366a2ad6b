import ConveneCore

/// What the search knows about a gathering before it starts: who costs what with whom, and the
/// fixed part of each placement's cost. Computed once per solve.
final class SearchModel {
    let domain: Domain
    let g: Gathering
    /// Sessions whose concurrency costs something, with that cost (clash and track overlap).
    let adjacency: [[(other: Int, weight: Int)]]
    /// `preference[s][i]`: the preference costs of start `i`: the session's own slot tags and its
    /// facilitators' preferred hours.
    let preference: [[Int]]
    let unplacedCost: [Int]
    /// The previous agenda's start (index into the domain's starts) and rooms, per session.
    let previous: [(start: Int?, rooms: Set<Int>)?]
    let changeWeight: Int
    let roomChangeWeight: Int
    /// People for whom rule 11 or 12 can bind, per session: its facilitators who travel, and
    /// those with a daily limit.
    let travellers: [[Int]]
    let limited: [[Int]]
    /// Calendar days the slots span (rule 12's counts).
    let dayCount: Int
    /// `claimed[room * slots + slot]`: the session the previous agenda had in that room then, or -1;
    /// another session avoids it, so as not to cost that one a room change.
    let claimed: [Int]
    /// `after` reversed: the sessions that must start after this one.
    let before: [[Int]]
    /// Rooms ordered plainest first: fewest tags, then fewest seats, then input order.
    let roomsByScarcity: [Int]
    /// The clashes that involve a session with several runs (``Gathering/runClashes()``), and
    /// per session the indices of those it is in.
    let runClashes: [Gathering.RunClash]
    let runClashesOf: [[Int]]
    /// `allOrNone[s]`: `s` is a run of an optional session with several runs, which has all of
    /// them placed or none; `leaveOutCost[s]` is what leaving that session out costs.
    let allOrNone: [Bool]
    let leaveOutCost: [Int]

    init(domain: Domain) {
        let agenda = domain.previous
        self.domain = domain
        let g = domain.gathering
        self.g = g
        var adjacency = [[(other: Int, weight: Int)]](repeating: [], count: g.sessions.count)
        for (pair, w) in g.concurrencyWeights().sorted(by: { $0.key < $1.key }) where w > 0 {
            adjacency[pair.first].append((pair.second, w))
            adjacency[pair.second].append((pair.first, w))
        }
        self.adjacency = adjacency
        preference = g.sessions.map { s in
            domain.starts[s.index].map { start in
                (!s.preferredSlotTags.isEmpty && !g.misses(s, start.slots).isEmpty ? g.weights.preference * s.preferenceWeight : 0)
                    + g.weights.personPreference * g.outsidePreferredHours(s, start.slots).count
            }
        }
        unplacedCost = g.sessions.map { $0.optional ? g.weights.unscheduled * $0.priority : 0 }
        changeWeight = agenda == nil ? 0 : g.weights.change
        roomChangeWeight = agenda == nil ? 0 : g.weights.roomChangeWeight
        travellers = g.sessions.map { s in s.facilitatorIndices.filter { domain.travels($0) && g.facilitated[$0].count > 1 } }
        limited = g.sessions.map { s in
            s.facilitatorIndices.filter { p in domain.dailyLimit(p).map { $0 < g.facilitated[p].count } ?? false }
        }
        dayCount = (domain.dayOf.max() ?? 0) + 1
        self.previous = g.sessions.map { s in
            guard let entry = agenda?.entry(s) else { return nil }
            let start = g.slotIndex[entry.start].flatMap { t in domain.starts[s.index].firstIndex { $0.slot == t } }
            let rooms = entry.rooms.compactMap { g.roomIndex[$0] }
            return (start, rooms.count == entry.rooms.count ? Set(rooms) : [])
        }
        var claimed = [Int](repeating: -1, count: g.rooms.count * g.slots.count)
        for (s, before) in previous.enumerated() {
            guard let before, let i = before.start else { continue }
            for r in before.rooms { for k in domain.starts[s][i].slots { claimed[r * g.slots.count + k] = s } }
        }
        self.claimed = claimed
        var before = [[Int]](repeating: [], count: g.sessions.count)
        for s in g.sessions { for b in s.after { before[b].append(s.index) } }
        self.before = before
        runClashes = g.runClashes()
        var runClashesOf = [[Int]](repeating: [], count: g.sessions.count)
        for (n, clash) in runClashes.enumerated() { for s in clash.runs + [clash.other] { runClashesOf[s].append(n) } }
        self.runClashesOf = runClashesOf
        allOrNone = g.sessions.map { $0.runs > 1 && !domain.mustPlace($0.index) }
        leaveOutCost = g.sessions.map { g.weights.unscheduled * g.sessions[g.runs(of: $0.index)[0]].priority }
        roomsByScarcity = g.rooms.indices.sorted {
            (g.rooms[$0].tags.count, g.rooms[$0].capacity ?? Int.max, $0) < (g.rooms[$1].tags.count, g.rooms[$1].capacity ?? Int.max, $1)
        }
    }

    /// The change cost of session `s` at start `i` (nil: unplaced) in `rooms`: `change` when it
    /// no longer starts where the previous agenda had it, `roomChange` when it does in other rooms.
    func change(_ s: Int, _ i: Int?, _ rooms: [Int]) -> Int {
        guard let before = previous[s] else { return 0 }
        guard let i, i == before.start else { return changeWeight }
        return Set(rooms) == before.rooms ? 0 : roomChangeWeight
    }
}

/// The search's working agenda: each session's start and rooms, what every room, person and slot
/// holds, and the objective, all updated incrementally so that a move costs no full recount.
struct SearchState {
    let model: SearchModel
    let slotCount: Int
    /// Index into the domain's starts, or -1 when unplaced.
    private(set) var start: [Int]
    private(set) var rooms: [[Int]]
    /// `roomAt[room * slotCount + slot]`: the session there, or -1 (so for `personAt`).
    private(set) var roomAt: [Int32]
    private(set) var personAt: [Int32]
    private(set) var exclusiveAt: [Int32]
    private(set) var countAt: [Int32]
    /// `dayLoad[p * days + d]`: the placed sessions person `p` facilitates that start on day `d`.
    private var dayLoad: [Int32]
    /// The sites of each placed session's rooms, kept while travel matters (rule 11).
    private var siteSet: [[Int]]
    private(set) var cost: Int

    init(model: SearchModel) {
        self.model = model
        let g = model.g
        slotCount = g.slots.count
        start = Array(repeating: -1, count: g.sessions.count)
        rooms = Array(repeating: [], count: g.sessions.count)
        roomAt = Array(repeating: -1, count: g.rooms.count * g.slots.count)
        personAt = Array(repeating: -1, count: g.people.count * g.slots.count)
        exclusiveAt = Array(repeating: -1, count: g.slots.count)
        countAt = Array(repeating: 0, count: g.slots.count)
        dayLoad = Array(repeating: 0, count: g.people.count * model.dayCount)
        siteSet = Array(repeating: [], count: g.sessions.count)
        cost = g.sessions.indices.reduce(0) { $0 + model.unplacedCost[$1] + model.change($1, nil, []) }
    }

    func isPlaced(_ s: Int) -> Bool { start[s] >= 0 }

    func slots(_ s: Int) -> Range<Int> { model.domain.starts[s][start[s]].slots }

    func slots(_ s: Int, _ i: Int) -> Range<Int> { model.domain.starts[s][i].slots }

    /// The placements, for the checker and the agenda document; the runs of an optional session
    /// with several are left out unless all of them are placed.
    var placements: [Assignment] {
        start.indices.compactMap { s in
            guard start[s] >= 0, !model.allOrNone[s] || model.g.runs(of: s).allSatisfy({ start[$0] >= 0 }) else { return nil }
            let option = model.domain.starts[s][start[s]]
            return Assignment(session: s, start: option.slot, slots: option.slots, rooms: rooms[s])
        }
    }

    /// The cost `s` adds at start `i` in `rooms`, given everything else as it is (`s` unplaced).
    func cost(of s: Int, at i: Int, rooms: [Int]) -> Int {
        let range = slots(s, i)
        var total = model.preference[s][i] + model.change(s, i, rooms)
        for (b, w) in model.adjacency[s] where start[b] >= 0 && slots(b).overlaps(range) { total += w }
        for n in model.runClashesOf[s] { total += runClash(model.runClashes[n], s, range) }
        if model.allOrNone[s] { total += leftOut(s, placed: true) }
        return total
    }

    func unplacedCost(of s: Int) -> Int {
        (model.allOrNone[s] ? leftOut(s, placed: false) : model.unplacedCost[s]) + model.change(s, nil, [])
    }

    /// What a clash with a session with several runs costs with `s` (now unplaced) in `range`:
    /// its weight when every run is then concurrent with the other session.
    private func runClash(_ clash: Gathering.RunClash, _ s: Int, _ range: Range<Int>) -> Int {
        let b = clash.other
        if s == b { return clash.runs.allSatisfy { start[$0] >= 0 && slots($0).overlaps(range) } ? clash.weight : 0 }
        guard start[b] >= 0, slots(b).overlaps(range) else { return 0 }
        let other = slots(b)
        return clash.runs.allSatisfy { $0 == s || start[$0] >= 0 && slots($0).overlaps(other) } ? clash.weight : 0
    }

    /// The leave-out term of the optional session `s` is a run of, with `s` placed or not and the
    /// other runs as they are: nothing when all runs are placed, its `unscheduled` cost when none
    /// is, and more than that when some are (an agenda cannot keep part of its runs: the penalty
    /// makes the search finish or undo them, and ``placements`` leaves such runs out).
    private func leftOut(_ s: Int, placed: Bool) -> Int {
        let runs = model.g.runs(of: s)
        let count = runs.filter { $0 != s && start[$0] >= 0 }.count + (placed ? 1 : 0)
        let cost = model.leaveOutCost[s]
        return count == runs.count ? 0 : count == 0 ? cost : 2 * cost + 1
    }

    /// Whether `s` (now unplaced) may take start `i` in `rooms` under hard rules 4–8
    /// (rules 2, 3 and 9 hold for every start and room the domain offers).
    func canPlace(_ s: Int, at i: Int, rooms: [Int]) -> Bool {
        let g = model.g
        let session = g.sessions[s]
        let range = slots(s, i)
        for k in range {
            for r in rooms where roomAt[r * slotCount + k] >= 0 { return false }
            for p in model.domain.busyFacilitators[s] where personAt[p * slotCount + k] >= 0 { return false }
            if session.exclusive ? countAt[k] > 0 : exclusiveAt[k] >= 0 { return false }
        }
        return respectsOrder(s, range) && personRuleBlockers(s, at: i, rooms: rooms, all: false).isEmpty
    }

    /// The placed sessions that rules 11 and 12 keep `s` from start `i` in `rooms`: those of its
    /// facilitators too close in time at other sites, and, on a day a facilitator's limit is
    /// reached, the fewest of their sessions that day to free it. `all: false` stops at the first.
    private func personRuleBlockers(_ s: Int, at i: Int, rooms: [Int], all: Bool) -> [Int] {
        var found: [Int] = []
        let domain = model.domain
        let range = slots(s, i)
        var sites: [Int]?  // worked out once a session is close enough in time to matter
        for p in model.travellers[s] {
            for b in model.g.facilitated[p] where b != s && start[b] >= 0 && domain.tooClose(range, slots(b)) && !found.contains(b) {
                let mine = sites ?? domain.sites(rooms)
                sites = mine
                guard mine != siteSet[b] else { continue }
                found.append(b)
                if !all { return found }
            }
        }
        let day = domain.dayOf[domain.starts[s][i].slot]
        for p in model.limited[s] {
            guard let most = domain.dailyLimit(p) else { continue }
            let load = Int(dayLoad[p * model.dayCount + day])
            guard load >= most else { continue }
            if !all { return [-1] }
            // The most flexible of their sessions that day, as many as free a place.
            let here = model.g.facilitated[p].filter { b in b != s && start[b] >= 0 && domain.dayOf[domain.starts[b][start[b]].slot] == day
            }
            let flexible = here.sorted { (-domain.starts[$0].count, $0) < (-domain.starts[$1].count, $1) }
            for b in flexible.prefix(load - most + 1) where !found.contains(b) { found.append(b) }
        }
        return found
    }

    /// Rules 7 and 8 against the placed sessions related to `s`.
    private func respectsOrder(_ s: Int, _ range: Range<Int>) -> Bool {
        orderBlockers(s, range).isEmpty
    }

    /// The placed sessions that rules 7 and 8 keep `s` apart from when it occupies `range`.
    private func orderBlockers(_ s: Int, _ range: Range<Int>) -> [Int] {
        let domain = model.domain
        var found: [Int] = []
        for b in model.g.sessions[s].after where start[b] >= 0 && !domain.startsAfter(range.lowerBound, slots(b)) { found.append(b) }
        for c in model.before[s] where start[c] >= 0 && !domain.startsAfter(slots(c).lowerBound, range) { found.append(c) }
        for b in model.g.sessions[s].notConcurrentWith where start[b] >= 0 && slots(b).overlaps(range) { found.append(b) }
        return found
    }

    /// The rooms of start `i` of `s` free for its whole chain.
    private func freeRooms(_ s: Int, at i: Int) -> [Int] {
        model.domain.freeRooms(model.domain.starts[s][i]) { r, k in roomAt[r * slotCount + k] < 0 }
    }

    /// Rooms for `s` (now unplaced) at start `i`: the required rooms (pinned, or frozen), then the
    /// previous agenda's rooms, then the plainest and smallest that will do, so that rare rooms
    /// stay free for the sessions that need them. nil when the free rooms will not do.
    func chooseRooms(_ s: Int, at i: Int) -> [Int]? {
        let previous = model.previous[s]?.rooms ?? []
        // Its own previous rooms first, then rooms no other session had then in the previous agenda.
        let range = slots(s, i)
        let others = model.roomsByScarcity.filter { !previous.contains($0) }
        func claimed(_ r: Int) -> Bool {
            range.contains { k in model.claimed[r * slotCount + k] >= 0 && model.claimed[r * slotCount + k] != s }
        }
        var preferred = model.roomsByScarcity.filter(previous.contains) + others.filter { !claimed($0) } + others.filter(claimed)
        if let sites = nearbySites(s, at: i) {
            // Rule 11: rooms at the site of a facilitator's session close in time come first.
            preferred =
                preferred.filter { sites.contains(model.domain.siteOf[$0]) } + preferred.filter { !sites.contains(model.domain.siteOf[$0]) }
        }
        return model.domain.chooseRooms(s, model.domain.starts[s][i], free: freeRooms(s, at: i), preferred: preferred)
    }

    /// The sites of the first placed session of a travelling facilitator of `s` too close in time
    /// to start `i` to be at another site; nil when there is none.
    private func nearbySites(_ s: Int, at i: Int) -> [Int]? {
        let domain = model.domain
        let range = slots(s, i)
        for p in model.travellers[s] {
            for b in model.g.facilitated[p] where b != s && start[b] >= 0 && domain.tooClose(range, slots(b)) { return siteSet[b] }
        }
        return nil
    }

    /// Every free room set for `s` at start `i` (the required rooms always in), for complete search.
    func roomChoices(_ s: Int, at i: Int, limit: Int = 64) -> [[Int]] {
        let option = model.domain.starts[s][i]
        let needed = model.g.sessions[s].rooms
        let free = freeRooms(s, at: i)
        guard option.required.allSatisfy(free.contains) else { return [] }
        let others = free.filter { !option.required.contains($0) }
        var result: [[Int]] = []
        func extend(_ from: Int, _ chosen: [Int]) {
            if result.count >= limit { return }
            if chosen.count == needed {
                result.append(chosen.sorted())
                return
            }
            guard from < others.count else { return }
            for j in from..<others.count { extend(j + 1, chosen + [others[j]]) }
        }
        extend(0, option.required)
        return result
    }

    mutating func place(_ s: Int, at i: Int, rooms chosen: [Int]) {
        cost += cost(of: s, at: i, rooms: chosen) - unplacedCost(of: s)
        start[s] = i
        rooms[s] = chosen
        if model.domain.travelMatters { siteSet[s] = model.domain.sites(chosen) }
        let session = model.g.sessions[s]
        for k in slots(s, i) {
            for r in chosen { roomAt[r * slotCount + k] = Int32(s) }
            for p in model.domain.busyFacilitators[s] { personAt[p * slotCount + k] = Int32(s) }
            if session.exclusive { exclusiveAt[k] = Int32(s) }
            countAt[k] += 1
        }
        let day = model.domain.dayOf[model.domain.starts[s][i].slot]
        for p in model.limited[s] { dayLoad[p * model.dayCount + day] += 1 }
    }

    mutating func remove(_ s: Int) {
        guard start[s] >= 0 else { return }
        let i = start[s]
        let chosen = rooms[s]
        let session = model.g.sessions[s]
        for k in slots(s, i) {
            for r in chosen { roomAt[r * slotCount + k] = -1 }
            for p in model.domain.busyFacilitators[s] { personAt[p * slotCount + k] = -1 }
            if session.exclusive { exclusiveAt[k] = -1 }
            countAt[k] -= 1
        }
        let day = model.domain.dayOf[model.domain.starts[s][i].slot]
        for p in model.limited[s] { dayLoad[p * model.dayCount + day] -= 1 }
        start[s] = -1
        rooms[s] = []
        cost += unplacedCost(of: s) - cost(of: s, at: i, rooms: chosen)
    }

    /// The placed sessions that keep `s` from start `i`: those sharing a facilitator, an
    /// exclusive slot, an order or apart rule with it, and the occupants of the rooms it would use.
    func blockers(_ s: Int, at i: Int) -> Set<Int> {
        let session = model.g.sessions[s]
        let range = slots(s, i)
        var found = Set<Int>()
        for k in range {
            for p in model.domain.busyFacilitators[s] where personAt[p * slotCount + k] >= 0 {
                found.insert(Int(personAt[p * slotCount + k]))
            }
            if session.exclusive {
                for (b, bi) in start.enumerated() where bi >= 0 && b != s && slots(b).contains(k) { found.insert(b) }
            } else if exclusiveAt[k] >= 0 {
                found.insert(Int(exclusiveAt[k]))
            }
        }
        found.formUnion(orderBlockers(s, range))
        // Rooms: the required ones, then the least-occupied usable rooms, as many as it uses.
        let option = model.domain.starts[s][i]
        func occupants(_ r: Int) -> Set<Int> {
            Set(range.compactMap { k in roomAt[r * slotCount + k] >= 0 ? Int(roomAt[r * slotCount + k]) : nil })
        }
        let others = option.rooms.filter { !option.required.contains($0) }.map { ($0, occupants($0)) }
            .sorted { ($0.1.count, $0.0) < ($1.1.count, $1.0) }
        let chosen = others.prefix(max(0, session.rooms - option.required.count))
        for r in option.required { found.formUnion(occupants(r)) }
        for (_, who) in chosen { found.formUnion(who) }
        found.formUnion(personRuleBlockers(s, at: i, rooms: option.required + chosen.map(\.0), all: true))
        found.remove(s)
        return found
    }
}
