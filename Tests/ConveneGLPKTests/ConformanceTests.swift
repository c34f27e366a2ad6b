import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// Every solver on every fixture: whatever it returns, the AgendaChecker judges it, and its
/// claims (status, bound, objective) must hold.
@Suite struct ConformanceTests {
    enum Solver: String, CaseIterable, Sendable { case milp, search, auto }

    static func run(_ solver: Solver, _ domain: Domain, previous: PreviousAgenda? = nil, seconds: Double = 5) -> SolverOutcome {
        switch solver {
        case .milp: ExactSolver(settings: GLPKSettings(timeLimit: seconds)).solve(domain, previous: previous)
        case .search: SearchSolver(settings: .init(seed: 3, timeLimit: seconds, moves: 20_000)).solve(domain, previous: previous)
        case .auto:
            {
                var p = Portfolio(glpk: GLPKSettings(timeLimit: seconds), seed: 3)
                p.searchMoves = 20_000
                return p.solve(domain, previous: previous)
            }()
        }
    }

    static func judge(
        _ outcome: SolverOutcome, _ domain: Domain, previous: PreviousAgenda? = nil, optimum: Int?? = nil,
        _ label: String
    ) {
        let g = domain.gathering
        let document = Agenda(outcome, gathering: g, previous: previous)
        switch outcome.status {
        case .optimal, .feasible:
            let report = AgendaChecker(domain: domain).check(document, previous: previous)
            #expect(report.isValid, "\(label): \(report.violations.prefix(3))")
            #expect(document.objective == report.objective, "\(label)")
            if let bound = outcome.bound { #expect(bound <= report.objective, "\(label): bound \(bound) > \(report.objective)") }
            if outcome.status == .optimal { #expect(outcome.bound == report.objective, "\(label)") }
            if case .some(.some(let best)) = optimum {
                #expect(report.objective >= best, "\(label)")
                if outcome.status == .optimal { #expect(report.objective == best, "\(label)") }
            }
            if case .some(.none) = optimum { Issue.record("\(label): an agenda for an infeasible input") }
        case .infeasible:
            #expect(outcome.placements == nil && document.objective == nil, "\(label)")
            if case .some(.some) = optimum { Issue.record("\(label): claims infeasible, but an agenda exists") }
        case .unknown:
            #expect(outcome.placements == nil, "\(label)")
        }
    }

    @Test(arguments: Solver.allCases) func theP2PUFixture(solver: Solver) throws {
        let g = try Gathering.load(try fixture("p2pu-gathering-2019.json"))
        let domain = Domain(g)
        let outcome = Self.run(solver, domain, seconds: 3)
        #expect(outcome.placements != nil)
        Self.judge(outcome, domain, "\(solver) on P2PU")
    }

    @Test(arguments: Solver.allCases) func generatedGatherings(solver: Solver) throws {
        for (sessions, rooms, days) in [(25, 4, 1), (60, 6, 2)] {
            let made = GatheringGenerator(sessions: sessions, rooms: rooms, days: days, seed: 11).make()
            let g = try Gathering(validating: made.document)
            let domain = Domain(g)
            let outcome = Self.run(solver, domain, seconds: 2)
            // GLPK alone may find nothing in two seconds on these (status unknown is then the truth);
            // the search and the portfolio always have an agenda.
            if solver != .milp { #expect(outcome.placements != nil, "\(solver) on \(sessions) sessions: \(outcome.status)") }
            Self.judge(outcome, domain, "\(solver) on \(sessions) sessions")
        }
    }

    @Test(arguments: Solver.allCases) func tinyGatherings(solver: Solver) {
        for seed in 0..<100 {
            let instance = TinyGatherings.make(seed: seed)
            let domain = Domain(instance.gathering)
            let outcome = Self.run(solver, domain, previous: instance.previous)
            Self.judge(outcome, domain, previous: instance.previous, optimum: .some(tinyOptima[seed].objective), "\(solver) seed \(seed)")
        }
    }
}
