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

func placedAt(_ g: Gathering, _ report: AgendaChecker.Report?, _ session: String) -> (start: String, rooms: [String])? {
    guard let s = g.sessionIndex[session], let p = report?.assignments.first(where: { $0.session == s }) else { return nil }
    return (g.slots[p.start].id, p.rooms.map { g.rooms[$0].id })
}

/// One test per hard rule: an instance where the cheapest agenda would break the rule, so the
/// solver must pay to keep it.
@Suite(.sharesCPU) struct ExactSolverRuleTests {
    let fans: [InputDocument.Attendee] = [.init(id: "fan", interests: ["a", "b"])]

    @Test func rule1NonOptionalSessionsArePlacedEvenWhenTheyCost() async throws {
        let g = try gathering(slotCount: 1, sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)], attendees: fans)
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.isValid == true && report?.objective == 1)
    }

    @Test func rule2RoomTagsAndCapacity() async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "small", capacity: 5), .init(id: "hall", capacity: 50, tags: ["av"])],
            sessions: [.init(id: "a", attendance: 20, duration: 60), .init(id: "b", duration: 60, roomTags: ["av"])],
            attendees: fans)
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.isValid == true && report?.objective == 0)
        #expect(placedAt(g, report, "a")?.rooms == ["hall"] && placedAt(g, report, "b")?.rooms == ["hall"])
    }

    @Test func rule2RoomUnavailability() async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r", unavailable: [.init(start: clock(540), end: clock(600))])],
            sessions: [.init(id: "a", duration: 60)])
        let (_, report) = try await milp(g)
        #expect(placedAt(g, report, "a")?.start == "s2")
    }

    @Test func rule3SlotTags() async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "am", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "pm", start: clock(600), end: clock(660), tags: ["pm"]),
        ]
        let g = try gathering(slots: slots, sessions: [.init(id: "a", duration: 60, slotTags: ["pm"])])
        #expect(placedAt(g, try await milp(g).1, "a")?.start == "pm")
    }

    @Test func rule4OneSessionPerRoom() async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r")], sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)])
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.isValid == true)
        #expect(Set([placedAt(g, report, "a")?.start, placedAt(g, report, "b")?.start]) == ["s1", "s2"])
    }

    @Test func rule5FacilitatorsAvailableAndOneAtATime() async throws {
        let people: [InputDocument.Person] = [.init(id: "p", available: [.init(start: clock(600), end: clock(720))])]
        let g = try gathering(
            slotCount: 3, people: people,
            sessions: [.init(id: "a", facilitators: ["p"], duration: 60), .init(id: "b", facilitators: ["p"], duration: 60)])
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.isValid == true)
        #expect(Set([placedAt(g, report, "a")?.start, placedAt(g, report, "b")?.start]) == ["s2", "s3"])
    }

    @Test func rule6ExclusiveSessionsRunAlone() async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [
                .init(id: "plenary", duration: 60, exclusive: true),
                .init(id: "a", duration: 60), .init(id: "b", duration: 60),
            ],
            attendees: fans)
        let (outcome, report) = try await milp(g)
        #expect(report?.isValid == true && outcome.status == .optimal)
        #expect(report?.objective == 1)  // a and b share the other slot
    }

    @Test func rule7After() async throws {
        let g = try gathering(slotCount: 3, sessions: [.init(id: "a", duration: 60, after: ["b"]), .init(id: "b", duration: 120)])
        let (_, report) = try await milp(g)
        #expect(placedAt(g, report, "b")?.start == "s1" && placedAt(g, report, "a")?.start == "s3")
    }

    @Test func rule8NotConcurrentWith() async throws {
        let g = try gathering(
            slotCount: 2, sessions: [.init(id: "a", duration: 60, notConcurrentWith: ["b"]), .init(id: "b", duration: 60)])
        let (_, report) = try await milp(g)
        #expect(report?.isValid == true && placedAt(g, report, "a")?.start != placedAt(g, report, "b")?.start)
    }

    @Test func rule9Pins() async throws {
        let g = try gathering(slotCount: 3, sessions: [.init(id: "a", duration: 60, pin: .init(slot: "s3", room: "r2"))])
        let (_, report) = try await milp(g)
        #expect(placedAt(g, report, "a")?.start == "s3" && placedAt(g, report, "a")?.rooms == ["r2"])
    }

    @Test func multiRoomSessionsTakeEveryRoomTheyNeed() async throws {
        let g = try gathering(
            slotCount: 2, rooms: ["r1", "r2", "r3"].map { .init(id: $0) },
            sessions: [.init(id: "open", duration: 60, rooms: 3, pin: .init(room: "r2")), .init(id: "a", duration: 60)],
            attendees: [.init(id: "x", interests: ["open", "a"])])
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.isValid == true && report?.objective == 0)
        #expect(placedAt(g, report, "open")?.rooms == ["r1", "r2", "r3"])
    }
}

