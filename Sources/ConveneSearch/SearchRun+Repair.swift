import ConveneCore

extension SearchRun {
    /// Places the sessions in `unplaced` (and any it moves out on the way) by conflict-directed
    /// repair, an iterative forward search: the hardest unplaced session takes the start whose
    /// way is cheapest to clear, the sessions in its way are moved out and queue for a place of
    /// their own. A session's weight grows each time it is moved out, so that the repair turns to
    /// other sessions rather than cycling; sessions with a single start weigh most. A few choices
    /// are random, which breaks the remaining cycles. False after `budget` steps, or out of time.
    mutating func repair(_ unplaced: [Int], budget: Int, keys: [Int]) -> Bool {
        var queue = unplaced
        var moved = [Int](repeating: 0, count: g.sessions.count)
        let rank = model.scarcityRank
        let domain = model.domain
        let base = g.sessions.map { 1 + (domain.starts[$0.index].count <= 1 ? 50 : 0) + ($0.rooms > 1 ? 2 : 0) }
        let weight = { (b: Int) in base[b] + moved[b] }
        var steps = 0
        while !queue.isEmpty {
            steps += 1
            if steps > budget || (steps % 16 == 0 && outOfTime) { return false }
            // The hardest first (fewest options, then most often moved out); now and then any.
            var pick = 0
            if rng.chance(0.1) {
                pick = rng.below(queue.count)
            } else {
                for q in queue.indices.dropFirst() where (keys[queue[q]], -moved[queue[q]]) < (keys[queue[pick]], -moved[queue[pick]]) {
                    pick = q
                }
            }
            let s = queue.remove(at: pick)
            if insertBest(s) { continue }
            guard let (i, cleared) = cheapestWay(s, rank: rank, weight: weight) else { return false }
            var undo: [(Int, Int, [Int])] = []
            for b in cleared { take(b, &undo) }
            // Whatever else is in the way there (rules 7, 8 and the like).
            for b in state.blockers(s, at: i).sorted() { take(b, &undo) }
            guard let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) else {
                restore(undo)
                queue.append(s)
                continue
            }
            state.place(s, at: i, rooms: rooms)
            for (b, _, _) in undo {
                moved[b] += 1
                if domain.mustPlace(b) { queue.append(b) }
            }
        }
        return true
    }

    /// The start of `s` whose way is cheapest to clear (ties at random; now and then a random
    /// start, to leave a cycle), and the sessions in that way; nil when `s` has no start.
    private mutating func cheapestWay(_ s: Int, rank: [Int], weight: (Int) -> Int) -> (Int, [Int])? {
        let starts = model.domain.starts[s].count
        guard starts > 0 else { return nil }
        if rng.chance(0.05) {
            let i = rng.below(starts)
            if let way = state.clearing(s, at: i, rank: rank, weight: weight) { return (i, way.blockers) }
        }
        var best: (i: Int, blockers: [Int], weight: Int)?
        var ties = 0
        for i in 0..<starts {
            guard let way = state.clearing(s, at: i, rank: rank, weight: weight) else { continue }
            let least = best?.weight ?? Int.max
            if way.weight < least {
                best = (i, way.blockers, way.weight)
                ties = 1
            } else if way.weight == least {
                ties += 1
                if rng.below(ties) == 0 { best = (i, way.blockers, way.weight) }
            }
        }
        return best.map { ($0.i, $0.blockers) }
    }
}

extension SearchModel {
    /// `scarcityRank[room]`: the room's place in ``roomsByScarcity`` (plainest first).
    var scarcityRank: [Int] {
        var rank = [Int](repeating: 0, count: roomsByScarcity.count)
        for (n, r) in roomsByScarcity.enumerated() { rank[r] = n }
        return rank
    }
}
