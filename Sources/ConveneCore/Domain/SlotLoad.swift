/// The fewest pairs that must share a slot when units are spread over slots: the pigeonhole
/// principle with restrictions, solved exactly.
///
/// Each class has `demand` units to put in its `allowed` slots, at most `perSlot` of them in any
/// one slot. With N_k units in slot k, the cost is Σ_k C(N_k, 2): the pairs of units that share a
/// slot. It is a transportation problem whose only costs are convex and on the slots, so
/// successive shortest paths solve it exactly, and a shortest path is simply the least-loaded
/// slot reachable from a class with units left (every other arc costs nothing: moving a unit of
/// one class to another of its slots, to make room for another class's unit, leaves the loads of
/// the slots in between as they were). Each unit costs one breadth-first search over the classes
/// and their slots, so identical members should be given as one class.
package enum SlotLoad {
    /// One kind of unit: how many, where they may go, and how many may share a slot.
    package struct Demand: Sendable, Hashable {
        package var allowed: [Int]
        package var demand: Int
        package var perSlot: Int

        package init(allowed: [Int], demand: Int, perSlot: Int) {
            self.allowed = allowed
            self.demand = demand
            self.perSlot = perSlot
        }
    }

    /// The least Σ_k C(N_k, 2) over every way of placing the units, or nil when they cannot all be
    /// placed (a class with more units than its slots can hold).
    package static func fewestSharedPairs(_ classes: [Demand], slots: Int) -> Int? {
        guard slots > 0 else { return classes.allSatisfy { $0.demand == 0 } ? 0 : nil }
        var load = [Int](repeating: 0, count: slots)
        // flow[c][i]: units of class c in its i-th allowed slot.
        var flow = classes.map { [Int](repeating: 0, count: $0.allowed.count) }
        var left = classes.map(\.demand)
        // Per slot, the classes that may use it (and at which position of their list).
        var users = [[(cls: Int, position: Int)]](repeating: [], count: slots)
        for (c, cls) in classes.enumerated() {
            for (i, k) in cls.allowed.enumerated() where k >= 0 && k < slots { users[k].append((c, i)) }
        }
        var reachedSlot = [Int](repeating: -1, count: slots)  // the class the search reached it from
        var reachedClass = [Int](repeating: -1, count: classes.count)  // the slot it was reached from; -2: a source
        var positionIn = [Int](repeating: -1, count: slots)  // its position in that class's list
        var queue: [Int] = []
        var remaining = left.reduce(0, +)
        while remaining > 0 {
            for k in reachedSlot.indices { reachedSlot[k] = -1 }
            for c in reachedClass.indices { reachedClass[c] = left[c] > 0 ? -2 : -1 }
            queue.removeAll(keepingCapacity: true)
            for c in classes.indices where left[c] > 0 { queue.append(c) }
            var best = -1
            var head = 0
            while head < queue.count {
                let c = queue[head]
                head += 1
                for (i, k) in classes[c].allowed.enumerated() where k >= 0 && k < slots && reachedSlot[k] < 0 {
                    guard flow[c][i] < classes[c].perSlot else { continue }
                    reachedSlot[k] = c
                    positionIn[k] = i
                    if best < 0 || load[k] < load[best] || (load[k] == load[best] && k < best) { best = k }
                    // Another class with a unit here could move it elsewhere.
                    for (other, position) in users[k] where reachedClass[other] == -1 && flow[other][position] > 0 {
                        reachedClass[other] = k
                        queue.append(other)
                    }
                }
            }
            guard best >= 0 else { return nil }
            // Walk back: a unit of the class that reached `best` goes there, freeing a unit in the
            // slot that class was reached from, and so on to a class with units left.
            var k = best
            load[k] += 1
            while true {
                let c = reachedSlot[k]
                flow[c][positionIn[k]] += 1
                let from = reachedClass[c]
                if from == -2 {
                    left[c] -= 1
                    break
                }
                // The unit of c in `from` moves to k.
                guard let position = classes[c].allowed.firstIndex(of: from) else { return nil }
                flow[c][position] -= 1
                k = from
            }
            remaining -= 1
        }
        return load.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    }

    /// The least Σ C(N_k, 2) for `units` spread evenly over `slots`: the pigeonhole bound.
    package static func evenlySpread(_ units: Int, over slots: Int) -> Int {
        guard slots > 0, units > slots else { return 0 }
        let (q, r) = units.quotientAndRemainder(dividingBy: slots)
        return r * (q + 1) * q / 2 + (slots - r) * q * (q - 1) / 2
    }
}
