import Convene

/// Every agenda of a tiny gathering, judged by the AgendaChecker: the optimum by enumeration.
///
/// The checker is the judge of every rule and every cost; the enumeration only avoids asking it
/// the same question twice.
/// - Hard rules 2–11 concern one placement or two, so a set of placements is valid exactly when
///   every pair of them is: the checker judges each placement, and each pair the enumeration
///   meets, once. Rule 12 (daily limits) concerns every session a person facilitates in a day, so
///   with a daily limit an agenda that would become the best goes to the checker whole.
/// - The contract objective is a sum of terms of one placement (a preference, a change from the
///   previous agenda, an optional session left out) or of two (a clash, a track overlap). So an
///   agenda costs what the empty agenda costs, plus what each placement adds on its own, plus
///   what each pair adds beyond that, every one of those costs the checker's:
///   c(A) = c(∅) + Σ (c({p}) − c(∅)) + Σ (c({p, q}) − c({p}) − c({q}) + c(∅)).
/// - A pair only adds (clashes and overlaps are never negative), so the cost so far plus the least
///   each session still to place can add is a lower bound, and a branch that cannot beat the best
///   agenda found is cut. The best agenda is the same as without the cut (the first of the
///   cheapest in enumeration order): `plain` enumerates every agenda and costs each whole, and a
///   test compares the two.
///
/// The optimum is judged whole by the checker at the end; its objective is the checker's.
package enum BruteForce {
    package struct Result: Sendable {
        /// nil: no valid agenda exists.
        package var objective: Int?
        package var placements: [Assignment]?
        /// Complete agendas reached (the cut leaves fewer than exist).
        package var agendasSeen: Int
    }

    /// - Parameter plain: no cut, and every complete agenda costed whole by the checker's costs
    ///   instead of from its parts: slower, to check the faster way against.
    package static func solve(_ domain: Domain, plain: Bool = false) -> Result {
        let g = domain.gathering
        // Sessions with several runs (each run a session of the domain's gathering): a clash is
        // then a term of all the runs of one session and the other, never negative, so the pairs
        // still bound the cost from below and the cut holds; but the agenda is costed whole, and
        // judged whole (all runs or none, their order).
        let hasRuns = g.runsOf != nil
        let checker = AgendaChecker(domain: domain)
        // Rules 1–9 by the checker without the frozen past; rule 10 from the replanning's own
        // inputs (previous agenda, frozen time, sessions held), not from the domain under test.
        let rules = AgendaChecker(domain: Domain(g, previous: domain.previous))
        let frozen = g.sessions.map { frozenPlace($0, domain) }
        let empty = g.costs(of: [], previous: domain.previous).reduce(0) { $0 + $1.cost }
        // Candidates per session from the chain rule and every room combination, kept when the
        // checker finds nothing wrong with the placement on its own (rule 1 aside), with what
        // each adds to the cost on its own. nil: an optional session left out.
        var flat: [Assignment] = []
        var alone: [Int] = []
        var candidates: [[Int?]] = []
        for session in g.sessions {
            let place = frozen[session.index]
            var list: [Int?] = session.optional && place == nil ? [nil] : []
            for t in g.slots.indices {
                guard let chain = domain.chain(session: session.index, start: t) else { continue }
                if let place, place.slot != t { continue }
                if place == nil, let until = domain.frozenUntil, g.slots[t].startSecond < until { continue }
                for rooms in combinations(Array(g.rooms.indices), session.rooms) where place.map({ $0.rooms == rooms }) ?? true {
                    let p = Assignment(session: session.index, start: t, slots: chain, rooms: rooms)
                    let report = rules.check([p])
                    guard report.violations.allSatisfy({ $0.rule == .placedOnce }) else { continue }
                    list.append(flat.count)
                    flat.append(p)
                    alone.append(report.objective - empty)
                }
            }
            candidates.append(list)
        }
        // Each pair's verdict and cost term, asked of the checker the first time it is needed.
        let n = flat.count
        var verdict = [UInt8](repeating: 0, count: n * n)  // 0: not asked yet, 1: compatible, 2: not
        var term = [Int](repeating: 0, count: n * n)
        func pair(_ i: Int, _ j: Int) -> Int? {
            let (a, b) = (min(i, j), max(i, j))
            let k = a * n + b
            if verdict[k] == 0 {
                let report = rules.check([flat[a], flat[b]])
                verdict[k] = report.violations.allSatisfy { $0.rule == .placedOnce } ? 1 : 2
                term[k] = report.objective - empty - alone[a] - alone[b]
                // The cut's bound holds only while pairs add to the cost, never take from it.
                if !plain, term[k] < 0 { preconditionFailure("a pair of placements lowers the cost by \(-term[k]): the bound is wrong") }
            }
            return verdict[k] == 1 ? term[k] : nil
        }
        // The least each session from `s` on can add on its own (nil adds nothing).
        var least = [Int](repeating: 0, count: g.sessions.count + 1)
        for s in g.sessions.indices.reversed() {
            least[s] = least[s + 1] + (candidates[s].map { $0.map { alone[$0] } ?? 0 }.min() ?? 0)
        }
        // Rule 12: counting sessions per person and day cuts short the branches that already
        // break a limit (counts only grow); the judge has the last word on the whole agenda.
        let wholeAgendas = hasRuns || g.people.contains { $0.maxPerDay != nil }
        var load: [[Int]: Int] = [:]
        func fits(_ p: Assignment) -> Bool {
            g.sessions[p.session].facilitatorIndices.allSatisfy { f in
                g.people[f].maxPerDay.map { load[[f, domain.dayOf[p.start]], default: 0] < $0 } ?? true
            }
        }
        func count(_ p: Assignment, _ step: Int) {
            for f in g.sessions[p.session].facilitatorIndices { load[[f, domain.dayOf[p.start]], default: 0] += step }
        }
        var best: (cost: Int, placements: [Assignment])?
        var seen = 0
        var chosen: [Int] = []
        func extend(_ s: Int, _ cost: Int) {
            if !plain, let best, cost + least[s] >= best.cost { return }
            if s == g.sessions.count {
                seen += 1
                let placements = chosen.map { flat[$0] }
                let total = plain || hasRuns ? g.costs(of: placements, previous: domain.previous).reduce(0) { $0 + $1.cost } : cost
                if let best, total >= best.cost { return }
                if wholeAgendas, !checker.check(placements).isValid { return }
                best = (total, placements)
                return
            }
            for candidate in candidates[s] {
                guard let i = candidate else {
                    extend(s + 1, cost)
                    continue
                }
                var added = alone[i]
                var compatible = true
                for j in chosen {
                    guard let w = pair(j, i) else {
                        compatible = false
                        break
                    }
                    added += w
                }
                guard compatible, fits(flat[i]) else { continue }
                chosen.append(i)
                count(flat[i], 1)
                extend(s + 1, cost + added)
                count(flat[i], -1)
                chosen.removeLast()
            }
        }
        extend(0, empty)
        // The optimum must pass the judge whole, not only pair by pair, at the cost its parts add up to.
        guard let best else { return Result(objective: nil, placements: nil, agendasSeen: seen) }
        let report = checker.check(best.placements)
        guard report.isValid else { return Result(objective: nil, placements: nil, agendasSeen: seen) }
        if report.objective != best.cost { preconditionFailure("the parts cost \(best.cost), the agenda \(report.objective)") }
        return Result(objective: report.objective, placements: best.placements, agendasSeen: seen)
    }

    /// Rule 10 read from the previous agenda: the start slot and sorted rooms a session must keep
    /// (it started before the frozen time, or is held), or nil.
    static func frozenPlace(_ session: Session, _ domain: Domain) -> (slot: Int, rooms: [Int])? {
        let g = domain.gathering
        guard let entry = domain.previous?.entry(session), let slot = g.slotIndex[entry.start] else { return nil }
        let before = domain.frozenUntil.map { g.slots[slot].startSecond < $0 } ?? false
        guard before || domain.kept.contains(session.id) else { return nil }
        return (slot, entry.rooms.compactMap { g.roomIndex[$0] }.sorted())
    }

    static func combinations(_ items: [Int], _ k: Int) -> [[Int]] {
        if k == 0 { return [[]] }
        guard items.count >= k, let first = items.first else { return [] }
        let rest = Array(items.dropFirst())
        return combinations(rest, k - 1).map { [first] + $0 } + combinations(rest, k)
    }
}
