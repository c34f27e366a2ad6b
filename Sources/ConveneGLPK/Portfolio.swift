import Convene
import Foundation

/// `--solver auto`: both solvers at once, on two threads.
///
/// 1. A short search (``handoffMovesPerSession`` moves per session, at most ``handoffShare`` of
///    the time limit) finds a first agenda. It depends only on the seed, so GLPK's start does too.
/// 2. GLPK starts from that agenda (once the AgendaChecker has accepted it) on a thread of its
///    own, while the full search runs on this one: branch-and-bound on the slot patterns when
///    they can be listed, else ``NeighbourhoodSearch`` (fix-and-optimise) on star rows.
///    Whichever proves optimality first stops the other: GLPK by closing the gap, either by
///    reaching cost 0.
/// 3. The best verified agenda wins, with GLPK's bound. On a tie GLPK's agenda wins only when it
///    is proven optimal; otherwise the search's does, which depends on the seed alone (when the
///    time limit does not cut it short), so the same input and seed give the same agenda.
///
/// GLPK is skipped when the integer program would be too large for the time limit: when its
/// estimated rows (``modelSize(_:pairRowLimit:)``) exceed ``modelBudgetPerSecond`` for each second
/// (SOLVER-NOTES measured GLPK giving no answer at all in 60 s on models of 50k+ rows). The
/// search then has all the time.
public struct Portfolio: Sendable {
    public var glpk: GLPKSettings
    public var seed: UInt64
    /// The share of the time limit the first, short search may use.
    public var handoffShare = 0.1
    public var handoffMovesPerSession = 500
    public var modelBudgetPerSecond = 1_000.0
    /// The full search's moves; nil: its default.
    public var searchMoves: Int?
    /// GLPK's program: slot patterns when they can be listed (branch-and-bound then proves
    /// optima), star rows otherwise (fix-and-optimise then improves the agenda; the pair rows
    /// that `--solver milp` uses there are too many for its rounds, and their bound rarely
    /// proves anything: a generated 65-session gathering ends at 8 with pairs, at 2 with stars).
    public var formulation = ScheduleFormulation.Options(pairRowLimit: 0)

    public init(glpk: GLPKSettings = GLPKSettings(timeLimit: 10), seed: UInt64 = 1) {
        self.glpk = glpk
        self.seed = seed
    }

