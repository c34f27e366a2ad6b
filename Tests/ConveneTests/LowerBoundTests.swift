import Convene
import ConveneTestSupport
import Testing

/// The domain's lower bound (``Domain/lowerBound(shouldStop:)``) never exceeds the optimum: against
/// brute force on every tiny gathering, replanning and gathering with runs, and its concurrency
/// part against enumeration of every placement of small groups.
@Suite(.sharesCPU) struct LowerBoundTests {
    @Test func neverExceedsTheOptimumOfATinyGathering() async {
        let optima = await awaitTinyOptima()
        var (positive, exact, feasible) = (0, 0, 0)
        for seed in 0..<tinySeeds {
            guard let optimum = optima[seed].objective else { continue }
            feasible += 1
            let bound = TinyGatherings.make(seed: seed).domain.lowerBound().total
            #expect(bound <= optimum, "seed \(seed): bound \(bound), optimum \(optimum)")
            if bound > 0 { positive += 1 }
            if bound == optimum && optimum > 0 { exact += 1 }
        }
        // Not a bound that is always 0: it proves a good share of the positive optima.
        #expect(positive >= 30 && exact >= 15, "\(positive) positive bounds, \(exact) equal to a positive optimum, of \(feasible)")
    }

    @Test func neverExceedsTheOptimumOfATinyReplanning() async {
        var positive = 0
        for (instance, optimum) in await awaitTinyReplans() {
            guard let optimum = optimum.objective else { continue }
            let bound = instance.domain.lowerBound().total
            #expect(bound <= optimum, "seed \(instance.seed): bound \(bound), optimum \(optimum)")
            if bound > 0 { positive += 1 }
        }
        #expect(positive >= 20, "\(positive) positive bounds")
    }

    @Test func neverExceedsTheOptimumOfATinyGatheringWithRuns() async {
        let optima = await awaitTinyRunOptima()
        var positive = 0
        for seed in 0..<tinyRunSeeds {
            guard let optimum = optima[seed].objective else { continue }
            let bound = TinyGatherings.withRuns(seed: seed).domain.lowerBound().total
            #expect(bound <= optimum, "seed \(seed): bound \(bound), optimum \(optimum)")
            if bound > 0 { positive += 1 }
        }
        #expect(positive >= 10, "\(positive) positive bounds")
    }

    /// A crowded track whose first workshop is optional: placed, it adds an overlap; left out, it
    /// costs `unscheduled`. The bound counts it in the track while leaving it out costs more.
    @Test func anOptionalSessionDearerLeftOutCountsInItsGroup() {
        for unscheduled in [1, 100] {
            var document = Self.crowdedTrackDocument(workshops: 2, talks: 3, slots: 4, rooms: 2, wantBoth: 2, unscheduled: unscheduled)
            document.sessions[0].optional = true
            guard let g = try? Gathering(document: document) else {
                Issue.record("invalid")
                return
            }
            let domain = Domain(g)
            let optimum = BruteForce.solve(domain).objective
            // Placed: 3 (the workshops' overlaps); left out: 1 overlap and `unscheduled`.
            #expect(optimum == min(3, 1 + unscheduled))
            #expect(domain.lowerBound().total == optimum, "unscheduled \(unscheduled)")
        }
    }

    /// A track whose two workshops would best run side by side, but two attendees want both: the
    /// pair's clash weight moves to the track, and the bound is the optimum, 3 (2 without them).
    @Test func theClashOfTwoLongMembersCountsInTheirTrack() {
        for wantBoth in [false, true] {
            let domain = Self.crowdedTrack(workshops: 2, talks: 3, slots: 4, rooms: 2, wantBoth: wantBoth ? 2 : 0)
            let optimum = BruteForce.solve(domain).objective
            #expect(optimum == (wantBoth ? 3 : 2))
            #expect(domain.lowerBound().concurrency == optimum, "attendees want both: \(wantBoth)")
        }
    }

