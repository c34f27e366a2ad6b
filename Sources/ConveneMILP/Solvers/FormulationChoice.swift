import ConveneCore

/// Chooses how GLPK's program charges clashes and track overlaps by measuring the candidates:
/// first their size, then the bound of their LP relaxations.
///
/// - Slot patterns, when they can be listed: the strongest bound (a Dantzig–Wolfe reformulation
///   by slot), but their number grows exponentially with the sessions that fit in a slot. When
///   they can be listed they are the only candidate.
/// - Groups (``ConcurrencyGroups``): exact and compact, with each attendee's and track's convex
///   envelope as bound (the real conferences' optima: GECCO 2020 1, OR60 final 17).
/// - Pairs with group cuts, when they take no more rows than groups.
/// - Stars, when groups take more than four times their rows: the fewest rows, the weakest bound.
///
/// The candidates' relaxations are solved from the smallest program up: the first to its end (it
/// gives the first bound soonest), each other within a quarter of the time left. The highest bound
/// rounded up wins; on a tie, the formulation that stays tighter below the root
/// (``strength(_:)``). A bound that proves the best agenda known optimal ends the choice at once.
package enum FormulationChoice {
    /// The chosen program, loaded into the backend with its relaxation solved when it could be.
    package struct Chosen<Program> {
        package var model: ScheduleFormulation
        /// Nil when no relaxation was solved (the time ran out, or the program was forced).
        package var problem: Program?
        /// Each candidate measured: its concurrency, rows, and whole bound (nil: not solved in time).
        package var measured: [(concurrency: ScheduleFormulation.Concurrency, rows: Int, bound: Int?)]
        /// Time spent building the candidates, and solving their relaxations.
        package var building = 0.0, relaxing = 0.0

        /// The measurements for an agenda's stats: the candidates when there were several, the
        /// seconds spent building them and solving their relaxations.
        package var measurements: ExactSolver.Measurements {
            let candidates = measured.map {
                SolveStatistics.Candidate(concurrency: $0.concurrency.statistic, rows: $0.rows, bound: $0.bound)
            }
            return ExactSolver.Measurements(
                candidates: candidates.count > 1 ? candidates : [], formulationSeconds: ExactSolver.rounded(building),
                relaxationSeconds: ExactSolver.rounded(relaxing))
        }
    }

    /// On a tie of root bounds, the formulation whose rows stay tighter below the root: groups and
    /// pairs are exact per pair or group, stars only through a big M (65 attendee-heavy sessions:
    /// GLPK alone ends at 8 on stars, at 1 on groups).
    static func strength(_ model: ScheduleFormulation?) -> Int {
        switch model?.concurrency {
        case .patterns: 3
        case .groups: 2
        case .pairs: 1
        case .stars, nil: 0
        }
    }

    /// - Parameters:
    ///   - base: the formulation's options; a forced `concurrency` is built as it is, unmeasured.
    ///   - bestKnown: the best agenda's objective known now, asked after each relaxation.
    ///   - report: told each whole bound a relaxation proves.
    ///   - built: told the smallest program built, before any relaxation is solved.
    /// - Returns: nil when the stop flag was raised before any program was built.
    package static func choose<Backend: MILPBackend>(
        domain: Domain, base: ScheduleFormulation.Options, backend: Backend, limits: MILPLimits,
        bestKnown: () -> Int? = { nil }, report: (Int) -> Void = { _ in }, built: (ScheduleFormulation) -> Void = { _ in }
    ) -> Chosen<Backend.Program>? {
        let shouldStop = { limits.reached }
        var (building, relaxing) = (0.0, 0.0)
        func build(_ concurrency: ScheduleFormulation.Concurrency) -> ScheduleFormulation? {
            var options = base
            options.concurrency = concurrency
            let clock = ContinuousClock.now
            defer { building += clock.secondsElapsed }
            return ScheduleFormulation.building(domain: domain, options: options, shouldStop: shouldStop)
        }
        func chosen(_ model: ScheduleFormulation, _ problem: Backend.Program?, _ measured: [(ScheduleFormulation.Concurrency, Int, Int?)])
            -> Chosen<Backend.Program>
        {
            Chosen(model: model, problem: problem, measured: measured.map { ($0.0, $0.1, $0.2) }, building: building, relaxing: relaxing)
        }
        if let forced = base.concurrency {
            return build(forced).map { chosen($0, nil, []) }
        }
        // Patterns when they can be listed, groups otherwise.
        guard let first = build(base.slotPatterns ? .patterns : .groups) else { return nil }
        var models = [first]
        // Listed patterns need no rival: every other formulation's rows hold for each pattern
        // at its exact cost, so their relaxations are no tighter than the patterns' (P2PU: 104
        // against 36 for pairs, 32 for groups).
        if first.concurrency != .patterns {
            let rows = ConcurrencyRows(domain: domain)
            if rows.pairs <= rows.groups, let pairs = build(.pairs), pairs.concurrency == .pairs { models.append(pairs) }
            if rows.groups > 4 * rows.stars, let stars = build(.stars) { models.append(stars) }
        }
        models.sort { $0.program.nonZeros < $1.program.nonZeros }
        built(models[0])
        var measured: [(concurrency: ScheduleFormulation.Concurrency, rows: Int, bound: Int?)] = []
        var best: (model: ScheduleFormulation, problem: Backend.Program, bound: Int)?
        for (n, model) in models.enumerated() {
            var box = limits
            if n > 0 {
                let left = limits.deadline.map { ($0 - ContinuousClock.now).seconds } ?? 60
                box.deadline = ContinuousClock.now + .milliseconds(Int64(max(1, left / 4) * 1000))
                if let deadline = limits.deadline { box.deadline = min(box.deadline ?? deadline, deadline) }
            }
            let rowCount = model.program.constraints.count
            guard let problem = try? backend.load(model.program, warmStart: nil, stop: limits.stop) else { continue }
            let clock = ContinuousClock.now
            let relaxation = backend.solveRelaxation(problem, limits: box)
            relaxing += clock.secondsElapsed
            switch relaxation {
            case .solved(let relaxed):
                let bound = MILPBound.integer(relaxed)
                measured.append((model.concurrency, rowCount, bound))
                report(bound)
                if bound > best?.bound ?? Int.min || bound == best?.bound && Self.strength(model) > Self.strength(best?.model) {
                    best = (model, problem, bound)
                }
                if let known = bestKnown(), bound >= known { return chosen(model, problem, measured) }
            case .infeasible:
                // No agenda at all: branch-and-cut on this program says so.
                measured.append((model.concurrency, rowCount, nil))
                return chosen(model, problem, measured)
            case .stopped:
                measured.append((model.concurrency, rowCount, nil))
                if limits.reached {
                    return best.map { chosen($0.model, $0.problem, measured) } ?? chosen(model, nil, measured)
                }
            }
        }
        if let best { return chosen(best.model, best.problem, measured) }
        return chosen(models[0], nil, measured)
    }
}

