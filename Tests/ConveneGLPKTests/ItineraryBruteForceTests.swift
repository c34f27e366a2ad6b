import Convene
import ConveneGLPK
import ConveneTestSupport
import Testing

/// Itineraries against enumeration on seeded tiny gatherings: the exact planner serves exactly
/// the brute-force optimum and proves it; the fast planner's itineraries are always valid and
/// never above it, its bound never below it. GLPK runs without a time limit: the programs are tiny.
@Suite(.sharesCPU) struct ItineraryBruteForceTests {
    static let seeds = 0..<160

    @Test func exactEqualsBruteForceAndFastIsValid() async throws {
        var compared = 0
        var fastOptimal = 0
        var seatsBound = 0
        for seed in Self.seeds {
            let instance = try TinyItineraries.make(seed: seed)
            let g = instance.gathering
            let agendaReport = try AgendaChecker(gathering: g).check(instance.agenda)
            #expect(agendaReport.isValid, "seed \(seed): the generator's agenda breaks \(agendaReport.violations)")
            guard agendaReport.isValid else { continue }
            var seats: [String: Int] = [:]
            for session in g.sessions { if let n = session.seats { seats[session.id] = n } }
            guard
                let optimum = ItineraryBruteForce.optimum(g, instance.agenda, seats: seats, travelMinutes: g.travelMinutes)
            else { continue }
            compared += 1
            let exact = try await g.itineraries(through: instance.agenda, using: .exact, timeLimit: nil)
            let checker = try ItineraryChecker(gathering: g, agenda: instance.agenda)
            #expect(checker.check(exact.itineraries).isValid, "seed \(seed): \(checker.check(exact.itineraries).violations)")
            #expect(exact.rejected.isEmpty, "seed \(seed): \(exact.rejected)")
            #expect(exact.itineraries.served == optimum, "seed \(seed): exact \(exact.itineraries.served), brute force \(optimum)")
            #expect(exact.status == .optimal, "seed \(seed): \(exact.itineraries.statistics)")
            #expect(exact.itineraries.bound == optimum)
            let fast = try await g.itineraries(through: instance.agenda, using: .fast, timeLimit: nil)
            #expect(fast.rejected.isEmpty, "seed \(seed): fast \(fast.rejected)")
            #expect(checker.check(fast.itineraries).isValid)
            #expect(fast.itineraries.served <= optimum)
            #expect((fast.itineraries.bound ?? Int.max) >= optimum, "seed \(seed): fast bound below the optimum \(optimum)")
            if fast.itineraries.served == optimum { fastOptimal += 1 }
            if exact.itineraries.runs.contains(where: { r in r.seats.map { r.taken >= $0 } == true }) { seatsBound += 1 }
        }
        #expect(compared >= 120, "only \(compared) instances small enough to enumerate")
        // The instances exercise full runs, and the fast planner is not merely lucky.
        #expect(seatsBound >= 40, "only \(seatsBound) instances fill a run")
        #expect(fastOptimal * 10 >= compared * 9, "fast optimal on \(fastOptimal) of \(compared)")
    }
}

/// Beyond enumeration: the fast planner's itineraries pass the checker on larger seeded
/// gatherings (up to 20 slots, 12 rooms, 16 sessions and 240 attendees), never exceed the exact
/// planner's proven optimum, and its bound is never below it.
@Suite(.sharesCPU) struct FastItineraryTests {
    @Test(arguments: 0..<12) func fastIsValidOnLargerGatherings(seed: Int) async throws {
        let instance = try TinyItineraries.make(seed: 1000 + seed, scale: 2 + seed % 3)
        let g = instance.gathering
        let checker = try ItineraryChecker(gathering: g, agenda: instance.agenda)
        let fast = try await g.itineraries(through: instance.agenda, using: .fast, timeLimit: nil)
        #expect(fast.rejected.isEmpty, "seed \(seed): \(fast.rejected)")
        #expect(checker.check(fast.itineraries).isValid)
        let exact = try await g.itineraries(through: instance.agenda, using: .exact, timeLimit: nil)
        #expect(exact.status == .optimal)
        #expect(checker.check(exact.itineraries).isValid)
        #expect(fast.itineraries.served <= exact.itineraries.served)
        #expect((fast.itineraries.bound ?? Int.max) >= exact.itineraries.served)
    }
}