    public func solve(
        _ domain: Domain, previous: PreviousAgenda? = nil,
        progress: (@Sendable (SolverProgress) -> Void)? = nil
    ) -> SolverOutcome {
        let started = ContinuousClock.now
        let total = glpk.timeLimit
        let best = BestSoFar(started: started, forward: progress)
        let fullMoves = searchMoves ?? SearchSolver.Settings.defaultMoves(domain.gathering)
        let left = { total.map { max(0, $0 - started.secondsElapsed) } }
        let size = Self.modelSize(domain, pairRowLimit: formulation.pairRowLimit)
        var details: [JSONValue.Member] = [.init(key: "modelSize", value: .number(Double(size)))]
        // The same column limit as `--solver milp`: GLPK's thread builds the whole program.
        let columns = ScheduleFormulation.placementColumns(domain: domain, previous: previous, options: formulation)
        let skip =
            if let total, Double(size) > modelBudgetPerSecond * max(total, 1) {
                "skipped: the model is too large for the time limit"
            } else if columns > glpk.columnLimit {
                "skipped: the integer program would have \(columns) columns, more than \(glpk.columnLimit)"
            } else {
                String?.none
            }
        if let skip {
            let found = SearchSolver(settings: .init(seed: seed, timeLimit: left(), moves: fullMoves))
                .solve(domain, previous: previous, progress: best.report)
            details.insert(.init(key: "searchSeconds", value: .number(Self.rounded(found.seconds))), at: 0)
            if found.status == .feasible {
                details.append(.init(key: "milp", value: .string(skip)))
            }
            return with(found, details: details, since: started)
        }
        let handoffMoves = min(fullMoves, handoffMovesPerSession * max(1, domain.gathering.sessions.count))
        let quick = SearchSolver(settings: .init(seed: seed, timeLimit: total.map { $0 * handoffShare }, moves: handoffMoves))
            .solve(domain, previous: previous, progress: best.report)
        if quick.status == .infeasible || quick.status == .optimal || quick.placements == nil {
            return with(quick, details: [.init(key: "searchSeconds", value: .number(Self.rounded(quick.seconds)))], since: started)
        }
        if let remaining = left(), remaining <= 0 {
            return with(
                quick, details: [.init(key: "searchSeconds", value: .number(Self.rounded(quick.seconds)))] + details,
                since: started)
        }

        var settings = glpk
        settings.timeLimit = left()
        let proven = Cancellation()  // set once GLPK has proven optimality or infeasibility
        let stopGLPK = Cancellation()  // set once the search has reached cost 0
        let box = OutcomeBox()
        let exactSolver = ExactSolver(settings: settings, formulation: formulation)
        let warmStart = quick.placements
        let seed = seed
        let glpkLimit = settings.timeLimit
        let thread = Thread {
            let building = ContinuousClock.now
            let model = ScheduleFormulation(domain: domain, previous: previous, options: exactSolver.formulation)
            let outcome: SolverOutcome
            if model.concurrency != .patterns, let warmStart {
                // Too weak a bound for branch-and-bound to help: improve the agenda piece by piece.
                let neighbourhoods = NeighbourhoodSearch(seed: seed, timeLimit: glpkLimit.map { $0 - building.secondsElapsed })
                outcome = neighbourhoods.improve(model, previous: previous, from: warmStart, cancel: stopGLPK, progress: best.report)
            } else {
                outcome = exactSolver.solve(
                    model, previous: previous, warmStart: warmStart, cancel: stopGLPK, started: building,
                    progress: best.report)
            }
            if outcome.status == .optimal || outcome.status == .infeasible { proven.cancel() }
            box.finish(outcome)
        }
        thread.stackSize = 16 << 20
        thread.start()
        var full = SearchSolver(settings: .init(seed: seed, timeLimit: left(), moves: fullMoves, stop: { proven.isCancelled }))
            .solve(domain, previous: previous, progress: best.report)
        if full.status == .optimal { stopGLPK.cancel() }
        let exact = box.wait()
        details.insert(.init(key: "searchSeconds", value: .number(Self.rounded(quick.seconds + full.seconds))), at: 0)
        details.append(.init(key: "milpSeconds", value: .number(Self.rounded(exact.seconds))))
        details += exact.details
        if exact.status == .infeasible || exact.status == .optimal { return with(exact, details: details, since: started) }
        if full.placements == nil { full = quick }
        let g = domain.gathering
        func objective(_ p: [Assignment]?) -> Int? { p.map { g.costs(of: $0, previous: previous).reduce(0) { $0 + $1.cost } } }
        let searchObjective = objective(full.placements) ?? Int.max
        if let milp = objective(exact.placements), milp < searchObjective {
            return with(exact, details: details, since: started)
        }
        var kept = full
        if let bound = exact.bound { kept.bound = max(kept.bound ?? bound, bound) }
        if let bound = kept.bound, bound >= searchObjective { kept.status = .optimal }
        return with(kept, details: details, since: started)
    }

    /// The model's rows, estimated without building it: possible starts, plus the concurrency
    /// rows, which dominate: one per shared slot of each pair of sessions that share an attendee,
    /// or, beyond the formulation's pair-row limit, one star row per start. (Slot patterns, when
    /// the formulation can list them, make fewer rows than either.)
    public static func modelSize(_ domain: Domain, pairRowLimit: Int = ScheduleFormulation.Options().pairRowLimit) -> Int {
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

    private func with(_ outcome: SolverOutcome, details: [JSONValue.Member], since started: ContinuousClock.Instant) -> SolverOutcome {
        var result = outcome
        result.seconds = started.secondsElapsed
        result.details = details
        return result
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// The best objective and bound either solver has reported, forwarded as one progress line.
private final class BestSoFar: @unchecked Sendable {
    private let lock = NSLock()
    private let started: ContinuousClock.Instant
    private let forward: (@Sendable (SolverProgress) -> Void)?
    private var objective: (value: Int, solver: String)?
    private var bound: Int?

    init(started: ContinuousClock.Instant, forward: (@Sendable (SolverProgress) -> Void)?) {
        self.started = started
        self.forward = forward
    }

    var report: @Sendable (SolverProgress) -> Void { { [self] p in update(p) } }

    private func update(_ p: SolverProgress) {
        lock.lock()
        defer { lock.unlock() }
        if let o = p.objective, o < objective?.value ?? Int.max { objective = (o, p.solver) }
        if let b = p.bound, b > bound ?? Int.min { bound = b }
        forward?(
            SolverProgress(
                solver: objective?.solver ?? p.solver, objective: objective?.value, bound: bound,
                seconds: started.secondsElapsed))
    }
}

/// GLPK's outcome, handed from its thread to the portfolio's.
private final class OutcomeBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: SolverOutcome?

    func finish(_ o: SolverOutcome) {
        outcome = o
        done.signal()
    }

    func wait() -> SolverOutcome {
        done.wait()
        return outcome ?? SolverOutcome(status: .unknown, solver: "milp", placements: nil, bound: nil, seconds: 0)
    }
}
