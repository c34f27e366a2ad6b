extension Domain {
    /// The groups and their members' shapes, computed once for every count the bound makes, and
    /// the counts of groups already measured, by their members: a second count with more members
    /// placed measures only the groups those members change.
    struct ConcurrencyCounter {
        /// The gathering's groups and their weights (``Gathering/concurrencyGroups()``).
        let groups: [[Int]: Int]
        /// Each session of some group that can be a member (not exclusive, with a start): where it can be.
        let shapes: [MemberShape?]
        /// Slots no exclusive session leaves to the others: at least the sum of their shortest lengths.
        let freeSlots: Int
        var known: [[Int]: ConcurrentPairs] = [:]

        init(_ domain: Domain) {
            let g = domain.gathering
            groups = g.concurrencyGroups()
            var grouped = Array(repeating: false, count: g.sessions.count)
            for members in groups.keys { for s in members { grouped[s] = true } }
            shapes = g.sessions.indices.map { s in
                !grouped[s] || g.sessions[s].exclusive || domain.starts[s].isEmpty ? nil : MemberShape(domain.starts[s])
            }
            let exclusiveSlots = g.sessions.indices.filter { domain.mustPlace($0) && g.sessions[$0].exclusive }
                .reduce(0) { $0 + (domain.starts[$1].map(\.slots.count).min() ?? 0) }
            freeSlots = max(0, g.slots.count - exclusiveSlots)
        }
    }

    /// Σ over groups (an attendee's interests, weight `clash`; a track, weight `trackOverlap`;
    /// groups of the same sessions merged) of the group's weight times the fewest of its pairs
    /// that every agenda makes concurrent, and what pairs of long members cost beyond that
    /// (``LowerBound``). Members are the sessions every agenda places, and `placed` too (optional
    /// sessions the caller supposes placed).
    func concurrencyBound(
        placed: Set<Int> = [], counter: inout ConcurrencyCounter, shouldStop: () -> Bool, complete: inout Bool
    ) -> Int {
        let g = gathering
        let shapes = g.sessions.indices.map { mustPlace($0) || placed.contains($0) ? counter.shapes[$0] : nil }
        // The gathering's groups, counted members only (groups that become alike keep their own
        // weights: w₁·p + w₂·p is (w₁ + w₂)·p).
        var weights: [[Int]: Int] = [:]
        for (members, weight) in counter.groups {
            let kept = members.filter { shapes[$0] != nil }
            if kept.count > 1 { weights[kept, default: 0] += weight }
        }
        guard !weights.isEmpty else { return 0 }
        let groups = weights.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var counts: [ConcurrentPairs] = []
        for (members, _) in groups {
            if shouldStop() {
                complete = false
                return zip(groups, counts).reduce(0) { $0 + $1.0.value * $1.1.fewest }
            }
            let count =
                counter.known[members] ?? Self.concurrentPairs(members.compactMap { shapes[$0] }, freeSlots: counter.freeSlots)
            counter.known[members] = count
            counts.append(count)
        }
        let costs = zip(groups, counts).map { $0.value * $1.fewest }
        let gains = longPairGains(groups.map { ($0.key, $0.value) }, counts: counts, costs: costs, shapes: shapes)
        return zip(costs, gains).reduce(0) { $0 + $1.0 + $1.1 }
    }

    /// What each group's pairs of long members add to its cost when the weight of other groups'
    /// pairs moves to it: the weight a pair has in groups whose count is 0 may count in one group
    /// whose count is positive instead (each pair's weight still counted once), and a pair of long
    /// members that is concurrent costs there its group's weight plus that moved weight. Where the
    /// count is Σ C(N_k, 2) less what long pairs count more than once, a pair that shares up to m
    /// slots makes up for at most `weight × (m − 1)` of it; with `e` more weight on the pair, at
    /// most `weight × (m − 1) − e`.
    private func longPairGains(
        _ groups: [(members: [Int], weight: Int)], counts: [ConcurrentPairs], costs: [Int], shapes: [MemberShape?]
    ) -> [Int] {
        var gains = Array(repeating: 0, count: groups.count)
        func isLong(_ s: Int) -> Bool { (shapes[s]?.longest ?? 1) > 1 }
        // Groups whose count is 0, by their long members.
        var donors: [Int: [Int]] = [:]
        for (i, group) in groups.enumerated() where costs[i] == 0 {
            for s in group.members where isLong(s) { donors[s, default: []].append(i) }
        }
        guard !donors.isEmpty else { return gains }
        var claimed = Set<SessionPair>()
        for (i, group) in groups.enumerated() where costs[i] > 0 {
            guard let lessLong = counts[i].lessLong else { continue }
            let long = group.members.filter(isLong)
            var gain = 0
            for (x, a) in long.enumerated() {
                guard let first = donors[a] else { continue }
                for b in long[(x + 1)...] {
                    guard let second = donors[b] else { continue }
                    let moved = Self.commonWeight(first, second) { groups[$0].weight }
                    guard moved > 0, claimed.insert(SessionPair(a, b)).inserted else { continue }
                    let shared = min(shapes[a]?.longest ?? 1, shapes[b]?.longest ?? 1)
                    gain += min(moved, group.weight * (shared - 1))
                }
            }
            gains[i] = max(0, group.weight * lessLong + gain - costs[i])
        }
        return gains
    }

    /// Σ weight over the groups in both sorted lists.
    private static func commonWeight(_ a: [Int], _ b: [Int], weight: (Int) -> Int) -> Int {
        var (i, j, sum) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                sum += weight(a[i])
                (i, j) = (i + 1, j + 1)
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// Where one member of a group can be: its start slots, the slots it can occupy, its shortest
    /// and longest length.
    package struct MemberShape: Sendable {
        package var starts: [Int]
        package var occupiable: [Int]
        package var shortest: Int
        package var longest: Int

        /// A member that may start at `starts` and then lasts `length` slots (a test's member).
        package init(starts: [Int], length: Int) {
            self.starts = starts
            occupiable = Array(Set(starts.flatMap { $0..<($0 + length) })).sorted()
            (shortest, longest) = (length, length)
        }

        init(_ list: [Start]) {
            starts = Array(Set(list.map(\.slot))).sorted()
            occupiable = Array(Set(list.flatMap(\.slots))).sorted()
            shortest = list.map(\.slots.count).min() ?? 1
            longest = list.map(\.slots.count).max() ?? 1
        }
    }

    /// The fewest concurrent pairs among members, each placed at one of its starts: the best of
    /// three bounds (``LowerBound``).
    package static func fewestConcurrentPairs(_ members: [MemberShape], freeSlots: Int) -> Int {
        concurrentPairs(members, freeSlots: freeSlots).fewest
    }

    /// A group's count of concurrent pairs: the fewest, and the count that allows for pairs of
    /// long members sharing several slots, when it was computed.
    struct ConcurrentPairs {
        /// The fewest concurrent pairs: the best of three bounds.
        var fewest = 0
        /// The fewest Σ C(N_k, 2) over occupied slots less what pairs of long members can count
        /// more than once (each at most its shorter longest length less one): one of the three.
        var lessLong: Int?
    }

    static func concurrentPairs(_ members: [MemberShape], freeSlots: Int) -> ConcurrentPairs {
        let n = members.count
        guard n > 1 else { return .init() }
        // Start slots usable at all: those of some member, and no more than the exclusive sessions leave.
        let startSlots = Set(members.flatMap(\.starts)).count
        var count = ConcurrentPairs(fewest: SlotLoad.evenlySpread(n, over: min(startSlots, freeSlots)))
        let slotCount = (members.flatMap(\.occupiable).max() ?? 0) + 1
        // Pairs that start together.
        if !Self.distinctStartsExist(members) {
            count.fewest = max(count.fewest, Self.load(members.map { ($0.starts, 1) }, slots: slotCount))
        }
        // Pairs that share a slot: Σ_k C(N_k, 2) counts each concurrent pair once per slot it
        // shares, at most min(longest) times; so the pairs are at least that sum less each long
        // pair's extra slots, and at least that sum over the longest length.
        // The slots members occupy are at most those any of them can, less those exclusive sessions take.
        let occupiable = Set(members.flatMap(\.occupiable)).count
        let counted = SlotLoad.evenlySpread(members.reduce(0) { $0 + $1.shortest }, over: min(occupiable, freeSlots))
        if counted > 0 || !Self.separateSlotsExist(members) {
            let shared = max(counted, Self.load(members.map { ($0.occupiable, $0.shortest) }, slots: slotCount))
            let long = members.map(\.longest).filter { $0 > 1 }.sorted()
            let twice = long.enumerated().reduce(0) { $0 + ($1.element - 1) * (long.count - $1.offset - 1) }
            let longest = members.map(\.longest).max() ?? 1
            count.lessLong = shared - twice
            count.fewest = max(count.fewest, shared - twice, (shared + longest - 1) / longest)
        }
        // Long members in lockstep, when every member's length is known.
        if members.allSatisfy({ $0.shortest == $0.longest }) {
            let long = members.map(\.longest).filter { $0 > 1 }
            let lockstep = LockstepBound.fewestPairs(
                slots: min(occupiable, freeSlots), long: long, short: members.count - long.count)
            count.fewest = max(count.fewest, lockstep)
        }
        return count
    }

    /// The least Σ C(N_k, 2) with each member's units in distinct slots of its own list; members of
    /// the same list are one class.
    private static func load(_ members: [(slots: [Int], units: Int)], slots: Int) -> Int {
        var classes: [[Int]: (demand: Int, count: Int)] = [:]
        for m in members {
            let known = classes[m.slots, default: (0, 0)]
            classes[m.slots] = (known.demand + m.units, known.count + 1)
        }
        let demands = classes.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
            SlotLoad.Demand(allowed: $0.key, demand: $0.value.demand, perSlot: $0.value.count)
        }
        return SlotLoad.fewestSharedPairs(demands, slots: slots) ?? 0
    }

    /// Whether a quick greedy choice gives every member a start slot of its own (then no pair need
    /// start together).
    private static func distinctStartsExist(_ members: [MemberShape]) -> Bool {
        var used = Set<Int>()
        for m in members.sorted(by: { $0.starts.count < $1.starts.count }) {
            guard let k = m.starts.first(where: { !used.contains($0) }) else { return false }
            used.insert(k)
        }
        return true
    }

    /// Whether a quick greedy choice gives every member its shortest length's worth of slots that
    /// no other member has (then no pair need share a slot).
    private static func separateSlotsExist(_ members: [MemberShape]) -> Bool {
        var used = Set<Int>()
        for m in members.sorted(by: { $0.occupiable.count < $1.occupiable.count }) {
            let free = m.occupiable.filter { !used.contains($0) }.prefix(m.shortest)
            guard free.count == m.shortest else { return false }
            used.formUnion(free)
        }
        return true
    }
}
