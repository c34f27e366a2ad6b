import ConveneCore

/// The pure-Swift solver: a most-constrained-first construction, complete backtracking with
/// forward checking when the construction gets stuck (which also proves infeasibility), then
/// late-acceptance local search on the contract objective with relocations, swaps, ejection
/// chains, ruin-and-recreate and exact reinsertions (a costly session and a few tied to it, put
/// back by depth-first search). Costs are updated incrementally, never recounted per move.
///
/// Deterministic: the same gathering, settings and seed give the same agenda, as long as the
/// time limit does not cut the run short (the run is measured in moves, not seconds).
public struct SearchSolver: AgendaSolver {
    /// Local search moves; nil: 20,000 per session, at least 100,000. The time limit still applies.
    package var moves: Int?
    /// Backtracking nodes before the construction gives up its proof of infeasibility.
    package var nodeLimit: Int
    /// Moves without a better agenda after which the local search stops. The portfolio asks
    /// for fewer: when the search stalls, fix-and-optimise does better with the time.
    package var patience = SearchRun.patience

    /// A search with the default effort.
    public init(moves: Int? = nil, nodeLimit: Int = 200_000) {
        self.moves = moves
        self.nodeLimit = nodeLimit
    }

    /// 20,000 moves per session, at least 100,000.
    package static func defaultMoves(_ g: Gathering) -> Int { max(100_000, 20_000 * g.sessions.count) }

    /// Runs on a thread of its own; the calling task's cancellation stops it between moves.
    ///
    /// - Throws: ``SolveError/unsupportedOption(_:solver:reason:)`` for a
    ///   ``SolveOptions/relativeGap`` above 0: the search proves optimality only when it reaches the
    ///   domain's bound (computed before it starts, never raised by searching), so it has no bound
    ///   of its own to close a gap against.
    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        if problem.options.relativeGap > 0 {
            throw SolveError.unsupportedOption(
                "relativeGap", solver: "the search solver",
                reason: "it proves optimality only by reaching the bound computed before it starts, and has no bound of its own to "
                    + "close a gap against; leave the gap at 0, "
                    + "or use the exact solver or the portfolio")
        }
        return await DedicatedThread.run(stackSize: 8 << 20) { run(problem, seed: problem.options.seed) }
    }

    /// The construction's agenda alone (no local search), or nil when it finds none in time:
    /// a first agenda in milliseconds, which the exact solver starts from.
    package func constructed(_ problem: SolveProblem, seed: UInt64) -> [Assignment]? {
        SearchSolver(moves: 0, nodeLimit: nodeLimit).run(problem, seed: seed).assignments
    }

    /// The search itself, on the calling thread: stops at the problem's deadline or stop flag,
    /// reports each better agenda (at most every 50 ms, and at the end). Its termination is
    /// `workLimit` when its moves, its moves without a better agenda, or its backtracking nodes
    /// ran out, nil when the stop flag or the deadline stopped it (the front door says which).
    package func run(_ problem: SolveProblem, seed: UInt64, moves: Int? = nil) -> SolverAttempt {
        let domain = problem.domain
        var run = SearchRun(model: SearchModel(domain: domain), seed: seed, shouldStop: { problem.shouldStop })
        run.patience = patience
        run.floor = problem.lowerBound.total
        switch run.construct(nodeLimit: nodeLimit) {
        case .infeasible:
            return SolverAttempt(
                status: .infeasible, solver: .search, assignments: nil, termination: .infeasible,
                statistics: SolveStatistics(search: .init(moves: nil, nodes: run.nodes)))
        case .gaveUp:
            return SolverAttempt(
                status: .unknown, solver: .search, assignments: nil, termination: problem.shouldStop ? nil : .workLimit,
                statistics: SolveStatistics(search: .init(moves: nil, nodes: run.nodes)))
        case .found:
            break
        }
        problem.report(.search, objective: run.bestObjective, assignments: run.best.placements)
        var lastReport = ContinuousClock.now
        run.improve(moves: moves ?? self.moves ?? Self.defaultMoves(domain.gathering)) { run in
            guard ContinuousClock.now - lastReport > .milliseconds(50) else { return }
            lastReport = ContinuousClock.now
            problem.report(.search, objective: run.bestObjective, assignments: run.best.placements)
        }
        problem.report(.search, objective: run.bestObjective, assignments: run.best.placements)
        // An agenda that costs what every agenda costs at least (0, or the domain's bound) is optimal.
        let optimal = run.best.cost <= run.floor
        let termination: Termination? = optimal ? .optimal : problem.shouldStop ? nil : .workLimit
        return SolverAttempt(
            status: optimal ? .optimal : .feasible, solver: .search, assignments: run.best.placements, bound: run.floor,
            termination: termination, statistics: SolveStatistics(search: .init(moves: run.movesMade, nodes: run.nodes)))
    }
}

/// One run of the search: the working state, the best agenda so far, the random generator.
struct SearchRun {
    enum Construction { case found, infeasible, gaveUp }

    /// Moves without a better agenda after which the search stops, by default.
    static let patience = 300_000
    /// The most non-optional sessions for which the construction tries complete backtracking
    /// (beyond, it could not finish, and the repair has the time instead).
    static let completeSearchLimit = 100

    var state: SearchState
    var best: (cost: Int, placements: [Assignment])
    var rng: SeededGenerator
    /// Asked every few hundred moves: the time limit, cancellation, or the portfolio's signal.
    let shouldStop: () -> Bool
    /// Sessions that the previous agenda starts at a start they still have: those a move may put back.
    let returning: [Int]
    var nodes = 0
    var movesMade = 0
    var patience = SearchRun.patience
    /// What every agenda costs at least: reaching it proves the best agenda optimal, and ends the search.
    var floor = 0
    var model: SearchModel { state.model }
    var g: Gathering { state.model.g }

    init(model: SearchModel, seed: UInt64, shouldStop: @escaping () -> Bool) {
        self.shouldStop = shouldStop
        state = SearchState(model: model)
        returning = model.g.sessions.indices.filter { model.previous[$0]?.start != nil }
        best = (Int.max, [])
        rng = SeededGenerator(seed: seed)
    }

    var outOfTime: Bool { shouldStop() }

    /// The best agenda's contract objective: its cost, recounted when a session has several runs
    /// (the search charges an optional session with only some runs placed more, and reports it without them).
    var bestObjective: Int {
        g.runsOf == nil ? best.cost : g.costs(of: best.placements, previous: model.domain.previous).reduce(0) { $0 + $1.cost }
    }
}
