import ConveneCore

/// The exact itinerary planner (`milp`): the fast planner first (its answer is returned at once
/// when its bound proves it optimal), then the integer program of `ItineraryFormulation`,
/// warm-started by the fast planner's itineraries and solved by a MILP backend within the time
/// limit. Whatever stops it, the better of the two answers is returned with the best bound known.
package struct ExactItineraryPlanner: ItineraryPlanning {
    /// The MILP backend, with its settings.
    package var backend: any MILPBackend

    /// An exact planner on `backend` (ConveneGLPK gives `ExactItineraryPlanner()` with GLPK).
    package init(backend: any MILPBackend) { self.backend = backend }

    /// `milp`.
    package var name: String { "milp" }

    /// Runs on a thread of its own (the backend's recursion wants a large stack), and waits for it.
    package func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt {
        await DedicatedThread.run { run(problem) }
    }

    /// Plans on the calling thread, which must have a large stack.
    package func run(_ problem: ItineraryProblem) -> ItineraryAttempt { run(problem, on: backend) }

    private func run<Backend: MILPBackend>(_ problem: ItineraryProblem, on backend: Backend) -> ItineraryAttempt {
        let instance = problem.instance
        var fast = FastItineraryPlanner().run(problem)
        let fastServed = fast.plan.served(instance)
        guard let fastBound = fast.bound, fastBound > fastServed, !problem.shouldStop else { return fast }
        let columns = ItineraryFormulation.columnCount(instance)
        if columns > backend.settings.columnLimit {
            fast.statistics.integerProgramSkipped =
                "skipped: the integer program would have \(columns) columns, more than \(backend.settings.columnLimit)"
            return fast
        }
        let model = ItineraryFormulation(instance, stop: problem.stop)
        guard !problem.stop.isRaised else { return fast }
        let start = model.encode(fast.plan).flatMap { model.program.violations($0).isEmpty ? $0 : nil }
        let limits = MILPLimits(deadline: problem.deadline, gap: 0, stop: problem.stop)
        let result = backend.run(model.program, limits: limits, warmStart: start)
        var stats = fast.statistics
        stats.planner = name
        stats.rows = model.program.constraints.count
        stats.columns = model.program.variables.count
        stats.nonZeros = model.program.nonZeros
        stats.milpSeconds = (result.seconds * 1000).rounded() / 1000
        if start != nil { stats.warmStartUsed = result.warmStartUsed }
        if case .failed(let why) = result.termination { stats.integerProgramSkipped = why }
        // The backend's bound on the negative count of runs chosen, as a bound on the pairs served.
        let proven = result.bound.map { instance.servedByFacilitating - MILPBound.integer($0) }
        var plan = fast.plan
        var best = [fastBound, proven].compactMap { $0 }.min()
        if let x = result.solution, let decoded = model.decode(x), model.program.violations(x).isEmpty {
            if decoded.served(instance) > fastServed { plan = decoded }
            // A point proven optimal is its own bound, whatever bound the backend reports beside it.
            if result.termination == .optimal { best = min(best ?? Int.max, decoded.served(instance)) }
        }
        let termination: Termination? =
            switch result.termination {
            case .optimal: .optimal
            case .timeLimit: .timeLimit
            case .nodeLimit: .workLimit
            case .gapReached: .gapReached
            case .infeasible, .failed: .noSolutionFound
            case .stopped: nil
            }
        return ItineraryAttempt(plan: plan, bound: best, termination: termination, statistics: stats)
    }
}
