/// The pure-Swift itinerary planner: every attendee's best itinerary on their own (an exact
/// search over their few wanted sessions), seats handed out in attendee order, then rounds of
/// repair until nothing improves: each attendee's itinerary planned again among the runs with
/// seats left, and each missed session sought along an augmenting path (someone in a full run
/// moves to another run of the same session that fits their itinerary, freeing a seat). It only
/// ever holds valid itineraries, so whatever it returns is valid; the same instance gives the
/// same plan. Its bound is the smaller of the attendees' own optima without seats and, per
/// session, the lesser of who could come and the seats of its runs.
package struct FastItineraries: Sendable {
    /// Nodes of one attendee's search before it settles for the best itinerary found.
    package var nodesPerAttendee = 20_000
    /// Rounds of repair at most.
    package var rounds = 12

    package init() {}

    /// What it found, with its bound and counts.
    package struct Outcome: Sendable {
        package var plan: ItineraryPlan
        /// An upper bound on the pairs served.
        package var bound: Int
        /// Nodes searched over every attendee's itinerary.
        package var nodes: Int
        /// Pairs gained by augmenting paths.
        package var augmentations: Int
        /// Rounds of repair made.
        package var rounds: Int
    }

    /// Plans `instance`; `stop` is read between attendees.
    package func plan(_ instance: ItineraryInstance, stop: StopFlag? = nil) -> Outcome {
        var state = State(instance: instance, nodeLimit: nodesPerAttendee)
        let alone = instance.travellers.indices.map { state.best(for: $0, seatsMatter: false) }
        var bound = instance.servedByFacilitating + alone.reduce(0) { $0 + $1.served }
        bound = min(bound, Self.seatBound(instance))
        for a in instance.travellers.indices {
            if stop?.isRaised == true { break }
            state.replan(a)
        }
        var made = 0
        var augmentations = 0
        while made < rounds, stop?.isRaised != true, state.served < bound {
            made += 1
            let before = state.served
            for a in instance.travellers.indices where stop?.isRaised != true { state.replan(a) }
            for a in instance.travellers.indices where stop?.isRaised != true {
                for k in instance.travellers[a].choices.indices where state.chosen[a][k] == nil && state.augment(a, k) {
                    augmentations += 1
                }
            }
            if state.served == before { break }
        }
        return Outcome(
            plan: ItineraryPlan(chosen: state.chosen), bound: bound, nodes: state.nodes, augmentations: augmentations, rounds: made)
    }

    /// Per session, the lesser of the attendees who could attend one of its runs and the seats of
    /// its runs; plus the facilitated pairs.
    static func seatBound(_ instance: ItineraryInstance) -> Int {
        var could = [Int](repeating: 0, count: instance.runsOf.count)
        for traveller in instance.travellers {
            for choice in traveller.choices where !choice.runs.isEmpty { could[choice.session] += 1 }
        }
        var total = instance.servedByFacilitating
        for (s, runs) in instance.runsOf.enumerated() where could[s] > 0 {
            var seats = 0
            var limited = true
            for r in runs {
                guard let n = instance.runs[r].seats else {
                    limited = false
                    break
                }
                seats += n
            }
            total += limited ? min(could[s], seats) : could[s]
        }
        return total
    }

    /// The plan being built: choices, seats taken, who sits in each run.
    private struct State {
        let instance: ItineraryInstance
        let nodeLimit: Int
        var chosen: [[Int?]]
        var taken: [Int]
        /// `members[run]`: attendees holding a seat in it, with the index of their choice.
        var members: [[(attendee: Int, choice: Int)]]
        var served = 0
        var nodes = 0

        init(instance: ItineraryInstance, nodeLimit: Int) {
            self.instance = instance
            self.nodeLimit = nodeLimit
            chosen = ItineraryPlan(empty: instance).chosen
            taken = [Int](repeating: 0, count: instance.runs.count)
            members = [[(attendee: Int, choice: Int)]](repeating: [], count: instance.runs.count)
        }

        func free(_ r: Int) -> Int { instance.runs[r].seats.map { $0 - taken[r] } ?? Int.max }

        /// Plans attendee `a` again among the runs with a seat for them (their own included),
        /// keeping the old itinerary unless the new one serves more.
        mutating func replan(_ a: Int) {
            let old = chosen[a]
            let oldServed = old.count { $0 != nil }
            let found = best(for: a, seatsMatter: true)
            guard found.served > oldServed else { return }
            set(a, found.chosen)
        }

        mutating func set(_ a: Int, _ new: [Int?]) {
            for r in chosen[a] {
                guard let r else { continue }
                taken[r] -= 1
                members[r].removeAll { $0.attendee == a }
                served -= 1
            }
            chosen[a] = new
            for (k, r) in new.enumerated() {
                guard let r else { continue }
                taken[r] += 1
                members[r].append((a, k))
                served += 1
            }
        }

        /// The itinerary serving the most sessions for attendee `a` (ties: the most seats left in
        /// the runs chosen, then the earliest choices), by a depth-first search over their choices
        /// with the fewest runs first; `seatsMatter` false ignores seats altogether.
        mutating func best(for a: Int, seatsMatter: Bool) -> (chosen: [Int?], served: Int) {
            let traveller = instance.travellers[a]
            let mine = chosen[a]
            let options: [[Int]] = traveller.choices.enumerated().map { k, choice in
                guard seatsMatter else { return choice.runs }
                return choice.runs.filter { mine[k] == $0 || free($0) > 0 }
            }
            let order = options.indices.filter { !options[$0].isEmpty }.sorted { (options[$0].count, $0) < (options[$1].count, $1) }
            var current = [Int?](repeating: nil, count: options.count)
            var bestChoice = current
            var bestKey = (served: 0, slack: 0)
            var picked: [Int] = []
            var used = 0
            func slack(_ r: Int) -> Int { seatsMatter ? min(free(r) - (mine.contains(r) ? 0 : 1), 999) : 0 }
            func search(_ depth: Int, _ served: Int, _ slackSum: Int) {
                used += 1
                if (served, slackSum) > bestKey {
                    bestKey = (served, slackSum)
                    bestChoice = current
                }
                guard depth < order.count, used < nodeLimit,
                    served + (order.count - depth) > bestKey.served
                        || (served + (order.count - depth) == bestKey.served && seatsMatter)
                else { return }
                let k = order[depth]
                for r in options[k] where !picked.contains(where: { instance.clash($0, r) }) {
                    current[k] = r
                    picked.append(r)
                    search(depth + 1, served + 1, slackSum + slack(r))
                    picked.removeLast()
                    current[k] = nil
                    if used >= nodeLimit { return }
                }
                search(depth + 1, served, slackSum)
            }
            search(0, 0, 0)
            nodes += used
            if !seatsMatter, used >= nodeLimit {
                // Not proven: every choice with a run is the bound.
                return (bestChoice, order.count)
            }
            return (bestChoice, bestKey.served)
        }

        /// Seeks a seat for attendee `a`'s missed choice `k`: a run of that session that fits their
        /// itinerary and has a seat, or an augmenting path of attendees moving between its runs
        /// (each to one that fits their own itinerary) that ends at a run with a seat left.
        mutating func augment(_ a: Int, _ k: Int) -> Bool {
            func fits(_ who: Int, _ skip: Int, _ r: Int) -> Bool {
                !chosen[who].enumerated().contains { j, other in j != skip && other.map { instance.clash($0, r) } == true }
            }
            let targets = instance.travellers[a].choices[k].runs.filter { fits(a, k, $0) }
            if let open = targets.first(where: { free($0) > 0 }) {
                place(a, k, open)
                return true
            }
            // Breadth-first over the session's runs: `came[r]` is the run and attendee whose move
            // into r would free a seat in that run.
            var came: [Int: (from: Int, mover: Int, choice: Int)?] = [:]
            var queue: [Int] = []
            for r in targets {
                came[r] = .some(nil)
                queue.append(r)
            }
            var head = 0
            while head < queue.count {
                let r = queue[head]
                head += 1
                for member in members[r] where member.attendee != a {
                    let b = member.attendee
                    for next in instance.travellers[b].choices[member.choice].runs where next != r && came[next] == nil {
                        guard fits(b, member.choice, next) else { continue }
                        came[next] = (r, b, member.choice)
                        if free(next) > 0 {
                            // Move each attendee along the path, last first, then seat `a`.
                            var at = next
                            while let link = came[at], let hop = link {
                                move(hop.mover, hop.choice, to: at)
                                at = hop.from
                            }
                            place(a, k, at)
                            return true
                        }
                        queue.append(next)
                    }
                }
            }
            return false
        }

        mutating func place(_ a: Int, _ k: Int, _ r: Int) {
            chosen[a][k] = r
            taken[r] += 1
            members[r].append((a, k))
            served += 1
        }

        mutating func move(_ b: Int, _ k: Int, to r: Int) {
            guard let old = chosen[b][k] else { return }
            taken[old] -= 1
            members[old].removeAll { $0.attendee == b }
            chosen[b][k] = r
            taken[r] += 1
            members[r].append((b, k))
        }
    }
}
