/// The pure-Swift solver: a most-constrained-first construction, complete backtracking with
/// forward checking when the construction gets stuck (which also proves infeasibility), then
/// late-acceptance local search on the contract objective with relocations, swaps, ejection
/// chains and ruin-and-recreate. Costs are updated incrementally, never recounted per move.
///
/// Deterministic: the same gathering, settings and seed give the same agenda, as long as the
/// time limit does not cut the run short (the run is measured in moves, not seconds).
public struct SearchSolver: AgendaSolver {
    /// Local search moves; nil: 20,000 per session, at least 100,000. The time limit still applies.
    public var moves: Int?
    /// Backtracking nodes before the construction gives up its proof of infeasibility.
    public var nodeLimit: Int

    /// A search with the default effort.
    public init(moves: Int? = nil, nodeLimit: Int = 200_000) {
        self.moves = moves
        self.nodeLimit = nodeLimit
    }

    /// The search.
    public var kind: SolverKind { .search }

    /// 20,000 moves per session, at least 100,000.
    package static func defaultMoves(_ g: Gathering) -> Int { max(100_000, 20_000 * g.sessions.count) }

    /// Runs on a thread of its own; the calling task's cancellation stops it between moves.
    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        await DedicatedThread.run(stackSize: 8 << 20) { run(problem, seed: problem.options.seed) }
    }

    /// The construction's agenda alone (no local search), or nil when it finds none in time:
    /// a first agenda in milliseconds, which the exact solver starts from.
    package func constructed(_ problem: SolveProblem) -> [Assignment]? {
        SearchSolver(moves: 0, nodeLimit: nodeLimit).run(problem, seed: 1).assignments
    }

    /// The search itself, on the calling thread: stops at the problem's deadline or stop flag,
    /// reports each better agenda (at most every 50 ms, and at the end).
    package func run(_ problem: SolveProblem, seed: UInt64, moves: Int? = nil) -> SolverAttempt {
        let domain = problem.domain
        var run = SearchRun(model: SearchModel(domain: domain), seed: seed, shouldStop: { problem.shouldStop })
        switch run.construct(nodeLimit: nodeLimit) {
        case .infeasible:
            return SolverAttempt(
                status: .infeasible, solver: .search, assignments: nil,
                stats: [.init(key: "nodes", value: .number(Double(run.nodes)))])
        case .gaveUp:
            return SolverAttempt(
                status: .unknown, solver: .search, assignments: nil,
                stats: [.init(key: "nodes", value: .number(Double(run.nodes)))])
        case .found:
            break
        }
        problem.report(.search, objective: run.best.cost, assignments: run.best.placements)
        var lastReport = ContinuousClock.now
        run.improve(moves: moves ?? self.moves ?? Self.defaultMoves(domain.gathering)) { run in
            guard ContinuousClock.now - lastReport > .milliseconds(50) else { return }
            lastReport = ContinuousClock.now
            problem.report(.search, objective: run.best.cost, assignments: run.best.placements)
        }
        problem.report(.search, objective: run.best.cost, assignments: run.best.placements)
        // Costs are never negative: an agenda that costs nothing is optimal.
        let optimal = run.best.cost == 0
        return SolverAttempt(
            status: optimal ? .optimal : .feasible, solver: .search, assignments: run.best.placements, bound: optimal ? 0 : nil,
            stats: [
                .init(key: "moves", value: .number(Double(run.movesMade))),
                .init(key: "nodes", value: .number(Double(run.nodes))),
            ])
    }
}

/// One run of the search: the working state, the best agenda so far, the random generator.
struct SearchRun {
    enum Construction { case found, infeasible, gaveUp }

    /// Moves without a better agenda after which the search stops.
    static let patience = 300_000

    var state: SearchState
    var best: (cost: Int, placements: [Assignment])
    var rng: SeededGenerator
    /// Asked every few hundred moves: the time limit, cancellation, or the portfolio's signal.
    let shouldStop: () -> Bool
    var nodes = 0
    var movesMade = 0
    private var model: SearchModel { state.model }
    private var g: Gathering { state.model.g }

    init(model: SearchModel, seed: UInt64, shouldStop: @escaping () -> Bool) {
        self.shouldStop = shouldStop
        state = SearchState(model: model)
        best = (Int.max, [])
        rng = SeededGenerator(seed: seed)
    }

    var outOfTime: Bool { shouldStop() }

    // MARK: Construction

