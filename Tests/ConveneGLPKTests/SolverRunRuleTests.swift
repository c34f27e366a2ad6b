import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// The start of each run of `session` in the result's agenda, by run.
func runStarts(_ result: SolveResult, _ session: String) -> [Int: String] {
    Dictionary(result.agenda.placements.filter { $0.session == session }.map { ($0.run, $0.start) }, uniquingKeysWith: { a, _ in a })
}

/// One test per rule as it applies to sessions with several runs, for every solver: an instance
/// where the cheapest agenda would break the rule for a run, so the solver must pay to keep it.
@Suite(.sharesCPU) struct SolverRunRuleTests {
    /// Rule 1: every run placed, run 1 first, never two at once; here one room would take both
    /// runs at once (with a fan of both runs' neighbours no cheaper), so the order decides.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule1EveryRunPlacedInOrder(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 3, sessions: [.init(id: "lab", duration: 60, pin: .init(slot: "s2"), runs: 2), .init(id: "talk", duration: 60)],
            attendees: [.init(id: "fan", interests: ["lab", "talk"])])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        #expect(runStarts(outcome, "lab") == [1: "s2", 2: "s3"])
        #expect(outcome.agenda.placements.count == 3)
    }

    /// Rule 1: an optional session has all its runs or none. Its two runs fit only at once (one
    /// slot): it is left out whole, at its `unscheduled` cost, counted once.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule1OptionalAllOrNone(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 1, sessions: [.init(id: "lab", duration: 60, optional: true, priority: 2, runs: 2), .init(id: "talk", duration: 60)],
            weights: .init(unscheduled: 7))
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true && report?.objective == 14)
        #expect(outcome.agenda.unscheduled == ["lab"] && runStarts(outcome, "lab").isEmpty)
    }

    /// Rule 2: each run needs ⌈attendance ÷ (runs × rooms)⌉ seats: 20 people in 2 runs fit a
    /// room of 10, which one run of 20 would not.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule2CapacityPerRun(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "small", capacity: 10)], sessions: [.init(id: "lab", attendance: 20, duration: 60, runs: 2)])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true && runStarts(outcome, "lab") == [1: "s1", 2: "s2"])
    }

    /// Rules 5 and 6: the facilitator runs every run, and an exclusive session's runs have nothing beside them.
    @Test(arguments: ConformanceTests.Solver.allCases) func rules5And6PerRun(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 4, people: [.init(id: "p")],
            sessions: [
                .init(id: "lab", facilitators: ["p"], duration: 60, runs: 2), .init(id: "talk", facilitators: ["p"], duration: 60),
                .init(id: "keynote", duration: 60, exclusive: true, runs: 1), .init(id: "walk", duration: 60),
            ])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        let lab = runStarts(outcome, "lab")
        let talk = runStarts(outcome, "talk")[1]
        #expect(lab.count == 2 && talk != nil && !lab.values.contains(talk ?? ""))
        let keynote = runStarts(outcome, "keynote")[1]
        #expect(outcome.agenda.placements.filter { $0.start == keynote }.count == 1)
    }

    /// Rule 7: every run of `lab` starts after `intro` ends; `wrapup` only after lab's run 1, so
    /// it runs beside run 2 (two rooms, three slots: the only way to fit everything).
    @Test(arguments: ConformanceTests.Solver.allCases) func rule7AfterRunOne(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 3,
            sessions: [
                .init(id: "intro", duration: 60), .init(id: "lab", duration: 60, after: ["intro"], runs: 2),
                .init(id: "wrapup", duration: 60, after: ["lab"]),
            ])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        #expect(runStarts(outcome, "lab") == [1: "s2", 2: "s3"] && runStarts(outcome, "wrapup") == [1: "s3"])
    }

    /// Rule 8: no run of `lab` beside `x`; with three slots, `x` takes the one neither run has.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule8NoRunBesideTheOther(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 3,
            sessions: [.init(id: "lab", duration: 60, notConcurrentWith: ["x"], pin: .init(slot: "s1"), runs: 2), .init(id: "x", duration: 60)])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        let lab = runStarts(outcome, "lab")
        #expect(lab[1] == "s1" && lab.count == 2 && !lab.values.contains(runStarts(outcome, "x")[1] ?? ""))
    }

    /// Rule 9: `pin.slot` fixes run 1, `pin.room` every run.
    @Test(arguments: ConformanceTests.Solver.allCases) func rule9PinsPerRun(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 3, sessions: [.init(id: "lab", duration: 60, pin: .init(slot: "s2", room: "r2"), runs: 2)])
        let (outcome, report) = try await solved(solver, g)
        #expect(settled(outcome, solver) && report?.isValid == true)
        #expect(outcome.agenda.placements.map { [$0.start] + $0.rooms } == [["s2", "r2"], ["s3", "r2"]])
    }

    /// The clash with a session that has runs costs only when every run is beside the other: a
    /// fan of `lab` (two runs) and `talk` (two slots long) is spared by keeping one run apart.
    @Test(arguments: ConformanceTests.Solver.allCases) func clashNeedsEveryRun(solver: ConformanceTests.Solver) async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [.init(id: "lab", duration: 60, runs: 2), .init(id: "talk", duration: 120)],
            attendees: [.init(id: "fan", interests: ["lab", "talk"])])
        let (outcome, report) = try await solved(solver, g)
        // Two slots: talk spans both, so both runs are beside it whatever happens: one clash.
        #expect(settled(outcome, solver) && report?.isValid == true && report?.objective == 1)
        let wider = try gathering(
            slotCount: 3,
            sessions: [.init(id: "lab", duration: 60, runs: 2), .init(id: "talk", duration: 120)],
            attendees: [.init(id: "fan", interests: ["lab", "talk"])])
        let (apart, fine) = try await solved(solver, wider)
        #expect(settled(apart, solver) && fine?.isValid == true && fine?.objective == 0)
    }
}
