import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The search replanning an agenda with a frozen past, against enumeration, through the front
/// door. Every run is bounded by moves, not seconds: the same on any machine.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct SearchReplanningTests {
    /// The search reaches the brute-force optimum on at least 98 % of the 200 tiny replans that
    /// have an agenda, proves infeasible those that have none, and never returns a broken agenda.
    /// 1,000 moves a replan: it reaches all 105 optima within 500.
    @Test func searchReachesTheBruteForceOptimumOnTinyReplans() async throws {
        let instances = await awaitTinyReplans()
        #expect(instances.count == 200)
        var optimal = 0
        var feasible = 0
        var infeasible = 0
        var missed: [String] = []
        for (instance, expected) in instances {
            let context = "seed \(instance.seed) (\(instance.change))"
            let result = try await instance.gathering.solve(
                using: SearchSolver(moves: 1_000), options: instance.options(seed: UInt64(instance.seed)))
            guard let optimum = expected.objective else {
                #expect(result.status == .infeasible, "\(context): no agenda exists, the search says \(result.status)")
                infeasible += 1
                continue
            }
            feasible += 1
            guard result.objective != nil else {
                Issue.record("\(context): the search found no agenda (\(result.status))")
                continue
            }
            let report = try AgendaChecker(
                gathering: instance.gathering, previous: instance.previous, frozenUntil: instance.frozenUntil, keep: instance.keep
            ).check(result.agenda)
            #expect(report.isValid, "\(context): \(report.violations)")
            #expect(report.objective >= optimum, "\(context)")
            if report.objective == optimum { optimal += 1 } else { missed.append("\(context): \(report.objective) > \(optimum)") }
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
            let result = try await solve(g, with: SearchSolver(moves: 5_000), seed: seed, previous: previous)
            let report = try verdict(result, g, previous: previous)
            #expect(report.isValid && report.objective == 10, "seed \(seed): \(report.objective), \(result.agenda.placements)")
            let b = result.agenda.placements.first { $0.session == "B" }
            #expect(b?.start == "s2" && b?.rooms == ["r1"])
        }
    }

    /// A session held where the previous agenda had it, in rooms without the room it is now
    /// pinned to, has nowhere to go: rule 9 binds a held session too.
    @Test func aHeldSessionStillNeedsItsPinnedRoom() async throws {
        let g = try gathering(slotCount: 2, sessions: [.init(id: "a", duration: 60, pin: .init(room: "r2"))])
        let previous = agenda([("a", "s1", ["r1"])])
        let result = try await g.solve(
            using: SearchSolver(moves: 1_000), options: SolveOptions(timeLimit: nil, previous: previous, keep: ["a"]))
        #expect(result.status == .infeasible && result.rejected.isEmpty, "\(result.status) \(result.notes)")
    }
}
