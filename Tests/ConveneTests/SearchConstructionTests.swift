import Convene
import ConveneTestSupport
import Testing

/// The search's construction alone (no local search) on tight generated gatherings, where a
/// greedy pass leaves sessions over and the repair must place them: a valid agenda is required.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct SearchConstructionTests {
    @Test(arguments: [(400, 0.8, UInt64(1)), (400, 0.8, 2), (400, 0.9, 3), (1_000, 0.8, 4)])
    func theConstructionFindsAnAgendaForATightGathering(sessions: Int, fill: Double, seed: UInt64) async throws {
        let g = try Gathering(document: TightGatheringGenerator(sessions: sessions, fill: fill, seed: seed).make().document)
        let result = try await solve(g, with: SearchSolver(moves: 0), seed: seed)
        #expect(result.status == .feasible, "\(result.notes)")
        let report = try verdict(result, g)
        #expect(report.isValid, "\(report.violations.prefix(3))")
    }

    /// The same seed gives the same first agenda.
    @Test func theConstructionIsDeterministic() async throws {
        let g = try Gathering(document: TightGatheringGenerator(sessions: 300, fill: 0.9, seed: 6).make().document)
        let first = try await solve(g, with: SearchSolver(moves: 0), seed: 6)
        let second = try await solve(g, with: SearchSolver(moves: 0), seed: 6)
        #expect(first.agenda.placements == second.agenda.placements && first.objective != nil)
    }
}
