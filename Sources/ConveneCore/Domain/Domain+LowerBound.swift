/// A lower bound on the objective of every valid agenda, from the domain alone: no integer
/// program, time about linear in the input and the groups' sizes, at any size (10,000 sessions:
/// under 2 s). The front door computes it before any solver runs and reports it as the bound
/// until a solver proves a better one.
///
/// The objective is a sum of terms of one session (`preference`, `personPreference`,
/// `unscheduled`, `change`, `roomChange`) and of pairs of concurrent sessions of one group
/// (`clash`: an attendee's interests; `trackOverlap`: a track). The bound is the sum of a lower
/// bound of each part, each valid for every agenda on its own, so their sum is valid:
/// - ``placements``: each session's cheapest choice on its own: its cheapest start, or, for an
///   optional session, being left out when that is cheaper.
/// - ``capacity``: the room-slots. A session uses at least its rooms × its slots of them (an
///   exclusive one every room open in its slots), and there are only so many. When the
///   non-optional sessions and the optional ones cheaper placed than left out need more than
///   there are, some optional sessions must be left out after all: at least the fractional
///   knapsack's cost of freeing the excess, leaving out first those whose leaving out costs
///   least per room-slot (the linear relaxation of that choice, rounded up).
/// - ``concurrency``: per group, the fewest of its pairs that must be concurrent, counting only
///   its non-optional, non-exclusive members (optional ones may be left out; exclusive ones are
///   concurrent with nothing), times the group's weight. Optional sessions that cost more left
///   out than placed count too when that is still valid: an agenda places them all, and the
///   groups count them, or leaves one out, and pays at least the least of those differences; so
///   the bound is the smaller of the two (without the capacity part in the second, which may
///   count the same leaving out). Pairs that start in the same slot are
///   concurrent, so the pairs sharing a start slot bound them (``SlotLoad``, exactly, within the
///   members' possible starts); so do the pairs sharing any slot, less what pairs of long
///   sessions can count twice; and no more slots can be used, to start in or to occupy, than
///   there are slots that no exclusive session occupies (the exclusive sessions, which never
///   overlap, occupy at least their lengths' sum): the pigeonhole bound over those. A pair's
///   weight in groups whose count is 0 moves to one group whose count is positive, where a long
///   pair then makes up for less of what it counts twice. Long members that could run in
///   lockstep are counted by ``LockstepBound``.
package struct LowerBound: Sendable, Equatable {
    /// Each session's cheapest choice on its own.
    package var placements = 0
    /// What leaving out the optional sessions the room-slots cannot hold adds.
    package var capacity = 0
    /// Each group's fewest concurrent pairs, times its weight.
    package var concurrency = 0
    /// Whether every group was measured (false: the stop flag was raised part way; the parts are
    /// still valid, only weaker).
    package var complete = true
    /// How long computing it took, to the millisecond.
    package var seconds = 0.0

    /// The bound.
    package var total: Int { placements + capacity + concurrency }
}

extension Domain {
    /// The bound; `shouldStop` is asked between groups.
    package func lowerBound(shouldStop: () -> Bool = { false }) -> LowerBound {
        let clock = ContinuousClock.now
        var bound = computedLowerBound(shouldStop: shouldStop)
        bound.seconds = (clock.secondsElapsed * 1000).rounded() / 1000
        return bound
    }

