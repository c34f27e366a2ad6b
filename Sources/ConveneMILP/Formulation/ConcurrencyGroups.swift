import ConveneCore

/// Clash and track-overlap costs charged per group and slot, with no column per pair of sessions.
///
/// Every pair's concurrency weight is a sum over groups: each attendee's interests (weight
/// `clash`) and each track (weight `trackOverlap`). So the objective's concurrency part is
/// Σ_G w_G · (concurrent pairs of G). In slot k, with N of G's sessions running there and R of them
/// continuing from an earlier slot, the pairs charged in k (those in which one of the two starts
/// there, as in ``SlotPatterns``, so that each concurrent pair is charged once) number
/// C(N, 2) − C(R, 2). C(N, 2) is convex, and at whole N it is the largest of its tangents
/// j·N − j(j+1)/2. C(R, 2) counts, over the sessions continuing in k, those continuing before
/// them in a fixed order: one column per session that could continue, at most that count and at
/// most its own continuing times the most it could be. So
/// `c[G,k] ≥ j·N − j(j+1)/2 − Σ earlier[a,k]` for j = 1…(the most of G that can run at once) − 1
/// is exact at whole numbers, and its LP relaxation is each group's convex envelope: the
/// pigeonhole bound and the group cuts of SOLVER-NOTES.md hold in it without being written.
///
/// Rows grow with groups × slots × the most of a group that can run at once, not with pairs:
/// a 58-session track over 24 slots needs about 600 rows, where pair rows need 40,000.
package struct ConcurrencyGroups: Sendable {
    /// Sessions whose concurrent pairs each cost `weight` (groups with the same sessions merged).
    package struct Group: Sendable, Hashable {
        package var sessions: [Int]
        package var weight: Int
    }

    /// One group's charge in one slot, for encoding an agenda.
    package struct Charge: Sendable {
        package var group: Int
        package var slot: Int
        /// `c[G,k]`, whose objective is the group's weight.
        package var cost: Int
        /// `N`, when it has a column of its own (groups that can run more than three at once).
        package var count: Int?
        /// Per session that could continue in the slot after another that could, the column
        /// counting those earlier ones that continue with it, and those earlier ones.
        package var earlier: [(session: Int, before: [Int], column: Int)]
    }

    package let groups: [Group]

    /// The gathering's groups: attendees' interests and tracks, those with the same sessions merged.
    package init(_ g: Gathering) {
        let weight = g.concurrencyGroups()
        groups = weight.map { Group(sessions: $0.key, weight: $0.value) }.sorted { $0.sessions.lexicographicallyPrecedes($1.sessions) }
    }

    /// Per slot, the sessions of a group that could run there, and the most of them that could
    /// at once: each needs rooms of its own, so no more than a matching of them to rooms holds.
    private func present(_ group: Group, slot k: Int, domain: Domain) -> (sessions: [Int], most: Int) {
        let here = group.sessions.filter { s in domain.starts[s].contains { $0.slots.contains(k) } }
        return (here, Self.most(of: here, slot: k, domain: domain))
    }

    /// The most of `sessions` that can run in slot `k` together, as far as their rooms allow (a
    /// largest matching of their room needs to the rooms usable there).
    static func most(of sessions: [Int], slot k: Int, domain: Domain) -> Int {
        let g = domain.gathering
        guard sessions.count > 1 else { return sessions.count }
        var seats: [(session: Int, rooms: [Int])] = []
        for s in sessions {
            let rooms = Set(domain.starts[s].filter { $0.slots.contains(k) }.flatMap(\.rooms)).sorted()
            for _ in 0..<g.sessions[s].rooms { seats.append((s, rooms)) }
        }
        var holder = [Int](repeating: -1, count: g.rooms.count)
        var visited = [Int](repeating: -1, count: g.rooms.count)
        func augment(_ seat: Int, _ search: Int) -> Bool {
            for r in seats[seat].rooms where visited[r] != search {
                visited[r] = search
                if holder[r] < 0 || augment(holder[r], search) {
                    holder[r] = seat
                    return true
                }
            }
            return false
        }
        // A set running together fills as many seats as it has rooms, at least one per session.
        let matched = seats.indices.reduce(0) { $0 + (augment($1, $1) ? 1 : 0) }
        return min(matched, sessions.count)
    }

    /// Writes the charges into `program`; `startColumn[s][i]` is the column of `s`'s `i`-th start.
    /// - Parameter shouldStop: asked between groups; once true, writing stops.
    package func add(
        to program: inout IntegerProgram, domain: Domain, startColumn: [[Int]], shouldStop: () -> Bool = { false }
    ) -> [Charge] {
        let g = domain.gathering
        var charges: [Charge] = []
        for (n, group) in groups.enumerated() {
            if shouldStop() { break }
            for k in g.slots.indices {
                let (here, most) = present(group, slot: k, domain: domain)
                guard here.count > 1, most > 1 else { continue }
                var running: [IntegerProgram.Term] = []
                var continuing: [Int: [IntegerProgram.Term]] = [:]
                for s in here {
                    for (i, start) in domain.starts[s].enumerated() where start.slots.contains(k) {
                        running.append(.init(startColumn[s][i], 1))
                        if start.slot != k { continuing[s, default: []].append(.init(startColumn[s][i], 1)) }
                    }
                }
                let slotName = g.slots[k].id
                let c = program.addVariable("c(\(n),\(slotName))", .continuous, lower: 0, upper: .infinity, objective: Double(group.weight))
                var count: Int?
                if most > 3 {
                    let column = program.addVariable("m(\(n),\(slotName))", .continuous, lower: 0, upper: Double(most))
                    program.addConstraint("count(\(n),\(slotName))", [.init(column, 1)] + running.map { .init($0.variable, -1) }, .equal, 0)
                    count = column
                }
                var earlier: [(session: Int, before: [Int], column: Int)] = []
                for (a, before) in Self.continuingAfter(continuing.keys.sorted(), slot: k, domain: domain) {
                    let name = "earlier(\(n),\(slotName),\(g.sessions[a].id)"
                    let e = program.addVariable(name + ")", .continuous, lower: 0, upper: Double(before.count))
                    let own = continuing[a] ?? []
                    program.addConstraint(
                        name + ",others)", [.init(e, 1)] + before.flatMap { continuing[$0] ?? [] }.map { .init($0.variable, -1) },
                        .lessOrEqual, 0)
                    program.addConstraint(
                        name + ",own)", [.init(e, 1)] + own.map { .init($0.variable, -Double(before.count)) }, .lessOrEqual, 0)
                    earlier.append((a, before, e))
                }
                for j in 1..<most {
                    // c ≥ j·N − j(j+1)/2 − Σ earlier, the tangent of C(N, 2) through N = j and j + 1.
                    let times: [IntegerProgram.Term] =
                        count.map { [.init($0, -Double(j))] } ?? running.map { .init($0.variable, -Double(j)) }
                    program.addConstraint(
                        "tangent(\(n),\(slotName),\(j))", [.init(c, 1)] + times + earlier.map { .init($0.column, 1) }, .greaterOrEqual,
                        -Double(j * (j + 1) / 2))
                }
                charges.append(Charge(group: n, slot: k, cost: c, count: count, earlier: earlier))
            }
        }
        return charges
    }

    /// For each of `long` (sessions that could continue in slot `k`, in order) after the first,
    /// those before it that could continue there together with it: they alone can make it pay
    /// less than C(N, 2) says.
    static func continuingAfter(_ long: [Int], slot k: Int, domain: Domain) -> [(session: Int, before: [Int])] {
        guard long.count > 1, most(of: long, slot: k, domain: domain) > 1 else { return [] }
        var result: [(session: Int, before: [Int])] = []
        for (i, a) in long.enumerated() {
            let before = long[..<i].filter { b in
                domain.mayRunTogether(a, b) && most(of: [a, b], slot: k, domain: domain) == 2
            }
            if !before.isEmpty { result.append((a, before)) }
        }
        return result
    }

    /// Sets the charges' columns of `x` to what `placed` implies: each at its least.
    package func encode(_ charges: [Charge], placed: [Assignment?], into x: inout [Double]) {
        for charge in charges {
            let k = charge.slot
            var (running, continuing) = (0, 0)
            for s in groups[charge.group].sessions {
                guard let p = placed[s], p.slots.contains(k) else { continue }
                running += 1
                if p.start != k { continuing += 1 }
            }
            x[charge.cost] = Double(running * (running - 1) / 2 - continuing * (continuing - 1) / 2)
            if let column = charge.count { x[column] = Double(running) }
            func continues(_ s: Int) -> Bool { placed[s].map { $0.slots.contains(k) && $0.start != k } ?? false }
            for (a, before, column) in charge.earlier {
                x[column] = continues(a) ? Double(before.filter(continues).count) : 0
            }
        }
    }
}
