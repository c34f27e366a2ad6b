import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// Solves with `solver` through the front door, its work bounded by counts (the search's moves,
/// GLPK proving these tiny programs at once), judges every claim the result makes, and returns it
/// with the checker's verdict on its agenda (nil without one).
func solved(_ solver: ConformanceTests.Solver, _ g: Gathering, previous: Agenda? = nil) async throws -> (SolveResult, AgendaChecker.Report?)
{
    let result = try await ConformanceTests.run(solver, g, previous: previous)
    try ConformanceTests.judge(result, g, previous: previous, "\(solver)")
    return (result, result.objective == nil ? nil : try verdict(result, g, previous: previous))
}

/// Whether the solver settled the question: GLPK (alone or in the portfolio) proves its optimum;
/// the search alone proves nothing, but must find an agenda.
func settled(_ result: SolveResult, _ solver: ConformanceTests.Solver) -> Bool {
    solver == .search ? result.objective != nil : result.status == .optimal
}

func placedAt(_ g: Gathering, _ report: AgendaChecker.Report?, _ session: String) -> (start: String, rooms: [String])? {
    guard let s = g.sessionIndex[session], let p = report?.assignments.first(where: { $0.session == s }) else { return nil }
    return (g.slots[p.start].id, p.rooms.map { g.rooms[$0].id })
}

/// One test per hard rule, for every solver: an instance where the cheapest agenda would break
/// the rule, so the solver must pay to keep it.
@Suite(.sharesCPU) struct SolverRuleTests {
    let fans: [InputDocument.Attendee] = [.init(id: "fan", interests: ["a", "b"])]

    @Test(arguments: ConformanceTests.Solver.allCases) func rule1NonOptionalSessionsArePlacedEvenWhenTheyCost(
        solver: ConformanceTests.Solver
    ) async throws {
        let g = try gathering(slotCount: 1, sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)], attendees: fans)
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true && report?.objective == 1)
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule2RoomTagsAndCapacity(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "small", capacity: 5), .init(id: "hall", capacity: 50, tags: ["av"])],
            sessions: [.init(id: "a", attendance: 20, duration: 60), .init(id: "b", duration: 60, roomTags: ["av"])],
            attendees: fans)
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true && report?.objective == 0)
        #expect(placedAt(g, report, "a")?.rooms == ["hall"] && placedAt(g, report, "b")?.rooms == ["hall"])
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule2RoomUnavailability(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r", unavailable: [.init(start: clock(540), end: clock(600))])],
            sessions: [.init(id: "a", duration: 60)])
        let (_, report) = try await solved(solver, g)
        #expect(placedAt(g, report, "a")?.start == "s2")
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule3SlotTags(solver: ConformanceTests.Solver) async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "am", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "pm", start: clock(600), end: clock(660), tags: ["pm"]),
        ]
        let g = try gathering(slots: slots, sessions: [.init(id: "a", duration: 60, slotTags: ["pm"])])
        #expect(placedAt(g, try await solved(solver, g).1, "a")?.start == "pm")
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule4OneSessionPerRoom(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r")], sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        #expect(Set([placedAt(g, report, "a")?.start, placedAt(g, report, "b")?.start]) == ["s1", "s2"])
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule5FacilitatorsAvailableAndOneAtATime(solver: ConformanceTests.Solver)
        async throws
    {
        let people: [InputDocument.Person] = [.init(id: "p", available: [.init(start: clock(600), end: clock(720))])]
        let g = try gathering(
            slotCount: 3, people: people,
            sessions: [.init(id: "a", facilitators: ["p"], duration: 60), .init(id: "b", facilitators: ["p"], duration: 60)])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        #expect(Set([placedAt(g, report, "a")?.start, placedAt(g, report, "b")?.start]) == ["s2", "s3"])
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule6ExclusiveSessionsRunAlone(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [
                .init(id: "plenary", duration: 60, exclusive: true),
                .init(id: "a", duration: 60), .init(id: "b", duration: 60),
            ],
            attendees: fans)
        let (outcome, report) = try await solved(solver, g)
        #expect(report?.isValid == true && settled(outcome, solver))
        #expect(report?.objective == 1)  // a and b share the other slot
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule7After(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(slotCount: 3, sessions: [.init(id: "a", duration: 60, after: ["b"]), .init(id: "b", duration: 120)])
        let (_, report) = try await solved(solver, g)
        #expect(placedAt(g, report, "b")?.start == "s1" && placedAt(g, report, "a")?.start == "s3")
    }

    /// Both prefer the first slot, which only one of them may have, whichever of the two names the other.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule8NotConcurrentWith(solver: ConformanceTests.Solver) async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(540), end: clock(600), tags: ["early"]), .init(id: "s2", start: clock(600), end: clock(660)),
        ]
        for named in [("a", "b"), ("b", "a")] {
            let g = try gathering(
                slots: slots,
                sessions: [
                    .init(id: named.0, duration: 60, notConcurrentWith: [named.1], prefer: .init(slotTags: ["early"])),
                    .init(id: named.1, duration: 60, prefer: .init(slotTags: ["early"])),
                ])
            let (outcome, report) = try await solved(solver, g)
            #expect(report?.isValid == true && placedAt(g, report, "a")?.start != placedAt(g, report, "b")?.start)
            #expect(settled(outcome, solver) && report?.objective == 1, "\(solver), \(named.0) naming \(named.1)")
        }
    }

    /// 'a' ran in the first hour, where it would rather not be; 'b', which would rather be there,
    /// may move but not into the past: each pays its preference.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule10TheFrozenPastKeepsItsPlace(solver: ConformanceTests.Solver) async throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(540), end: clock(600), tags: ["early"]), .init(id: "s2", start: clock(600), end: clock(660)),
            .init(id: "s3", start: clock(660), end: clock(720), tags: ["late"]),
        ]
        let g = try gathering(
            slots: slots,
            sessions: [
                .init(id: "a", duration: 60, prefer: .init(slotTags: ["late"])),
                .init(id: "b", duration: 60, prefer: .init(slotTags: ["early"])),
            ], weights: .init(change: 0, roomChange: 0))
        let previous = agenda([("a", "s1", ["r1"]), ("b", "s2", ["r2"])])
        let frozen = try g.date(fromLocalTime: clock(600)).get()
        let result = try await solve(g, with: solver.bounded(), seed: 3, previous: previous, frozenUntil: frozen)
        let report = try verdict(result, g, previous: previous, frozenUntil: frozen)
        #expect(report.isValid && settled(result, solver) && report.objective == 2, "\(solver): \(report.violations)")
        #expect(placedAt(g, report, "a").map { $0.start == "s1" && $0.rooms == ["r1"] } == true)
        #expect(placedAt(g, report, "b")?.start != "s1")
        // Without the frozen time both would move where they like.
        #expect(try await solved(solver, g, previous: previous).1?.objective == 0)
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func rule9Pins(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(slotCount: 3, sessions: [.init(id: "a", duration: 60, pin: .init(slot: "s3", room: "r2"))])
        let (_, report) = try await solved(solver, g)
        #expect(placedAt(g, report, "a")?.start == "s3" && placedAt(g, report, "a")?.rooms == ["r2"])
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func multiRoomSessionsTakeEveryRoomTheyNeed(solver: ConformanceTests.Solver)
        async throws
    {
        let g = try gathering(
            slotCount: 2, rooms: ["r1", "r2", "r3"].map { .init(id: $0) },
            sessions: [.init(id: "open", duration: 60, rooms: 3, pin: .init(room: "r2")), .init(id: "a", duration: 60)],
            attendees: [.init(id: "x", interests: ["open", "a"])])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true && report?.objective == 0)
        #expect(placedAt(g, report, "open")?.rooms == ["r1", "r2", "r3"])
    }
}

