import ConveneCore
import Foundation

/// Realistic, seeded test inputs at any size: plenaries, talks, two-slot workshops, labs, a
/// multi-room open-space block, rooms of mixed capacity and tags, facilitators with partial
/// availability (some remote, written with their own UTC offsets), popularity-skewed interests,
/// pins, precedences, tracks and optional sessions; on request, rooms at several sites with a
/// travel time between them (rule 11) and daily limits for some facilitators (rule 12).
///
/// Feasible by construction: it first plants an agenda (every session in a slot and rooms, no
/// room, facilitator or exclusive slot used twice, no facilitator due at another site sooner
/// than the travel time allows), then writes only requirements that the planted agenda meets
/// (tags of the rooms and slots it uses, availability around its slots, pins to its places,
/// `after` and `notConcurrentWith` it respects, attendance its rooms hold, daily limits no lower
/// than what it gives each person). Without sites and limits it writes the same input as before
/// they existed.
public struct GatheringGenerator: Sendable {
    package var sessions: Int
    package var rooms: Int
    package var days: Int
    package var attendees: Int
    /// How many sessions each attendee wants, at least and at most.
    package var interests: ClosedRange<Int>
    package var seed: UInt64
    /// How many sites the rooms are spread over (1: no `site` is written).
    package var sites: Int
    /// `event.travelMinutes` (rule 11).
    package var travelMinutes: Int
    /// The share of facilitators given a `maxPerDay` (rule 12): the most sessions the planted
    /// agenda gives them on one day.
    package var dailyLimitShare: Double
    /// The share of talks, workshops and labs (0 to 1) that take place twice (`sessions[].runs`),
    /// the second run planted after the first.
    package var runShare: Double
    /// Set by ``tight(sessions:rooms:days:attendees:interests:fill:seed:)``: the tight generator
    /// that writes the gathering instead.
    package var tight: TightGatheringGenerator?

    /// A generator of `sessions` sessions in `rooms` rooms over `days` days; the same arguments
    /// always give the same gathering. `travelTime` is written in whole minutes, rounded up.
    public init(
        sessions: Int, rooms: Int, days: Int, attendees: Int? = nil, interests: ClosedRange<Int> = 3...8, seed: UInt64 = 1,
        sites: Int = 1, travelTime: Duration = .zero, dailyLimitShare: Double = 0, runShare: Double = 0
    ) {
        self.sessions = max(1, sessions)
        self.rooms = max(1, rooms)
        self.days = max(1, days)
        self.attendees = attendees ?? max(10, sessions * 4 / 3)
        self.interests = max(1, interests.lowerBound)...max(1, interests.upperBound)
        self.seed = seed
        self.sites = min(max(1, sites), max(1, rooms))
        self.travelMinutes = Int(min(max(0, (travelTime / .seconds(60)).rounded(.up)), 100_000))
        self.dailyLimitShare = min(max(0, dailyLimitShare), 1)
        self.runShare = min(max(0, runShare), 1)
    }

    /// Site names, the main building first.
    static let siteNames = ["Main building", "North annex", "City library", "Conference centre", "Garden pavilion", "Harbour hall"]

    /// A generated gathering and the agenda it was written around.
    public struct Output: Sendable {
        package var document: InputDocument
        /// The agenda the requirements were written around: proof that one exists.
        package var planted: Agenda

        /// The generated input document as JSON (pretty, keys sorted): what `convene generate` writes.
        package var json: Data { Data(document.json.utf8) }

        /// The generated gathering, validated.
        ///
        /// - Throws: ``DiagnosticError`` if the generated document is not valid (a generator bug).
        public func gathering() throws(DiagnosticError) -> Gathering { try Gathering(document: document) }
    }

    static let zone = "America/New_York"

