import Convene

/// `--solver auto`: both solvers at once, on two threads.
///
/// 1. A short search (``handoffMovesPerSession`` moves per session, at most ``handoffShare`` of
///    the time limit) finds a first agenda. It depends only on the seed, so GLPK's start does too.
/// 2. GLPK starts from that agenda (once the AgendaChecker has accepted it) on a thread of its
///    own, while the full search runs on another: branch-and-bound on the slot patterns when
///    they can be listed, else fix-and-optimise on star rows. Whichever proves optimality first
///    stops the other: GLPK by closing the gap, either by reaching cost 0.
/// 3. The best verified agenda wins, with GLPK's bound. On a tie GLPK's agenda wins only when it
///    is proven optimal; otherwise the search's does, which depends on the seed alone (when the
///    time limit does not cut it short), so the same input and seed give the same agenda.
///
/// GLPK is skipped when the integer program would be too large for the time limit: when its
/// estimated rows exceed ``modelBudgetPerSecond`` for each second (SOLVER-NOTES measured GLPK
/// giving no answer at all in 60 s on models of 50k+ rows). The search then has all the time.
public struct PortfolioSolver: AgendaSolver {
    /// GLPK's settings.
    public var glpk: GLPKSettings
    /// The full search's moves; nil: its default.
    public var searchMoves: Int?
    /// The share of the time limit the first, short search may use.
    package var handoffShare = 0.1
    package var handoffMovesPerSession = 500
    package var modelBudgetPerSecond = 1_000.0
    /// GLPK's program: slot patterns when they can be listed (branch-and-bound then proves
    /// optima), star rows otherwise (fix-and-optimise then improves the agenda; the pair rows
    /// that `--solver milp` uses there are too many for its rounds, and their bound rarely
    /// proves anything: a generated 65-session gathering ends at 8 with pairs, at 2 with stars).
    package var formulation = ScheduleFormulation.Options(pairRowLimit: 0)

    /// A portfolio with these GLPK settings and the search's default effort.
    public init(glpk: GLPKSettings = GLPKSettings(), searchMoves: Int? = nil) {
        self.glpk = glpk
        self.searchMoves = searchMoves
    }