/// One test per cost kind, for every solver: each trades it against the others correctly.
@Suite(.sharesCPU) struct SolverCostTests {
    @Test(arguments: ConformanceTests.Solver.allCases) func clashesAreAvoidedWhenPossibleAndCountedPerAttendee(
        solver: ConformanceTests.Solver
    ) async throws {
        let g = try gathering(
            slotCount: 2, sessions: ["a", "b", "c"].map { .init(id: $0, duration: 60) },
            attendees: [
                .init(id: "x", interests: ["a", "b"]), .init(id: "y", interests: ["a", "b"]),
                .init(id: "z", interests: ["b", "c"]),
            ],
            weights: .init(clash: 3))
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.objective == 0)
        let crowded = try gathering(
            slotCount: 1, rooms: ["r1", "r2", "r3"].map { .init(id: $0) },
            sessions: ["a", "b", "c"].map { .init(id: $0, duration: 60) },
            attendees: [.init(id: "x", interests: ["a", "b", "c"])], weights: .init(clash: 3))
        #expect(try await solved(solver, crowded).1?.objective == 9)  // three pairs, one attendee, weight 3
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func preferencesAreWeighed(solver: ConformanceTests.Solver) async throws {
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
        let (_, report) = try await solved(solver, g)
        #expect(placedAt(g, report, "a")?.start == "am" && report?.objective == 2)
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func optionalSessionsAreDroppedOnlyWhenCheaper(solver: ConformanceTests.Solver)
        async throws
    {
        let sessions: [InputDocument.Session] = [
            .init(id: "a", duration: 60), .init(id: "extra", duration: 60, optional: true, priority: 2),
        ]
        let fans: [InputDocument.Attendee] = (1...5).map { .init(id: "f\($0)", interests: ["a", "extra"]) }
        let cheap = try gathering(slotCount: 1, sessions: sessions, attendees: fans, weights: .init(unscheduled: 2))
        let cheapReport = try await solved(solver, cheap).1
        #expect(cheapReport?.objective == 4 && cheapReport?.assignments.count == 1)  // 2 × priority 2 < 5 clashes
        let dear = try gathering(slotCount: 1, sessions: sessions, attendees: fans, weights: .init(unscheduled: 10))
        let dearReport = try await solved(solver, dear).1
        #expect(dearReport?.objective == 5 && dearReport?.assignments.count == 2)
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func changesFromThePreviousAgendaCost(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r1"), .init(id: "r2")],
            sessions: [.init(id: "a", duration: 60, prefer: .init(slotTags: ["never"])), .init(id: "b", duration: 60)],
            weights: .init(preference: 1, change: 10))
        let previous = agenda([("a", "s2", ["r2"]), ("b", "s1", ["r1"]), ("gone", "s1", ["r2"])])
        let (outcome, report) = try await solved(solver, g, previous: previous)
        #expect(settled(outcome, solver) && report?.objective == 1)  // stays put: the preference costs less than a change
        #expect(placedAt(g, report, "a")?.start == "s2" && placedAt(g, report, "a")?.rooms == ["r2"])
        let moved = agenda([("a", "s9", ["r1"])])
        #expect(try await solved(solver, g, previous: moved).1?.objective == 11)  // its old slot is gone: the change is unavoidable
    }

    @Test(arguments: ConformanceTests.Solver.allCases) func trackOverlapsAreAvoided(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [
                .init(id: "a", duration: 60, track: "x"), .init(id: "b", duration: 60, track: "x"),
                .init(id: "c", duration: 60, track: "x"),
            ],
            weights: .init(trackOverlap: 4))
        #expect(try await solved(solver, g).1?.objective == 4)
    }
}