    /// Places every non-optional session (greedy, then backtracking when that fails), then the
    /// optional ones where they cost less placed than not. When replanning, every session first
    /// goes back where the previous agenda had it, if that still fits: only what must move moves
    /// (closing a room for a day of 400 sessions: 10 moves, the fewest possible, instead of 56).
    mutating func construct(nodeLimit: Int) -> Construction {
        let required = g.sessions.indices.filter(model.domain.mustPlace)
        let order = required.sorted { a, b in constrainedness(a) < constrainedness(b) }
        restorePrevious(order + g.sessions.indices.filter { !model.domain.mustPlace($0) })
        var stuck: [Int] = []
        for (n, s) in order.enumerated() where !state.isPlaced(s) {
            if n % 16 == 0, outOfTime { return .gaveUp }
            if !insertBest(s) { stuck.append(s) }
        }
        if !stuck.isEmpty && !repair(stuck) {
            for s in g.sessions.indices { state.remove(s) }
            var exhausted = true
            guard backtrack(required, nodeLimit: nodeLimit, exhausted: &exhausted) else {
                return exhausted ? .infeasible : .gaveUp
            }
        }
        for s in g.sessions.indices where !model.domain.mustPlace(s) && !state.isPlaced(s) {
            insertBest(s, onlyIfCheaper: true)
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
        return (special, options, -session.facilitators.count, s)
    }

    /// Places the sessions the greedy pass could not, by moving out the few sessions in the way
    /// (which then queue for a place of their own). Bounded; false when it gives up.
    private mutating func repair(_ stuck: [Int]) -> Bool {
        var queue = stuck
        var budget = 200 * max(10, stuck.count) + 20 * g.sessions.count
        while let s = queue.first {
            queue.removeFirst()
            if insertBest(s) { continue }
            budget -= 1
            if budget <= 0 || outOfTime { return false }
            let starts = model.domain.starts[s].count
            guard starts > 0 else { return false }
            // The start with the fewest sessions in the way, ties at random.
            var pick: (i: Int, blockers: Set<Int>)?
            for _ in 0..<min(starts, 8) {
                let i = rng.below(starts)
                let blockers = state.blockers(s, at: i)
                if blockers.count < pick?.blockers.count ?? Int.max { pick = (i, blockers) }
            }
            guard let (i, blockers) = pick, blockers.allSatisfy({ model.domain.starts[$0].count > 1 || model.domain.starts[s].count <= 1 })
            else {
                queue.append(s)
                continue
            }
            for b in blockers.sorted() { state.remove(b) }
            if let rooms = state.chooseRooms(s, at: i), state.canPlace(s, at: i, rooms: rooms) {
                state.place(s, at: i, rooms: rooms)
            } else {
                queue.append(s)
            }
            queue += blockers.sorted().filter { model.domain.mustPlace($0) }
        }
        return true
    }

    /// Places `s` where it costs least (ties broken at random); false when it fits nowhere.
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

    // MARK: Local search

    /// Late-acceptance hill climbing: a move is kept when the result is no worse than the
    /// current agenda or than the one `history` moves ago; otherwise it is undone.
    mutating func improve(moves: Int, onImprovement: (SearchRun) -> Void) {
        let sessions = g.sessions.count
        guard sessions > 0 else { return }
        var history = [Int](repeating: state.cost, count: 5000)
        var lastBest = 0
        for step in 0..<moves {
            if step % 8 == 0 && outOfTime { break }
            // Nothing more to gain, or nothing gained for long: stop (a count, so still deterministic).
            if best.cost == 0 || step - lastBest > SearchRun.patience { break }
            movesMade += 1
            let before = state.cost
            var undo: [(Int, Int, [Int])] = []
            let roll = rng.below(100)
            let applied: Bool
            switch roll {
            case ..<45: applied = relocate(&undo)
            case ..<65: applied = swap(&undo)
            case ..<85: applied = eject(&undo)
            default: applied = ruinAndRecreate(&undo)
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

    /// Puts the sessions in `undo` back where they were (their old places were feasible together).
    private mutating func restore(_ undo: [(Int, Int, [Int])]) {
        for (s, _, _) in undo { state.remove(s) }
        for (s, i, rooms) in undo where i >= 0 { state.place(s, at: i, rooms: rooms) }
    }

    private mutating func take(_ s: Int, _ undo: inout [(Int, Int, [Int])]) {
        if !undo.contains(where: { $0.0 == s }) { undo.append((s, state.start[s], state.rooms[s])) }
        state.remove(s)
    }

    /// Moves one session to a random start (or, if optional, in or out of the agenda).
    private mutating func relocate(_ undo: inout [(Int, Int, [Int])]) -> Bool {
        let s = rng.below(g.sessions.count)
        let starts = model.domain.starts[s].count
        guard starts > 0 else { return false }
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
}
