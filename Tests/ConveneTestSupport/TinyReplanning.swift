import Convene
import Foundation

/// Seeded tiny replanning instances, small enough for brute force: a tiny gathering, an agenda
/// that was valid for it, then the input changed as it does on the day (a session cancelled, one
/// added, a pin, a room closed for a slot), and the past frozen at the start of one of its slots
/// (rule 10).
public enum TinyReplanning {
    public static func make(seed: Int) -> TinyGatherings.Instance {
        var rng = SplitMix(seed: UInt64(seed) ^ 0x1306)
        var document = TinyGatherings.document(seed: seed, &rng)
        func chance(_ p: Double) -> Bool { TinyGatherings.tinyChance(p, &rng) }
        func below(_ n: Int) -> Int { Int(rng.next() % UInt64(max(1, n))) }
        // The generator only writes valid documents; a failure here is a bug in it.
        guard let before = try? Gathering(validating: document) else { preconditionFailure("tiny gathering \(seed) is invalid") }
        let previous = agenda(for: before, &rng)
        if chance(0.5), document.sessions.count > 1 {
            let cancelled = document.sessions.remove(at: below(document.sessions.count)).id
            for s in document.sessions.indices {
                document.sessions[s].after.removeAll { $0 == cancelled }
                document.sessions[s].notConcurrentWith.removeAll { $0 == cancelled }
            }
            for a in document.attendees.indices { document.attendees[a].interests.removeAll { $0 == cancelled } }
        }
        if chance(0.6) {
            var added = InputDocument.Session(id: "new", duration: 60)
            if !document.people.isEmpty, chance(0.4) { added.facilitators = [document.people[below(document.people.count)].id] }
            if chance(0.3) { added.optional = true }
            document.sessions.append(added)
            for a in document.attendees.indices where chance(0.5) { document.attendees[a].interests.append("new") }
        }
        if chance(0.3) {
            let s = below(document.sessions.count)
            document.sessions[s].pin = .init(slot: document.slots[below(document.slots.count)].id, room: document.sessions[s].pin?.room)
        }
        if chance(0.2) {
            let slot = document.slots[below(document.slots.count)]
            document.rooms[below(document.rooms.count)].unavailable.append(.init(start: slot.start, end: slot.end))
        }
        guard let g = try? Gathering(validating: document) else { preconditionFailure("tiny replanning \(seed) is invalid") }
        let frozen = g.slots[min(g.slots.count - 1, 1 + below(g.slots.count - 1))].start
        return .init(seed: seed, gathering: g, previous: previous, frozenUntil: Date(timeIntervalSince1970: TimeInterval(frozen)))
    }

    /// A valid agenda of `g` that places most sessions, each at a random possible place.
    static func agenda(for g: Gathering, _ rng: inout SplitMix) -> Agenda {
        let domain = Domain(g)
        let checker = AgendaChecker(domain: domain)
        var chosen: [Assignment] = []
        for s in g.sessions.indices.shuffled(using: &rng) where !TinyGatherings.tinyChance(0.15, &rng) {
            let starts = domain.starts[s]
            guard !starts.isEmpty else { continue }
            for _ in 0..<8 {
                let start = starts[Int(rng.next() % UInt64(starts.count))]
                let others = start.rooms.filter { !start.required.contains($0) }.shuffled(using: &rng)
                let rooms = start.required + others.prefix(g.sessions[s].rooms - start.required.count)
                let placement = Assignment(session: s, start: start.slot, slots: start.slots, rooms: rooms)
                if checker.check(chosen + [placement]).violations.allSatisfy({ $0.rule == .placedOnce }) {
                    chosen.append(placement)
                    break
                }
            }
        }
        return Agenda(
            status: .feasible,
            placements: chosen.map { p in
                Agenda.Placement(session: g.sessions[p.session].id, start: g.slots[p.start].id, rooms: p.rooms.map { g.rooms[$0].id })
            })
    }

    /// ``optima``, awaited on a thread of its own (see ``awaitTinyOptima()``).
    public static func awaitOptima() async -> [BruteForce.Result] { await DedicatedThread.run { optima } }

    /// The brute-force optimum of each instance `0..<seeds`, computed once per test process.
    public static let seeds = 220
    public static let optima: [BruteForce.Result] = {
        let results = ResultBox(count: seeds)
        DispatchQueue.concurrentPerform(iterations: seeds) { seed in results.set(seed, BruteForce.solve(make(seed: seed).domain)) }
        return results.values.map { $0 ?? BruteForce.Result(objective: nil, placements: nil, agendasSeen: 0) }
    }()
}
