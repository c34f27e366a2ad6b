import ConveneCore
import ConveneSearch
import Foundation
import Synchronization

/// `--solver auto`: the search and a MILP backend (GLPK's: ConveneGLPK gives `PortfolioSolver()`)
/// at once, on two threads, handing each other their agendas. GLPK, below, stands for the
/// backend: it is the one there is, and every number here was measured with it.
///
/// - GLPK's thread starts from the search's construction (which depends on nothing but the
///   input), chooses a global program by measuring the candidates (`FormulationChoice`: slot
///   patterns when they can be listed, else per-group charges, pairs or stars, by size and LP
///   bound), reports its LP bound as soon as it is solved, and runs branch-and-cut. At its
///   heuristic callbacks it takes up any cheaper agenda on the progress board (once the
///   AgendaChecker accepts it and it encodes to a point that breaks no row); each agenda it finds
///   goes on the board.
/// - The other thread runs the search (``SearchSolver``, seeded), then, when rules 11 or 12
///   apply, the relaxation of GLPK's program without them (a quicker valid bound), then fix-and-optimise
///   (`NeighbourhoodSearch`) on GLPK's program from the best agenda on the board, taking up
///   GLPK's better agendas between rounds.
/// - Whoever proves optimality stops the other: GLPK once its bound, rounded up, reaches the best
///   agenda (its own or one taken up), the search by reaching cost 0, fix-and-optimise once the
///   board's bound reaches its agenda's cost.
/// - The cheapest agenda wins, with the best bound. On a tie the search's agenda wins, then
///   GLPK's own, then fix-and-optimise's, then one GLPK found after taking one up. The search's
///   agendas depend on the input and the seed alone, and its best changes only when it improves,
///   so when it reaches the optimum the same input and seed give the same agenda even though a
///   proof stops it early. GLPK takes nothing up in its first second of branching (unless the
///   root's bound proves it optimal), so a proof within that second does not depend on the
///   search either. Beyond those cases, which agenda of the optimal cost is returned depends on
///   when agendas were handed over; its cost does not.
///
/// GLPK is skipped when the integer program would be too large for the time limit: when its
/// smallest candidate's rows exceed `modelBudgetPerSecond` for each second (SOLVER-NOTES
/// measured GLPK giving no answer at all in 60 s on models of 50k+ rows). The search then has
/// all the time.
public struct PortfolioSolver: AgendaSolver {
    /// The MILP backend, with its settings.
    package var backend: any MILPBackend
    /// The search's moves; nil: its default.
    package var searchMoves: Int?
    package var modelBudgetPerSecond = 1_000.0
    /// The options of GLPK's program; its concurrency is chosen by measuring unless forced here.
    package var formulation = ScheduleFormulation.Options()
    /// Fix-and-optimise's rounds; nil: its default. With the search's moves and GLPK's node limit,
    /// a count that ends the portfolio's work where no proof does, whatever the machine's speed.
    package var fixAndOptimiseRounds: Int?
    /// GLPK's branching on its own before it takes up the board's agendas (``BoardExchange/delay``).
    /// A wall-clock delay: a test that needs the same agenda on any machine sets it beyond the run.
    package var handOverDelay = BoardExchange.delay

    /// A portfolio on `backend`; `searchMoves` bounds the search's local search (nil: its default
    /// effort).
    package init(backend: any MILPBackend, searchMoves: Int? = nil) {
        self.backend = backend
        self.searchMoves = searchMoves
    }

