/// What the search knows about a gathering before it starts: who costs what with whom, and the
/// fixed part of each placement's cost. Computed once per solve.
struct SearchModel {
    let domain: Domain
    let g: Gathering
    /// Sessions whose concurrency costs something, with that cost (clash and track overlap).
    let adjacency: [[(other: Int, weight: Int)]]
    /// `preference[s][i]`: the preference cost of start `i`.
    let preference: [[Int]]
    let unplacedCost: [Int]
    /// The previous agenda's start (index into the domain's starts) and rooms, per session.
    let previous: [(start: Int?, rooms: Set<Int>)?]
    let changeWeight: Int
    /// `after` reversed: the sessions that must start after this one.
    let before: [[Int]]
    /// `notConcurrentWith`, named on either side.
    let apart: [[Int]]
    /// Rooms ordered plainest first: fewest tags, then fewest seats, then input order.
    let roomsByScarcity: [Int]

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
                !s.preferredSlotTags.isEmpty && !g.misses(s, start.slots).isEmpty ? g.weights.preference * s.preferenceWeight : 0
            }
        }
        unplacedCost = g.sessions.map { $0.optional ? g.weights.unscheduled * $0.priority : 0 }
        changeWeight = agenda == nil ? 0 : g.weights.change
        self.previous = g.sessions.map { s in
            guard let entry = agenda?.placements[s.id] else { return nil }
            let start = g.slotIndex[entry.start].flatMap { t in domain.starts[s.index].firstIndex { $0.slot == t } }
            let rooms = entry.rooms.compactMap { g.roomIndex[$0] }
            return (start, rooms.count == entry.rooms.count ? Set(rooms) : [])
        }
        var before = [[Int]](repeating: [], count: g.sessions.count)
        var apart = [[Int]](repeating: [], count: g.sessions.count)
        for s in g.sessions {
            for b in s.after { before[b].append(s.index) }
            for b in s.notConcurrentWith {
                if !apart[s.index].contains(b) { apart[s.index].append(b) }
                if !apart[b].contains(s.index) { apart[b].append(s.index) }
            }
        }
        self.before = before
        self.apart = apart
        roomsByScarcity = g.rooms.indices.sorted {
            (g.rooms[$0].tags.count, g.rooms[$0].capacity ?? Int.max, $0) < (g.rooms[$1].tags.count, g.rooms[$1].capacity ?? Int.max, $1)
        }
    }

    /// The change cost of session `s` at start `i` (nil: unplaced) in `rooms`.
    func change(_ s: Int, _ i: Int?, _ rooms: [Int]) -> Int {
        guard changeWeight > 0, let before = previous[s] else { return 0 }
        guard let i, i == before.start, Set(rooms) == before.rooms else { return changeWeight }
        return 0
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
        cost = g.sessions.indices.reduce(0) { $0 + model.unplacedCost[$1] + model.change($1, nil, []) }
    }

    func isPlaced(_ s: Int) -> Bool { start[s] >= 0 }

    func slots(_ s: Int) -> Range<Int> { model.domain.starts[s][start[s]].slots }

    func slots(_ s: Int, _ i: Int) -> Range<Int> { model.domain.starts[s][i].slots }

    /// The placements, for the checker and the agenda document.
    var placements: [Assignment] {
        start.indices.compactMap { s in
            guard start[s] >= 0 else { return nil }
            let option = model.domain.starts[s][start[s]]
            return Assignment(session: s, start: option.slot, slots: option.slots, rooms: rooms[s])
        }
    }

    /// The cost `s` adds at start `i` in `rooms`, given everything else as it is (`s` unplaced).
    func cost(of s: Int, at i: Int, rooms: [Int]) -> Int {
        let range = slots(s, i)
        var total = model.preference[s][i] + model.change(s, i, rooms)
        for (b, w) in model.adjacency[s] where start[b] >= 0 && slots(b).overlaps(range) { total += w }
        return total
    }

    func unplacedCost(of s: Int) -> Int { model.unplacedCost[s] + model.change(s, nil, []) }

    /// Whether `s` (now unplaced) may take start `i` in `rooms` under hard rules 4–8
    /// (rules 2, 3 and 9 hold for every start and room the domain offers).
    func canPlace(_ s: Int, at i: Int, rooms: [Int]) -> Bool {
        let g = model.g
        let session = g.sessions[s]
        let range = slots(s, i)
        for k in range {
            for r in rooms where roomAt[r * slotCount + k] >= 0 { return false }
            for p in session.facilitators where personAt[p * slotCount + k] >= 0 { return false }
            if session.exclusive ? countAt[k] > 0 : exclusiveAt[k] >= 0 { return false }
        }
        return respectsOrder(s, range)
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
        for b in model.apart[s] where start[b] >= 0 && slots(b).overlaps(range) { found.append(b) }
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
        let preferred = model.roomsByScarcity.filter(previous.contains) + model.roomsByScarcity.filter { !previous.contains($0) }
        return model.domain.chooseRooms(s, model.domain.starts[s][i], free: freeRooms(s, at: i), preferred: preferred)
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
        let session = model.g.sessions[s]
        for k in slots(s, i) {
            for r in chosen { roomAt[r * slotCount + k] = Int32(s) }
            for p in session.facilitators { personAt[p * slotCount + k] = Int32(s) }
            if session.exclusive { exclusiveAt[k] = Int32(s) }
            countAt[k] += 1
        }
    }

    mutating func remove(_ s: Int) {
        guard start[s] >= 0 else { return }
        let i = start[s]
        let chosen = rooms[s]
        let session = model.g.sessions[s]
        for k in slots(s, i) {
            for r in chosen { roomAt[r * slotCount + k] = -1 }
            for p in session.facilitators { personAt[p * slotCount + k] = -1 }
            if session.exclusive { exclusiveAt[k] = -1 }
            countAt[k] -= 1
        }
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
            for p in session.facilitators where personAt[p * slotCount + k] >= 0 { found.insert(Int(personAt[p * slotCount + k])) }
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
        for r in option.required { found.formUnion(occupants(r)) }
        for (_, who) in others.prefix(max(0, session.rooms - option.required.count)) { found.formUnion(who) }
        found.remove(s)
        return found
    }
}
