import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// Every solver on every fixture, through the front door: whatever it returns, the AgendaChecker
/// judges it, and its claims (status, bound, objective) must hold. Written once, over any
/// ``AgendaSolver``.
@Suite(.sharesCPU) struct ConformanceTests {
    enum Solver: String, CaseIterable, Sendable, CustomStringConvertible {
        case milp, search, auto

        var solver: any AgendaSolver {
            switch self {
            case .milp: ExactSolver()
            case .search: SearchSolver(moves: 20_000)
            case .auto: PortfolioSolver(searchMoves: 20_000)
            }
        }

        var description: String { rawValue }
    }

    static func run(_ solver: Solver, _ g: Gathering, previous: Agenda? = nil, seconds: Double = 5) async throws -> SolveResult {
        try await solve(g, with: solver.solver, seconds: seconds, seed: 3, previous: previous)
    }

    /// The checker's verdict on the result, and every claim the result makes.
    static func judge(_ result: SolveResult, _ g: Gathering, previous: Agenda? = nil, optimum: Int?? = nil, _ label: String) throws {
        let document = result.agenda
        #expect(result.rejected.isEmpty, "\(label): the front door refused \(result.rejected.prefix(3))")
        switch result.status {
        case .optimal, .feasible:
            let report = try AgendaChecker(gathering: g, previous: previous).check(document)
            #expect(report.isValid, "\(label): \(report.violations.prefix(3))")
            #expect(document.objective == report.objective, "\(label)")
            if let bound = result.bound { #expect(bound <= report.objective, "\(label): bound \(bound) > \(report.objective)") }
            if result.status == .optimal { #expect(result.bound == report.objective, "\(label)") }
            if case .some(.some(let best)) = optimum {
                #expect(report.objective >= best, "\(label)")
                if result.status == .optimal { #expect(report.objective == best, "\(label)") }
            }
            if case .some(.none) = optimum { Issue.record("\(label): an agenda for an infeasible input") }
        case .infeasible:
            #expect(document.placements.isEmpty && document.objective == nil, "\(label)")
            if case .some(.some) = optimum { Issue.record("\(label): claims infeasible, but an agenda exists") }
        case .unknown:
            #expect(document.placements.isEmpty && document.objective == nil, "\(label)")
        }
    }

    @Test(arguments: Solver.allCases) func theP2PUFixture(solver: Solver) async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let result = try await Self.run(solver, g, seconds: 5)
        #expect(result.objective != nil)
        try Self.judge(result, g, "\(solver) on P2PU")
    }

    /// Every solver must find an agenda here, the MILP included: it has the time to.
    @Test(arguments: Solver.allCases) func generatedGatherings(solver: Solver) async throws {
        for (sessions, rooms, days) in [(25, 4, 1), (60, 6, 2)] {
            let made = GatheringGenerator(sessions: sessions, rooms: rooms, days: days, seed: 11).make()
            let g = try Gathering(validating: made.document)
            let result = try await Self.run(solver, g, seconds: 10)
            #expect(result.objective != nil, "\(solver) on \(sessions) sessions: \(result.status)")
            try Self.judge(result, g, "\(solver) on \(sessions) sessions")
        }
    }

    @Test(arguments: Solver.allCases) func tinyGatherings(solver: Solver) async throws {
        let tinyOptima = await awaitTinyOptima()
        for seed in 0..<100 {
            let instance = TinyGatherings.make(seed: seed)
            let result = try await Self.run(solver, instance.gathering, previous: instance.previous)
            try Self.judge(
                result, instance.gathering, previous: instance.previous, optimum: .some(tinyOptima[seed].objective),
                "\(solver) seed \(seed)")
        }
    }
}

/// A tight gathering (the non-optional sessions need 72 % of the room-slots, three-room sessions
/// with a pinned room, day tags, narrow availability): every solver must find a valid agenda,
/// the three at once, beside the other heavy tests.
@Suite(.sharesCPU) struct TightConformanceTests {
    @Test func everySolverFindsAnAgendaForATightGathering() async throws {
        let g = try Gathering(validating: TightGatheringGenerator(sessions: 80, seed: 2).make().document)
        #expect(g.sessions.contains { $0.rooms == 3 && $0.pinRoom != nil })
        try await withThrowingTaskGroup(of: (ConformanceTests.Solver, SolveResult).self) { group in
            for solver in ConformanceTests.Solver.allCases {
                group.addTask { (solver, try await ConformanceTests.run(solver, g, seconds: 10)) }
            }
            for try await (solver, result) in group {
                #expect(result.objective != nil, "\(solver) on a tight gathering: \(result.status) \(result.notes) \(result.agenda.stats)")
                try ConformanceTests.judge(result, g, "\(solver) on a tight gathering")
            }
        }
    }
}

/// Cancelling the calling task stops every solver within 100 ms, and no thread is left running.
@Suite(.serialized, .measuresTime) struct CancellationTests {
    @Test(arguments: ConformanceTests.Solver.allCases) func aCancelledSolveReturnsPromptly(solver: ConformanceTests.Solver) async throws {
        let made = GatheringGenerator(sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1).make()
        let g = try Gathering(validating: made.document)
        let (result, afterCancel, threadsLeft) = try await quickestCancelledSolve(g, with: solver.solver)
        #expect(afterCancel < .milliseconds(100), "\(solver) returned \(afterCancel) after the cancellation")
        #expect(result.wasCancelled)
        try ConformanceTests.judge(result, g, "\(solver) cancelled")
        #expect(threadsLeft == 0, "\(solver) left a thread running; \(runningThreads() ?? 0) in the process")
    }
}
