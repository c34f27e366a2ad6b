import Foundation

/// Realistic, seeded test inputs at any size: plenaries, talks, two-slot workshops, labs, a
/// multi-room open-space block, rooms of mixed capacity and tags, facilitators with partial
/// availability (some remote, written with their own UTC offsets), popularity-skewed interests,
/// pins, precedences, tracks and optional sessions.
///
/// Feasible by construction: it first plants an agenda (every session in a slot and rooms, no
/// room, facilitator or exclusive slot used twice), then writes only requirements that the
/// planted agenda meets (tags of the rooms and slots it uses, availability around its slots,
/// pins to its places, `after` and `notConcurrentWith` it respects, attendance its rooms hold).
public struct GatheringGenerator: Sendable {
    public var sessions: Int
    public var rooms: Int
    public var days: Int
    public var attendees: Int
    /// How many sessions each attendee wants, at least and at most.
    public var interests: ClosedRange<Int>
    public var seed: UInt64

    public init(sessions: Int, rooms: Int, days: Int, attendees: Int? = nil, interests: ClosedRange<Int> = 3...8, seed: UInt64 = 1) {
        self.sessions = max(1, sessions)
        self.rooms = max(1, rooms)
        self.days = max(1, days)
        self.attendees = attendees ?? max(10, sessions * 4 / 3)
        self.interests = max(1, interests.lowerBound)...max(1, interests.upperBound)
        self.seed = seed
    }

    public struct Output: Sendable {
        public var document: InputDocument
        /// The agenda the requirements were written around: proof that one exists.
        public var planted: Agenda
    }

    static let zone = "America/New_York"

    public func make() -> Output {
        var rng = SeededGenerator(seed: seed)
        // Slots: back-to-back hours from 09:00 with a lunch break after the fourth; enough of them
        // for every session with a quarter to spare.
        let perDay = min(11, max(5, Int((Double(sessions) * 1.3 / Double(rooms * days)).rounded(.up)) + 2))
        var slots: [InputDocument.Slot] = []
        var slotDay: [Int] = []
        for d in 0..<days {
            for k in 0..<perDay {
                let start = 9 * 60 + k * 60 + (k >= 4 ? 60 : 0)
                let date = LocalTime.civil(fromDays: LocalTime.daysFromCivil(2030, 6, 3) + d)
                func at(_ m: Int) -> String {
                    let day = "\(LocalTime.pad(date.0, 4))-\(LocalTime.pad(date.1))-\(LocalTime.pad(date.2))"
                    return "\(day)T\(LocalTime.pad(m / 60)):\(LocalTime.pad(m % 60))"
                }
                slots.append(
                    .init(
                        id: "d\(d + 1)-\(k + 1)", start: at(start), end: at(start + 60),
                        tags: ["day\(d + 1)", k < 4 ? "morning" : "afternoon"]))
                slotDay.append(d)
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
            planted.append((session, k, [r]))
            n += 1
        }

        // Facilitators: each planted session gets one or two people free at its slots.
        var people: [InputDocument.Person] = []
        var personBusy: [Set<Int>] = []
        for p in planted.indices {
            let range = chain(planted[p].slot, planted[p].session.format == "workshop" ? 2 : 1) ?? planted[p].slot..<planted[p].slot + 1
            let want = rng.chance(0.25) ? 2 : 1
            for _ in 0..<want {
                let reuse = people.indices.filter {
                    personBusy[$0].isDisjoint(with: range) && !planted[p].session.facilitators.contains(people[$0].id)
                }
                let person: Int
                if !reuse.isEmpty && rng.chance(0.6) {
                    person = reuse[rng.below(reuse.count)]
                } else {
                    person = people.count
                    people.append(.init(id: "p\(person + 1)", name: "Speaker \(person + 1)"))
                    personBusy.append([])
                }
                personBusy[person].formUnion(range)
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
        // Tracks, preferences, pins, precedences, optional sessions.
        let tracks = ["data", "design", "infrastructure", "community", "security", "research", "practice", "policy"]
            .prefix(max(2, min(8, sessions / 15)))
        for p in planted.indices {
            let exclusive = planted[p].session.format == "plenary"
            if !exclusive, rng.chance(0.7) { planted[p].session.track = tracks[rng.below(tracks.count)] }
            if rng.chance(0.1) { planted[p].session.prefer = .init(slotTags: [rng.chance(0.5) ? "morning" : "afternoon"]) }
            if rng.chance(0.03) || exclusive && rng.chance(0.5) {
                planted[p].session.pin = .init(
                    slot: slots[planted[p].slot].id, room: rng.chance(0.5) ? roomList[planted[p].rooms[0]].id : nil)
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
        // Interests: popularity-skewed (Zipf over a shuffled order), `interests` sessions each.
        let choosable = planted.indices.filter { planted[$0].session.format != "plenary" }
        var order = choosable
        order.shuffle(using: &rng)
        let popularity = order.indices.map { 1.0 / Double($0 + 1).squareRoot() }
        let totalPopularity = popularity.reduce(0, +)
        var interestCount = [Int](repeating: 0, count: planted.count)
        var attendeeList: [InputDocument.Attendee] = []
        for a in 0..<attendees where !order.isEmpty {
            var chosen = Set<Int>()
            let want = min(order.count, interests.lowerBound + rng.below(interests.count))
            var guardCount = 0
            while chosen.count < want && guardCount < want * 20 {
                guardCount += 1
                var x = Double(rng.next() >> 11) / Double(1 << 53) * totalPopularity
                var pick = order.count - 1
                for (i, w) in popularity.enumerated() {
                    x -= w
                    if x <= 0 {
                        pick = i
                        break
                    }
                }
                chosen.insert(order[pick])
            }
            for c in chosen { interestCount[c] += 1 }
            attendeeList.append(.init(id: "a\(a + 1)", interests: chosen.sorted().map { planted[$0].session.id }))
        }
        // Attendance the planted rooms hold: sign-ups are capped at the room's seats.
        for p in planted.indices {
            let seats = planted[p].rooms.map { roomList[$0].capacity ?? Int.max }.min() ?? Int.max
            let perRoom = (interestCount[p] + planted[p].rooms.count - 1) / planted[p].rooms.count
            if planted[p].session.format == "plenary" {
                planted[p].session.attendance = min(attendees, seats)
            } else if perRoom > seats {
                planted[p].session.attendance = seats * planted[p].rooms.count
            }
        }
        // Some rooms are closed in slots the planted agenda leaves them empty.
        for r in roomList.indices where rng.chance(0.1) {
            if let k = (0..<slotCount).first(where: { roomBusy[r][$0] < 0 && rng.chance(0.3) }) {
                roomList[r].unavailable = [.init(start: slots[k].start, end: slots[k].end)]
            }
        }
        let document = InputDocument(
            event: .init(name: "Generated gathering (\(sessions) sessions, seed \(seed))", timeZone: Self.zone),
            slots: slots, rooms: roomList, formats: formats, people: people,
            sessions: planted.map(\.session), attendees: attendeeList,
            weights: .init(clash: 1, preference: 1, unscheduled: 100, change: 10, trackOverlap: 1))
        let agenda = Agenda(
            status: .feasible, solver: "generator",
            placements: planted.map { .init(session: $0.session.id, start: slots[$0.slot].id, rooms: $0.rooms.map { roomList[$0].id }) })
        return Output(document: document, planted: agenda)
    }
}

extension InputDocument {
    /// The document as deterministic, pretty JSON (keys sorted).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
