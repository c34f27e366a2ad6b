import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// The MILP against enumeration on replanning: a previous agenda, a frozen time (rule 10),
/// sometimes sessions held in place, and a change on the day. The instances and their optima are
/// the search's too (``tinyReplans``); GLPK runs without a time limit on these tiny programs.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct ReplanningBruteForceTests {
    @Test(arguments: 0..<tinyReplanSeeds) func milpMatchesBruteForceWhenReplanning(seed: Int) async throws {
        let (instance, expected) = await awaitTinyReplans()[seed]
        #expect(instance.seed == seed)
        let result = try await instance.gathering.solve(using: ExactSolver(), options: instance.options())
        let context = "seed \(seed) (\(instance.change))"
        guard let optimum = expected.objective else {
            #expect(result.status == .infeasible, "\(context): brute force found no agenda, the MILP says \(result.status)")
            return
        }
        #expect(result.status == .optimal, "\(context): \(result.status) \(result.agenda.statistics)")
        let report = try AgendaChecker(
            gathering: instance.gathering, previous: instance.previous, frozenUntil: instance.frozenUntil, keep: instance.keep
        ).check(result.agenda)
        #expect(report.violations.isEmpty, "\(context): \(report.violations)")
        #expect(report.objective == optimum, "\(context): MILP \(report.objective), brute force \(optimum)")
        #expect(result.bound == optimum, "\(context)")
    }

    /// The seeds replan in earnest: most have an agenda, many freeze something, some hold
    /// sessions in place, and each kind of change on the day appears.
    @Test func theSeedsCoverFrozenHeldAndEveryChange() async {
        var feasible = 0
        var frozen = 0
        var held = 0
        var changes = Set<String>()
        for (instance, optimum) in await awaitTinyReplans() {
            let domain = instance.domain
            if optimum.objective != nil { feasible += 1 }
            if domain.frozen.contains(where: { $0 != nil && $0?.isKept == false }) { frozen += 1 }
            if !instance.keep.isEmpty { held += 1 }
            changes.insert(instance.kind)
        }
        #expect(
            feasible >= 100 && frozen >= 70 && held >= 25,
            "\(feasible) feasible, \(frozen) with a frozen past, \(held) holding sessions (of 200)")
        #expect(changes.count == 6, "\(changes.sorted())")
    }
}