    /// Runs the search and GLPK on two threads of their own and returns the cheapest agenda with the best bound.
    public func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
        let domain = problem.domain
        let search = SearchSolver(moves: searchMoves)
        let fullMoves = searchMoves ?? SearchSolver.defaultMoves(domain.gathering)
        let size = Self.modelSize(domain)
        // The same column limit as `--solver milp`: GLPK's thread builds the whole program.
        let columns = ScheduleFormulation.placementColumns(domain: domain, options: formulation)
        let skip =
            if let total = problem.options.timeLimit?.seconds, Double(size) > modelBudgetPerSecond * max(total, 1) {
                "skipped: the model is too large for the time limit"
            } else if columns > backend.settings.columnLimit {
                "skipped: the integer program would have \(columns) columns, more than \(backend.settings.columnLimit)"
            } else {
                String?.none
            }
        if let skip {
            let clock = ContinuousClock.now
            let found = await DedicatedThread.run(stackSize: 8 << 20) { search.run(problem, seed: problem.options.seed, moves: fullMoves) }
            var stats = SolveStatistics(
                portfolio: .init(searchSeconds: ExactSolver.rounded(clock.secondsElapsed), modelSize: size, milpSeconds: nil),
                integerProgramSkipped: found.status == .feasible ? skip : nil)
            stats = stats.merging(found.statistics)
            return with(found, stats: stats)
        }
        let proven = StopFlag(parent: problem.stop)  // raised once either side has proven optimality or infeasibility
        let shared = problem.narrowed(stop: proven)
        let program = SharedProgram()  // GLPK's program, for fix-and-optimise
        let glpkDone = StopFlag()
        // Beside GLPK, a stalled search hands over to fix-and-optimise sooner, on gatherings small
        // enough for its rounds to gain more than the search would.
        let searchBeside = {
            var beside = search
            if domain.gathering.sessions.count <= Self.handOverSessions { beside.patience = Self.patienceBesideGLPK }
            return beside
        }()
        // Both threads are started by this task itself: see `DedicatedThread.run(_:_:)`.
        let ((exact, exactSeconds), (found, polished, searchSeconds)) = await DedicatedThread.run {
            runMILP(shared, on: backend, search: search, program: program, proven: proven, done: glpkDone)
        } _: {
            runSearch(shared, search: searchBeside, moves: fullMoves, program: program, proven: proven, glpkDone: glpkDone)
        }
        let portfolio = SolveStatistics.Portfolio(
            searchSeconds: ExactSolver.rounded(searchSeconds), modelSize: size, milpSeconds: ExactSolver.rounded(exactSeconds))
        let stats = SolveStatistics(portfolio: portfolio).merging(exact.statistics).merging(polished?.statistics)
        if found.status == .infeasible { return with(found, stats: stats.merging(found.statistics)) }
        if exact.status == .infeasible { return with(exact, stats: stats) }
        // The cheapest agenda; on a tie, the first of these: the search's and GLPK's own depend on
        // the input and the seed alone, the others on when agendas were handed over.
        let g = domain.gathering
        func objective(_ p: [Assignment]?) -> Int? { p.map { g.costs(of: $0, previous: domain.previous).reduce(0) { $0 + $1.cost } } }
        let handedOver = exact.statistics.integerProgram?.afterHandOver == true
        var winner = found
        var best = objective(found.assignments) ?? Int.max
        for other in [handedOver ? nil : exact, polished, handedOver ? exact : nil].compactMap({ $0 }) {
            if let cost = objective(other.assignments), cost < best { (winner, best) = (other, cost) }
        }
        let bound = [found.bound, exact.bound, polished?.bound, problem.board.bound].compactMap { $0 }.max()
        winner.bound = bound
        winner.status = winner.assignments == nil ? .unknown : bound == best ? .optimal : .feasible
        winner.termination = Self.termination(sides: [found, exact, polished].compactMap { $0 }, stopped: problem.shouldStop)
        return with(winner, stats: stats)
    }

    /// Why the portfolio stopped when neither side proved anything: a gap proven by either side;
    /// else, when every side ended on a count (the search's moves, GLPK's node limit,
    /// fix-and-optimise's rounds) and nothing stopped them, the work limit; else nil, for the
    /// front door to tell the time limit from cancellation.
    static func termination(sides: [SolverAttempt], stopped: Bool) -> Termination? {
        let reasons = sides.map(\.termination)
        if reasons.contains(.gapReached) { return .gapReached }
        guard !stopped else { return nil }
        return reasons.contains(.workLimit) ? .workLimit : nil
    }

    /// GLPK's thread: the construction as a start, the program chosen by measuring, then
    /// branch-and-cut sharing agendas through the board.
    private func runMILP<Backend: MILPBackend>(
        _ problem: SolveProblem, on backend: Backend, search: SearchSolver, program: SharedProgram, proven: StopFlag, done: StopFlag
    ) -> (SolverAttempt, Double) {
        defer { done.raise() }
        let started = ContinuousClock.now
        let start = search.constructed(problem, seed: problem.options.seed)
        let limits = MILPLimits(deadline: problem.deadline, gap: problem.options.relativeGap, stop: problem.stop)
        guard
            let chosen = FormulationChoice.choose(
                domain: problem.domain, base: formulation, backend: backend, limits: limits, bestKnown: { problem.board.best?.objective },
                report: { problem.report(.milp, objective: nil, bound: $0) },
                // Fix-and-optimise needs a program, not the best relaxation: it may start on the
                // smallest one built (its rounds' programs solve fastest) while the candidates'
                // relaxations are measured (with travel between sites they took 24 s of a
                // 150-session gathering's 29 s to proof).
                built: { program.set($0) })
        else {
            // Stopped while the program was being built: the construction is all this side has.
            return (SolverAttempt(status: start == nil ? .unknown : .feasible, solver: .milp, assignments: start), started.secondsElapsed)
        }
        // Fix-and-optimise keeps the smallest candidate whatever GLPK chose, so that its program
        // does not depend on which thread got there first.
        if program.value == nil { program.set(chosen.model) }
        let outcome = ExactSolver.solve(
            chosen.model, problem: problem, on: backend, loaded: chosen.problem, warmStart: start, started: started, exchange: true,
            handOverDelay: handOverDelay, measured: chosen.measurements)
        // A relative gap proven by GLPK ends the search's side too: the portfolio honours the gap.
        if outcome.status == .optimal || outcome.status == .infeasible || outcome.termination == .gapReached { proven.raise() }
        return (outcome, started.secondsElapsed)
    }

    /// The other thread: the search, then fix-and-optimise on GLPK's program until the end.
    private func runSearch(
        _ problem: SolveProblem, search: SearchSolver, moves: Int, program: SharedProgram, proven: StopFlag,
        glpkDone: StopFlag
    ) -> (SolverAttempt, SolverAttempt?, Double) {
        let clock = ContinuousClock.now
        let found = search.run(problem, seed: problem.options.seed, moves: moves)
        if found.status == .optimal || found.status == .infeasible { proven.raise() }
        guard found.status == .feasible, !problem.shouldStop else { return (found, nil, clock.secondsElapsed) }
        // GLPK's thread builds the program; it is ready long before the search ends, except on
        // gatherings whose search ends at once.
        var model = program.value
        while model == nil, !problem.shouldStop, !glpkDone.isRaised {
            Thread.sleep(forTimeInterval: 0.005)
            model = program.value
        }
        guard let model, let start = found.assignments, !problem.shouldStop else { return (found, nil, clock.secondsElapsed) }
        if problem.domain.hasPersonRules { boundWithoutPersonRules(problem, like: model, on: backend) }
        var polishing = NeighbourhoodSearch(backend: backend, seed: problem.options.seed)
        if let fixAndOptimiseRounds { polishing.rounds = fixAndOptimiseRounds }
        let polished = polishing.improve(model, problem: problem, from: start, sharing: true)
        if polished.status == .optimal { proven.raise() }
        return (found, polished, clock.secondsElapsed)
    }

    /// With rules 11 and 12, GLPK's program is larger and its relaxation slower (a 150-session
    /// gathering with travel between three sites and daily limits: 7.9 s, against 3.3 s for the
    /// same gathering without them). The same program without those rows, and without sites
    /// told apart, is a relaxation of it: its bound is valid, and it is solved here, beside
    /// GLPK's, before fix-and-optimise. When it already proves the best agenda (it did on both
    /// of ten such gatherings whose optimum is 1), the proof does not wait for the full relaxation.
    private func boundWithoutPersonRules<Backend: MILPBackend>(
        _ problem: SolveProblem, like model: ScheduleFormulation, on backend: Backend
    ) {
        var options = formulation
        options.concurrency = model.concurrency
        options.personRules = false
        guard let relaxed = ScheduleFormulation.building(domain: problem.domain, options: options, shouldStop: { problem.shouldStop }),
            !problem.shouldStop, let lp = try? backend.load(relaxed.program, warmStart: nil, stop: problem.stop)
        else { return }
        let limits = MILPLimits(deadline: problem.deadline, stop: problem.stop)
        if case .solved(let bound) = backend.solveRelaxation(lp, limits: limits) {
            problem.report(.milp, objective: nil, bound: MILPBound.integer(bound))
        }
    }

    /// The rows of the smallest program GLPK could be given, estimated without building it:
    /// possible starts, plus the fewer of the per-group charges' and the star rows.
    package static func modelSize(_ domain: Domain) -> Int {
        let rows = ConcurrencyRows(domain: domain)
        return domain.starts.reduce(0) { $0 + $1.count } + min(rows.groups, rows.stars)
    }

    /// GLPK's program, handed from its thread to fix-and-optimise's.
    final class SharedProgram: Sendable {
        private let model = Mutex<ScheduleFormulation?>(nil)
        var value: ScheduleFormulation? { model.withLock { $0 } }
        func set(_ program: ScheduleFormulation) { model.withLock { $0 = program } }
    }

    private func with(_ attempt: SolverAttempt, stats: SolveStatistics) -> SolverAttempt {
        var result = attempt
        result.statistics = stats
        return result
    }

    /// Moves without a better agenda after which the search beside GLPK gives way to
    /// fix-and-optimise (alone it waits 300,000). With travel between sites and daily limits the
    /// search can stall one clash short of an optimum of 0 that fix-and-optimise then finds in
    /// two rounds (150 sessions: 20–30 s of stalling before, 1–2 s now). Not while the best
    /// agenda leaves a session out: placing it can take the search more moves, and
    /// fix-and-optimise did not find it (attendee-heavy, 100 sessions, seed 13: an optional talk
    /// out, 100, for 20–45 s; the search alone places it after 120,000 moves, 2.4 s).
    static let patienceBesideGLPK = 50_000
    /// The most sessions for which the search beside GLPK gives way early. Above, fix-and-optimise's
    /// rounds gained less than the search would have in the same time (60 s, generated gatherings:
    /// 98 against the search's 88 at 400 sessions, 355 against 339 at 800), so the search keeps its
    /// own patience there.
    static let handOverSessions = 300

}