    /// Crowded tracks of workshops and talks, with attendees who want some of them: the bound never
    /// exceeds the brute-force optimum, and reaches it on most. Some sessions are optional, left
    /// out for less or more than an overlap costs.
    @Test func longPairsNeverLiftTheBoundAboveTheOptimum() {
        var rng = SplitMix(seed: 26)
        var (exact, cases) = (0, 0)
        for n in 0..<60 {
            let workshops = 2 + Int(rng.next() % 2)
            let domain = Self.crowdedTrack(
                workshops: workshops, talks: 1 + Int(rng.next() % UInt64(5 - workshops)), slots: 3 + Int(rng.next() % 3),
                rooms: 2 + Int(rng.next() % 2), wantBoth: Int(rng.next() % 3), clash: 1 + Int(rng.next() % 2),
                trackOverlap: 1 + Int(rng.next() % 2), unscheduled: [1, 2, 5, 100][Int(rng.next() % 4)], shuffle: rng.next())
            guard let optimum = BruteForce.solve(domain).objective else { continue }
            let bound = domain.lowerBound().total
            #expect(bound <= optimum, "case \(n): bound \(bound), optimum \(optimum)")
            cases += 1
            if bound == optimum { exact += 1 }
        }
        #expect(cases >= 50 && exact >= cases / 2, "exact on \(exact) of \(cases)")
    }

    /// One track of two-slot workshops and one-slot talks over one morning's slots; `wantBoth`
    /// attendees want the first two workshops, and as many others a random pair each; with a
    /// `shuffle`, some sessions are optional (priority 1 or 2).
    static func crowdedTrack(
        workshops: Int, talks: Int, slots: Int, rooms: Int, wantBoth: Int, clash: Int = 1, trackOverlap: Int = 1,
        unscheduled: Int = 100, shuffle: UInt64 = 0
    ) -> Domain {
        let document = crowdedTrackDocument(
            workshops: workshops, talks: talks, slots: slots, rooms: rooms, wantBoth: wantBoth, clash: clash,
            trackOverlap: trackOverlap, unscheduled: unscheduled, shuffle: shuffle)
        // Built from valid parts only; a failure here is a bug in the test.
        guard let g = try? Gathering(document: document) else { preconditionFailure("crowded track is invalid") }
        return Domain(g)
    }

    /// The input of ``crowdedTrack(workshops:talks:slots:rooms:wantBoth:clash:trackOverlap:unscheduled:shuffle:)``.
    static func crowdedTrackDocument(
        workshops: Int, talks: Int, slots: Int, rooms: Int, wantBoth: Int, clash: Int = 1, trackOverlap: Int = 1,
        unscheduled: Int = 100, shuffle: UInt64 = 0
    ) -> InputDocument {
        var rng = SplitMix(seed: shuffle)
        let slotList = (0..<slots).map { InputDocument.Slot(id: "t\($0 + 1)", start: clock(540 + 60 * $0), end: clock(600 + 60 * $0)) }
        var sessions = (0..<workshops).map { InputDocument.Session(id: "w\($0 + 1)", duration: 120) }
        sessions += (0..<talks).map { InputDocument.Session(id: "s\($0 + 1)", duration: 60) }
        for i in sessions.indices {
            sessions[i].track = "t"
            if shuffle != 0, rng.next() % 10 < 3 {
                sessions[i].optional = true
                sessions[i].priority = 1 + Int(rng.next() % 2)
            }
        }
        var attendees = (0..<wantBoth).map { InputDocument.Attendee(id: "both\($0 + 1)", interests: ["w1", "w2"]) }
        if shuffle != 0 {
            attendees += (0..<wantBoth).map { a in
                let first = Int(rng.next() % UInt64(sessions.count))
                let second = (first + 1 + Int(rng.next() % UInt64(sessions.count - 1))) % sessions.count
                return InputDocument.Attendee(id: "other\(a + 1)", interests: [sessions[first].id, sessions[second].id])
            }
        }
        return InputDocument(
            event: .init(name: "crowded track"), slots: slotList, rooms: (0..<rooms).map { .init(id: "r\($0 + 1)") },
            sessions: sessions, attendees: attendees,
            weights: .init(
                clash: clash, preference: 0, unscheduled: unscheduled, change: 0, trackOverlap: trackOverlap, personPreference: 0))
    }