    /// A generator of inputs that leave a solver little room: the non-optional sessions need at
    /// least `fill` (72 % by default) of the room-slots, counted where each needs fewest, and the
    /// optional ones (43 %) ask for more than the rest. Days of eight slots of 30 to 90 minutes;
    /// `rooms` and `days` default to 30 and 5 for 1,000 sessions, both growing with the square
    /// root of the number of sessions (95 rooms and 16 days for 10,000). Feasible by construction,
    /// and linear in the size of the gathering: 10,000 sessions take a fraction of a second.
    public static func tight(
        sessions: Int, rooms: Int? = nil, days: Int? = nil, attendees: Int? = nil, interests: ClosedRange<Int> = 3...8,
        fill: Double = 0.72, seed: UInt64 = 1
    ) -> GatheringGenerator {
        var generator = GatheringGenerator(sessions: sessions, rooms: 1, days: 1, seed: seed)
        generator.tight = TightGatheringGenerator(
            sessions: sessions, rooms: rooms, days: days, attendees: attendees, interests: interests, fill: fill, seed: seed)
        return generator
    }

    /// Writes the input and the agenda it was written around.
    public func make() -> Output {
        if let tight { return tight.make() }
        var rng = SeededGenerator(seed: seed)
        // Slots: back-to-back hours from 09:00 with a lunch break after the fourth; enough of them
        // for every session with a quarter to spare.
        let perDay = min(11, max(5, Int((Double(sessions) * 1.3 / Double(rooms * days)).rounded(.up)) + 2))
        var slots: [InputDocument.Slot] = []
        var slotDay: [Int] = []
        var slotMinutes: [(start: Int, end: Int)] = []  // minutes since the first day's midnight
        for d in 0..<days {
            for k in 0..<perDay {
                let start = 9 * 60 + k * 60 + (k >= 4 ? 60 : 0)
                slots.append(
                    .init(
                        id: "d\(d + 1)-\(k + 1)", start: GeneratorParts.localTime(day: d, minutes: start),
                        end: GeneratorParts.localTime(day: d, minutes: start + 60),
                        tags: ["day\(d + 1)", k < 4 ? "morning" : "afternoon"]))
                slotDay.append(d)
                slotMinutes.append((d * 1440 + start, d * 1440 + start + 60))
            }
        }
        let slotCount = slots.count
        // Rooms: one or two large halls, then mixed sizes; some with AV, some labs.
        let large = rooms >= 8 ? 2 : 1
        var roomList: [InputDocument.Room] = (0..<rooms).map { r in
            if r < large {
                return .init(id: "hall-\(r + 1)", name: "Hall \(r + 1)", capacity: 250 + 50 * rng.below(3), tags: ["large", "av"])
            }
            let capacity = [30, 40, 60, 80, 120][rng.below(5)]
            var tags = rng.chance(0.5) ? ["av"] : []
            if rng.chance(0.15) { tags.append("lab") }
            return .init(id: "room-\(r + 1)", name: "Room \(r + 1)", capacity: capacity, tags: tags)
        }
        if sites > 1 {
            // The halls in the main building, the other rooms spread over every site in turn.
            for r in roomList.indices {
                let site = r < large ? 0 : (r - large) % sites
                roomList[r].site = site < Self.siteNames.count ? Self.siteNames[site] : "Site \(site + 1)"
            }
        }
        var roomBusy = [[Int]](repeating: [Int](repeating: -1, count: slotCount), count: rooms)
        var exclusiveSlot = [Bool](repeating: false, count: slotCount)

        let formats: [InputDocument.Format] = [
            .init(id: "plenary", name: "Plenary", duration: 60, exclusive: true, roomTags: ["large"]),
            .init(id: "talk", name: "Talk", duration: 60),
            .init(id: "workshop", name: "Workshop", duration: 120),
            .init(id: "lab", name: "Hands-on lab", duration: 60, roomTags: ["lab"]),
            .init(id: "open-space", name: "Open space", duration: 60, rooms: min(4, rooms)),
        ]
        // Plant the sessions: one plenary opening each day, one open-space block, then the rest.
        var planted: [(session: InputDocument.Session, slot: Int, rooms: [Int])] = []
        // Second runs, from a generator of their own so that the rest of the input stays the same.
        var runs = SeededGenerator(seed: seed ^ 0x52_554E_5332)
        var secondRun: [Int: (slot: Int, room: Int)] = [:]
        func free(_ r: Int, _ range: Range<Int>) -> Bool { range.allSatisfy { roomBusy[r][$0] < 0 && !exclusiveSlot[$0] } }
        func chain(_ k: Int, _ length: Int) -> Range<Int>? {
            let range = k..<k + length
            guard range.upperBound <= slotCount, Set(range.map { slotDay[$0] }).count == 1,
                !(range.contains(4 + slotDay[k] * perDay) && range.lowerBound != 4 + slotDay[k] * perDay)
            else { return nil }
            return range
        }
        var n = 0
        for d in 0..<min(days, sessions / 10) {
            let k = d * perDay
            guard roomBusy.allSatisfy({ $0[k] < 0 }) else { continue }
            exclusiveSlot[k] = true
            roomBusy[0][k] = n
            planted.append((.init(id: "s\(n + 1)", title: "Day \(d + 1) plenary", format: "plenary", attendance: attendees), k, [0]))
            n += 1
        }
        if sessions >= 40, rooms >= 4 {
            let k = perDay + 1 < slotCount ? perDay + 1 : 1
            let chosen = Array((0..<rooms).filter { roomBusy[$0][k] < 0 }.prefix(min(4, rooms)))
            if chosen.count == min(4, rooms) {
                for r in chosen { roomBusy[r][k] = n }
                planted.append((.init(id: "s\(n + 1)", title: "Open space", format: "open-space"), k, chosen))
                n += 1
            }
        }
        let labRooms = roomList.indices.filter { roomList[$0].tags.contains("lab") }
        var attempts = 0
        while n < sessions && attempts < sessions * 50 {
            attempts += 1
            let kind = rng.below(100)
            let format = kind < 15 ? "workshop" : kind < 22 && !labRooms.isEmpty ? "lab" : "talk"
            let length = format == "workshop" ? 2 : 1
            let k = rng.below(slotCount)
            guard let range = chain(k, length) else { continue }
            let candidates = (format == "lab" ? labRooms : Array(large..<rooms) + (rng.chance(0.1) ? [0] : []))
                .filter { free($0, range) }
            guard !candidates.isEmpty else { continue }
            let r = candidates[rng.below(candidates.count)]
            for t in range { roomBusy[r][t] = n }
            var session = InputDocument.Session(
                id: "s\(n + 1)", title: "\(format == "workshop" ? "Workshop" : format == "lab" ? "Lab" : "Talk") \(n + 1)", format: format)
            if format == "talk", roomList[r].tags.contains("av"), rng.chance(0.3) { session.roomTags = ["av"] }
            if runShare > 0, runs.chance(runShare) {
                // A later chain on any day, in a room of the same kind that is free then.
                let later = (range.upperBound..<slotCount).compactMap { chain($0, length) }
                if !later.isEmpty {
                    let next = later[runs.below(later.count)]
                    let rooms = (format == "lab" ? labRooms : Array(large..<rooms)).filter {
                        free($0, next) && Set(session.roomTags).isSubset(of: roomList[$0].tags)
                    }
                    if !rooms.isEmpty {
                        let room = rooms[runs.below(rooms.count)]
                        for t in next { roomBusy[room][t] = n }
                        secondRun[planted.count] = (next.lowerBound, room)
                        session.runs = 2
                    }
                }
            }
            planted.append((session, k, [r]))
            n += 1
        }

        // Facilitators: each planted session gets one or two people free at its slots.
        var people: [InputDocument.Person] = []
        var personBusy: [Set<Int>] = []
        var personPlaced: [[(slots: Range<Int>, sites: Set<String>)]] = []
        // Rule 11 in the planted agenda: sessions at other sites at least the travel time apart.
        func canTravel(_ person: Int, _ range: Range<Int>, _ sites: Set<String>) -> Bool {
            guard travelMinutes > 0 else { return true }
            return personPlaced[person].allSatisfy { other in
                guard other.sites != sites else { return true }
                let (first, second) = other.slots.lowerBound < range.lowerBound ? (other.slots, range) : (range, other.slots)
                return slotMinutes[second.lowerBound].start - slotMinutes[first.upperBound - 1].end >= travelMinutes
            }
        }
        for p in planted.indices {
            let length = planted[p].session.format == "workshop" ? 2 : 1
            let range = chain(planted[p].slot, length) ?? planted[p].slot..<planted[p].slot + 1
            let sites = Set(planted[p].rooms.map { roomList[$0].site ?? "" })
            // Every run: the facilitators run each one.
            var places = [(range, sites)]
            if let second = secondRun[p] {
                places.append((second.slot..<second.slot + length, [roomList[second.room].site ?? ""]))
            }
            let want = rng.chance(0.25) ? 2 : 1
            for _ in 0..<want {
                let reuse = people.indices.filter { person in
                    !planted[p].session.facilitators.contains(people[person].id)
                        && places.allSatisfy { personBusy[person].isDisjoint(with: $0.0) && canTravel(person, $0.0, $0.1) }
                }
                let person: Int
                if !reuse.isEmpty && rng.chance(0.6) {
                    person = reuse[rng.below(reuse.count)]
                } else {
                    person = people.count
                    people.append(.init(id: "p\(person + 1)", name: "Speaker \(person + 1)"))
                    personBusy.append([])
                    personPlaced.append([])
                }
                for (slots, sites) in places {
                    personBusy[person].formUnion(slots)
                    personPlaced[person].append((slots, sites))
                }
                planted[p].session.facilitators.append(people[person].id)
            }
        }
        // Availability around what each person does: some only on their days, some remote.
        let tz = TimeZone(identifier: Self.zone) ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        let dayWindow: (Int) -> (Int, Int) = { d in
            let first = slots[d * perDay]
            let last = slots[d * perDay + perDay - 1]
            let s = (try? LocalTime.instant(first.start, in: tz).get()) ?? 0
            let e = (try? LocalTime.instant(last.end, in: tz).get()) ?? 0
            return (s, e)
        }
        for p in people.indices where !personBusy[p].isEmpty {
            let busyDays = Set(personBusy[p].map { slotDay[$0] }).sorted()
            let roll = rng.below(100)
            if roll < 25 {
                people[p].available = busyDays.map { d in
                    let (s, e) = dayWindow(d)
                    return .init(start: LocalTime.format(s, in: tz), end: LocalTime.format(e, in: tz))
                }
            } else if roll < 35 {
                // Remote: their own daytime, written with their offset (UTC+1 or UTC+2).
                let offset = (rng.chance(0.5) ? 1 : 2) * 3600
                let theirs = TimeZone(secondsFromGMT: offset) ?? tz
                let sign = "+0\(offset / 3600):00"
                people[p].available = busyDays.map { d in
                    let (s, e) = dayWindow(d)
                    return .init(start: LocalTime.format(s, in: theirs) + sign, end: LocalTime.format(e, in: theirs) + sign)
                }
            } else if roll < 45, let d = (0..<days).first(where: { !busyDays.contains($0) }) {
                let (s, e) = dayWindow(d)
                people[p].unavailable = [.init(start: LocalTime.format(s, in: tz), end: LocalTime.format(e, in: tz))]
            }
        }
        // Daily limits, from a generator of their own so that the rest of the input stays the same.
        if dailyLimitShare > 0 {
            var limits = SeededGenerator(seed: seed ^ 0xDA17_11A1)
            for p in people.indices where !personPlaced[p].isEmpty && limits.chance(dailyLimitShare) {
                var perDay: [Int: Int] = [:]
                for placed in personPlaced[p] { perDay[slotDay[placed.slots.lowerBound], default: 0] += 1 }
                people[p].maxPerDay = perDay.values.max() ?? 1
            }
        }
        // Tracks, preferences, pins, precedences, optional sessions.
        let tracks = ["data", "design", "infrastructure", "community", "security", "research", "practice", "policy"]
            .prefix(max(2, min(8, sessions / 15)))
        for p in planted.indices {
            let exclusive = planted[p].session.format == "plenary"
            if !exclusive, rng.chance(0.7) { planted[p].session.track = tracks[rng.below(tracks.count)] }
            if rng.chance(0.1) { planted[p].session.prefer = .init(slotTags: [rng.chance(0.5) ? "morning" : "afternoon"]) }
            if rng.chance(0.03) || exclusive && rng.chance(0.5) {
                planted[p].session.pin = .init(
                    slot: slots[planted[p].slot].id,
                    room: rng.chance(0.5) && secondRun[p].map({ $0.room == planted[p].rooms[0] }) != false
                        ? roomList[planted[p].rooms[0]].id : nil)
            }
            if !exclusive, rng.chance(0.05) {
                planted[p].session.optional = true
                planted[p].session.priority = 1 + rng.below(3)
            }
            if rng.chance(0.05) {
                let earlier = planted.indices.filter { planted[$0].slot + 2 <= planted[p].slot && $0 != p }
                if !earlier.isEmpty { planted[p].session.after = [planted[earlier[rng.below(earlier.count)]].session.id] }
            }
        }
        // Interests: popularity-skewed, `interests` sessions each.
        let (attendeeList, interestCount) = GeneratorParts.interests(
            ids: planted.map(\.session.id), choosable: planted.indices.filter { planted[$0].session.format != "plenary" },
            attendees: attendees, perAttendee: interests, rng: &rng)
        // Attendance the planted rooms hold: sign-ups are capped at the room's seats.
        for p in planted.indices {
            let used = planted[p].rooms + (secondRun[p].map { [$0.room] } ?? [])
            let seats = used.map { roomList[$0].capacity ?? Int.max }.min() ?? Int.max
            let places = planted[p].rooms.count * (planted[p].session.runs ?? 1)
            let perRoom = (interestCount[p] + places - 1) / places
            if planted[p].session.format == "plenary" {
                planted[p].session.attendance = min(attendees, seats)
            } else if perRoom > seats {
                planted[p].session.attendance = seats * places
            }
        }
        // Some rooms are closed in slots the planted agenda leaves them empty.
        GeneratorParts.closeSomeRooms(&roomList, slots: slots, isBusy: { roomBusy[$0][$1] >= 0 }, rng: &rng)
        let document = InputDocument(
            event: .init(
                name: "Generated gathering (\(sessions) sessions, seed \(seed))", timeZone: Self.zone,
                travelMinutes: travelMinutes > 0 ? travelMinutes : nil),
            slots: slots, rooms: roomList, formats: formats, people: people,
            sessions: planted.map(\.session), attendees: attendeeList,
            weights: .init(clash: 1, preference: 1, unscheduled: 100, change: 10, trackOverlap: 1))
        let agenda = Agenda(
            status: .feasible, solver: "generator",
            placements: planted.indices.flatMap { p in
                let first = Agenda.Placement(
                    session: planted[p].session.id, start: slots[planted[p].slot].id, rooms: planted[p].rooms.map { roomList[$0].id })
                guard let second = secondRun[p] else { return [first] }
                return [
                    first, .init(session: planted[p].session.id, run: 2, start: slots[second.slot].id, rooms: [roomList[second.room].id]),
                ]
            })
        return Output(document: document, planted: agenda)
    }
}
