import ConveneCore

extension SearchRun {
    /// Places every non-optional session, then the optional ones where they cost less placed
    /// than not. When replanning, every session first goes back where the previous agenda had it,
    /// if that still fits: only what must move moves (closing a room for a day of 400 sessions:
    /// 10 moves, the fewest possible, instead of 56). The non-optional ones go in greedily, most
    /// constrained first; those left over are placed by conflict-directed repair. When a short
    /// repair fails on a small gathering, complete backtracking decides (and may prove that no
    /// agenda exists); otherwise the repair goes on until the time limit, or for a long budget
    /// without one.
    mutating func construct(nodeLimit: Int) -> Construction {
        let required = g.sessions.indices.filter(model.domain.mustPlace)
        let order = required.map { ($0, constrainedness($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
        var keys = [Int](repeating: Int.max, count: g.sessions.count)
        for (n, s) in order.enumerated() { keys[s] = n }
        restorePrevious(order + g.sessions.indices.filter { !model.domain.mustPlace($0) })
        var stuck: [Int] = []
        for (n, s) in order.enumerated() where !state.isPlaced(s) {
            if n % 16 == 0, outOfTime { return .gaveUp }
            if !insertBest(s) { stuck.append(s) }
        }
        if !stuck.isEmpty && !repair(stuck, budget: 20 * (stuck.count + required.count) + 100, keys: keys) {
            guard !outOfTime else { return .gaveUp }
            if required.count <= Self.completeSearchLimit {
                let partial = state
                for s in g.sessions.indices { state.remove(s) }
                var exhausted = true
                if !backtrack(required, nodeLimit: nodeLimit, exhausted: &exhausted) {
                    if exhausted { return .infeasible }
                    state = partial
                }
            }
            let unplaced = required.filter { !state.isPlaced($0) }
            guard unplaced.isEmpty || repair(unplaced, budget: 200 * required.count + 20_000, keys: keys) else { return .gaveUp }
        }
        for s in g.sessions.indices where !model.domain.mustPlace(s) && !state.isPlaced(s) {
            if model.allOrNone[s] {
                if g.sessions[s].run == 1 { insertRuns(of: s) }
            } else {
                insertBest(s, onlyIfCheaper: true)
            }
        }
        best = (state.cost, state.placements)
        return .found
    }

    /// Puts each session, in turn, at its previous start and rooms where the domain and the
    /// sessions already placed allow it.
    private mutating func restorePrevious(_ sessions: [Int]) {
        for s in sessions {
            guard let (start, rooms) = model.previous[s], let i = start else { continue }
            let chosen = rooms.sorted()
            guard model.domain.isRoomSet(chosen, for: s, at: model.domain.starts[s][i]), state.canPlace(s, at: i, rooms: chosen) else {
                continue
            }
            state.place(s, at: i, rooms: chosen)
        }
    }

    /// Sort key: pinned, exclusive and multi-room sessions first, then those with fewer
    /// (start, room) options and more facilitators.
    private func constrainedness(_ s: Int) -> (Int, Int, Int, Int) {
        let session = g.sessions[s]
        let fixed = session.pinSlot != nil || session.pinRoom != nil || model.domain.frozen[s] != nil
        let special = fixed ? 0 : session.exclusive || session.rooms > 1 ? 1 : 2
        let options = model.domain.starts[s].reduce(0) { $0 + $1.rooms.count }
        return (special, options, -session.facilitatorIndices.count, s)
    }

    /// Places `s` where it costs least (ties broken at random); false when it fits nowhere.
    /// Places every run of the optional session `s` is a run of, each where it costs least, and
    /// keeps them only when all fit and the agenda costs less; true when they are kept.
    @discardableResult
    mutating func insertRuns(of s: Int) -> Bool {
        let runs = g.runs(of: s).filter { !state.isPlaced($0) }
        let before = state.cost
        var placed: [Int] = []
        for r in runs {
            guard insertBest(r) else { break }
            placed.append(r)
        }
        if placed.count == runs.count && state.cost < before { return true }
        for r in placed { state.remove(r) }
        return false
    }

    @discardableResult
    mutating func insertBest(_ s: Int, onlyIfCheaper: Bool = false) -> Bool {
        var choice: (i: Int, rooms: [Int], cost: Int)?
        var ties = 0
        for i in model.domain.starts[s].indices {
            guard let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) else { continue }
            let cost = state.cost(of: s, at: i, rooms: rooms)
            let least = choice?.cost ?? Int.max
            if cost < least {
                choice = (i, rooms, cost)
                ties = 1
            } else if cost == least {
                ties += 1
                if rng.below(ties) == 0 { choice = (i, rooms, cost) }
            }
        }
        guard let choice else { return false }
        if onlyIfCheaper && choice.cost >= state.unplacedCost(of: s) { return false }
        state.place(s, at: choice.i, rooms: choice.rooms)
        return true
    }

    /// Depth-first search over the required sessions, most constrained first (fewest options
    /// left), each option tried in order of cost; a session left with no option fails the branch.
    private mutating func backtrack(_ required: [Int], nodeLimit: Int, exhausted: inout Bool) -> Bool {
        let open = required.filter { !state.isPlaced($0) }
        guard !open.isEmpty else { return true }
        nodes += 1
        if nodes > nodeLimit || outOfTime {
            exhausted = false
            return false
        }
        var pick: (s: Int, options: [(Int, [Int])])?
        for s in open {
            var options: [(Int, [Int])] = []
            for i in model.domain.starts[s].indices {
                for rooms in state.roomChoices(s, at: i) where state.canPlace(s, at: i, rooms: rooms) { options.append((i, rooms)) }
            }
            if options.isEmpty { return false }  // forward check: this branch is dead
            if options.count < pick?.options.count ?? Int.max { pick = (s, options) }
        }
        guard let (s, options) = pick else { return true }
        let ordered = options.map { ($0, state.cost(of: s, at: $0.0, rooms: $0.1)) }.sorted { $0.1 < $1.1 }.map(\.0)
        for (i, rooms) in ordered {
            state.place(s, at: i, rooms: rooms)
            if backtrack(required, nodeLimit: nodeLimit, exhausted: &exhausted) { return true }
            state.remove(s)
            if !exhausted { return false }
        }
        return false
    }
}
