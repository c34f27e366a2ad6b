import Convene

/// The exact solver: the gathering's ``ScheduleFormulation`` solved by GLPK, decoded back to
/// placements and judged by the ``AgendaChecker`` before it is returned.
public struct ExactSolver: Sendable {
    public var settings: GLPKSettings
    public var formulation: ScheduleFormulation.Options

    public init(settings: GLPKSettings = GLPKSettings(), formulation: ScheduleFormulation.Options = .init()) {
        self.settings = settings
        self.formulation = formulation
    }

    /// - Parameters:
    ///   - warmStart: a known agenda to start from; used only when the AgendaChecker accepts it.
    ///   - progress: called with each better agenda GLPK finds.
    ///   - cancel: set from another thread to stop GLPK at its next callback.
    public func solve(
        _ domain: Domain, previous: PreviousAgenda? = nil, warmStart: [Assignment]? = nil, cancel: Cancellation? = nil,
        progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) -> SolverOutcome {
        let started = ContinuousClock.now
        let g = domain.gathering
        if g.sessions.contains(where: { !$0.optional && domain.starts[$0.index].isEmpty }) {
            // Some session has nowhere to go: no agenda exists, and `convene explain` says why.
            return SolverOutcome(status: .infeasible, solver: "milp", placements: nil, bound: nil, seconds: started.secondsElapsed)
        }
        let columns = ScheduleFormulation.placementColumns(domain: domain, previous: previous, options: formulation)
        if columns > settings.columnLimit {
            let why =
                "skipped: the integer program would have \(columns) columns, more than \(settings.columnLimit); use --solver auto or search"
            return SolverOutcome(
                status: .unknown, solver: "milp", placements: nil, bound: nil, seconds: started.secondsElapsed,
                details: [.init(key: "milp", value: .string(why))])
        }
        let model = ScheduleFormulation(domain: domain, previous: previous, options: formulation)
        return solve(model, previous: previous, warmStart: warmStart, cancel: cancel, started: started, progress: progress)
    }

    /// Solves a formulation already built (`started`: when building it began, for the time limit).
    public func solve(
        _ model: ScheduleFormulation, previous: PreviousAgenda? = nil, warmStart: [Assignment]? = nil,
        cancel: Cancellation? = nil, started: ContinuousClock.Instant = .now,
        progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) -> SolverOutcome {
        let domain = model.domain
        let built = started.secondsElapsed
        let checker = AgendaChecker(domain: domain)
        var start: [Double]?
        if let warmStart, checker.check(warmStart, previous: previous).isValid,
            let x = model.encode(warmStart), model.program.violations(x).isEmpty
        {
            start = x
        }
        var remaining = settings
        var wait: Double?
        if let limit = settings.timeLimit, limit >= 0 {
            // GLPK aims at 95 % of what is left, and is abandoned half a second after all of it:
            // it checks the clock only between its steps, some of which run long.
            let left = max(0, limit - built)
            remaining.timeLimit = 0.95 * left
            wait = left + 0.5
        }
        let program = model.program
        let warm = start
        let glpk = remaining
        let cancel = cancel ?? Cancellation()
        let run = GLPKThread.run(wait: wait, cancel: cancel) {
            GLPKRunner.solve(program, settings: glpk, warmStart: warm, cancel: cancel) { objective, bound, _ in
                progress?(
                    SolverProgress(
                        solver: "milp", objective: Int(objective.rounded()), bound: bound.map(Self.integerBound),
                        seconds: started.secondsElapsed))
            }
        }
        let result =
            run
            ?? GLPKResult(
                termination: .failed("GLPK did not stop at the time limit; its search was abandoned"),
                solution: nil, objective: nil, bound: nil, seconds: started.secondsElapsed, warmStartUsed: false)
        var details: [JSONValue.Member] = [
            .init(key: "rows", value: .number(Double(model.program.constraints.count))),
            .init(key: "columns", value: .number(Double(model.program.variables.count))),
            .init(key: "nonZeros", value: .number(Double(model.program.nonZeros))),
            .init(key: "roomClasses", value: .number(Double(model.roomClasses.classes.count))),
            .init(key: "concurrency", value: .string(model.concurrency.rawValue)),
            .init(key: "formulationSeconds", value: .number((built * 1000).rounded() / 1000)),
            .init(key: "glpkSeconds", value: .number((result.seconds * 1000).rounded() / 1000)),
        ]
        if start != nil { details.append(.init(key: "warmStartUsed", value: .bool(result.warmStartUsed))) }
        if case .failed(let why) = result.termination { details.append(.init(key: "glpk", value: .string(why))) }
        var placements = result.solution.flatMap(model.decode)
        if let found = placements, !checker.check(found, previous: previous).isValid {
            // Never hand out an agenda the judge rejects; say so in the stats instead.
            details.append(.init(key: "rejected", value: .string("GLPK's solution broke a hard rule after decoding")))
            placements = nil
        }
        let bound = result.bound.map(Self.integerBound)
        let status: Agenda.Status =
            switch (result.termination, placements) {
            case (.optimal, .some): .optimal
            case (.infeasible, _): .infeasible
            case (_, .some): .feasible
            case (_, .none): .unknown
            }
        return SolverOutcome(
            status: status, solver: "milp", placements: placements, bound: status == .infeasible ? nil : bound,
            seconds: started.secondsElapsed, details: details)
    }

    /// Costs are whole numbers, so a proven bound rounds up (with room for GLPK's tolerances).
    static func integerBound(_ bound: Double) -> Int { Int((bound - 1e-6).rounded(.up)) }
}

extension ExactSolver {
    /// A feasibility oracle for the explainer: the search's construction first (quick when an
    /// agenda exists, a proof when its backtracking is exhausted), then the MILP with every cost
    /// weight zero, which proves infeasibility where the search gives up.
    public static func feasibilityOracle(timeLimit: Double) -> ConflictExplainer.Oracle {
        { g in
            if let quick = ConflictExplainer.search(g) { return quick }
            var plain = g
            plain.weights = .init(clash: 0, preference: 0, unscheduled: 0, change: 0, trackOverlap: 0)
            let outcome = ExactSolver(settings: GLPKSettings(timeLimit: timeLimit)).solve(Domain(plain))
            switch outcome.status {
            case .infeasible: return false
            case .feasible, .optimal: return true
            case .unknown: return nil
            }
        }
    }
}
