import ConveneCore
import ConveneSearch

/// The exact solver (`--solver milp`): the gathering compiled into an integer program, solved by
/// a MILP backend's branch-and-cut (GLPK's: ConveneGLPK gives `ExactSolver()`), decoded back to
/// an agenda. It proves optimality, or infeasibility, when it has time to; it can be slow to find
/// a first agenda on large gatherings, where ``PortfolioSolver`` is the better choice.
public struct ExactSolver: AgendaSolver {
    /// The MILP backend, with its settings.
    package var backend: any MILPBackend
    /// How the program is written: room classes, group cuts, how concurrency is charged.
    package var formulation: ScheduleFormulation.Options

    /// An exact solver on `backend`.
    package init(backend: any MILPBackend, formulation: ScheduleFormulation.Options = .init()) {
        self.backend = backend
        self.formulation = formulation
    }

    /// Runs the backend on a thread of its own and waits for it: cancelling the calling task
    /// raises the flag the backend's callback reads, so no backend thread outlives the call.
    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        await DedicatedThread.run { run(problem) }
    }

    /// Builds the program and solves it on the calling thread, which must have a large stack.
    /// The concurrency formulation is chosen by measuring the candidates (``FormulationChoice``)
    /// unless ``formulation`` forces one.
    package func run(_ problem: SolveProblem, warmStart: [Assignment]? = nil) -> SolverAttempt {
        run(problem, warmStart: warmStart, on: backend)
    }

    private func run<Backend: MILPBackend>(_ problem: SolveProblem, warmStart: [Assignment]?, on backend: Backend) -> SolverAttempt {
        let started = ContinuousClock.now
        let domain = problem.domain
        let g = domain.gathering
        if g.sessions.indices.contains(where: { domain.mustPlace($0) && domain.starts[$0].isEmpty }) {
            // Some session has nowhere to go: no agenda exists, and `convene explain` says why.
            return SolverAttempt(status: .infeasible, solver: .milp, assignments: nil)
        }
        let columns = ScheduleFormulation.placementColumns(domain: domain, options: formulation)
        if columns > backend.settings.columnLimit {
            let why = "skipped: the integer program would have \(columns) columns, more than \(backend.settings.columnLimit)"
            return SolverAttempt(
                status: .unknown, solver: .milp, assignments: nil, termination: .noSolutionFound,
                statistics: SolveStatistics(integerProgramSkipped: why))
        }
        // GLPK's own heuristics are slow to find a first agenda on large programs; the search's
        // construction (no local search) gives one in milliseconds, judged before it is offered.
        // The seed is the construction's: GLPK has none, and it is how the exact solver honours one.
        let start = warmStart ?? SearchSolver().constructed(problem, seed: problem.options.seed)
        let startCost = start.map { g.costs(of: $0, previous: domain.previous).reduce(0) { $0 + $1.cost } }
        let limits = MILPLimits(deadline: problem.deadline, gap: problem.options.relativeGap, stop: problem.stop)
        guard
            let chosen = FormulationChoice.choose(
                domain: domain, base: formulation, backend: backend, limits: limits,
                bestKnown: { [problem.board.best?.objective, startCost].compactMap { $0 }.min() },
                report: { problem.report(.milp, objective: nil, bound: $0) })
        else {
            // Stopped while the program was being built: the constructed agenda is all there is.
            return SolverAttempt(status: start == nil ? .unknown : .feasible, solver: .milp, assignments: start)
        }
        return Self.solve(
            chosen.model, problem: problem, on: backend, loaded: chosen.problem, warmStart: start, started: started,
            measured: chosen.measurements)
    }

    /// What choosing the program measured, for the agenda's stats.
    package struct Measurements {
        /// Each candidate, when there were several.
        var candidates: [SolveStatistics.Candidate]
        var formulationSeconds: Double
        var relaxationSeconds: Double
    }

    /// Seconds to the millisecond, as the stats write them.
    package static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    /// Solves a formulation already built, on this solver's backend.
    package func run(
        _ model: ScheduleFormulation, problem: SolveProblem, warmStart: [Assignment]? = nil, exchange: Bool = false,
        handOverDelay: Duration = BoardExchange.delay
    ) -> SolverAttempt {
        // Opens the backend: its program type is the one `loaded` would have.
        func solve<Backend: MILPBackend>(on backend: Backend) -> SolverAttempt {
            Self.solve(
                model, problem: problem, on: backend, loaded: nil, warmStart: warmStart, exchange: exchange, handOverDelay: handOverDelay)
        }
        return solve(on: backend)
    }

    /// Solves a formulation already built (`started`: when building it began, for the stats).
    /// - Parameters:
    ///   - loaded: the program already in `backend`, its relaxation solved (``FormulationChoice``).
    ///   - measured: what choosing the program measured, when it was chosen so.
    ///   - exchange: take up cheaper agendas from the progress board as incumbents (after
    ///     `handOverDelay` of branching), and put the backend's own there as soon as they are
    ///     found (a portfolio's solvers share them so).
    package static func solve<Backend: MILPBackend>(
        _ model: ScheduleFormulation, problem: SolveProblem, on backend: Backend, loaded: Backend.Program?,
        warmStart: [Assignment]? = nil, started: ContinuousClock.Instant = .now, exchange: Bool = false,
        handOverDelay: Duration = BoardExchange.delay, measured: Measurements? = nil
    ) -> SolverAttempt {
        let domain = model.domain
        let built = started.secondsElapsed
        let checker = AgendaChecker(domain: domain)
        var start: [Double]?
        if let warmStart, checker.check(warmStart).isValid, let x = model.encode(warmStart), model.program.violations(x).isEmpty {
            start = x
        }
        let limits = MILPLimits(deadline: problem.deadline, gap: problem.options.relativeGap, stop: problem.stop)
        let sharing = exchange ? BoardExchange(model: model, problem: problem, checker: checker, delay: handOverDelay) : nil
        let progress: MILPProgress = { objective, bound, _ in
            problem.report(.milp, objective: objective.map { Int($0.rounded()) }, bound: bound.map(MILPBound.integer))
        }
        let result =
            if let loaded {
                backend.solve(loaded, limits: limits, warmStart: start, exchange: sharing?.exchange, progress: progress)
            } else {
                backend.run(model.program, limits: limits, warmStart: start, exchange: sharing?.exchange, progress: progress)
            }
        var stats = SolveStatistics.IntegerProgram(
            rows: model.program.constraints.count, columns: model.program.variables.count, nonZeros: model.program.nonZeros,
            roomClasses: model.roomClasses.classes.count, concurrency: model.concurrency.statistic,
            formulationSeconds: measured?.formulationSeconds ?? rounded(built), backendSeconds: rounded(result.seconds))
        stats.backend = backend.name.lowercased()
        stats.candidates = measured?.candidates ?? []
        stats.relaxationSeconds = measured?.relaxationSeconds
        if start != nil { stats.warmStartUsed = result.warmStartUsed }
        if sharing != nil { (stats.agendasTakenUp, stats.afterHandOver) = (result.takenUp, result.afterHandOver) }
        if case .failed(let why) = result.termination { stats.failure = why }
        var assignments = result.solution.flatMap(model.decode)
        if let found = assignments, !checker.check(found).isValid {
            // Never hand out an agenda the judge rejects; say so in the stats instead.
            stats.rejected = "\(backend.name)'s solution broke a hard rule after decoding"
            assignments = nil
        }
        if assignments == nil, start != nil, result.termination != .infeasible {
            // The backend stopped before taking up its verified start: that agenda is still the best known.
            assignments = warmStart
        }
        if let found = assignments {
            problem.report(.milp, objective: checker.check(found).objective, assignments: found)
        }
        let bound = result.bound.map(MILPBound.integer)
        let status: Agenda.Status =
            switch (result.termination, assignments) {
            case (.optimal, .some): .optimal
            case (.infeasible, _): .infeasible
            case (_, .some): .feasible
            case (_, .none): .unknown
            }
        return SolverAttempt(
            status: status, solver: .milp, assignments: assignments, bound: status == .infeasible ? nil : bound,
            termination: result.termination.reason, statistics: SolveStatistics(integerProgram: stats))
    }
}

extension MILPTermination {
    /// Why the solve stopped, as the library says it; nil for the stop flag (cancellation, or the
    /// portfolio's other side), which the front door tells apart.
    var reason: Termination? {
        switch self {
        case .optimal: .optimal
        case .infeasible: .infeasible
        case .timeLimit: .timeLimit
        case .nodeLimit: .workLimit
        case .gapReached: .gapReached
        case .stopped: nil
        case .failed: .noSolutionFound
        }
    }
}

extension ScheduleFormulation.Concurrency {
    /// The formulation's name in the agenda's stats.
    package var statistic: SolveStatistics.Concurrency {
        switch self {
        case .patterns: .patterns
        case .pairs: .pairs
        case .groups: .groups
        case .stars: .stars
        }
    }
}
