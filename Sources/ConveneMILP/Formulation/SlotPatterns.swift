import ConveneCore

/// Every way the costly sessions can share one slot, listed in advance, each with the exact
/// concurrency cost it brings: a Dantzig–Wolfe reformulation of the clash and track-overlap
/// costs by slot.
///
/// Pair indicators, even with the group cuts, leave the LP bound of an attendee-heavy gathering
/// far below its optimum (the P2PU gathering: 33 against 106), because fractional starts make
/// every pair look cheap. When the program chooses, for each slot, one *pattern* (the set of
/// costly sessions that run in it), a fractional solution can only mix whole patterns, each
/// paying for all of its pairs, which is what closes the bound. The patterns of a slot grow
/// exponentially with the sessions that fit in it together, so they are used only while their
/// number stays under a limit; beyond it the formulation keeps pair indicators.
///
/// Multi-slot sessions are counted once per pair: a pattern marks each session as *starting*
/// in the slot or *continuing* from an earlier one, and a pair costs something only in a
/// pattern where at least one of the two starts. Two placements that overlap do so first at the
/// later start (or the common one), where both run and one starts; in every later shared slot
/// both continue. So each concurrent pair is charged exactly once.
package struct SlotPatterns: Sendable {
    /// A session in a slot, starting there or continuing from an earlier slot.
    package struct Item: Sendable, Hashable, Comparable {
        package var session: Int
        package var starts: Bool
        package static func < (a: Item, b: Item) -> Bool { a.session != b.session ? a.session < b.session : a.starts && !b.starts }
    }

    package struct Pattern: Sendable, Hashable {
        /// Sorted; at least one item.
        package var items: [Item]
        /// The clash and track-overlap cost of its pairs charged in this slot.
        package var cost: Int
    }

    /// `patterns[slot]`: the non-empty patterns of each slot (empty where no cost can arise).
    package let patterns: [[Pattern]]
    /// `items[slot]`: the items the patterns of that slot are made of.
    package let items: [[Item]]
    package var count: Int { patterns.reduce(0) { $0 + $1.count } }

    /// Lists the patterns, or returns nil when there would be more than `limit`.
    /// - Parameters:
    ///   - weight: the cost of each pair when concurrent; only pairs the domain lets run together
    ///     (``Domain/mayRunTogether(_:_:)``: hard rules 5, 6, 8) count.
    ///   - shouldStop: asked every thousand steps of the listing; once true, listing stops (nil).
    package init?(domain: Domain, weight: [SessionPair: Int], limit: Int, shouldStop: () -> Bool = { false }) {
        let g = domain.gathering
        let together = { (pair: SessionPair) in domain.mayRunTogether(pair.first, pair.second) }
        var costly = [Int: [Int]]()  // session → sessions it has a positive weight with
        for (pair, w) in weight where w > 0 && together(pair) {
            costly[pair.first, default: []].append(pair.second)
            costly[pair.second, default: []].append(pair.first)
        }
        // Per slot, the rooms each costly session could use there, by mode.
        var present = [[Item: Set<Int>]](repeating: [:], count: g.slots.count)
        for s in costly.keys {
            for start in domain.starts[s] {
                for k in start.slots {
                    present[k][Item(session: s, starts: k == start.slot), default: []].formUnion(start.rooms)
                }
            }
        }
        var patterns: [[Pattern]] = []
        var itemsBySlot: [[Item]] = []
        var total = 0
        for k in g.slots.indices {
            // Only items with a costly partner in this slot matter here (one of the two starting).
            let here = present[k]
            let sessionsHere = Set(here.keys.map(\.session))
            let items = here.keys.filter { item in
                (costly[item.session] ?? []).contains { other in
                    sessionsHere.contains(other) && (item.starts || here[Item(session: other, starts: true)] != nil)
                }
            }.sorted()
            var enumerator = Enumerator(
                items: items, rooms: items.map { here[$0].map { $0.sorted() } ?? [] },
                need: items.map { g.sessions[$0.session].rooms }, weight: weight, together: together,
                limit: limit - total)
            guard let found = enumerator.run(shouldStop: shouldStop) else { return nil }
            total += found.count
            if found.contains(where: { $0.cost > 0 }) {
                patterns.append(found)
                itemsBySlot.append(items)
            } else {
                patterns.append([])
                itemsBySlot.append([])
                total -= found.count
            }
        }
        self.patterns = patterns
        items = itemsBySlot
    }

    /// Depth-first listing of the compatible, room-feasible item sets of one slot.
    private struct Enumerator {
        let items: [Item]
        let rooms: [[Int]]
        let need: [Int]
        let compatible: [[Bool]]
        let pairCost: [[Int]]
        let limit: Int
        let roomCount: Int
        var found: [Pattern] = []
        /// Set when the limit is passed or listing is told to stop.
        var overflow = false
        private var steps = 0

        init(items: [Item], rooms: [[Int]], need: [Int], weight: [SessionPair: Int], together: (SessionPair) -> Bool, limit: Int) {
            self.items = items
            self.rooms = rooms
            self.need = need
            self.limit = limit
            roomCount = (rooms.joined().max() ?? -1) + 1
            var compatible = [[Bool]](repeating: [Bool](repeating: false, count: items.count), count: items.count)
            var pairCost = [[Int]](repeating: [Int](repeating: 0, count: items.count), count: items.count)
            for i in items.indices {
                for j in items.indices where i != j && items[i].session != items[j].session {
                    let pair = SessionPair(items[i].session, items[j].session)
                    guard together(pair) else { continue }
                    compatible[i][j] = true
                    if items[i].starts || items[j].starts { pairCost[i][j] = weight[pair] ?? 0 }
                }
            }
            self.compatible = compatible
            self.pairCost = pairCost
        }

        /// The rooms' matching to the chosen items' seats (one seat per room an item needs),
        /// kept along the depth-first search and extended by augmenting paths.
        private var seatItem: [Int] = []
        private var holder: [Int] = []  // room → seat, or -1
        private var visited: [Int] = []  // room → the search that last saw it
        private var search = 0

        mutating func run(shouldStop: () -> Bool) -> [Pattern]? {
            var chosen: [Int] = []
            holder = [Int](repeating: -1, count: roomCount)
            visited = [Int](repeating: -1, count: roomCount)
            let open = Set(rooms.joined()).count
            extend(&chosen, cost: 0, seats: open, from: 0, shouldStop: shouldStop)
            return overflow ? nil : found
        }

        /// - Parameter seats: rooms not yet needed by the chosen items, ignoring which.
        private mutating func extend(_ chosen: inout [Int], cost: Int, seats: Int, from: Int, shouldStop: () -> Bool) {
            for i in from..<items.count where !overflow {
                steps += 1
                if steps & 1023 == 0, shouldStop() {
                    overflow = true
                    return
                }
                guard need[i] <= seats, chosen.allSatisfy({ compatible[$0][i] }) else { continue }
                let (saved, base) = (holder, seatItem.count)
                var fits = true
                for _ in 0..<need[i] where fits {
                    seatItem.append(i)
                    search += 1
                    fits = augment(seatItem.count - 1)
                }
                if fits {
                    if found.count >= limit {
                        overflow = true
                    } else {
                        let added = chosen.reduce(0) { $0 + pairCost[$1][i] }
                        chosen.append(i)
                        found.append(Pattern(items: chosen.map { items[$0] }, cost: cost + added))
                        extend(&chosen, cost: cost + added, seats: seats - need[i], from: i + 1, shouldStop: shouldStop)
                        chosen.removeLast()
                    }
                }
                seatItem.removeSubrange(base...)
                holder = saved
            }
        }

        /// Finds a room for `seat`, moving other seats along an augmenting path when needed.
        private mutating func augment(_ seat: Int) -> Bool {
            for r in rooms[seatItem[seat]] where visited[r] != search {
                visited[r] = search
                if holder[r] < 0 || augment(holder[r]) {
                    holder[r] = seat
                    return true
                }
            }
            return false
        }
    }
}
