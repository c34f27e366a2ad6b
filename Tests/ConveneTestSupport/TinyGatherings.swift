import Convene
import Foundation
import Synchronization

/// Seeded random gatherings small enough for brute force (≤ 5 sessions, ≤ 3 rooms, ≤ 6 slots),
/// with every hard rule and cost kind appearing across a run of seeds.
///
/// The richer rules (sites and travel time, daily limits, preferred hours, room changes, a second
/// day) are drawn from a generator of their own and laid over what the first draws, so that each
/// seed keeps the instance it had under rules 1–9: a second day only moves the slots after a
/// break (which already ends every chain) by a day, with every window that follows them.
package enum TinyGatherings {
    package struct Instance: Sendable {
        package var seed: Int
        package var gathering: Gathering
        package var previous: Agenda?
        /// The domain with the previous agenda applied.
        package var domain: Domain { Domain(gathering, previous: previous.map(PreviousAgenda.init)) }
        /// Options for the front door that replan `previous`, if any, without a time limit (the
        /// solver's moves or nodes bound the run).
        package func options(seed: UInt64 = 3) -> SolveOptions {
            SolveOptions(timeLimit: nil, seed: seed, previous: previous)
        }
    }

    package static func make(seed: Int) -> Instance {
        var rng = SplitMix(seed: UInt64(seed))
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) < p * 1000 }
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }

        var slots: [InputDocument.Slot] = []
        var t = 9 * 60
        for i in 0..<count(3...6) {
            if i > 0, chance(0.2) { t += 30 }  // a break ends chains
            slots.append(.init(id: "t\(i + 1)", start: clock(t), end: clock(t + 60), tags: [pick(["am", "pm"])]))
            t += 60
        }
        let roomCount = count(1...3)
        let rooms: [InputDocument.Room] = (0..<roomCount).map { r in
            .init(
                id: "r\(r + 1)", capacity: pick([nil, nil, 4, 10]), tags: chance(0.6) ? ["big"] : [],
                unavailable: chance(0.15) ? [.init(start: slots[0].start, end: slots[0].end)] : [])
        }
        let people: [InputDocument.Person] = (0..<count(1...3)).map { p in
            var person = InputDocument.Person(id: "p\(p + 1)")
            if chance(0.2) { person.available = [.init(start: slots[0].start, end: slots[slots.count - 1].start)] }
            if chance(0.2) { person.unavailable = [.init(start: slots[slots.count - 1].start, end: slots[slots.count - 1].end)] }
            return person
        }
        let sessionCount = count(2...5)
        var sessions: [InputDocument.Session] = []
        for s in 0..<sessionCount {
            var session = InputDocument.Session(id: "s\(s + 1)", duration: chance(0.2) ? 120 : 60)
            if roomCount > 1, chance(0.15) { session.rooms = 2 }
            session.exclusive = chance(0.1)
            if chance(0.15) { session.roomTags = ["big"] }
            if chance(0.15) { session.slotTags = [pick(["am", "pm"])] }
            session.facilitators = people.filter { _ in chance(0.25) }.map(\.id)
            if chance(0.25) { session.attendance = pick([3, 8]) }
            if chance(0.3) { session.track = "t" }
            if s > 0, chance(0.2) { session.after = ["s\(count(1...s))"] }
            if s > 0, chance(0.15) { session.notConcurrentWith = ["s\(count(1...s))"] }
            if chance(0.1) { session.pin = chance(0.5) ? .init(slot: pick(slots).id) : .init(room: pick(rooms).id) }
            if chance(0.3) { session.prefer = .init(slotTags: ["pm"], weight: count(1...2)) }
            if chance(0.25) {
                session.optional = true
                session.priority = count(1...2)
            }
            sessions.append(session)
        }
        let attendees: [InputDocument.Attendee] = (0..<count(0...5)).map { a in
            .init(id: "a\(a + 1)", interests: sessions.filter { _ in chance(0.6) }.map(\.id))
        }
        let weights = InputDocument.Weights(
            clash: count(1...3), preference: count(0...2), unscheduled: count(3...12),
            change: count(0...4), trackOverlap: count(0...2))
        var document = InputDocument(
            event: .init(name: "tiny \(seed)"), slots: slots, rooms: rooms, people: people,
            sessions: sessions, attendees: attendees, weights: weights)
        var richer = SplitMix(seed: UInt64(seed) ^ 0x5EED_0F_11_12)
        addRicherRules(&document, &richer)
        // The generator only writes valid documents; a failure here is a bug in it.
        guard let g = try? Gathering(document: document) else { preconditionFailure("tiny gathering \(seed) is invalid") }
        var previous: Agenda?
        if chance(0.3) {
            let placements = sessions.filter { _ in chance(0.6) }.map { s in
                Agenda.Placement(
                    session: s.id, start: pick(slots).id, rooms: Array(rooms.map(\.id).shuffled(using: &rng).prefix(s.rooms ?? 1)))
            }
            previous = Agenda(status: .feasible, placements: placements)
        } else if Double(richer.next() % 1000) < 300 {
            // A previous agenda for room changes, from the second generator.
            let placements = sessions.filter { _ in richer.next() % 10 < 6 }.map { s in
                Agenda.Placement(
                    session: s.id, start: slots[Int(richer.next() % UInt64(slots.count))].id,
                    rooms: Array(rooms.map(\.id).shuffled(using: &richer).prefix(s.rooms ?? 1)))
            }
            previous = Agenda(status: .feasible, placements: placements)
        }
        return Instance(seed: seed, gathering: g, previous: previous)
    }

    /// Sites on the rooms and a travel time, a second day, preferred hours, daily limits and the
    /// weights of the new costs.
    static func addRicherRules(_ document: inout InputDocument, _ rng: inout SplitMix) {
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) < p * 1000 }
        func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
        // A second day: the slots after the first break, and every time from then on, move by a day.
        if chance(0.4),
            let cut = document.slots.indices.dropFirst().first(where: { document.slots[$0 - 1].end != document.slots[$0].start })
        {
            let from = document.slots[cut].start
            func shift(_ time: String) -> String { time >= from ? time.replacingOccurrences(of: "-07T", with: "-08T") : time }
            func shift(_ windows: [InputDocument.Window]) -> [InputDocument.Window] {
                windows.map { .init(start: shift($0.start), end: shift($0.end)) }
            }
            for k in document.slots.indices {
                document.slots[k].start = shift(document.slots[k].start)
                document.slots[k].end = shift(document.slots[k].end)
            }
            for r in document.rooms.indices { document.rooms[r].unavailable = shift(document.rooms[r].unavailable) }
            for p in document.people.indices {
                document.people[p].available = shift(document.people[p].available)
                document.people[p].unavailable = shift(document.people[p].unavailable)
            }
        }
        if document.rooms.count > 1, chance(0.7) {
            for r in document.rooms.indices { document.rooms[r].site = chance(0.5) ? "north" : r == 0 ? nil : "south" }
            document.event.travelMinutes = [0, 30, 30, 60, 90][count(0...4)]
        }
        let slots = document.slots
        for p in document.people.indices {
            if chance(0.35) {
                let first = count(0...(slots.count - 1))
                let last = first + count(0...(slots.count - 1 - first))
                document.people[p].preferred = [.init(start: slots[first].start, end: slots[last].end)]
            }
            if chance(0.35) { document.people[p].maxPerDay = count(1...2) }
        }
        document.weights.personPreference = count(0...2)
        if chance(0.6) { document.weights.roomChange = count(0...6) }
    }
}

/// ``tinyOptima``, awaited on a thread of its own. The first use computes it (about a second of
/// a debug build), and every thread that uses it meanwhile waits: a test's own thread is one of
/// the few that every other test's tasks resume on.
package func awaitTinyOptima() async -> [BruteForce.Result] { await DedicatedThread.run { tinyOptima } }

/// The brute-force optimum of each tiny gathering `0..<tinySeeds`, computed once per test process
/// (in parallel) and shared by every solver's comparison.
package let tinySeeds = 200
package let tinyOptima: [BruteForce.Result] = {
    // A checked lock around the results: each seed's worker writes its own element.
    let results = Mutex<[BruteForce.Result?]>(Array(repeating: nil, count: tinySeeds))
    DispatchQueue.concurrentPerform(iterations: tinySeeds) { seed in
        let instance = TinyGatherings.make(seed: seed)
        let result = BruteForce.solve(instance.domain)
        results.withLock { $0[seed] = result }
    }
    return results.withLock { $0 }.map { $0 ?? BruteForce.Result(objective: nil, placements: nil, agendasSeen: 0) }
}()