    /// Groups of up to 6 members, 1 to 3 slots long, over up to 7 slots: the bound never exceeds
    /// the fewest concurrent pairs of any placement, and is that number on most of them.
    @Test func concurrencyNeverExceedsTheFewestConcurrentPairs() {
        var rng = SplitMix(seed: 11)
        var exact = 0
        let cases = 400
        for n in 0..<cases {
            let slots = 2 + Int(rng.next() % 6)
            let count = 2 + Int(rng.next() % 5)
            var members: [Domain.MemberShape] = []
            for _ in 0..<count {
                // A member lasts at most as long as the gathering, as the domain's chains do.
                let length = min(slots, 1 + Int(rng.next() % 100 < 70 ? 0 : rng.next() % 3))
                let starts = (0...max(0, slots - length)).filter { _ in rng.next() % 100 < 60 }
                members.append(.init(starts: starts.isEmpty ? [0] : starts, length: length))
            }
            guard let fewest = Self.enumerate(members) else { continue }
            let free = rng.next() % 4 == 0 ? max(1, slots - 1) : slots
            let bound = Domain.fewestConcurrentPairs(members, freeSlots: free)
            // With fewer free slots the enumeration does not know which slot is taken: compare with all of them free.
            if free == slots {
                #expect(bound <= fewest, "case \(n): bound \(bound), fewest \(fewest), \(members.map { ($0.starts, $0.shortest) })")
                if bound == fewest { exact += 1 }
            } else {
                #expect(bound <= Self.enumerate(members, avoiding: slots - 1) ?? Int.max, "case \(n)")
            }
        }
        #expect(exact >= cases / 2, "exact on \(exact) of \(cases)")
    }

    /// Workshops in lockstep: the documented track (22 talks, 4 workshops, 21 slots) needs 7 pairs;
    /// and on groups small enough to enumerate, where every member may start anywhere it fits,
    /// the bound never exceeds the fewest pairs of any placement.
    @Test func lockstepNeverExceedsTheFewestConcurrentPairs() {
        #expect(LockstepBound.fewestPairs(slots: 21, long: [2, 2, 2, 2], short: 22) == 7)
        #expect(LockstepBound.fewestPairs(slots: 21, long: [2, 2, 2, 2], short: 13) == 0)
        var rng = SplitMix(seed: 27)
        var (exact, positive) = (0, 0)
        for n in 0..<150 {
            let slots = 3 + Int(rng.next() % 4)
            let long = (0..<(2 + Int(rng.next() % 3))).map { _ in 2 + Int(rng.next() % 10 < 8 ? 0 : 1) }
            let short = Int(rng.next() % 4)
            let members =
                long.map { Domain.MemberShape(starts: Array(0...(slots - $0)), length: $0) }
                + (0..<short).map { _ in Domain.MemberShape(starts: Array(0..<slots), length: 1) }
            guard let fewest = Self.enumerate(members) else { continue }
            let bound = LockstepBound.fewestPairs(slots: slots, long: long, short: short)
            #expect(bound <= fewest, "case \(n): \(slots) slots, long \(long), short \(short): \(bound) > \(fewest)")
            if bound > 0 { positive += 1 }
            if bound == fewest { exact += 1 }
        }
        #expect(positive >= 30 && exact >= 75, "\(positive) positive, \(exact) exact of 150")
    }

    /// Exactness of the spread itself: the flow equals the least Σ C(N, 2) over every way of placing
    /// single units (members of one slot each).
    @Test func slotLoadIsExact() {
        var rng = SplitMix(seed: 5)
        for n in 0..<300 {
            let slots = 1 + Int(rng.next() % 5)
            let count = 1 + Int(rng.next() % 6)
            let members = (0..<count).map { _ in
                let allowed = (0..<slots).filter { _ in rng.next() % 2 == 0 }
                return allowed.isEmpty ? [Int(rng.next() % UInt64(slots))] : allowed
            }
            let demands = members.map { SlotLoad.Demand(allowed: $0, demand: 1, perSlot: 1) }
            let flow = SlotLoad.fewestSharedPairs(demands, slots: slots)
            let shapes = members.map { Domain.MemberShape(starts: $0, length: 1) }
            #expect(flow == Self.enumerate(shapes), "case \(n): \(members)")
        }
    }

    /// The fewest concurrent pairs over every choice of starts (none of them at `avoiding`).
    static func enumerate(_ members: [Domain.MemberShape], avoiding: Int? = nil) -> Int? {
        var best: Int?
        var chosen: [Range<Int>] = []
        func walk(_ i: Int, _ pairs: Int) {
            if let b = best, pairs >= b { return }
            guard i < members.count else {
                best = pairs
                return
            }
            for s in members[i].starts {
                let range = s..<(s + members[i].shortest)
                if let avoiding, range.contains(avoiding) { continue }
                chosen.append(range)
                walk(i + 1, pairs + chosen.dropLast().filter { $0.overlaps(range) }.count)
                chosen.removeLast()
            }
        }
        walk(0, 0)
        return best
    }
}