/// The concurrency rows each formulation would write, estimated without writing them (at a
/// cost linear in the starts and the groups' sizes).
struct ConcurrencyRows {
    /// Per group and slot, one fewer than the group's sessions that could run there (the
    /// tangents; fewer where rooms limit how many can run at once).
    var groups: Int
    /// One per costly pair and slot the two could share.
    var pairs: Int
    /// One per start of each session with a costly partner after it.
    var stars: Int

    init(domain: Domain) {
        let g = domain.gathering
        let words = (g.slots.count + 63) / 64
        var occupied = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: g.sessions.count)
        for (s, starts) in domain.starts.enumerated() {
            for start in starts { for k in start.slots { occupied[s][k / 64] |= 1 << UInt64(k % 64) } }
        }
        var hasLaterPartner = [Bool](repeating: false, count: g.sessions.count)
        pairs = 0
        for (pair, w) in g.concurrencyWeights() where w > 0 {
            hasLaterPartner[pair.first] = true
            for w in 0..<words { pairs += (occupied[pair.first][w] & occupied[pair.second][w]).nonzeroBitCount }
        }
        stars = domain.starts.indices.filter { hasLaterPartner[$0] }.reduce(0) { $0 + domain.starts[$1].count }
        groups = 0
        var present = [Int](repeating: 0, count: g.slots.count)
        for group in ConcurrencyGroups(g).groups {
            for k in present.indices { present[k] = 0 }
            for s in group.sessions {
                for k in g.slots.indices where occupied[s][k / 64] & (1 << UInt64(k % 64)) != 0 { present[k] += 1 }
            }
            for count in present where count > 1 { groups += min(count, g.rooms.count) - 1 }
        }
    }
}
