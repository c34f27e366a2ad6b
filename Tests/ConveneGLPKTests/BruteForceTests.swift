import Convene
import ConveneGLPK
import ConveneTestSupport
import Testing

/// The MILP against enumeration: same status, same objective, and every agenda judged valid.
@Suite struct BruteForceTests {
    @Test(arguments: 0..<tinySeeds) func milpMatchesBruteForce(seed: Int) throws {
        let instance = TinyGatherings.make(seed: seed)
        let domain = Domain(instance.gathering)
        let expected = tinyOptima[seed]
        let outcome = ExactSolver().solve(domain, previous: instance.previous)
        guard let optimum = expected.objective else {
            #expect(outcome.status == .infeasible, "seed \(seed): brute force found no agenda, the MILP says \(outcome.status)")
            return
        }
        #expect(outcome.status == .optimal, "seed \(seed): \(outcome.status) \(outcome.details)")
        let placements = try #require(outcome.placements)
        let report = AgendaChecker(domain: domain).check(placements, previous: instance.previous)
        #expect(report.violations.isEmpty, "seed \(seed): \(report.violations)")
        #expect(report.objective == optimum, "seed \(seed): MILP \(report.objective), brute force \(optimum)")
        #expect(outcome.bound == optimum)
        let document = Agenda(outcome, gathering: instance.gathering, previous: instance.previous)
        #expect(document.objective == document.costs.reduce(0) { $0 + $1.cost })
        #expect(AgendaChecker(domain: domain).check(document, previous: instance.previous).isValid)
    }

    /// Every rule and cost kind appears across the seeds, so the comparison above covers them all.
    @Test func theSeedsCoverEveryRuleAndCost() {
        var seen = Set<String>()
        for seed in 0..<tinySeeds {
            let g = TinyGatherings.make(seed: seed).gathering
            for s in g.sessions {
                if s.rooms > 1 { seen.insert("multi-room") }
                if s.exclusive { seen.insert("exclusive") }
                if !s.roomTags.isEmpty { seen.insert("roomTags") }
                if !s.slotTags.isEmpty { seen.insert("slotTags") }
                if !s.after.isEmpty { seen.insert("after") }
                if !s.notConcurrentWith.isEmpty { seen.insert("notConcurrentWith") }
                if s.pinSlot != nil { seen.insert("pin slot") }
                if s.pinRoom != nil { seen.insert("pin room") }
                if !s.facilitators.isEmpty { seen.insert("facilitators") }
                if s.optional { seen.insert("optional") }
                if !s.preferredSlotTags.isEmpty { seen.insert("preference") }
                if s.track != nil { seen.insert("track") }
            }
            if g.rooms.contains(where: { !$0.unavailable.isEmpty }) { seen.insert("room unavailable") }
            if g.rooms.contains(where: { $0.capacity != nil }) { seen.insert("capacity") }
            if g.people.contains(where: { !$0.available.isEmpty }) { seen.insert("availability") }
            if !g.attendees.isEmpty { seen.insert("clash") }
            if TinyGatherings.make(seed: seed).previous != nil { seen.insert("change") }
        }
        #expect(seen.count == 17, "\(seen.sorted())")
    }
}
