import CGLPK
import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// Solves with the MILP through the front door, without a time limit (GLPK solves every program
/// here to the end), and returns the result with the AgendaChecker's verdict on its agenda (nil
/// without one).
func milp(_ g: Gathering, previous: Agenda? = nil) async throws -> (SolveResult, AgendaChecker.Report?) {
    let result = try await solve(g, with: ExactSolver(), previous: previous)
    return (result, result.objective == nil ? nil : try verdict(result, g, previous: previous))
}

/// The exact solver's own run with a warm start, on a thread with GLPK's stack: what the
/// portfolio does inside. No time limit unless one is given; `nodes` bounds branch-and-cut.
func milpRun(
    _ domain: Domain, timeLimit: Duration? = nil, nodes: Int? = nil, warmStart: [Assignment]? = nil,
    formulation: ScheduleFormulation.Options = .init()
) -> SolverAttempt {
    DedicatedThread.runAndWait {
        let problem = SolveProblem(domain: domain, timeLimit: timeLimit)
        var glpk = GLPKSettings()
        glpk.nodeLimit = nodes
        return ExactSolver(backend: GLPKBackend(glpk: glpk), formulation: formulation).run(problem, warmStart: warmStart)
    }
}

@Suite(.sharesCPU) struct ExactSolverPathTests {
    @Test func anInfeasibleInputIsProvenInfeasible() async throws {
        let g = try gathering(slotCount: 2, sessions: (1...3).map { .init(id: "p\($0)", duration: 60, exclusive: true) })
        let (outcome, _) = try await milp(g)
        #expect(outcome.status == .infeasible && outcome.agenda.placements.isEmpty && outcome.bound == nil)
        let empty = try gathering(slotCount: 1, sessions: [.init(id: "long", duration: 120)])
        #expect(try await milp(empty).0.status == .infeasible)
    }

    /// The P2PU gathering's optimum, 107, proven: the slot patterns give a root bound of 107.
    @Test func theP2PUGatheringIsSolvedToProvenOptimality() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && outcome.bound == 107)
        #expect(report?.isValid == true && report?.objective == 107)
    }

    @Test func aVerifiedWarmStartIsTheFirstIncumbent() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let domain = Domain(g)
        let hand = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let known = AgendaChecker(domain: domain).check(hand)
        // Without slot patterns, which have the optimum at the root before the start could be
        // offered; no time limit, and 20 nodes of branch-and-cut (the start is offered at the first).
        let outcome = milpRun(domain, nodes: 20, warmStart: known.assignments, formulation: .init(slotPatterns: false))
        #expect(outcome.statistics.integerProgram?.warmStartUsed == true, "\(outcome.statistics)")
        let placements = try #require(outcome.assignments)
        let report = AgendaChecker(domain: domain).check(placements)
        #expect(report.isValid && report.objective <= known.objective)
        let model = ScheduleFormulation(domain: domain)
        #expect(model.encode(known.assignments).map { model.program.violations($0) } == [])
        #expect(model.encode(known.assignments).map { Int(model.program.objectiveValue($0).rounded()) } == known.objective)
    }

    /// A node limit ends branch-and-cut at the same point on any machine: the same agenda and
    /// bound twice, short of the proof that the same program reaches without it (P2PU on pair
    /// indicators: 10 nodes, then the whole proof, each under a second).
    @Test func aNodeLimitEndsBranchAndCutAtTheSamePointEveryTime() throws {
        let domain = Domain(try Gathering(json: try fixture("p2pu-gathering-2019.json")))
        let pairs = ScheduleFormulation.Options(slotPatterns: false)
        let first = milpRun(domain, nodes: 10, formulation: pairs)
        let second = milpRun(domain, nodes: 10, formulation: pairs)
        #expect(first.status == .feasible, "\(first.statistics)")
        // The node limit is a work limit, apart from the status: the agenda is only feasible.
        #expect(first.termination == .workLimit && second.termination == .workLimit)
        #expect(first.assignments == second.assignments && first.bound == second.bound)
        let placements = try #require(first.assignments)
        let report = AgendaChecker(domain: domain).check(placements)
        #expect(report.isValid && (first.bound ?? .max) <= report.objective, "\(report.violations.prefix(3))")
        let proven = milpRun(domain, formulation: pairs)
        #expect(proven.status == .optimal && proven.bound == 107 && (first.bound ?? .max) < 107 && proven.termination == .optimal)
    }

    @Test func anInvalidWarmStartIsIgnored() throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r")], sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)])
        let clash = [
            Assignment(session: 0, start: 0, slots: 0..<1, rooms: [0]), Assignment(session: 1, start: 0, slots: 0..<1, rooms: [0]),
        ]
        let outcome = milpRun(Domain(g), warmStart: clash)
        #expect(outcome.status == .optimal && AgendaChecker(domain: Domain(g)).check(outcome.assignments ?? []).isValid)
        #expect(outcome.statistics.integerProgram?.warmStartUsed == nil)
    }

    @Test func badOptionsAreRejectedBeforeGLPKSeesThem() async throws {
        let g = try gathering(slotCount: 1, sessions: [.init(id: "a", duration: 60)])
        await #expect(throws: SolveError.self) {
            try await g.solve(using: ExactSolver(), options: SolveOptions(relativeGap: -1))
        }
        await #expect(throws: SolveError.frozenWithoutPrevious) {
            try await g.solve(using: ExactSolver(), options: SolveOptions(frozenUntil: Date()))
        }
    }
}

