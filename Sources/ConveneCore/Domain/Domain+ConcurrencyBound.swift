extension Domain {
    /// Σ over groups (an attendee's interests, weight `clash`; a track, weight `trackOverlap`;
    /// groups of the same sessions merged) of the group's weight times the fewest of its pairs
    /// that every agenda makes concurrent (``LowerBound``).
    func concurrencyBound(shouldStop: () -> Bool, complete: inout Bool) -> Int {
        let g = gathering
        let counted = g.sessions.indices.map { mustPlace($0) && !g.sessions[$0].exclusive && !starts[$0].isEmpty }
        // The gathering's groups, counted members only (groups that become alike keep their own
        // weights: w₁·p + w₂·p is (w₁ + w₂)·p).
        var weights: [[Int]: Int] = [:]
        for (members, weight) in g.concurrencyGroups() {
            let kept = members.filter { counted[$0] }
            if kept.count > 1 { weights[kept, default: 0] += weight }
        }
        guard !weights.isEmpty else { return 0 }
        // Slots no exclusive session leaves to the others: at least the sum of their shortest lengths.
        let exclusiveSlots = g.sessions.indices.filter { mustPlace($0) && g.sessions[$0].exclusive }
            .reduce(0) { $0 + (starts[$1].map(\.slots.count).min() ?? 0) }
        let freeSlots = max(0, g.slots.count - exclusiveSlots)
        let shapes = g.sessions.indices.map { s in counted[s] ? MemberShape(starts[s]) : nil }
        var total = 0
        for (members, weight) in weights.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            if shouldStop() {
                complete = false
                break
            }
            total += weight * Self.fewestConcurrentPairs(members.compactMap { shapes[$0] }, freeSlots: freeSlots)
        }
        return total
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
        let n = members.count
        guard n > 1 else { return 0 }
        // Start slots usable at all: those of some member, and no more than the exclusive sessions leave.
        let startSlots = Set(members.flatMap(\.starts)).count
        var best = SlotLoad.evenlySpread(n, over: min(startSlots, freeSlots))
        let slotCount = (members.flatMap(\.occupiable).max() ?? 0) + 1
        // Pairs that start together.
        if !Self.distinctStartsExist(members) {
            best = max(best, Self.load(members.map { ($0.starts, 1) }, slots: slotCount))
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
            best = max(best, shared - twice, (shared + longest - 1) / longest)
        }
        return best
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
