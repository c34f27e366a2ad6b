import Convene

/// The exact solver (`--solver milp`): the gathering compiled into an integer program, solved by
/// GLPK's branch-and-cut, decoded back to an agenda. It proves optimality, or infeasibility,
/// when it has time to; it can be slow to find a first agenda on large gatherings, where
/// ``PortfolioSolver`` is the better choice.
public struct ExactSolver: AgendaSolver {
    /// GLPK's settings.
    package var settings: GLPKSettings
    /// How the program is written: room classes, group cuts, how concurrency is charged.
    package var formulation: ScheduleFormulation.Options

    /// An exact solver with GLPK's default settings.
    public init() { self.init(settings: GLPKSettings()) }

    /// An exact solver with these GLPK settings.
    package init(settings: GLPKSettings) {
        self.settings = settings
        formulation = .init()
    }

    package init(settings: GLPKSettings = GLPKSettings(), formulation: ScheduleFormulation.Options) {
        self.settings = settings
        self.formulation = formulation
    }

    /// The integer program.
    public var kind: SolverKind { .milp }

    /// Runs GLPK on a thread of its own and waits for it: cancelling the calling task raises the
    /// flag GLPK's callback reads, so no GLPK thread outlives the call.
    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        await DedicatedThread.run { run(problem) }
    }

    /// Builds the program and solves it on the calling thread, which must have a large stack.
    /// The concurrency formulation is chosen by measuring the candidates (``FormulationChoice``)
    /// unless ``formulation`` forces one.
    package func run(_ problem: SolveProblem, warmStart: [Assignment]? = nil) -> SolverAttempt {
        let started = ContinuousClock.now
        let domain = problem.domain
        let g = domain.gathering
        if g.sessions.indices.contains(where: { domain.mustPlace($0) && domain.starts[$0].isEmpty }) {
            // Some session has nowhere to go: no agenda exists, and `convene explain` says why.
            return SolverAttempt(status: .infeasible, solver: .milp, assignments: nil)
        }
        let columns = ScheduleFormulation.placementColumns(domain: domain, options: formulation)
        if columns > settings.columnLimit {
            let why = "skipped: the integer program would have \(columns) columns, more than \(settings.columnLimit)"
            return SolverAttempt(status: .unknown, solver: .milp, assignments: nil, stats: [.init(key: "milp", value: .string(why))])
        }
        // GLPK's own heuristics are slow to find a first agenda on large programs; the search's
        // construction (no local search) gives one in milliseconds, judged before it is offered.
        let start = warmStart ?? SearchSolver().constructed(problem)
        let startCost = start.map { g.costs(of: $0, previous: domain.previous).reduce(0) { $0 + $1.cost } }
        let limits = GLPKRunner.Limits(deadline: problem.deadline, gap: problem.options.relativeGap, stop: problem.stop)
        guard
            let chosen = FormulationChoice.choose(
                domain: domain, base: formulation, settings: settings, limits: limits,
                bestKnown: { [problem.board.best?.objective, startCost].compactMap { $0 }.min() },
                report: { problem.report(.milp, objective: nil, bound: $0) })
        else {
            // Stopped while the program was being built: the constructed agenda is all there is.
            return SolverAttempt(status: start == nil ? .unknown : .feasible, solver: .milp, assignments: start)
        }
        return run(chosen.model, problem: problem, warmStart: start, started: started, loaded: chosen.problem, stats: chosen.stats)
    }

    /// Solves a formulation already built (`started`: when building it began, for the stats).
    /// - Parameters:
    ///   - loaded: the program already in GLPK, its relaxation solved (``FormulationChoice``).
    ///   - exchange: take up cheaper agendas from the progress board as incumbents (after
    ///     `handOverDelay` of branching), and put GLPK's own there as soon as they are found (a
    ///     portfolio's solvers share them so).
    package func run(
        _ model: ScheduleFormulation, problem: SolveProblem, warmStart: [Assignment]? = nil, started: ContinuousClock.Instant = .now,
        loaded: GLPKProblem? = nil, exchange: Bool = false, handOverDelay: Duration = BoardExchange.delay,
        stats extra: [JSONValue.Member] = []
    ) -> SolverAttempt {
        let domain = model.domain
        let built = started.secondsElapsed
        let checker = AgendaChecker(domain: domain)
        var start: [Double]?
        if let warmStart, checker.check(warmStart).isValid, let x = model.encode(warmStart), model.program.violations(x).isEmpty {
            start = x
        }
        let limits = GLPKRunner.Limits(deadline: problem.deadline, gap: problem.options.relativeGap, stop: problem.stop)
        let sharing = exchange ? BoardExchange(model: model, problem: problem, checker: checker, delay: handOverDelay) : nil
        let progress: GLPKProblem.Progress = { objective, bound, _ in
            problem.report(.milp, objective: objective.map { Int($0.rounded()) }, bound: bound.map(Self.integerBound))
        }
        let result: GLPKResult
        if let loaded {
            result = loaded.solve(settings: settings, limits: limits, warmStart: start, exchange: sharing?.exchange, progress: progress)
        } else {
            result = GLPKRunner.solve(
                model.program, settings: settings, limits: limits, warmStart: start, exchange: sharing?.exchange, progress: progress)
        }
        var stats: [JSONValue.Member] = [
            .init(key: "rows", value: .number(Double(model.program.constraints.count))),
            .init(key: "columns", value: .number(Double(model.program.variables.count))),
            .init(key: "nonZeros", value: .number(Double(model.program.nonZeros))),
            .init(key: "roomClasses", value: .number(Double(model.roomClasses.classes.count))),
            .init(key: "concurrency", value: .string(model.concurrency.rawValue)),
        ]
        stats += extra
        if !extra.contains(where: { $0.key == "formulationSeconds" }) {
            stats.append(.init(key: "formulationSeconds", value: .number((built * 1000).rounded() / 1000)))
        }
        stats.append(.init(key: "glpkSeconds", value: .number((result.seconds * 1000).rounded() / 1000)))
        if start != nil { stats.append(.init(key: "warmStartUsed", value: .bool(result.warmStartUsed))) }
        if sharing != nil {
            stats.append(.init(key: "agendasTakenUp", value: .number(Double(result.takenUp))))
            stats.append(.init(key: "afterHandOver", value: .bool(result.afterHandOver)))
        }
        if case .failed(let why) = result.termination { stats.append(.init(key: "glpk", value: .string(why))) }
        var assignments = result.solution.flatMap(model.decode)
        if let found = assignments, !checker.check(found).isValid {
            // Never hand out an agenda the judge rejects; say so in the stats instead.
            stats.append(.init(key: "rejected", value: .string("GLPK's solution broke a hard rule after decoding")))
            assignments = nil
        }
        if assignments == nil, start != nil, result.termination != .infeasible {
            // GLPK stopped before taking up its verified start: that agenda is still the best known.
            assignments = warmStart
        }
        if let found = assignments {
            problem.report(.milp, objective: checker.check(found).objective, assignments: found)
        }
        let bound = result.bound.map(Self.integerBound)
        let status: Agenda.Status =
            switch (result.termination, assignments) {
            case (.optimal, .some): .optimal
            case (.infeasible, _): .infeasible
            case (_, .some): .feasible
            case (_, .none): .unknown
            }
        return SolverAttempt(
            status: status, solver: .milp, assignments: assignments, bound: status == .infeasible ? nil : bound, stats: stats)
    }

    /// Costs are whole numbers, so a proven bound rounds up (with room for GLPK's tolerances).
    static func integerBound(_ bound: Double) -> Int { GLPKProblem.integerBound(bound) }
}

extension ConflictExplainer.Oracle {
    /// The search's construction first (quick when an agenda exists, a proof when its
    /// backtracking is exhausted), then the integer program with every cost weight zero, which
    /// proves infeasibility where the search gives up; `timeLimit` for each check.
    package static func exact(timeLimit: Duration) -> Self {
        Self { domain in
            if let quick = ConflictExplainer.Oracle.search.decide(domain) { return quick }
            let plain = domain.replanning(domain.gathering.withoutCosts())
            switch ExactSolver().run(SolveProblem(domain: plain, timeLimit: timeLimit)).status {
            case .infeasible: return false
            case .feasible, .optimal: return true
            case .unknown: return nil
            }
        }
    }
}

extension ConflictExplainer {
    /// An explainer that decides feasibility with the search, then with GLPK where the search
    /// cannot tell: the smallest conflicting sets, proven; `timeLimit` for each check.
    public static func exact(timeLimit: Duration) -> ConflictExplainer { ConflictExplainer(oracle: .exact(timeLimit: timeLimit)) }
}
