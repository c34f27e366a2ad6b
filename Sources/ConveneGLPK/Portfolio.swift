import Convene

/// `--solver auto`: the search finds a first agenda quickly, GLPK starts from it (once the
/// AgendaChecker has accepted it) with the remaining time, and the best verified agenda wins.
///
/// GLPK is skipped when the integer program would be too large for the time left: when its
/// estimated rows (``modelSize(_:)``) exceed ``modelBudgetPerSecond`` for each second left
/// (SOLVER-NOTES measured GLPK giving no answer at all in 60 s on models of 50k+ rows; here a
/// 90k-row model did not finish its root LP in 30 s). The search's agenda is then returned as
/// `feasible`.
public struct Portfolio: Sendable {
    public var glpk: GLPKSettings
    public var seed: UInt64
    /// The share of the time limit the search may use before GLPK starts.
    public var searchShare = 0.25
    public var modelBudgetPerSecond = 1_000.0
    /// The search's moves; nil: its default.
    public var searchMoves: Int?

    public init(glpk: GLPKSettings = GLPKSettings(timeLimit: 10), seed: UInt64 = 1) {
        self.glpk = glpk
        self.seed = seed
    }

    public func solve(_ domain: Domain, previous: PreviousAgenda? = nil,
                      progress: (@Sendable (SolverProgress) -> Void)? = nil) -> SolverOutcome {
        let started = ContinuousClock.now
        let total = glpk.timeLimit
        let search = SearchSolver(settings: .init(seed: seed, timeLimit: total.map { $0 * searchShare }, moves: searchMoves))
        let found = search.solve(domain, previous: previous, progress: progress)
        var details: [JSONValue.Member] = [.init(key: "searchSeconds", value: .number(Self.rounded(found.seconds)))]
        if found.status == .infeasible || found.status == .optimal {
            return with(found, details: details, since: started)
        }
        let remaining = total.map { max(0, $0 - started.secondsElapsed) }
        let size = Self.modelSize(domain)
        details.append(.init(key: "modelSize", value: .number(Double(size))))
        if let remaining, Double(size) > modelBudgetPerSecond * max(remaining, 1) || remaining <= 0 {
            details.append(.init(key: "milp", value: .string("skipped: the model is too large for the time left")))
            return with(found, details: details, since: started)
        }
        var settings = glpk
        settings.timeLimit = remaining
        let exact = ExactSolver(settings: settings).solve(domain, previous: previous, warmStart: found.placements, progress: progress)
        details.append(.init(key: "milpSeconds", value: .number(Self.rounded(exact.seconds))))
        details += exact.details
        if exact.status == .infeasible { return with(exact, details: details, since: started) }
        let g = domain.gathering
        func objective(_ p: [Placement]?) -> Int? { p.map { g.costs(of: $0, previous: previous).reduce(0) { $0 + $1.cost } } }
        if let milp = objective(exact.placements), milp <= objective(found.placements) ?? Int.max {
            return with(exact, details: details, since: started)
        }
        var kept = found
        kept.bound = exact.bound
        if let bound = exact.bound, bound == objective(found.placements) { kept.status = .optimal }
        return with(kept, details: details, since: started)
    }

    /// The model's rows, estimated without building it: possible starts, plus one row per shared
    /// slot of each pair of sessions that share an attendee (the concurrency rows dominate).
    public static func modelSize(_ domain: Domain) -> Int {
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
        var rows = domain.starts.reduce(0) { $0 + $1.count }
        for pair in pairs {
            for w in 0..<words { rows += (occupied[pair.first][w] & occupied[pair.second][w]).nonzeroBitCount }
        }
        return rows
    }

    private func with(_ outcome: SolverOutcome, details: [JSONValue.Member], since started: ContinuousClock.Instant) -> SolverOutcome {
        var result = outcome
        result.seconds = started.secondsElapsed
        result.details = details
        return result
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
