import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// The MILP against enumeration on replanning: a previous agenda, a frozen time (rule 10),
/// sometimes sessions held in place, and a change on the day.
@Suite(.sharesCPU) struct ReplanningBruteForceTests {
    static let seeds = 0..<120

    @Test(arguments: seeds) func milpMatchesBruteForceWhenReplanning(seed: Int) async throws {
        let instance = TinyReplanning.make(seed: seed)
        let expected = BruteForce.solve(instance.domain)
        let result = try await instance.gathering.solve(using: ExactSolver(), options: instance.options(seconds: 60))
        let context = "seed \(seed) (\(instance.change))"
        guard let optimum = expected.objective else {
            #expect(result.status == .infeasible, "\(context): brute force found no agenda, the MILP says \(result.status)")
            return
        }
        #expect(result.status == .optimal, "\(context): \(result.status) \(result.agenda.stats)")
        let report = try AgendaChecker(
            gathering: instance.gathering, previous: instance.previous, frozenUntil: instance.frozenUntil, keep: instance.keep
        ).check(result.agenda)
        #expect(report.violations.isEmpty, "\(context): \(report.violations)")
        #expect(report.objective == optimum, "\(context): MILP \(report.objective), brute force \(optimum)")
        #expect(result.bound == optimum, "\(context)")
    }

    /// The seeds replan in earnest: most have an agenda, many freeze something, some hold
    /// sessions in place, and each kind of change on the day appears.
    @Test func theSeedsCoverFrozenHeldAndEveryChange() {
        var feasible = 0
        var frozen = 0
        var held = 0
        var changes = Set<String>()
        for seed in Self.seeds {
            let instance = TinyReplanning.make(seed: seed)
            let domain = instance.domain
            if BruteForce.solve(domain).objective != nil { feasible += 1 }
            if domain.frozen.contains(where: { $0 != nil && $0?.isKept == false }) { frozen += 1 }
            if !instance.keep.isEmpty { held += 1 }
            changes.insert(instance.kind)
        }
        #expect(
            feasible >= 60 && frozen >= 40 && held >= 15, "\(feasible) feasible, \(frozen) with a frozen past, \(held) holding sessions")
        #expect(changes.count == 6, "\(changes.sorted())")
    }
}
