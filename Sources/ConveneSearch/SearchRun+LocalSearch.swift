import ConveneCore

extension SearchRun {
    /// Late-acceptance hill climbing: a move is kept when the result is no worse than the
    /// current agenda or than the one `history` moves ago; otherwise it is undone.
    mutating func improve(moves: Int, onImprovement: (SearchRun) -> Void) {
        let sessions = g.sessions.count
        guard sessions > 0 else { return }
        var history = [Int](repeating: state.cost, count: 5000)
        var lastBest = 0
        for step in 0..<moves {
            if step % 8 == 0 && outOfTime { break }
            // Nothing more to gain (the domain's bound reached), or nothing gained for long: stop (a count, so still deterministic).
            // An agenda that leaves a session out waits the full patience: placing it may take
            // longer chains of moves, which fix-and-optimise's windows do not make.
            let waits = best.placements.count < sessions ? max(patience, SearchRun.patience) : patience
            if best.cost <= floor || step - lastBest > waits { break }
            movesMade += 1
            let before = state.cost
            var undo: [(Int, Int, [Int])] = []
            let roll = rng.below(100)
            let applied: Bool
            // When replanning, one move in ten puts a session back where it was.
            if !returning.isEmpty && roll < 10 {
                applied = returnToPrevious(&undo)
            } else {
                applied = randomMove(roll, &undo)
            }
            guard applied else { continue }
            let slot = step % history.count
            if state.cost <= before || state.cost <= history[slot] {
                if state.cost < best.cost {
                    best = (state.cost, state.placements)
                    lastBest = step
                    onImprovement(self)
                }
            } else {
                restore(undo)
            }
            history[slot] = state.cost
        }
    }

    /// One of the moves every run makes, by `roll` (0..<100). Half are exact reinsertions: on
    /// 150-session gatherings with travel and daily limits they took the search from stalling
    /// 1–8 above the optimum in most runs to reaching it in under 0.3 s in every run measured.
    private mutating func randomMove(_ roll: Int, _ undo: inout [(Int, Int, [Int])]) -> Bool {
        switch roll {
        case ..<22: relocate(&undo)
        case ..<32: swap(&undo)
        case ..<42: eject(&undo)
        case ..<50: ruinAndRecreate(&undo)
        default: reinsertExactly(&undo)
        }
    }

    /// Puts the sessions in `undo` back where they were (their old places were feasible together).
    mutating func restore(_ undo: [(Int, Int, [Int])]) {
        for (s, _, _) in undo { state.remove(s) }
        for (s, i, rooms) in undo where i >= 0 { state.place(s, at: i, rooms: rooms) }
    }

    mutating func take(_ s: Int, _ undo: inout [(Int, Int, [Int])]) {
        if !undo.contains(where: { $0.0 == s }) { undo.append((s, state.start[s], state.rooms[s])) }
        state.remove(s)
    }