    /// The agenda's `solver` names whichever solver produced it.
    public var kind: SolverKind { .custom("auto") }

    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        let domain = problem.domain
        let seed = problem.options.seed
        let total = problem.options.timeLimit?.seconds
        let search = SearchSolver(moves: searchMoves)
        let fullMoves = searchMoves ?? SearchSolver.defaultMoves(domain.gathering)
        let size = Self.modelSize(domain, pairRowLimit: formulation.pairRowLimit)
        var stats: [JSONValue.Member] = [.init(key: "modelSize", value: .number(Double(size)))]
        // The same column limit as `--solver milp`: GLPK's thread builds the whole program.
        let columns = ScheduleFormulation.placementColumns(domain: domain, options: formulation)
        let skip =
            if let total, Double(size) > modelBudgetPerSecond * max(total, 1) {
                "skipped: the model is too large for the time limit"
            } else if columns > glpk.columnLimit {
                "skipped: the integer program would have \(columns) columns, more than \(glpk.columnLimit)"
            } else {
                String?.none
            }
        if let skip {
            let clock = ContinuousClock.now
            let found = await DedicatedThread.run(stackSize: 8 << 20) { search.run(problem, seed: seed, moves: fullMoves) }
            stats.insert(.init(key: "searchSeconds", value: .number(Self.rounded(clock.secondsElapsed))), at: 0)
            if found.status == .feasible { stats.append(.init(key: "milp", value: .string(skip))) }
            return with(found, stats: found.stats + stats)
        }
        let handoffMoves = min(fullMoves, handoffMovesPerSession * max(1, domain.gathering.sessions.count))
        let handoffEnd = total.map { problem.started + .milliseconds(Int64($0 * handoffShare * 1000)) }
        let quickProblem = problem.narrowed(stop: StopFlag(parent: problem.stop), deadline: handoffEnd)
        let clock = ContinuousClock.now
        let quick = await DedicatedThread.run(stackSize: 8 << 20) { search.run(quickProblem, seed: seed, moves: handoffMoves) }
        let quickSeconds = clock.secondsElapsed
        if quick.status == .infeasible || quick.status == .optimal || problem.shouldStop {
            return with(quick, stats: [.init(key: "searchSeconds", value: .number(Self.rounded(quickSeconds)))] + quick.stats)
        }
        let proven = StopFlag(parent: problem.stop)  // raised once GLPK has proven optimality or infeasibility
        let stopGLPK = StopFlag(parent: problem.stop)  // raised once the search has reached cost 0
        let exactSolver = ExactSolver(settings: glpk, formulation: formulation)
        let warmStart = quick.assignments
        let glpkProblem = problem.narrowed(stop: stopGLPK)
        let searchProblem = problem.narrowed(stop: proven)
        async let exactRun = DedicatedThread.run {
            let building = ContinuousClock.now
            let outcome: SolverAttempt
            guard
                let model = ScheduleFormulation.building(
                    domain: domain, options: exactSolver.formulation, shouldStop: { glpkProblem.shouldStop })
            else {
                return (SolverAttempt(status: .unknown, solver: .milp, assignments: nil), building.secondsElapsed)
            }
            // Without the short search's agenda (it ran out of its share of time), the
            // construction alone gives fix-and-optimise its start.
            let start = warmStart ?? search.constructed(glpkProblem)
            if model.concurrency != .patterns, let start {
                // Too weak a bound for branch-and-bound to help: improve the agenda piece by piece.
                outcome = NeighbourhoodSearch(seed: seed).improve(model, problem: glpkProblem, from: start)
            } else {
                outcome = exactSolver.run(model, problem: glpkProblem, warmStart: start, started: building)
            }
            if outcome.status == .optimal || outcome.status == .infeasible { proven.raise() }
            return (outcome, building.secondsElapsed)
        }
        async let searchRun = DedicatedThread.run(stackSize: 8 << 20) {
            let clock = ContinuousClock.now
            let found = search.run(searchProblem, seed: seed, moves: fullMoves)
            if found.status == .optimal { stopGLPK.raise() }
            return (found, clock.secondsElapsed)
        }
        let ((exact, exactSeconds), (fullRun, fullSeconds)) = await (exactRun, searchRun)
        var full = fullRun
        stats.insert(.init(key: "searchSeconds", value: .number(Self.rounded(quickSeconds + fullSeconds))), at: 0)
        stats.append(.init(key: "milpSeconds", value: .number(Self.rounded(exactSeconds))))
        stats += exact.stats
        if exact.status == .infeasible || exact.status == .optimal { return with(exact, stats: stats) }
        if full.assignments == nil { full = quick }
        let g = domain.gathering
        func objective(_ p: [Assignment]?) -> Int? { p.map { g.costs(of: $0, previous: domain.previous).reduce(0) { $0 + $1.cost } } }
        let searchObjective = objective(full.assignments) ?? Int.max
        if let milp = objective(exact.assignments), milp < searchObjective {
            return with(exact, stats: stats)
        }
        var kept = full
        if let bound = exact.bound { kept.bound = max(kept.bound ?? bound, bound) }
        return with(kept, stats: stats)
    }

    /// The model's rows, estimated without building it: possible starts, plus the concurrency
    /// rows, which dominate: one per shared slot of each pair of sessions that share an attendee,
    /// or, beyond the formulation's pair-row limit, one star row per start. (Slot patterns, when
    /// the formulation can list them, make fewer rows than either.)
    package static func modelSize(_ domain: Domain, pairRowLimit: Int = ScheduleFormulation.Options().pairRowLimit) -> Int {
        let g = domain.gathering
        let words = (g.slots.count + 63) / 64
        var occupied = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: g.sessions.count)
        for (s, starts) in domain.starts.enumerated() {
            for start in starts { for k in start.slots { occupied[s][k / 64] |= 1 << UInt64(k % 64) } }
        }
        var pairs = Set<SessionPair>()
        if g.weights.clash > 0 {
            for a in g.attendees {
                for (i, x) in a.interests.enumerated() { for y in a.interests[(i + 1)...] { pairs.insert(SessionPair(x, y)) } }
            }
        }
        let starts = domain.starts.reduce(0) { $0 + $1.count }
        var pairRows = 0
        var hasLaterPartner = [Bool](repeating: false, count: g.sessions.count)
        for pair in pairs {
            hasLaterPartner[pair.first] = true
            for w in 0..<words { pairRows += (occupied[pair.first][w] & occupied[pair.second][w]).nonzeroBitCount }
        }
        guard pairRows > pairRowLimit else { return starts + pairRows }
        // The formulation then writes one star row per start of a session with a later partner.
        return starts + domain.starts.indices.filter { hasLaterPartner[$0] }.reduce(0) { $0 + domain.starts[$1].count }
    }

    private func with(_ attempt: SolverAttempt, stats: [JSONValue.Member]) -> SolverAttempt {
        var result = attempt
        result.stats = stats
        return result
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
