import ConveneCore

/// Fix-and-optimise with a MILP backend (GLPK), for gatherings whose integer program is too weak
/// for branch-and-bound over the whole agenda (the star formulation of large gatherings): each round
/// frees a few sessions around one cost term of the current agenda (its sessions, the
/// sessions sharing their slots, their costly partners), holds every other session where it is,
/// and lets GLPK find the best agenda of that neighbourhood exactly. GLPK's presolver removes the
/// fixed columns, so a round solves a small program. The round's agenda replaces the current one
/// when the AgendaChecker accepts it and it costs no more.
///
/// In a portfolio (`sharing`), it also takes up, between rounds, any cheaper agenda another solver
/// put on the progress board (GLPK's, once the checker accepts it), and it stops once the board's
/// bound proves its agenda optimal.
///
/// Deterministic for the same start and seed, as long as no round is cut short by its time limit
/// and nothing is taken from the board.
package struct NeighbourhoodSearch: Sendable {
    /// The backend; its rounds run on ``MILPBackend/forFixAndOptimise``.
    package var backend: any MILPBackend
    package var seed: UInt64
    package var rounds = 10_000
    /// Sessions freed per round, at first. The count adapts: one more after a round GLPK solved
    /// to optimality without finding a better agenda (the neighbourhood was too small to hold
    /// one), a quarter fewer after a round cut short by `roundSeconds` (too large to solve).
    package var freeSessions = 8
    package var freeRange = 4...40
    package var roundSeconds = 1.0

    package init(backend: any MILPBackend, seed: UInt64 = 1) {
        self.backend = backend
        self.seed = seed
    }

    /// Improves `start` round by round until the problem's deadline or stop flag, or until it
    /// costs nothing; each better agenda is reported to the problem.
    package func improve(_ model: ScheduleFormulation, problem: SolveProblem, from start: [Assignment], sharing: Bool = false)
        -> SolverAttempt
    {
        let g = model.domain.gathering
        let previous = model.domain.previous
        let checker = AgendaChecker(domain: model.domain)
        var partners = [[Int]](repeating: [], count: g.sessions.count)
        for (pair, w) in g.concurrencyWeights().sorted(by: { $0.key < $1.key }) where w > 0 {
            partners[pair.first].append(pair.second)
            partners[pair.second].append(pair.first)
        }
        var current = start
        var terms = g.costs(of: current, previous: previous)
        var cost = terms.reduce(0) { $0 + $1.cost }
        var rng = SeededGenerator(seed: seed)
        var (roundsRun, improved, takenUp) = (0, 0, 0)
        var (proven, withinGap) = (false, false)
        let gap = problem.options.relativeGap
        var size = min(max(freeSessions, freeRange.lowerBound), freeRange.upperBound)
        let roundBackend = backend.forFixAndOptimise
        while cost > problem.lowerBound.total, roundsRun < rounds, !problem.shouldStop, (problem.secondsRemaining ?? 1) > 0.05 {
            if sharing {
                if let best = problem.board.best, best.objective < cost, let agenda = checker.valid(best.answer) {
                    (current, terms, cost) = (agenda, g.costs(of: agenda, previous: previous), best.objective)
                    takenUp += 1
                }
                if let bound = problem.board.bound, bound >= cost {
                    proven = true
                    break
                }
                // The solve's relative gap: stop once the bound proves the agenda close enough.
                if gap > 0, let bound = problem.board.bound, Double(cost - bound) <= gap * Double(cost) {
                    withinGap = true
                    break
                }
            }
            roundsRun += 1
            let free = neighbourhood(of: terms, in: current, size: size, partners: partners, g: g, rng: &rng)
            let roundEnd = ContinuousClock.now + .milliseconds(Int64(roundSeconds * 1000))
            let limits = MILPLimits(deadline: min(roundEnd, problem.deadline ?? roundEnd), stop: problem.stop)
            let result = roundBackend.run(model.fixing(current, free: free), limits: limits)
            let foundAgenda = result.solution.flatMap(model.decode).flatMap { checker.check($0).isValid ? $0 : nil }
            let foundTerms = foundAgenda.map { g.costs(of: $0, previous: previous) }
            let foundCost = foundTerms?.reduce(0) { $0 + $1.cost } ?? Int.max
            if result.termination == .timeLimit {
                size = max(freeRange.lowerBound, size - max(1, size / 4))
            } else if result.termination == .optimal, foundCost >= cost {
                size = min(freeRange.upperBound, size + 1)
            }
            guard let found = foundAgenda, let foundTerms, foundCost <= cost else { continue }
            if foundCost < cost {
                improved += 1
                problem.report(.milp, objective: foundCost, assignments: found)
            }
            (current, terms, cost) = (found, foundTerms, foundCost)
        }
        let stats = SolveStatistics.FixAndOptimise(rounds: roundsRun, improvements: improved, agendasAdopted: sharing ? takenUp : nil)
        let optimal = cost <= problem.lowerBound.total || proven
        let termination: Termination? =
            optimal ? .optimal : withinGap ? .gapReached : roundsRun >= rounds && !problem.shouldStop ? .workLimit : nil
        return SolverAttempt(
            status: optimal ? .optimal : .feasible, solver: .milp, assignments: current, bound: optimal ? cost : nil,
            termination: termination, statistics: SolveStatistics(fixAndOptimise: stats))
    }

    /// The sessions of one cost term, then sessions sharing their slots and their costly
    /// partners, then any others, in random order, up to `size`.
    private func neighbourhood(
        of terms: [Agenda.Cost], in placements: [Assignment], size: Int, partners: [[Int]], g: Gathering,
        rng: inout SeededGenerator
    ) -> Set<Int> {
        var free = Set<Int>()
        var order: [Int] = []
        func take(_ s: Int) {
            if free.count < size, free.insert(s).inserted { order.append(s) }
        }
        if !terms.isEmpty {
            let term = terms[Int(rng.next() % UInt64(terms.count))]
            for id in term.sessions { if let s = g.sessionIndex[id] { take(s) } }
        }
        var bySlot = [[Int]](repeating: [], count: g.slots.count)
        for p in placements { for k in p.slots { bySlot[k].append(p.session) } }
        var slotOf = [Range<Int>?](repeating: nil, count: g.sessions.count)
        for p in placements { slotOf[p.session] = p.slots }
        var next = 0
        while free.count < size, next < order.count {
            let s = order[next]
            next += 1
            var around = partners[s]
            if let slots = slotOf[s] { for k in slots { around += bySlot[k] } }
            around.shuffle(using: &rng)
            for other in around { take(other) }
        }
        var rest = Array(g.sessions.indices)
        rest.shuffle(using: &rng)
        for s in rest { take(s) }
        return free
    }
}
