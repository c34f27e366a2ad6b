import Convene
import Foundation
import Synchronization

/// Seeded replanning instances small enough for brute force: a tiny gathering's best agenda is
/// the previous agenda, then something happens on the day (a room closes, a facilitator falls
/// ill, a session is added, cancelled or pinned), the past is frozen at a time during the
/// gathering, and now and then some sessions are held in place whatever their time.
package enum TinyReplanning {
    package struct Instance: Sendable {
        package var seed: Int
        /// The gathering after the change.
        package var gathering: Gathering
        /// The agenda being replanned: the brute-force optimum before the change (or, when there
        /// was none, random placements).
        package var previous: Agenda
        package var frozenUntil: Date
        /// Sessions held where `previous` places them.
        package var keep: Set<String>
        /// What happened, for messages.
        package var change: String
        /// The kind of change: `closes`, `away`, `added`, `cancelled`, `pinned` or `none`.
        package var kind: String

        /// The domain with the previous agenda, the frozen time and the sessions held applied.
        package var domain: Domain {
            Domain(gathering, previous: PreviousAgenda(previous), frozenUntil: Int(frozenUntil.timeIntervalSince1970), keep: keep)
        }

        /// Options for the front door that replan `previous` with this frozen time and these held
        /// sessions, without a time limit (the solver's moves or nodes bound the run).
        package func options(seed: UInt64 = 3) -> SolveOptions {
            SolveOptions(timeLimit: nil, seed: seed, previous: previous, frozenUntil: frozenUntil, keep: keep)
        }
    }

    package static func make(seed: Int) -> Instance {
        let base = TinyGatherings.make(seed: 10_000 + seed)
        var rng = SplitMix(seed: UInt64(seed) &+ 77)
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) < p * 1000 }
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }

        let g = base.gathering
        let previous: Agenda
        if let best = BruteForce.solve(Domain(g)).placements {
            previous = Agenda(
                status: .feasible,
                placements: best.map {
                    .init(session: g.sessions[$0.session].id, start: g.slots[$0.start].id, rooms: $0.rooms.map { g.rooms[$0].id })
                })
        } else {
            previous = Agenda(
                status: .feasible,
                placements: g.sessions.filter { _ in chance(0.6) }.map { s in
                    .init(session: s.id, start: pick(g.slots).id, rooms: Array(g.rooms.map(\.id).shuffled(using: &rng).prefix(s.rooms)))
                })
        }
        // The frozen time: the start of a later slot, or half an hour into it.
        let k = 1 + Int(rng.next() % UInt64(max(1, g.slots.count - 1)))
        let until = g.slots[min(k, g.slots.count - 1)].startSecond + (chance(0.25) ? 1800 : 0)
        var document = g.document
        let later = document.slots.filter { slot in g.slotIndex[slot.id].map { g.slots[$0].startSecond >= until } ?? false }
        let last = document.slots.last?.end ?? ""
        var (change, kind) = ("nothing but the frozen time", "none")
        switch rng.next() % 6 {
        case 0 where !later.isEmpty && !document.rooms.isEmpty:
            let r = Int(rng.next() % UInt64(document.rooms.count))
            document.rooms[r].unavailable.append(.init(start: later[0].start, end: last))
            (change, kind) = ("room \(document.rooms[r].id) closes from \(later[0].id)", "closes")
        case 1 where !later.isEmpty && !document.people.isEmpty:
            let p = Int(rng.next() % UInt64(document.people.count))
            let slot = pick(later)
            document.people[p].unavailable.append(.init(start: slot.start, end: slot.end))
            (change, kind) = ("person \(document.people[p].id) is away in \(slot.id)", "away")
        case 2:
            var session = InputDocument.Session(id: "new", duration: 60, optional: chance(0.5))
            if !document.people.isEmpty, chance(0.5) { session.facilitators = [pick(document.people).id] }
            document.sessions.append(session)
            for a in document.attendees.indices where chance(0.5) { document.attendees[a].interests.append("new") }
            (change, kind) = ("session new is added", "added")
        case 3 where !previous.placements.isEmpty:
            let id = pick(previous.placements).session
            document.sessions.removeAll { $0.id == id }
            for s in document.sessions.indices {
                document.sessions[s].after.removeAll { $0 == id }
                document.sessions[s].notConcurrentWith.removeAll { $0 == id }
            }
            for a in document.attendees.indices { document.attendees[a].interests.removeAll { $0 == id } }
            (change, kind) = ("session \(id) is cancelled", "cancelled")
        case 4 where !later.isEmpty && !document.sessions.isEmpty:
            let s = Int(rng.next() % UInt64(document.sessions.count))
            let slot = pick(later)
            document.sessions[s].pin = .init(slot: slot.id, room: document.sessions[s].pin?.room)
            (change, kind) = ("session \(document.sessions[s].id) is pinned to \(slot.id)", "pinned")
        default: break
        }
        // The generator only writes valid documents; a failure here is a bug in it.
        guard let changed = try? Gathering(document: document) else { preconditionFailure("tiny replanning \(seed) is invalid") }
        let placed = previous.placements.map(\.session).filter { changed.sessionIndex[$0] != nil }
        let keep = chance(0.25) ? Set(placed.filter { _ in chance(0.5) }) : []
        return Instance(
            seed: seed, gathering: changed, previous: previous, frozenUntil: Date(timeIntervalSince1970: TimeInterval(until)), keep: keep,
            change: change, kind: kind)
    }
}

/// ``tinyReplans``, awaited on a thread of its own (see ``awaitTinyOptima()``).
package func awaitTinyReplans() async -> [(instance: TinyReplanning.Instance, optimum: BruteForce.Result)] {
    await DedicatedThread.run { tinyReplans }
}

/// The tiny replanning instances `0..<tinyReplanSeeds` with their brute-force optima, computed once
/// per test process (in parallel) and shared by the search's and the MILP's comparisons.
package let tinyReplanSeeds = 200
package let tinyReplans: [(instance: TinyReplanning.Instance, optimum: BruteForce.Result)] = {
    let results = Mutex<[(TinyReplanning.Instance, BruteForce.Result)?]>(Array(repeating: nil, count: tinyReplanSeeds))
    DispatchQueue.concurrentPerform(iterations: tinyReplanSeeds) { seed in
        let instance = TinyReplanning.make(seed: seed)
        let result = BruteForce.solve(instance.domain)
        results.withLock { $0[seed] = (instance, result) }
    }
    return results.withLock { $0 }.compactMap { $0 }
}()
