import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The search replanning an agenda with a frozen past, against enumeration, through the front
/// door.
@Suite(.sharesCPU) struct SearchReplanningTests {
    @Test func searchReachesTheBruteForceOptimumOnTinyReplans() async throws {
        var optimal = 0
        var feasible = 0
        var infeasible = 0
        var missed: [String] = []
        let optima = await TinyReplanning.awaitOptima()
        for seed in 0..<TinyReplanning.seeds {
            let instance = TinyReplanning.make(seed: seed)
            let expected = optima[seed]
            let result = try await solve(
                instance.gathering, with: SearchSolver(moves: 3_000), seconds: 30, seed: UInt64(seed), previous: instance.previous,
                frozenUntil: instance.frozenUntil)
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
            let report = try verdict(result, instance.gathering, previous: instance.previous, frozenUntil: instance.frozenUntil)
            #expect(report.isValid, "seed \(seed): \(report.violations)")
            #expect(report.objective >= optimum, "seed \(seed)")
            if report.objective == optimum { optimal += 1 } else { missed.append("seed \(seed): \(report.objective) > \(optimum)") }
        }
        #expect(feasible >= 100 && infeasible >= 10, "feasible \(feasible), infeasible \(infeasible)")
        #expect(Double(optimal) >= 0.98 * Double(feasible), "optimal on \(optimal) of \(feasible); \(missed)")
    }

    /// Issue 13.6: A ran at s1 in r1 and B at s2 in r1; A is now pinned to s2 and N is new. The
    /// optimum moves A alone (into r2 beside B), for one `change`.
    @Test func aPinnedSessionMovesAloneWhereTheOthersCanStay() async throws {
        let g = try gathering(
            slotCount: 2,
            sessions: [
                .init(id: "A", duration: 60, pin: .init(slot: "s2")), .init(id: "B", duration: 60), .init(id: "N", duration: 60),
            ],
            weights: .init(change: 10))
        let previous = agenda([("A", "s1", ["r1"]), ("B", "s2", ["r1"]), ("X", "s1", ["r2"])])
        let domain = Domain(g, previous: PreviousAgenda(previous))
        #expect(BruteForce.solve(domain).objective == 10)
        for seed: UInt64 in 1...5 {
            let result = try await solve(g, with: SearchSolver(moves: 5_000), seconds: 30, seed: seed, previous: previous)
            let report = try verdict(result, g, previous: previous)
            #expect(report.isValid && report.objective == 10, "seed \(seed): \(report.objective), \(result.agenda.placements)")
            let b = result.agenda.placements.first { $0.session == "B" }
            #expect(b?.start == "s2" && b?.rooms == ["r1"])
        }
    }
}