    /// Moves one session to a random start (or, if optional, in or out of the agenda).
    private mutating func relocate(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let s = rng.below(g.sessions.count)
        let starts = model.domain.starts[s].count
        guard starts > 0 else { return false }
        if model.allOrNone[s] && (!state.isPlaced(s) || rng.chance(0.2)) {
            // All the runs of an optional session in or out at once.
            let runs = g.runs(of: s)
            if state.isPlaced(s) {
                for r in runs { take(r, &undo) }
                return true
            }
            for r in runs { take(r, &undo) }
            guard insertRuns(of: s) else {
                restore(undo)
                undo.removeAll()
                return false
            }
            return true
        }
        if !model.domain.mustPlace(s) && state.isPlaced(s) && rng.chance(0.2) {
            take(s, &undo)
            return true
        }
        let i = rng.below(starts)
        let old = (state.start[s], state.rooms[s])
        take(s, &undo)
        if let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) {
            state.place(s, at: i, rooms: rooms)
            return true
        }
        if old.0 >= 0 { state.place(s, at: old.0, rooms: old.1) }
        undo.removeAll()
        return false
    }

    /// Exchanges the start slots of two placed sessions.
    private mutating func swap(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let a = rng.below(g.sessions.count)
        let b = rng.below(g.sessions.count)
        guard a != b, state.isPlaced(a), state.isPlaced(b) else { return false }
        let slotA = model.domain.starts[a][state.start[a]].slot
        let slotB = model.domain.starts[b][state.start[b]].slot
        guard slotA != slotB,
            let ia = model.domain.starts[a].firstIndex(where: { $0.slot == slotB }),
            let ib = model.domain.starts[b].firstIndex(where: { $0.slot == slotA })
        else { return false }
        take(a, &undo)
        take(b, &undo)
        if let ra = state.chooseRooms(a, at: ia), state.canPlace(a, at: ia, rooms: ra) {
            state.place(a, at: ia, rooms: ra)
            if let rb = state.chooseRooms(b, at: ib), state.canPlace(b, at: ib, rooms: rb) {
                state.place(b, at: ib, rooms: rb)
                return true
            }
        }
        restore(undo)
        undo.removeAll()
        return false
    }

    /// Moves a session to a random start, moving out the one or two sessions in its way and
    /// putting them back wherever they cost least.
    private mutating func eject(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let s = rng.below(g.sessions.count)
        let starts = model.domain.starts[s].count
        guard starts > 0 else { return false }
        let i = rng.below(starts)
        take(s, &undo)
        let blockers = state.blockers(s, at: i)
        guard blockers.count <= 2 else {
            restore(undo)
            undo.removeAll()
            return false
        }
        for b in blockers.sorted() { take(b, &undo) }
        guard let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) else {
            restore(undo)
            undo.removeAll()
            return false
        }
        state.place(s, at: i, rooms: rooms)
        for b in blockers.sorted() where !insertBest(b) && model.domain.mustPlace(b) {
            restore(undo)
            undo.removeAll()
            return false
        }
        return true
    }

    /// Takes out a session and up to three of those it costs most with, then puts them back one
    /// by one, each where it costs least.
    private mutating func ruinAndRecreate(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let s = rng.below(g.sessions.count)
        var ruined = [s]
        let neighbours = model.adjacency[s].sorted { $0.weight > $1.weight }.prefix(6).map(\.other)
        for b in neighbours where ruined.count < 4 && rng.chance(0.6) { ruined.append(b) }
        for b in ruined { take(b, &undo) }
        for k in ruined.indices.reversed() { ruined.swapAt(k, rng.below(k + 1)) }
        for b in ruined {
            if !insertBest(b, onlyIfCheaper: !model.domain.mustPlace(b)) && model.domain.mustPlace(b) {
                restore(undo)
                undo.removeAll()
                return false
            }
        }
        return true
    }

    /// Puts a session back where the previous agenda had it: its start slot and, when they are
    /// still a room set it may use, its rooms. What holds those rooms or is otherwise in its way
    /// moves out and goes wherever it costs least.
    private mutating func returnToPrevious(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let s = returning[rng.below(returning.count)]
        guard let before = model.previous[s], let i = before.start else { return false }
        let option = model.domain.starts[s][i]
        let rooms = before.rooms.sorted()
        let sameRooms = model.domain.isRoomSet(rooms, for: s, at: option)
        if state.start[s] == i && (!sameRooms || state.rooms[s] == rooms) { return false }
        take(s, &undo)
        var ejected: [Int] = []
        func eject(_ b: Int, _ undo: inout [(Int, Int, [Int])]) {
            guard !ejected.contains(b) else { return }
            ejected.append(b)
            take(b, &undo)
        }
        if sameRooms {
            for r in rooms {
                for k in option.slots where state.roomAt[r * state.slotCount + k] >= 0 {
                    eject(Int(state.roomAt[r * state.slotCount + k]), &undo)
                }
            }
        }
        for b in state.blockers(s, at: i).sorted() { eject(b, &undo) }
        // The state's room choice takes the previous rooms first, now that they are free.
        guard let chosen = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: chosen) else {
            restore(undo)
            undo.removeAll()
            return false
        }
        state.place(s, at: i, rooms: chosen)
        for b in ejected where !insertBest(b, onlyIfCheaper: !model.domain.mustPlace(b)) && model.domain.mustPlace(b) {
            restore(undo)
            undo.removeAll()
            return false
        }
        return true
    }
}