    private func computedLowerBound(shouldStop: () -> Bool) -> LowerBound {
        var bound = LowerBound()
        let g = gathering
        let choices = g.sessions.indices.map { sessionChoice($0) }
        // Room-slots: each room's open slots.
        let openRooms = g.slots.indices.map { k in g.rooms.indices.reduce(0) { $0 + (roomOpen[$1][k] ? 1 : 0) } }
        let roomSlots = openRooms.reduce(0, +)
        func units(_ s: Int) -> Int? {
            let session = g.sessions[s]
            return starts[s].map { start in
                session.exclusive ? start.slots.reduce(0) { $0 + openRooms[$1] } : session.rooms * start.slots.count
            }.min()
        }
        var needed = 0
        var items: [(gain: Int, units: Int, first: Int)] = []
        // Optional sessions of one run that cost more left out than placed: what leaving out adds.
        var extra: [Int: Int] = [:]
        for s in g.sessions.indices where mustPlace(s) {
            guard let placed = choices[s].placed, let u = units(s) else { return bound }  // no agenda at all
            bound.placements += placed
            needed += u
        }
        // Optional sessions, all runs of one together (they are placed all or none).
        for s in g.sessions.indices where !mustPlace(s) && g.runs(of: s).first == s {
            let runs = g.runs(of: s)
            let out = runs.reduce(0) { $0 + choices[$1].leftOut }
            let placedRuns = runs.compactMap { choices[$0].placed }
            let unitRuns = runs.compactMap(units)
            guard placedRuns.count == runs.count, unitRuns.count == runs.count else {
                bound.placements += out
                continue
            }
            let placed = placedRuns.reduce(0, +)
            bound.placements += min(placed, out)
            if placed < out {
                items.append((out - placed, unitRuns.reduce(0, +), s))
                if runs.count == 1 { extra[s] = out - placed }
            }
        }
        bound.capacity = Self.leavingOut(items, excess: needed + items.reduce(0) { $0 + $1.units } - roomSlots)
        var counter = ConcurrencyCounter(self)
        bound.concurrency = concurrencyBound(counter: &counter, shouldStop: shouldStop, complete: &bound.complete)
        // Either every one of those optional sessions is placed, and they count in the groups too,
        // or one is left out, which adds at least the least of what leaving out adds (and the
        // capacity part, which may count the same leaving out, is not added).
        if let least = extra.values.min(), bound.complete, !shouldStop() {
            var measured = true
            let all = concurrencyBound(placed: Set(extra.keys), counter: &counter, shouldStop: shouldStop, complete: &measured)
            if measured {
                bound.concurrency = max(bound.concurrency, min(bound.capacity + all, least + bound.concurrency) - bound.capacity)
            }
        }
        return bound
    }

    /// A session's cheapest start (nil: it has none) and the cost of leaving it out (when it may be).
    private func sessionChoice(_ s: Int) -> (placed: Int?, leftOut: Int) {
        let g = gathering
        let session = g.sessions[s]
        let w = g.weights
        let before = previous?.entry(session)
        let leftOut = (session.optional && session.run == 1 ? w.unscheduled * session.priority : 0) + (before == nil ? 0 : w.change)
        let placed = starts[s].map { start -> Int in
            var cost = 0
            if !session.preferredSlotTags.isEmpty, !g.misses(session, start.slots).isEmpty {
                cost += w.preference * session.preferenceWeight
            }
            if w.personPreference > 0 { cost += w.personPreference * g.outsidePreferredHours(session, start.slots).count }
            if let before {
                if g.slots[start.slot].id != before.start {
                    cost += w.change
                } else {
                    // Kept at its slot: free only when the same rooms can be had.
                    let usable = Set(start.rooms.map { g.rooms[$0].id })
                    let required = Set(start.required.map { g.rooms[$0].id })
                    if before.rooms.count != session.rooms || !before.rooms.isSubset(of: usable) || !required.isSubset(of: before.rooms) {
                        cost += w.roomChangeWeight
                    }
                }
            }
            return cost
        }.min()
        return (placed, leftOut)
    }

    /// The fractional knapsack: the least cost of leaving out items whose room-slots add up to at
    /// least `excess`, each item's cost divisible by its room-slots; rounded up.
    static func leavingOut(_ items: [(gain: Int, units: Int, first: Int)], excess: Int) -> Int {
        guard excess > 0 else { return 0 }
        // Cheapest per room-slot first; by position on a tie, so that the result does not depend on order.
        let sorted = items.filter { $0.units > 0 }.sorted {
            $0.gain * $1.units != $1.gain * $0.units ? $0.gain * $1.units < $1.gain * $0.units : $0.first < $1.first
        }
        var still = excess
        var cost = 0
        for item in sorted {
            if item.units >= still {
                // Part of this item: gain × still ÷ units, rounded up.
                return cost + (item.gain * still + item.units - 1) / item.units
            }
            cost += item.gain
            still -= item.units
        }
        return cost  // Even leaving out every optional session is not enough: no agenda exists.
    }
}
