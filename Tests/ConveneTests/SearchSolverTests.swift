import Convene
import ConveneTestSupport
import Testing

/// The search against enumeration, on the same seeded tiny gatherings as the MILP.
@Suite struct SearchSolverTests {

    @Test func searchReachesTheOptimumAlmostAlwaysAndIsNeverWrong() {
        var optimal = 0
        var feasible = 0
        var infeasible = 0
        for seed in 0..<tinySeeds {
            let instance = TinyGatherings.make(seed: seed)
            let domain = Domain(instance.gathering)
            let expected = tinyOptima[seed]
            let outcome = SearchSolver(settings: .init(seed: UInt64(seed), moves: 3_000)).solve(domain, previous: instance.previous)
            guard let optimum = expected.objective else {
                #expect(outcome.status == .infeasible, "seed \(seed): no agenda exists, the search says \(outcome.status)")
                infeasible += 1
                continue
            }
            feasible += 1
            guard let placements = outcome.placements else {
                Issue.record("seed \(seed): the search found no agenda (\(outcome.status))")
                continue
            }
            let report = AgendaChecker(domain: domain).check(placements, previous: instance.previous)
            #expect(report.isValid, "seed \(seed): \(report.violations)")
            #expect(report.objective >= optimum)
            if report.objective == optimum { optimal += 1 }
            if outcome.status == .optimal { #expect(report.objective == 0 && outcome.bound == 0) }
        }
        #expect(feasible >= 120 && infeasible >= 40, "feasible \(feasible), infeasible \(infeasible)")
        #expect(Double(optimal) >= 0.9 * Double(feasible), "optimal on \(optimal) of \(feasible)")
    }

    @Test func theSameSeedGivesTheSameAgenda() throws {
        let g = try Gathering.load(try fixture("p2pu-gathering-2019.json"))
        let domain = Domain(g)
        let settings = SearchSolver.Settings(seed: 7, moves: 10_000)
        let first = Agenda(SearchSolver(settings: settings).solve(domain), gathering: g)
        let second = Agenda(SearchSolver(settings: settings).solve(domain), gathering: g)
        #expect(first.placements == second.placements && first.costs == second.costs)
        #expect(AgendaChecker(domain: domain).check(first).isValid)
    }

    @Test func smallInfeasibleInputsAreProvenInfeasible() throws {
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
            let outcome = SearchSolver().solve(Domain(g))
            #expect(outcome.status == .infeasible && outcome.placements == nil)
        }
    }

    @Test func optionalSessionsMakeAnInputFeasible() throws {
        let g = try gathering(
            slotCount: 1, rooms: [.init(id: "r")],
            sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60, optional: true)])
        let outcome = SearchSolver().solve(Domain(g))
        #expect(outcome.status == .feasible && outcome.placements?.count == 1)
        let report = AgendaChecker(domain: Domain(g)).check(outcome.placements ?? [])
        #expect(report.isValid && report.objective == 100, "\(report.violations)")
    }

    @Test func theP2PUFixtureGetsAValidAgendaAndEveryImprovementIsReported() throws {
        let g = try Gathering.load(try fixture("p2pu-gathering-2019.json"))
        let domain = Domain(g)
        let reports = Reports()
        let outcome = SearchSolver(settings: .init(seed: 1, moves: 10_000)).solve(domain) { reports.add($0) }
        let placements = try #require(outcome.placements)
        let report = AgendaChecker(domain: domain).check(placements)
        #expect(report.isValid, "\(report.violations)")
        #expect(reports.objectives.last == report.objective)
        #expect(reports.objectives == reports.objectives.sorted(by: >))
    }
}

final class Reports: @unchecked Sendable {
    private(set) var objectives: [Int] = []
    func add(_ p: SolverProgress) { if let o = p.objective { objectives.append(o) } }
}