/// The time limit ends GLPK's run. A test about time itself: it has the machine to itself as far
/// as the heavy suites go (`.measuresTime`), and keeps the quickest of three runs, so that what it
/// measures is the solver, not how busy the machine was.
@Suite(.serialized, .measuresTime) struct ExactSolverTimeLimitTests {
    @Test func theTimeLimitIsHonoured() throws {
        // 60 generated sessions, whose optimum GLPK does not prove in two minutes.
        let g = try Gathering(document: GatheringGenerator(sessions: 60, rooms: 6, days: 2, seed: 11).make().document)
        let domain = Domain(g)
        var quickest = Duration.seconds(3600)
        for _ in 0..<3 {
            let started = ContinuousClock.now
            let outcome = milpRun(domain, timeLimit: .seconds(1))
            quickest = min(quickest, ContinuousClock.now - started)
            #expect(outcome.status == .feasible || outcome.status == .unknown)
            if let placements = outcome.assignments {
                let report = AgendaChecker(domain: domain).check(placements)
                #expect(report.isValid)
                #expect((outcome.bound ?? 0) <= report.objective)
            }
        }
        // The limit, plus GLPK's last step: 1.02 s idle; 5 s leaves room for a loaded machine and
        // still tells a limit honoured from a run to the end (minutes).
        #expect(quickest < .seconds(5), "\(quickest)")
    }
}

/// The LP file is what other solvers read: GLPK's own reader must find the same optimum in it.
@Suite(.sharesCPU) struct LPFileTests {
    @Test(arguments: [3, 8, 21, 40, 77]) func theLPFileReadsBackToTheSameOptimum(seed: Int) throws {
        try readsBack(TinyGatherings.make(seed: seed), seed: seed)
    }

    /// With sessions held more than once: each run has its own columns (`id#run`), and the file
    /// still gives GLPK the same program and optimum.
    @Test(arguments: [3, 8, 21, 40]) func theLPFileWithRunsReadsBackToTheSameOptimum(seed: Int) throws {
        let instance = TinyGatherings.withRuns(seed: seed)
        #expect(instance.gathering.sessions.contains { $0.runs > 1 })
        try readsBack(instance, seed: 1_000 + seed)
    }

