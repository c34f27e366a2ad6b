import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Synchronization
import Testing

/// An attendee-heavy gathering like the issue's: 65 sessions, 6 rooms, 3 days, 130 attendees
/// wanting 2 to 5 sessions each. Its bound stays open for GLPK (0 or 1 against 1 or 2).
func attendeeHeavy(seed: UInt64 = 1) throws -> Gathering {
    let made = GatheringGenerator(sessions: 65, rooms: 6, days: 3, attendees: 130, interests: 2...5, seed: seed).make()
    return try Gathering(document: made.document)
}

/// A real conference of `Fixtures/real/`.
func realConference(_ name: String) throws -> Gathering {
    try Gathering(json: try fixture("real/\(name).json"))
}

/// The portfolio through the front door: its agendas judged by the checker, its bound reported
/// whenever GLPK ran. No run has a time limit: the search's moves, GLPK's nodes and
/// fix-and-optimise's rounds end each one where no proof does, so that every claim checked here
/// holds on a slow machine as on a fast one.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct PortfolioTests {
    /// A portfolio whose work is bounded by counts.
    static func portfolio(moves: Int, nodes: Int? = nil, rounds: Int? = nil) -> PortfolioSolver {
        var glpk = GLPKSettings()
        glpk.nodeLimit = nodes
        var portfolio = PortfolioSolver(backend: GLPKBackend(glpk: glpk), searchMoves: moves)
        portfolio.fixAndOptimiseRounds = rounds
        return portfolio
    }

    /// Which agenda of the optimal cost the portfolio returns depends on which side proves it
    /// first (PortfolioSolver says so). Taking nothing up from the board, and with no
    /// fix-and-optimise, it returns one of its two sides' own agendas, each of which depends on
    /// the input and the seed alone: the search's (when it reached the optimum before the proof
    /// stopped it) or GLPK's, the same as either side alone gives.
    static func expectOneSidesOwnAgenda(_ g: Gathering, seed: UInt64, moves: Int, optimum: Int, _ label: String) async throws {
        var sides = portfolio(moves: moves, rounds: 0)
        sides.handOverDelay = .seconds(86_400)
        let search = try await solve(g, with: SearchSolver(moves: moves), seed: seed)
        let milp = try await solve(g, with: ExactSolver(), seed: seed)
        #expect(milp.status == .optimal && milp.objective == optimum, "\(label): GLPK alone \(milp.status)")
        for run in 1...2 {
            let result = try await solve(g, with: sides, seed: seed)
            try ConformanceTests.judge(result, g, optimum: optimum, "\(label), run \(run)")
            #expect(result.status == .optimal && result.objective == optimum, "\(label), run \(run): \(result.agenda.statistics)")
            switch result.agenda.solver {
            case "search": #expect(result.agenda.placements == search.agenda.placements, "\(label), run \(run)")
            case "milp": #expect(result.agenda.placements == milp.agenda.placements, "\(label), run \(run)")
            case let other: Issue.record("\(label), run \(run): the agenda of \(String(describing: other))")
            }
        }
    }

    /// P2PU: slot patterns prove the optimum, 107, at the root.
    @Test func theP2PUOptimumIsProvenAndTheSeedDecidesTheAgenda() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let result = try await solve(g, with: Self.portfolio(moves: 1_000), seed: 4)
        #expect(result.status == .optimal && result.bound == 107, "\(result.agenda.statistics)")
        try ConformanceTests.judge(result, g, optimum: 107, "auto on P2PU")
        #expect(result.agenda.statistics.integerProgram?.concurrency == .patterns)
        #expect(result.termination == .optimal && result.agenda.statistics.termination == .optimal)
        try await Self.expectOneSidesOwnAgenda(g, seed: 4, moves: 1_000, optimum: 107, "auto on P2PU")
    }

    /// A gathering whose optimum is not proven (seed 5: 2 or more against a bound of 1; seed 1,
    /// once the example, is now proven by the domain's bound before GLPK runs): the agenda still
    /// comes with a bound, which the progress reports carried as soon as it was known. Ten nodes
    /// of branch-and-cut and three rounds of fix-and-optimise end the run.
    @Test func aBoundIsReportedWheneverGLPKRan() async throws {
        let g = try attendeeHeavy(seed: 5)
        let log = ProgressLog()
        let result = try await solve(g, with: Self.portfolio(moves: 1_000, nodes: 10, rounds: 3), progress: log.add)
        try ConformanceTests.judge(result, g, "auto on 65 sessions, 130 attendees, seed 5")
        #expect(result.objective != nil)
        #expect(result.bound != nil, "\(result.agenda.statistics)")
        #expect(log.reports.contains { $0.bound != nil })
        #expect(result.agenda.statistics.integerProgram != nil, "GLPK did not run: \(result.agenda.statistics)")
        // No proof: the moves, the nodes and the rounds ended the run, not the clock.
        #expect(result.status == .feasible && result.termination == .workLimit, "\(result.agenda.statistics)")
        let stats = result.agenda.statistics
        #expect(stats.portfolio?.milpSeconds != nil && stats.fixAndOptimise?.rounds == 3 && stats.integerProgram?.agendasTakenUp != nil)
        // Every part of the portfolio's stats reads back, and writes the same bytes again.
        let read = try Agenda.load(result.agenda.json).value
        #expect(read == result.agenda && read.json == result.agenda.json)
    }

    /// GECCO 2023: the search reaches cost 0 at once, which proves it; the seed decides the agenda.
    @Test func gecco2023IsProvenAndTheSeedDecidesTheAgenda() async throws {
        let g = try realConference("gecco23")
        try await Self.expectOneSidesOwnAgenda(g, seed: 2, moves: 1_000, optimum: 0, "auto on GECCO 2023")
    }

    /// The GECCO 2021 workshops (best known 16; CP-SAT's bound 0): GLPK's per-track charges give
    /// a root bound of 16, and branch-and-cut proves an agenda of 16 optimal.
    @Test func gecco2021WorkshopsAreProvenAtSixteen() async throws {
        let g = try realConference("gecco21-workshop")
        let result = try await solve(g, with: Self.portfolio(moves: 200, rounds: 5))
        try ConformanceTests.judge(result, g, optimum: 16, "auto on the GECCO 2021 workshops")
        #expect(result.status == .optimal && result.objective == 16 && result.bound == 16, "\(result.agenda.statistics)")
    }
}

