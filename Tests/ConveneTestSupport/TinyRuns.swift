import Convene
import Foundation
import Synchronization

extension TinyGatherings {
    /// The tiny gathering of `seed` with sessions that take place more than once: one session (two
    /// when there are few) gets 2 runs, now and then 3, sometimes explicit `seats`, and a previous
    /// agenda that places later runs too. Every other rule of the tiny gathering stays as drawn,
    /// so that runs meet `after`, `notConcurrentWith`, pins, exclusivity, optional sessions,
    /// clashes, tracks, preferences, travel, daily limits and the frozen past.
    package static func withRuns(seed: Int) -> Instance {
        let base = make(seed: seed)
        var rng = SplitMix(seed: UInt64(seed) ^ 0x0052_554E_53)
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) < p * 1000 }
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        var document = base.gathering.document
        let count = document.sessions.count
        var chosen = [Int(rng.next() % UInt64(count))]
        if count <= 3, chance(0.5) { chosen.append((chosen[0] + 1) % count) }
        for s in chosen {
            document.sessions[s].runs = count <= 3 && chance(0.3) ? 3 : 2
            if chance(0.3) { document.sessions[s].seats = pick([2, 5]) }
            if chance(0.2) { document.sessions[s].optional = true }
        }
        var previous = base.previous
        if let agenda = previous, chance(0.7) {
            // Later runs in the previous agenda too, somewhere in its slots.
            var placements = agenda.placements
            let slots = document.slots.map(\.id)
            for s in chosen {
                let session = document.sessions[s]
                guard let first = placements.first(where: { $0.session == session.id }) else { continue }
                for run in 2...(session.runs ?? 1) where chance(0.7) {
                    placements.append(Agenda.Placement(session: session.id, run: run, start: pick(slots), rooms: first.rooms))
                }
            }
            previous = Agenda(status: .feasible, placements: placements)
        }
        guard let g = try? Gathering(document: document) else { preconditionFailure("tiny gathering with runs \(seed) is invalid") }
        return Instance(seed: seed, gathering: g, previous: previous)
    }
}

/// The brute-force optimum of each tiny gathering with runs, `0..<tinyRunSeeds`, computed once.
package let tinyRunSeeds = 120
package let tinyRunOptima: [BruteForce.Result] = {
    let results = Mutex<[BruteForce.Result?]>(Array(repeating: nil, count: tinyRunSeeds))
    DispatchQueue.concurrentPerform(iterations: tinyRunSeeds) { seed in
        let result = BruteForce.solve(TinyGatherings.withRuns(seed: seed).domain)
        results.withLock { $0[seed] = result }
    }
    return results.withLock { $0 }.map { $0 ?? BruteForce.Result(objective: nil, placements: nil, agendasSeen: 0) }
}()

package func awaitTinyRunOptima() async -> [BruteForce.Result] { await DedicatedThread.run { tinyRunOptima } }