    private func readsBack(_ instance: TinyGatherings.Instance, seed: Int) throws {
        let model = ScheduleFormulation(domain: instance.domain)
        let text = LPFileWriter.write(model.program)
        #expect(text == LPFileWriter.write(try instance.gathering.integerProgram(previous: instance.previous)))
        let direct = DedicatedThread.runAndWait { GLPKBackend().run(model.program, limits: .init()) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(seed)-\(getpid()).lp")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let lp = try #require(glp_create_prob())
        defer { glp_delete_prob(lp) }
        glp_term_out(GLP_OFF)
        defer { glp_term_out(GLP_ON) }
        #expect(glp_read_lp(lp, nil, url.path) == 0, "GLPK could not read:\n\(text)")
        #expect(Int(glp_get_num_cols(lp)) == model.program.variables.count)
        #expect(Int(glp_get_num_rows(lp)) == model.program.constraints.count)
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.presolve = GLP_ON
        parm.msg_lev = GLP_MSG_OFF
        let code = glp_intopt(lp, &parm)
        if direct.termination == .infeasible {
            #expect(code == GLP_ENOPFS || glp_mip_status(lp) == GLP_NOFEAS)
        } else {
            #expect(code == 0 && glp_mip_status(lp) == GLP_OPT)
            #expect(abs(glp_mip_obj_val(lp) - (direct.objective ?? .nan)) < 1e-6)
            // The direct solution, decoded, is an agenda the checker accepts at that objective.
            let placements = try #require(direct.solution.flatMap(model.decode))
            let report = AgendaChecker(domain: model.domain).check(placements)
            #expect(report.isValid && Double(report.objective) == direct.objective?.rounded(), "\(report.violations.prefix(3))")
        }
    }

    @Test func namesAreMadeValidAndUnique() {
        let names = LPFileWriter.uniqueNames(["y(a-b,thu 1)", "y(a-b,thu 1)", "3rd", "e1", ""], prefix: "x")
        #expect(names == ["y(a_b,thu_1)", "y(a_b,thu_1)_1", "x_3rd", "x_e1", "x_"])
    }
}

/// Fix-and-optimise on the star formulation: every round's agenda is judged, the cost never
/// rises, and the same start and seed give the same agenda.
@Suite(.sharesCPU) struct NeighbourhoodSearchTests {
    @Test func itNeverWorsensTheAgendaAndRepeatsItself() throws {
        let made = GatheringGenerator(sessions: 40, rooms: 4, days: 2, seed: 5).make()
        let g = try Gathering(document: made.document)
        let domain = Domain(g)
        let model = ScheduleFormulation(domain: domain, options: .init(slotPatterns: false, pairRowLimit: 0))
        #expect(model.concurrency == .stars)
        let start = try #require(SearchSolver(moves: 0).run(SolveProblem(domain: domain, timeLimit: nil), seed: 1).assignments)
        let before = AgendaChecker(domain: domain).check(start).objective
        var lns = NeighbourhoodSearch(backend: GLPKBackend(), seed: 7)
        lns.rounds = 6
        lns.freeSessions = 6
        lns.freeRange = 4...8
        lns.roundSeconds = 3_600  // never reached: each round is solved to optimality, so the run repeats itself on any machine
        let search = lns
        let first = DedicatedThread.runAndWait { search.improve(model, problem: SolveProblem(domain: domain, timeLimit: nil), from: start) }
        let second = DedicatedThread.runAndWait {
            search.improve(model, problem: SolveProblem(domain: domain, timeLimit: nil), from: start)
        }
        let placements = try #require(first.assignments)
        let report = AgendaChecker(domain: domain).check(placements)
        #expect(report.isValid, "\(report.violations.prefix(3))")
        #expect(report.objective <= before)
        #expect(first.statistics.fixAndOptimise != nil)
        #expect(placements == second.assignments)
        if report.objective == 0 { #expect(first.status == .optimal) } else { #expect(first.status == .feasible) }
    }
}

@Suite(.sharesCPU) struct ExactSolverLimitTests {
    /// A program over the column limit is not built: no agenda, and the stats say why.
    @Test func programsOverTheColumnLimitAreDeclined() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        var glpk = GLPKBackend()
        glpk.settings.columnLimit = 100
        let result = try await solve(g, with: ExactSolver(backend: glpk))
        #expect(result.status == .unknown && result.agenda.placements.isEmpty && result.termination == .noSolutionFound)
        guard let text = result.agenda.statistics.integerProgramSkipped else {
            Issue.record("no reason in \(result.agenda.statistics)")
            return
        }
        #expect(text.contains("more than 100"))
    }

    /// The portfolio keeps the same limit: the search has all the time, and its agenda is judged.
    @Test func thePortfolioSkipsGLPKOverTheColumnLimit() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        var glpk = GLPKBackend()
        glpk.settings.columnLimit = 100
        let result = try await solve(g, with: PortfolioSolver(backend: glpk, searchMoves: 1_000), seed: 2)
        #expect(result.agenda.solver == "search" && !result.agenda.placements.isEmpty)
        try ConformanceTests.judge(result, g, "auto over the column limit")
        guard let text = result.agenda.statistics.integerProgramSkipped else {
            Issue.record("no reason in \(result.agenda.statistics)")
            return
        }
        #expect(text.contains("more than 100"))
    }
}
