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
