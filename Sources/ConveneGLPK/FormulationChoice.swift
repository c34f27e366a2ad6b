import Convene

/// Chooses how GLPK's program charges clashes and track overlaps by measuring the candidates:
/// first their size, then the bound of their LP relaxations.
///
/// - Slot patterns, when they can be listed: the strongest bound (a Dantzig–Wolfe reformulation
///   by slot), but their number grows exponentially with the sessions that fit in a slot.
/// - Groups (``ConcurrencyGroups``): exact and compact, with each attendee's and track's convex
///   envelope as bound (the real conferences' optima: GECCO 2020 1, OR60 final 17).
/// - Pairs with group cuts, when they take no more rows than groups.
/// - Stars, when groups take more than four times their rows: the fewest rows, the weakest bound.
///
/// The candidates' relaxations are solved from the smallest program up: the first to its end (it
/// gives the first bound soonest), each other within a quarter of the time left. The highest bound
/// rounded up wins, the smaller program on a tie. A bound that proves the best agenda known
/// optimal ends the choice at once.
package enum FormulationChoice {
    /// The chosen program, loaded into GLPK with its relaxation solved when it could be.
    package struct Chosen {
        package var model: ScheduleFormulation
        /// Nil when no relaxation was solved (the time ran out, or the program was forced).
        package var problem: GLPKProblem?
        /// Each candidate measured: its concurrency, rows, and whole bound (nil: not solved in time).
        package var measured: [(concurrency: ScheduleFormulation.Concurrency, rows: Int, bound: Int?)]

        /// The measurements for an agenda's stats.
        package var stats: [JSONValue.Member] {
            let list: [JSONValue] = measured.map { m in
                .object([
                    .init(key: "concurrency", value: .string(m.concurrency.rawValue)), .init(key: "rows", value: .number(Double(m.rows))),
                    .init(key: "bound", value: m.bound.map { .number(Double($0)) } ?? .null),
                ])
            }
            return list.count > 1 ? [.init(key: "candidates", value: .array(list))] : []
        }
    }

    /// - Parameters:
    ///   - base: the formulation's options; a forced `concurrency` is built as it is, unmeasured.
    ///   - bestKnown: the best agenda's objective known now, asked after each relaxation.
    ///   - report: told each whole bound a relaxation proves.
    /// - Returns: nil when the stop flag was raised before any program was built.
    package static func choose(
        domain: Domain, base: ScheduleFormulation.Options, settings: GLPKSettings, limits: GLPKRunner.Limits,
        bestKnown: () -> Int? = { nil }, report: (Int) -> Void = { _ in }
    ) -> Chosen? {
        let shouldStop = { limits.reached }
        func build(_ concurrency: ScheduleFormulation.Concurrency) -> ScheduleFormulation? {
            var options = base
            options.concurrency = concurrency
            return ScheduleFormulation.building(domain: domain, options: options, shouldStop: shouldStop)
        }
        if let forced = base.concurrency {
            return build(forced).map { Chosen(model: $0, problem: nil, measured: []) }
        }
        // Patterns when they can be listed, groups otherwise.
        guard let first = build(base.slotPatterns ? .patterns : .groups) else { return nil }
        var models = [first]
        let rows = ConcurrencyRows(domain: domain)
        if first.concurrency == .patterns, let groups = build(.groups) { models.append(groups) }
        if rows.pairs <= rows.groups, let pairs = build(.pairs), pairs.concurrency == .pairs { models.append(pairs) }
        if rows.groups > 4 * rows.stars, let stars = build(.stars) { models.append(stars) }
        models.sort { $0.program.nonZeros < $1.program.nonZeros }
        var measured: [(concurrency: ScheduleFormulation.Concurrency, rows: Int, bound: Int?)] = []
        var best: (model: ScheduleFormulation, problem: GLPKProblem, bound: Int)?
        for (n, model) in models.enumerated() {
            var box = limits
            if n > 0 {
                let left = limits.deadline.map { ($0 - ContinuousClock.now).seconds } ?? 60
                box.deadline = ContinuousClock.now + .milliseconds(Int64(max(1, left / 4) * 1000))
                if let deadline = limits.deadline { box.deadline = min(box.deadline ?? deadline, deadline) }
            }
            let rowCount = model.program.constraints.count
            guard let problem = try? GLPKProblem(model.program, log: settings.log) else { continue }
            switch problem.solveRelaxation(limits: box) {
            case .solved(let relaxed):
                let bound = GLPKProblem.integerBound(relaxed)
                measured.append((model.concurrency, rowCount, bound))
                report(bound)
                if bound > best?.bound ?? Int.min { best = (model, problem, bound) }
                if let known = bestKnown(), bound >= known { return Chosen(model: model, problem: problem, measured: measured) }
            case .infeasible:
                // No agenda at all: branch-and-cut on this program says so.
                measured.append((model.concurrency, rowCount, nil))
                return Chosen(model: model, problem: problem, measured: measured)
            case .stopped:
                measured.append((model.concurrency, rowCount, nil))
                if limits.reached {
                    return best.map { Chosen(model: $0.model, problem: $0.problem, measured: measured) }
                        ?? Chosen(model: model, problem: nil, measured: measured)
                }
            }
        }
        if let best { return Chosen(model: best.model, problem: best.problem, measured: measured) }
        return Chosen(model: models[0], problem: nil, measured: measured)
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