/// GLPK's side of the exchange: agendas on the progress board become incumbents once the checker
/// accepts them, and only then. Without a time limit: GLPK proves each optimum here.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct ExchangeTests {
    /// Puts an agenda on the board through the public report, then runs GLPK with the exchange on.
    struct Handover: AgendaSolver {
        var agenda: Agenda
        var kind: SolverKind { .milp }

        func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
            let objective = agenda.costs.reduce(0) { $0 + $1.cost }
            problem.report(objective: objective, bound: nil, placements: agenda.placements, solver: .custom("handover"))
            return await DedicatedThread.run {
                let model = ScheduleFormulation(domain: problem.domain, options: .init(concurrency: .groups))
                return ExactSolver().run(model, problem: problem, exchange: true, handOverDelay: .zero)
            }
        }
    }

    static func handedOver(_ result: SolveResult) -> Int? {
        result.agenda.statistics.integerProgram?.agendasTakenUp
    }

    @Test func glpkTakesUpAVerifiedAgendaFromTheBoard() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let hand = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let costed = try AgendaChecker(gathering: g).check(hand)
        #expect(costed.isValid)
        let withCosts = Agenda(
            status: .feasible, solver: nil, bound: nil, assignments: costed.assignments, domain: Domain(g))
        let result = try await solve(g, with: Handover(agenda: withCosts))
        try ConformanceTests.judge(result, g, optimum: 107, "GLPK after a hand-over")
        #expect(Self.handedOver(result) == 1, "\(result.agenda.statistics)")
        #expect((result.objective ?? .max) <= costed.objective)
    }

    @Test func anAgendaThatBreaksARuleIsNotTakenUp() async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "am", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "pm", start: clock(600), end: clock(660), tags: ["pm"]),
        ]
        let g = try gathering(
            slots: slots, rooms: [.init(id: "r")],
            sessions: ["a", "b"].map { .init(id: $0, duration: 60, prefer: .init(slotTags: ["am"])) })
        // Both in the one room in the morning: cheaper than any agenda that keeps the rules (0
        // against 1), so it would win if it were believed.
        let doubleBooked = agenda([("a", "am", ["r"]), ("b", "am", ["r"])])
        let result = try await solve(g, with: Handover(agenda: doubleBooked))
        try ConformanceTests.judge(result, g, optimum: 1, "GLPK after a bad hand-over")
        #expect(result.objective == 1)
        #expect(Self.handedOver(result) == 0, "\(result.agenda.statistics)")
    }
}

/// Cancelling while GLPK solves a large LP relaxation: the guard reads the stop flag at GLPK's
/// progress lines, so the relaxation ends at once, and the thread's GLPK works again afterwards.
/// A test about time itself: it has the machine to itself as far as the heavy suites go, and keeps
/// the quickest of three trials, so that it measures GLPK's guard, not how busy the machine was.
@Suite(.serialized, .measuresTime) struct RelaxationCancellationTests {
    @Test func aRaisedStopFlagEndsTheRelaxationAtOnce() throws {
        let g = try realConference("gecco21-workshop")
        let model = ScheduleFormulation(domain: Domain(g), options: .init(concurrency: .groups))
        var quickest = Duration.seconds(3600)
        for trial in 1...3 {
            let stop = StopFlag()
            let raised = Mutex<ContinuousClock.Instant?>(nil)
            let (outcome, ended, after) = DedicatedThread.runAndWait {
                () -> (MILPRelaxation, ContinuousClock.Instant, MILPResult?) in
                guard let problem = try? GLPKProblem(model.program) else { return (.infeasible, .now, nil) }
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: 0.5)
                    raised.withLock { $0 = .now }
                    stop.raise()
                }
                let outcome = problem.solveRelaxation(limits: .init(stop: stop))
                let ended = ContinuousClock.now
                // The environment was freed; GLPK starts a new one for the next program on this thread.
                let tiny = try? gathering(slotCount: 1, sessions: [.init(id: "a", duration: 60)])
                let next = tiny.map {
                    GLPKBackend().run(ScheduleFormulation(domain: Domain($0)).program, limits: .init())
                }
                return (outcome, ended, next)
            }
            #expect(outcome == .stopped(.stopped), "trial \(trial)")
            quickest = min(quickest, try #require(raised.withLock { $0 }).duration(to: ended))
            #expect(after?.termination == .optimal, "trial \(trial)")
        }
        #expect(quickest < promptly, "the relaxation ended \(quickest) after the flag was raised")
    }
}
