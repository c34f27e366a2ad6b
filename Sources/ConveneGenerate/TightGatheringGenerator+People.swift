import ConveneCore

extension TightGatheringGenerator.Grid {
    /// Gives each session one or two facilitators, each facilitating two to five sessions that
    /// do not overlap where they are written around, mostly on one day; then each person's
    /// availability: most only the half-days they facilitate in, some their whole days.
    func facilitate(_ entries: inout [TightGatheringGenerator.Entry], rng: inout SeededGenerator) -> [InputDocument.Person] {
        let perDay = TightGatheringGenerator.slotsPerDay
        var busySlots: [[Int]] = []
        var capacity: [Int] = []
        var count: [Int] = []
        // People on each day who can take another session.
        var pool = [[Int]](repeating: [], count: days)
        var order = Array(entries.indices)
        order.shuffle(using: &rng)
        for e in order {
            let range = entries[e].start..<entries[e].start + entries[e].length
            let day = entries[e].start / perDay
            var chosen: [Int] = []
            for _ in 0..<(rng.chance(0.3) ? 2 : 1) {
                let d = day > 0 && rng.chance(0.15) ? day - 1 : day
                var pick: Int?
                for _ in 0..<4 where pick == nil && !pool[d].isEmpty {
                    let p = pool[d][rng.below(pool[d].count)]
                    if !chosen.contains(p) && !busySlots[p].contains(where: range.contains) { pick = p }
                }
                let p = pick ?? busySlots.count
                if pick == nil {
                    busySlots.append([])
                    capacity.append(3 + rng.below(4))
                    count.append(0)
                }
                busySlots[p] += range
                count[p] += 1
                chosen.append(p)
                if count[p] >= capacity[p] {
                    for d in pool.indices { pool[d].removeAll { $0 == p } }
                } else if !pool[day].contains(p) {
                    pool[day].append(p)
                }
            }
            entries[e].session.facilitators = chosen.map { "p\($0 + 1)" }
        }
        return busySlots.indices.map { p in
            var person = InputDocument.Person(id: "p\(p + 1)", name: "Speaker \(p + 1)")
            let roll = rng.below(100)
            if roll < 75 {
                let block = Self.block
                person.available = Set(busySlots[p].map { $0 / block }).sorted().map { b in
                    .init(start: slots[b * block].start, end: slots[b * block + block - 1].end)
                }
            } else if roll < 92 {
                person.available = Set(busySlots[p].map { $0 / perDay }).sorted().map { d in
                    .init(start: slots[d * perDay].start, end: slots[d * perDay + perDay - 1].end)
                }
            }
            return person
        }
    }

    /// A few `after` and `notConcurrentWith` between planted non-optional sessions, both met by
    /// the planted agenda (an `after` always points back in time, so there is no cycle).
    func relate(_ entries: inout [TightGatheringGenerator.Entry], rng: inout SeededGenerator) {
        let planted = entries.indices.filter { entries[$0].planted && !entries[$0].optional }
        guard planted.count > 1 else { return }
        for e in planted {
            let range = entries[e].start..<entries[e].start + entries[e].length
            if rng.chance(0.03) {
                for _ in 0..<5 {
                    let q = planted[rng.below(planted.count)]
                    if entries[q].start + entries[q].length <= range.lowerBound {
                        entries[e].session.after = [entries[q].session.id]
                        break
                    }
                }
            }
            if rng.chance(0.03) {
                for _ in 0..<5 {
                    let q = planted[rng.below(planted.count)]
                    if q != e && !(entries[q].start..<entries[q].start + entries[q].length).overlaps(range) {
                        entries[e].session.notConcurrentWith = [entries[q].session.id]
                        break
                    }
                }
            }
        }
    }
}
