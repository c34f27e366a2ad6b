import Convene
import ConveneGLPK
import ConveneTestSupport
import Testing

/// The MILP against enumeration: same status, same objective, and every agenda judged valid.
/// GLPK runs without a time limit: a tiny program is always solved to the end.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct BruteForceTests {
    /// Every way of charging concurrency: slot patterns (the default), pair indicators with group
    /// cuts, and star rows (what larger gatherings get).
    static let formulations: [ScheduleFormulation.Options] = [
        .init(), .init(slotPatterns: false), .init(slotPatterns: false, pairRowLimit: 0),
    ]

    @Test(arguments: 0..<tinySeeds, formulations) func milpMatchesBruteForce(seed: Int, formulation: ScheduleFormulation.Options)
        async throws
    {
        let instance = TinyGatherings.make(seed: seed)
        let expected = await awaitTinyOptima()[seed]
        let result = try await solve(
            instance.gathering, with: ExactSolver(backend: GLPKBackend(), formulation: formulation), previous: instance.previous)
        guard let optimum = expected.objective else {
            #expect(result.status == .infeasible, "seed \(seed): brute force found no agenda, the MILP says \(result.status)")
            return
        }
        #expect(result.status == .optimal, "seed \(seed): \(result.status) \(result.agenda.statistics)")
        let report = try verdict(result, instance.gathering, previous: instance.previous)
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations)")
        #expect(report.objective == optimum, "seed \(seed): MILP \(report.objective), brute force \(optimum)")
        #expect(result.bound == optimum)
        #expect(result.objective == result.costs.reduce(0) { $0 + $1.cost })
    }

    /// The brute-force optimum, encoded, satisfies every row of the program and has the program
    /// objective equal to the contract objective: the formulation is exact, not just feasible.
    @Test(arguments: formulations) func theOptimumEncodesToAFeasiblePointOfEqualObjective(formulation: ScheduleFormulation.Options)
        async throws
    {
        let tinyOptima = await awaitTinyOptima()
        var withPatterns = 0
        var continuing = 0
        var stars = false
        for seed in 0..<tinySeeds {
            let instance = TinyGatherings.make(seed: seed)
            guard let optimum = tinyOptima[seed].objective, let placements = tinyOptima[seed].placements else { continue }
            let model = ScheduleFormulation(domain: instance.domain, options: formulation)
            if model.patternCount > 0 { withPatterns += 1 }
            if model.concurrency == .stars { stars = true }
            if model.patternItems.joined().contains(where: { !$0.starts }) { continuing += 1 }
            let x = try #require(model.encode(placements), "seed \(seed)")
            #expect(model.program.violations(x).isEmpty, "seed \(seed): \(model.program.violations(x))")
            #expect(Int(model.program.objectiveValue(x).rounded()) == optimum, "seed \(seed)")
        }
        // About a third of the seeds have clashes or track overlaps to charge (the rest have no
        // attendees, or no agenda); some of those have a two-slot session continuing in a pattern.
        #expect(
            formulation.slotPatterns
                ? withPatterns >= 60 && continuing >= 10 : withPatterns == 0 && stars == (formulation.pairRowLimit == 0),
            "\(withPatterns) seeds with patterns, \(continuing) with a session continuing in one")
    }

    /// A pattern limit too small for the gathering falls back to pair indicators.
    /// The program without rules 11 and 12 (the portfolio's quick bound) is a relaxation: every
    /// optimum of a tiny gathering with those rules is a point of it, of the same objective, so
    /// its LP bound never exceeds the optimum. It has no travel, daily or site rows.
    @Test func theProgramWithoutPersonRulesRelaxesEveryOptimum() async throws {
        let tinyOptima = await awaitTinyOptima()
        var checked = 0
        for seed in 0..<tinySeeds {
            let instance = TinyGatherings.make(seed: seed)
            guard instance.domain.hasPersonRules, let optimum = tinyOptima[seed].objective, let placements = tinyOptima[seed].placements
            else { continue }
            var options = ScheduleFormulation.Options()
            options.personRules = false
            let relaxed = ScheduleFormulation(domain: instance.domain, options: options)
            let full = ScheduleFormulation(domain: instance.domain)
            #expect(
                !relaxed.program.constraints.contains { ["travel", "daily", "site"].contains(where: $0.name.hasPrefix) }, "seed \(seed)")
            #expect(relaxed.program.constraints.count <= full.program.constraints.count, "seed \(seed)")
            let x = try #require(relaxed.encode(placements), "seed \(seed)")
            #expect(relaxed.program.violations(x).isEmpty, "seed \(seed): \(relaxed.program.violations(x))")
            #expect(Int(relaxed.program.objectiveValue(x).rounded()) == optimum, "seed \(seed)")
            let lp = try GLPKProblem(relaxed.program)
            guard case .solved(let bound) = lp.solveRelaxation(limits: .init()) else {
                Issue.record("seed \(seed): the relaxation did not solve")
                continue
            }
            #expect(Int((bound - 1e-6).rounded(.up)) <= optimum, "seed \(seed): bound \(bound), optimum \(optimum)")
            checked += 1
        }
        #expect(checked >= 20, "\(checked) seeds with rules 11 or 12 and an agenda")
    }

    /// The enumeration's shortcuts (a cost added up from its parts, branches cut by a bound) find
    /// what plain enumeration finds, every agenda costed whole: the same optimum, the same agenda.
    @Test func theEnumerationFindsWhatPlainEnumerationFinds() async {
        let tinyOptima = await awaitTinyOptima()
        let replans = await awaitTinyReplans()
        // Every tenth tiny gathering and every twentieth replan, on a thread of its own.
        let pairs = await DedicatedThread.run {
            let gatherings = stride(from: 0, to: tinySeeds, by: 10).map { seed in
                (tinyOptima[seed], BruteForce.solve(TinyGatherings.make(seed: seed).domain, plain: true))
            }
            let replanned = stride(from: 0, to: tinyReplanSeeds, by: 20).map { seed in
                (replans[seed].optimum, BruteForce.solve(replans[seed].instance.domain, plain: true))
            }
            return gatherings + replanned
        }
        #expect(pairs.count == 30)
        for (quick, plain) in pairs {
            #expect(quick.objective == plain.objective && quick.placements == plain.placements)
            #expect(quick.agendasSeen <= plain.agendasSeen)
        }
        #expect(pairs.contains { $0.0.objective != nil && $0.0.agendasSeen < $0.1.agendasSeen })
    }

    @Test func tooManyPatternsFallBackToPairs() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let small = ScheduleFormulation(domain: Domain(g), options: .init(patternLimit: 10))
        let full = ScheduleFormulation(domain: Domain(g))
        #expect(small.patternCount == 0)
        #expect(full.patternCount > 10)
    }

    /// Every rule and cost kind appears across the seeds, so the comparison above covers them all,
    /// and at least 100 seeds use the richer rules (11, 12, preferred hours, room changes).
    @Test func theSeedsCoverEveryRuleAndCost() {
        var seen = Set<String>()
        var richer = 0
        for seed in 0..<tinySeeds {
            let instance = TinyGatherings.make(seed: seed)
            let g = instance.gathering
            for s in g.sessions {
                if s.rooms > 1 { seen.insert("multi-room") }
                if s.exclusive { seen.insert("exclusive") }
                if !s.roomTags.isEmpty { seen.insert("roomTags") }
                if !s.slotTags.isEmpty { seen.insert("slotTags") }
                if !s.after.isEmpty { seen.insert("after") }
                if !s.notConcurrentWith.isEmpty { seen.insert("notConcurrentWith") }
                if s.pinSlot != nil { seen.insert("pin slot") }
                if s.pinRoom != nil { seen.insert("pin room") }
                if !s.facilitatorIndices.isEmpty { seen.insert("facilitators") }
                if s.optional { seen.insert("optional") }
                if !s.preferredSlotTags.isEmpty { seen.insert("preference") }
                if s.track != nil { seen.insert("track") }
            }
            if g.rooms.contains(where: { !$0.unavailable.isEmpty }) { seen.insert("room unavailable") }
            if g.rooms.contains(where: { $0.capacity != nil }) { seen.insert("capacity") }
            if g.people.contains(where: { !$0.available.isEmpty }) { seen.insert("availability") }
            if !g.attendees.isEmpty { seen.insert("clash") }
            if instance.previous != nil { seen.insert("change") }
            // The richer rules, where they can bind: a person with two sessions or more.
            let domain = instance.domain
            let busy = g.people.filter { p in g.sessions.filter { $0.facilitatorIndices.contains(p.index) }.count > 1 }
            var rules = Set<String>()
            if domain.travelMatters, !busy.isEmpty { rules.insert("travel") }
            if busy.contains(where: { $0.maxPerDay != nil }) { rules.insert("daily load") }
            if Set(domain.dayOf).count > 1 { rules.insert("two days") }
            if g.weights.personPreference > 0,
                g.sessions.contains(where: { s in s.facilitatorIndices.contains { !g.people[$0].preferred.isEmpty } })
            {
                rules.insert("personPreference")
            }
            if instance.previous != nil, g.weights.roomChangeWeight != g.weights.change { rules.insert("roomChange") }
            seen.formUnion(rules)
            if !rules.subtracting(["two days"]).isEmpty { richer += 1 }
        }
        #expect(seen.count == 22, "\(seen.sorted())")
        #expect(richer >= 100, "\(richer) seeds use the richer rules")
    }
}
