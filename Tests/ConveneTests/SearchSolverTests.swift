import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The search against enumeration, on the same seeded tiny gatherings as the MILP, through the
/// front door. Every run is bounded by moves, not seconds: the same on any machine.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct SearchSolverTests {

    /// 1,000 moves a gathering: the search reaches the optimum of 140 of the 141 that have an
    /// agenda within 500, and 3,000 reach no more.
    @Test func searchReachesTheOptimumAlmostAlwaysAndIsNeverWrong() async throws {
        var optimal = 0
        var feasible = 0
        var infeasible = 0
        let tinyOptima = await awaitTinyOptima()
        for seed in 0..<tinySeeds {
            let instance = TinyGatherings.make(seed: seed)
            let expected = tinyOptima[seed]
            let result = try await solve(
                instance.gathering, with: SearchSolver(moves: 1_000), seed: UInt64(seed), previous: instance.previous)
            guard let optimum = expected.objective else {
                #expect(result.status == .infeasible, "seed \(seed): no agenda exists, the search says \(result.status)")
                infeasible += 1
                continue
            }
            feasible += 1
            guard result.objective != nil else {
                Issue.record("seed \(seed): the search found no agenda (\(result.status))")
                continue
            }
            let report = try verdict(result, instance.gathering, previous: instance.previous)
            #expect(report.isValid, "seed \(seed): \(report.violations)")
            #expect(report.objective >= optimum)
            if report.objective == optimum { optimal += 1 }
            if result.status == .optimal { #expect(report.objective == optimum && result.bound == optimum) }
        }
        #expect(feasible >= 120 && infeasible >= 40, "feasible \(feasible), infeasible \(infeasible)")
        #expect(Double(optimal) >= 0.9 * Double(feasible), "optimal on \(optimal) of \(feasible)")
    }

    /// With travel between three sites and daily limits on 30 % of facilitators, the greedy moves
    /// alone stalled 1 to 8 above the optimum of 0 in most runs of 300,000 moves; the exact
    /// reinsertions reach it within a few thousand.
    @Test(arguments: [1, 2, 3]) func exactReinsertionsReachTheOptimumUnderTravelAndDailyLimits(seed: Int) async throws {
        let made = GatheringGenerator(
            sessions: 150, rooms: 8, days: 3, attendees: 200, seed: UInt64(seed), sites: 3, travelTime: .seconds(30 * 60),
            dailyLimitShare: 0.3
        )
        .make()
        let g = try Gathering(json: Data(made.document.json.utf8))
        let result = try await solve(g, with: SearchSolver(moves: 20_000), seed: 1)
        #expect(
            result.status == .optimal && result.objective == 0, "seed \(seed): \(result.status) \(String(describing: result.objective))")
        #expect(try verdict(result, g).isValid)
    }

    /// 2,000 moves each: a few hundred of every kind, which is all that determinism needs (the
    /// run is bounded by moves alone, so a slow machine makes the same ones).
    @Test func theSameSeedGivesTheSameAgenda() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let first = try await solve(g, with: SearchSolver(moves: 2_000), seed: 7)
        let second = try await solve(g, with: SearchSolver(moves: 2_000), seed: 7)
        #expect(first.agenda.statistics.search?.moves == 2_000)
        #expect(first.agenda.placements == second.agenda.placements && first.costs == second.costs)
        #expect(try verdict(first, g).isValid)
    }

    @Test func smallInfeasibleInputsAreProvenInfeasible() async throws {
        // Three exclusive sessions in two slots; two sessions of one facilitator in one slot;
        // a room pinned twice at the only time.
        let cases: [Gathering] = [
            try gathering(slotCount: 2, sessions: (1...3).map { .init(id: "p\($0)", duration: 60, exclusive: true) }),
            try gathering(
                slotCount: 1, people: [.init(id: "p")],
                sessions: [.init(id: "a", facilitators: ["p"], duration: 60), .init(id: "b", facilitators: ["p"], duration: 60)]),
            try gathering(
                slotCount: 1,
                sessions: [
                    .init(id: "a", duration: 60, pin: .init(room: "r1")),
                    .init(id: "b", duration: 60, pin: .init(room: "r1")),
                ]),
        ]
        for g in cases {
            // A proof by the construction's backtracking, bounded by its node limit, not by time.
            let result = try await solve(g, with: SearchSolver())
            #expect(result.status == .infeasible && result.agenda.placements.isEmpty)
        }
    }

    @Test func optionalSessionsMakeAnInputFeasible() async throws {
        let g = try gathering(
            slotCount: 1, rooms: [.init(id: "r")],
            sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60, optional: true)])
        let result = try await solve(g, with: SearchSolver(moves: 1_000))
        // One room-slot for two sessions: the domain's bound (the room-slots' shortage) proves it.
        #expect(result.status == .optimal && result.bound == 100 && result.agenda.placements.count == 1)
        let report = try verdict(result, g)
        #expect(report.isValid && report.objective == 100, "\(report.violations)")
    }

    @Test func theP2PUFixtureGetsAValidAgendaAndEveryImprovementIsReported() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let log = ProgressLog()
        let result = try await solve(g, with: SearchSolver(moves: 2_000), progress: { log.add($0) })
        let report = try verdict(result, g)
        #expect(report.isValid, "\(report.violations)")
        let objectives = log.reports.compactMap(\.objective)
        #expect(objectives.last == report.objective)
        #expect(objectives == objectives.sorted(by: >))
    }
}
