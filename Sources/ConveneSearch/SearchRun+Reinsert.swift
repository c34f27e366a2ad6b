import ConveneCore

extension SearchRun {
    /// Option evaluations one exact reinsertion may spend (each a room choice and a rules check).
    static let reinsertEvaluations = 600

    /// Ruin and recreate, exactly: takes out a session that costs something now and a few of
    /// those it is tied to (the partners it clashes with now, the other sessions of its
    /// facilitators, which rules 4, 11 and 12 bind to it, its other costly partners), then puts
    /// them back by depth-first search, cheapest option first, pruned by the cost so far. Keeps
    /// the cheapest arrangement found, if it costs less than before; otherwise puts everything
    /// back. The greedy moves stall where two or three sessions must move at once (a clash that
    /// only a facilitator's two sessions trading days removes); this finds such a move whenever
    /// one exists within its neighbourhood and budget.
    mutating func reinsertExactly(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        guard let s = costlySession() else { return false }
        let group = neighbourhood(of: s, size: 3 + rng.below(3))
        let before = state.cost
        for b in group { take(b, &undo) }
        // Fewest options first, so that the search branches least near the root.
        let order = group.sorted { (model.domain.starts[$0].count, $0) < (model.domain.starts[$1].count, $1) }
        var relief = [Int](repeating: 0, count: order.count + 1)
        for d in order.indices.reversed() { relief[d] = relief[d + 1] + state.unplacedCost(of: order[d]) }
        var search = ExactReinsertion(bound: before, budget: Self.reinsertEvaluations)
        placeCheapest(order, depth: 0, relief: relief, &search)
        guard let plan = search.plan else {
            restore(undo)
            undo.removeAll()
            return false
        }
        for (b, i, rooms) in plan where i >= 0 { state.place(b, at: i, rooms: rooms) }
        return true
    }

    /// A session whose place (or absence) costs something now, found by a few random draws;
    /// nil when the draws find none.
    private mutating func costlySession() -> Int? {
        for _ in 0..<8 {
            let s = rng.below(g.sessions.count)
            if state.isPlaced(s) {
                if state.cost(of: s, at: state.start[s], rooms: state.rooms[s]) > 0 { return s }
            } else if state.unplacedCost(of: s) > 0 {
                return s
            }
        }
        return nil
    }

    /// `s`, then (each kind in random order) the partners it clashes with now, the other
    /// sessions of its facilitators, and its other partners, up to `size` sessions.
    private mutating func neighbourhood(of s: Int, size: Int) -> [Int] {
        var group = [s]
        let concurrent = state.isPlaced(s) ? state.slots(s) : nil
        var clashing: [Int] = []
        var others: [Int] = []
        for (b, _) in model.adjacency[s] {
            if let range = concurrent, state.isPlaced(b), state.slots(b).overlaps(range) {
                clashing.append(b)
            } else {
                others.append(b)
            }
        }
        var mates: [Int] = []
        for p in g.sessions[s].facilitatorIndices {
            for b in g.facilitated[p] where b != s && !mates.contains(b) { mates.append(b) }
        }
        for var kind in [clashing, mates, others] {
            for k in kind.indices.reversed() { kind.swapAt(k, rng.below(k + 1)) }
            for b in kind where group.count < size && !group.contains(b) { group.append(b) }
        }
        return group
    }

    /// Places `order[depth...]` (all unplaced now) every cheapest way in turn, recording in
    /// `search` each complete arrangement cheaper than the best so far; leaves them unplaced.
    /// `relief[d]`: the most that placing `order[d...]` can take off the cost (their unplaced costs).
    private mutating func placeCheapest(_ order: [Int], depth: Int, relief: [Int], _ search: inout ExactReinsertion) {
        guard depth < order.count else {
            if state.cost < search.bound {
                search.bound = state.cost
                search.plan = search.current
            }
            return
        }
        let s = order[depth]
        let unplaced = state.unplacedCost(of: s)
        var options: [(delta: Int, i: Int, rooms: [Int])] = model.domain.mustPlace(s) ? [] : [(0, -1, [])]
        for i in model.domain.starts[s].indices {
            guard search.budget > 0 else { break }
            search.budget -= 1
            guard let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) else { continue }
            options.append((state.cost(of: s, at: i, rooms: rooms) - unplaced, i, rooms))
        }
        options.sort { ($0.delta, $0.i) < ($1.delta, $1.i) }
        for option in options {
            // The cost can only fall by the remaining sessions' unplaced costs: prune on that.
            guard state.cost + option.delta - relief[depth + 1] < search.bound else { break }
            if option.i >= 0 { state.place(s, at: option.i, rooms: option.rooms) }
            search.current.append((s, option.i, option.rooms))
            placeCheapest(order, depth: depth + 1, relief: relief, &search)
            search.current.removeLast()
            state.remove(s)
            if search.budget <= 0 { break }
        }
    }
}

/// The state of one exact reinsertion: the cost to beat, the arrangement being built, the
/// cheapest complete one, and the option evaluations left.
struct ExactReinsertion {
    var bound: Int
    var budget: Int
    var current: [(session: Int, start: Int, rooms: [Int])] = []
    var plan: [(session: Int, start: Int, rooms: [Int])]?
}
