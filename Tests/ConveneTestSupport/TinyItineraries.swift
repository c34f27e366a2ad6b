import Convene
import Foundation

/// Seeded tiny gatherings with a valid agenda, for itineraries: back-to-back hour slots, rooms
/// of 1 to 3 seats (sometimes at two sites, with a travel time), sessions held once or twice
/// (sometimes with fewer `seats` than their rooms), attendees wanting 1 to 4 of them, and one
/// attendee linked to the person who facilitates the first session. The agenda is built by hand
/// (every run in its own slot and room), so the instances cover seats, runs, travel and
/// facilitating without a solver.
package enum TinyItineraries {
    package struct Instance: Sendable {
        package var seed: Int
        package var gathering: Gathering
        package var agenda: Agenda
    }

    /// `scale` multiplies the slots, rooms and sessions, and the attendees ten-fold past 1: the
    /// fast planner's validity is tested beyond what enumeration can reach.
    package static func make(seed: Int, scale: Int = 1) throws -> Instance {
        var rng = SplitMix(seed: UInt64(seed) &+ 0x17_1E_A4)
        func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
        func chance(_ p: Double) -> Bool { Double(rng.next() % 1000) < p * 1000 }
        let slotCount = count(3 * scale...5 * scale)
        let roomCount = count(2 * scale...3 * scale)
        let travel = chance(0.35)
        let slots = (0..<slotCount).map { i in
            // Ten hours a day, from 09:00.
            let (day, hour) = (7 + i / 10, 9 + i % 10)
            return #"{"id": "t\#(i + 1)", "start": "\#(clock(hour * 60, day: day))", "end": "\#(clock(hour * 60 + 60, day: day))"}"#
        }
        let rooms = (0..<roomCount).map { r in
            let capacity = chance(0.15) ? "" : #", "capacity": \#(count(1...3))"#
            let site = travel ? #", "site": "\#(r % 2 == 0 ? "north" : "south")""# : ""
            return #"{"id": "r\#(r + 1)"\#(capacity)\#(site)}"#
        }
        // Every (slot, room) cell holds at most one run; a session's runs take different slots.
        var free = (0..<slotCount).flatMap { t in (0..<roomCount).map { (t, $0) } }
        var sessions: [String] = []
        var placements: [String] = []
        for s in 0..<count(2 * scale...4 * scale) {
            let runs = chance(0.45) ? 2 : 1
            var cells: [(Int, Int)] = []
            for _ in 0..<runs {
                // The facilitated session stays in room 1, so that its facilitator never travels.
                let open = free.filter { cell in !cells.contains { $0.0 == cell.0 } && (s > 0 || cell.1 == 0) }
                guard !open.isEmpty else { break }
                let cell = open[Int(rng.next() % UInt64(open.count))]
                cells.append(cell)
                free.removeAll { $0 == cell }
            }
            guard !cells.isEmpty else { break }
            cells.sort { $0.0 < $1.0 }
            let seats = chance(0.3) ? #", "seats": \#(count(1...2))"# : ""
            let facilitators = s == 0 ? #", "facilitators": ["p1"]"# : ""
            sessions.append(
                #"{"id": "s\#(s + 1)", "duration": 60, "attendance": 1, "runs": \#(cells.count)\#(seats)\#(facilitators)}"#)
            for (k, cell) in cells.enumerated() {
                placements.append(#"{"session": "s\#(s + 1)", "run": \#(k + 1), "start": "t\#(cell.0 + 1)", "rooms": ["r\#(cell.1 + 1)"]}"#)
            }
        }
        let attendees = (0..<count(2...6) * (scale == 1 ? 1 : 10 * scale)).map { a in
            let wants = (1...sessions.count).filter { _ in chance(scale == 1 ? 0.55 : 0.3) }.map { "\"s\($0)\"" }.joined(separator: ", ")
            let person = a == 0 && chance(0.6) ? #", "person": "p1""# : ""
            return #"{"id": "a\#(a + 1)", "interests": [\#(wants)]\#(person)}"#
        }
        let input = """
            {"convene": 1, "event": {"name": "tiny itineraries \(seed)"\(travel ? ", \"travelMinutes\": 30" : "")},
             "slots": [\(slots.joined(separator: ", "))], "rooms": [\(rooms.joined(separator: ", "))],
             "people": [{"id": "p1"}], "sessions": [\(sessions.joined(separator: ", "))],
             "attendees": [\(attendees.joined(separator: ", "))]}
            """
        let gathering = try Gathering(json: Data(input.utf8))
        let agenda = try Agenda.load(
            Data(#"{"convene": 1, "status": "feasible", "placements": [\#(placements.joined(separator: ", "))]}"#.utf8))
        return Instance(seed: seed, gathering: gathering, agenda: agenda.value)
    }
}

/// The most (attendee, wanted session) pairs any itineraries serve, by enumeration written apart
/// from the planners: every attendee's itineraries (one run or none per wanted session, the runs
/// they facilitate always), pairwise apart in time and, at different sites, by the travel time;
/// then every combination of them within the seats.
package enum ItineraryBruteForce {
    package struct Run: Hashable {
        var session: String
        var run: Int
        var start: Int
        var end: Int
        var sites: [String]
        var seats: Int?
    }

    /// nil when the enumeration would pass `nodeLimit` combinations.
    package static func optimum(
        _ gathering: Gathering, _ agenda: Agenda, seats: [String: Int], travelMinutes: Int, nodeLimit: Int = 2_000_000
    ) -> Int? {
        let zone = gathering.timeZone
        func instant(_ text: String?) -> Int { text.flatMap { try? LocalTime.instant($0, in: zone).get() } ?? 0 }
        let roomSite = Dictionary(uniqueKeysWithValues: gathering.rooms.map { ($0.id, $0.site) })
        let capacity = Dictionary(uniqueKeysWithValues: gathering.rooms.map { ($0.id, $0.capacity) })
        let runs: [Run] = agenda.placements.map { p in
            let slot = gathering.slots.first { $0.id == p.start }
            var roomSeats: Int? = 0
            for r in p.rooms {
                if let total = roomSeats, let c = capacity[r] ?? nil { roomSeats = total + c } else { roomSeats = nil }
            }
            return Run(
                session: p.session, run: p.run, start: slot.map { Int($0.start.timeIntervalSince1970) } ?? instant(p.startTime),
                end: slot.map { Int($0.end.timeIntervalSince1970) } ?? instant(p.endTime),
                sites: Set(p.rooms.compactMap { roomSite[$0] }).sorted(),
                seats: seats[p.session] ?? roomSeats)
        }
        func clash(_ x: Run, _ y: Run) -> Bool {
            if x.start < y.end && y.start < x.end { return true }
            guard x.sites != y.sites else { return false }
            let gap = x.start >= y.end ? x.start - y.end : y.start - x.end
            return gap < travelMinutes * 60
        }
        // Per attendee: each valid itinerary as (runs taking a seat, pairs served).
        var options: [[(seated: [Int], served: Int)]] = []
        var fixed = 0
        for attendee in gathering.attendees {
            let facilitated = Set(attendee.person.map { p in gathering.sessions.filter { $0.facilitators.contains(p) }.map(\.id) } ?? [])
            let wanted = attendee.interests
            let mine = runs.indices.filter { facilitated.contains(runs[$0].session) }
            fixed += wanted.filter { w in facilitated.contains(w) && runs.contains { $0.session == w } }.count
            let choices = wanted.filter { !facilitated.contains($0) }.map { w in runs.indices.filter { runs[$0].session == w } }
            var found: [(seated: [Int], served: Int)] = []
            func walk(_ k: Int, _ picked: [Int]) {
                guard k < choices.count else {
                    found.append((picked, picked.count))
                    return
                }
                walk(k + 1, picked)
                for r in choices[k] where !(picked + mine).contains(where: { clash(runs[$0], runs[r]) }) { walk(k + 1, picked + [r]) }
            }
            walk(0, [])
            options.append(found.sorted { $0.served > $1.served })
        }
        var taken = [Int](repeating: 0, count: runs.count)
        var best = 0
        var nodes = 0
        // What the attendees from `a` on could serve at most, seats aside.
        var rest = [Int](repeating: 0, count: options.count + 1)
        for a in options.indices.reversed() { rest[a] = rest[a + 1] + (options[a].first?.served ?? 0) }
        func combine(_ a: Int, _ served: Int) {
            nodes += 1
            guard a < options.count else {
                best = max(best, served)
                return
            }
            guard served + rest[a] > best, nodes < nodeLimit else { return }
            for option in options[a] where option.seated.allSatisfy({ r in runs[r].seats.map { taken[r] < $0 } ?? true }) {
                for r in option.seated { taken[r] += 1 }
                combine(a + 1, served + option.served)
                for r in option.seated { taken[r] -= 1 }
            }
        }
        combine(0, 0)
        return nodes < nodeLimit ? best + fixed : nil
    }
}

/// A small gathering and agenda for the itinerary checker's and command's tests.
package enum ItineraryFixture {
    /// Three hour slots; r1 (2 seats, north) and r2 (1 seat, south), 30 minutes apart. `lab` runs
    /// twice with one seat; a1 is p1, who facilitates `fac`.
    package static let input = """
        {"convene": 1, "event": {"name": "Checker", "travelMinutes": 30},
         "slots": [{"id": "t1", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"},
                   {"id": "t2", "start": "2030-01-07T10:00", "end": "2030-01-07T11:00"},
                   {"id": "t3", "start": "2030-01-07T11:00", "end": "2030-01-07T12:00"}],
         "rooms": [{"id": "r1", "capacity": 2, "site": "north"}, {"id": "r2", "capacity": 1, "site": "south"}],
         "people": [{"id": "p1"}],
         "sessions": [{"id": "lab", "duration": 60, "runs": 2, "seats": 1, "attendance": 1},
                      {"id": "talk", "duration": 60, "attendance": 1},
                      {"id": "walk", "duration": 60, "attendance": 1},
                      {"id": "fac", "duration": 60, "attendance": 1, "facilitators": ["p1"]}],
         "attendees": [{"id": "a1", "interests": ["talk", "lab"], "person": "p1"},
                       {"id": "a2", "interests": ["lab", "talk", "walk"]},
                       {"id": "a3", "interests": ["lab", "talk", "walk"]}]}
        """
    package static let agenda = """
        {"convene": 1, "status": "feasible", "placements": [
          {"session": "lab", "run": 1, "start": "t1", "rooms": ["r2"]},
          {"session": "talk", "start": "t1", "rooms": ["r1"]},
          {"session": "lab", "run": 2, "start": "t2", "rooms": ["r1"]},
          {"session": "fac", "start": "t2", "rooms": ["r2"]},
          {"session": "walk", "start": "t3", "rooms": ["r2"]}]}
        """
}