/// One test per cost kind: the solver trades each against the others correctly.
@Suite(.sharesCPU) struct ExactSolverCostTests {
    @Test func clashesAreAvoidedWhenPossibleAndCountedPerAttendee() async throws {
        let g = try gathering(
            slotCount: 2, sessions: ["a", "b", "c"].map { .init(id: $0, duration: 60) },
            attendees: [
                .init(id: "x", interests: ["a", "b"]), .init(id: "y", interests: ["a", "b"]),
                .init(id: "z", interests: ["b", "c"]),
            ],
            weights: .init(clash: 3))
        let (outcome, report) = try await milp(g)
        #expect(outcome.status == .optimal && report?.objective == 0)
        let crowded = try gathering(
            slotCount: 1, rooms: ["r1", "r2", "r3"].map { .init(id: $0) },
            sessions: ["a", "b", "c"].map { .init(id: $0, duration: 60) },
            attendees: [.init(id: "x", interests: ["a", "b", "c"])], weights: .init(clash: 3))
        #expect(try await milp(crowded).1?.objective == 9)  // three pairs, one attendee, weight 3
    }

    @Test func preferencesAreWeighed() async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "am", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "pm", start: clock(600), end: clock(660), tags: ["pm"]),
        ]
        let g = try gathering(
            slots: slots, rooms: [.init(id: "r")],
            sessions: [
                .init(id: "a", duration: 60, prefer: .init(slotTags: ["am"], weight: 3)),
                .init(id: "b", duration: 60, prefer: .init(slotTags: ["am"], weight: 1)),
            ],
            weights: .init(preference: 2))
        let (_, report) = try await milp(g)
        #expect(placedAt(g, report, "a")?.start == "am" && report?.objective == 2)
    }

    @Test func optionalSessionsAreDroppedOnlyWhenCheaper() async throws {
        let sessions: [InputDocument.Session] = [
            .init(id: "a", duration: 60), .init(id: "extra", duration: 60, optional: true, priority: 2),
        ]
        let fans: [InputDocument.Attendee] = (1...5).map { .init(id: "f\($0)", interests: ["a", "extra"]) }
        let cheap = try gathering(slotCount: 1, sessions: sessions, attendees: fans, weights: .init(unscheduled: 2))
        let cheapReport = try await milp(cheap).1
        #expect(cheapReport?.objective == 4 && cheapReport?.assignments.count == 1)  // 2 × priority 2 < 5 clashes
        let dear = try gathering(slotCount: 1, sessions: sessions, attendees: fans, weights: .init(unscheduled: 10))
        let dearReport = try await milp(dear).1
        #expect(dearReport?.objective == 5 && dearReport?.assignments.count == 2)
    }

    @Test func changesFromThePreviousAgendaCost() async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r1"), .init(id: "r2")],
            sessions: [.init(id: "a", duration: 60, prefer: .init(slotTags: ["never"])), .init(id: "b", duration: 60)],
            weights: .init(preference: 1, change: 10))
        let previous = agenda([("a", "s2", ["r2"]), ("b", "s1", ["r1"]), ("gone", "s1", ["r2"])])
        let (outcome, report) = try await milp(g, previous: previous)
        #expect(outcome.status == .optimal && report?.objective == 1)  // stays put: the preference costs less than a change
        #expect(placedAt(g, report, "a")?.start == "s2" && placedAt(g, report, "a")?.rooms == ["r2"])
        let moved = agenda([("a", "s9", ["r1"])])
        #expect(try await milp(g, previous: moved).1?.objective == 11)  // its old slot is gone: the change is unavoidable
    }

    @Test func trackOverlapsAreAvoided() async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [
                .init(id: "a", duration: 60, track: "x"), .init(id: "b", duration: 60, track: "x"),
                .init(id: "c", duration: 60, track: "x"),
            ],
            weights: .init(trackOverlap: 4))
        #expect(try await milp(g).1?.objective == 4)
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
        let instance = TinyGatherings.make(seed: seed)
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
