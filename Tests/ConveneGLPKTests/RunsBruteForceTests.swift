import Convene
import ConveneGLPK
import ConveneTestSupport
import Foundation
import Testing

/// Sessions that take place more than once, against enumeration, on 120 seeded tiny gatherings
/// that use runs together with every earlier rule: the exact solver's agenda is optimal and its
/// objective the enumeration's; the search's and the portfolio's are valid and never below it.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct RunsBruteForceTests {
    static let formulations: [ScheduleFormulation.Options] = [.init(), .init(slotPatterns: false)]

    @Test(arguments: formulations) func milpMatchesBruteForce(formulation: ScheduleFormulation.Options) async throws {
        let optima = await awaitTinyRunOptima()
        var agendas = 0
        for seed in 0..<tinyRunSeeds {
            let instance = TinyGatherings.withRuns(seed: seed)
            let result = try await solve(
                instance.gathering, with: ExactSolver(backend: GLPKBackend(), formulation: formulation), previous: instance.previous)
            guard let optimum = optima[seed].objective else {
                #expect(result.status == .infeasible, "seed \(seed): brute force found no agenda, the MILP says \(result.status)")
                continue
            }
            agendas += 1
            #expect(result.status == .optimal, "seed \(seed): \(result.status) \(result.notes)")
            let report = try verdict(result, instance.gathering, previous: instance.previous)
            #expect(report.violations.isEmpty, "seed \(seed): \(report.violations)")
            #expect(report.objective == optimum, "seed \(seed): MILP \(report.objective), brute force \(optimum)")
            #expect(result.bound == optimum, "seed \(seed)")
        }
        #expect(agendas >= 60, "\(agendas) seeds with an agenda")
    }

    /// The brute-force optimum encodes to a point of the program that breaks no row, at the same
    /// objective: the rows for runs (all or none, the clash of every run) are exact.
    @Test(arguments: formulations) func theOptimumEncodesExactly(formulation: ScheduleFormulation.Options) async throws {
        let optima = await awaitTinyRunOptima()
        for seed in 0..<tinyRunSeeds {
            let instance = TinyGatherings.withRuns(seed: seed)
            guard let optimum = optima[seed].objective, let placements = optima[seed].placements else { continue }
            let model = ScheduleFormulation(domain: instance.domain, options: formulation)
            let x = try #require(model.encode(placements), "seed \(seed)")
            #expect(model.program.violations(x).isEmpty, "seed \(seed): \(model.program.violations(x))")
            #expect(Int(model.program.objectiveValue(x).rounded()) == optimum, "seed \(seed)")
        }
    }

    /// The search and the portfolio, their work bounded by moves: every agenda valid, none below
    /// the optimum, an optimal claim only at it.
    @Test(arguments: [ConformanceTests.Solver.search, .auto]) func everySolverIsValidAndNeverBelowTheOptimum(
        solver: ConformanceTests.Solver
    ) async throws {
        let optima = await awaitTinyRunOptima()
        var reached = 0
        var found = 0
        for seed in 0..<tinyRunSeeds {
            let instance = TinyGatherings.withRuns(seed: seed)
            let result = try await ConformanceTests.run(solver, instance.gathering, previous: instance.previous, moves: 500)
            try ConformanceTests.judge(
                result, instance.gathering, previous: instance.previous, optimum: .some(optima[seed].objective), "\(solver) seed \(seed)")
            if let optimum = optima[seed].objective {
                found += 1
                if result.objective == optimum { reached += 1 }
            }
        }
        // The search reaches nearly every optimum within 500 moves; the portfolio proves them.
        #expect(reached * 10 >= found * (solver == .auto ? 10 : 8), "\(solver) reached \(reached) of \(found) optima")
    }

    /// The seeds meet runs with every earlier rule and cost, so that the comparisons cover them.
    @Test func theSeedsCoverRunsWithEveryRule() {
        var seen = Set<String>()
        for seed in 0..<tinyRunSeeds {
            let instance = TinyGatherings.withRuns(seed: seed)
            let domain = instance.domain
            let g = domain.gathering
            for s in g.sessions where s.runs > 1 {
                seen.insert("runs \(s.runs)")
                if s.optional { seen.insert("optional") }
                if s.pinSlot != nil { seen.insert("pin slot") }
                if s.pinRoom != nil { seen.insert("pin room") }
                if s.exclusive { seen.insert("exclusive") }
                if s.after.count > (s.run > 1 ? 1 : 0) { seen.insert("after") }
                if g.sessions.contains(where: { $0.after.contains(s.index) && !g.areRuns($0.index, s.index) }) { seen.insert("before") }
                if !s.notConcurrentWith.isEmpty { seen.insert("notConcurrentWith") }
                if s.seats != nil { seen.insert("seats") }
                if !s.facilitators.isEmpty { seen.insert("facilitators") }
                if !s.preferredSlotTags.isEmpty { seen.insert("preference") }
                if s.track != nil { seen.insert("track") }
                if domain.frozen[s.index] != nil { seen.insert("frozen") }
                if s.run > 1, instance.previous.map({ PreviousAgenda($0).entry(s) != nil }) == true { seen.insert("previous run") }
            }
            if !g.runClashes().isEmpty { seen.insert("clash with runs") }
            if domain.travelMatters { seen.insert("travel") }
            if g.people.contains(where: { $0.maxPerDay != nil }) { seen.insert("daily load") }
        }
        let expected: Set<String> = [
            "runs 2", "runs 3", "optional", "pin slot", "pin room", "exclusive", "after", "before", "notConcurrentWith", "seats",
            "facilitators", "preference", "track", "previous run", "clash with runs", "travel", "daily load",
        ]
        #expect(expected.subtracting(seen).isEmpty, "missing: \(expected.subtracting(seen).sorted())")
    }
}
