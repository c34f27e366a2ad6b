import ConveneCore

extension TightGatheringGenerator {
    /// The calendar and the rooms, which room-slots the planted agenda uses, and the planting.
    struct Grid {
        let rooms: Int
        let days: Int
        var slots: [InputDocument.Slot] = []
        /// Minutes of each slot.
        var minutes: [Int] = []
        var roomList: [InputDocument.Room]
        /// `busy[room * slots + slot]`: the planted agenda uses that room-slot.
        var busy: [Bool]
        /// The rooms open-space sessions need (tagged `breakout`): the last fifth.
        let breakout: Range<Int>
        let tracks: [String]

        /// Slots per half-day; a lunch break between the two half-days ends every chain.
        static let block = 4

        init(rooms: Int, days: Int, sessions: Int, rng: inout SeededGenerator) {
            self.rooms = rooms
            self.days = days
            // Each half-day is four hours in four slots of 30 to 90 minutes.
            let patterns = [[60, 60, 60, 60], [90, 30, 60, 60], [90, 90, 30, 30], [30, 60, 90, 60]]
            for d in 0..<days {
                for half in 0..<2 {
                    var lengths = patterns[rng.below(patterns.count)]
                    lengths.shuffle(using: &rng)
                    var t = half == 0 ? 9 * 60 : 14 * 60
                    for (i, m) in lengths.enumerated() {
                        slots.append(
                            .init(
                                id: "d\(d + 1)-\(half * Self.block + i + 1)", start: GeneratorParts.localTime(day: d, minutes: t),
                                end: GeneratorParts.localTime(day: d, minutes: t + m), tags: ["day\(d + 1)", half == 0 ? "am" : "pm"]))
                        minutes.append(m)
                        t += m
                    }
                }
            }
            let breakoutCount = rooms >= 3 ? max(3, rooms / 5) : 0
            let breakout = rooms - breakoutCount..<rooms
            self.breakout = breakout
            roomList = (0..<rooms).map { r in
                var tags = rng.chance(0.5) ? ["av"] : []
                if breakout.contains(r) {
                    tags.append("breakout")
                    return .init(id: "r\(r + 1)", name: "Room \(r + 1)", capacity: [20, 30, 40][rng.below(3)], tags: tags)
                }
                if rng.chance(0.12) { tags.append("lab") }
                return .init(id: "r\(r + 1)", name: "Room \(r + 1)", capacity: [20, 30, 40, 60, 80, 120, 200][rng.below(7)], tags: tags)
            }
            busy = Array(repeating: false, count: rooms * days * TightGatheringGenerator.slotsPerDay)
            let names = [
                "data", "design", "infrastructure", "community", "security", "research", "practice", "policy", "education", "health",
                "energy", "cities", "open source", "hardware", "languages", "science", "art", "law", "finance", "media",
            ]
            tracks = Array(names.prefix(max(2, min(names.count, sessions / 50))))
        }

        func isFree(_ r: Int, _ range: Range<Int>) -> Bool { range.allSatisfy { !busy[r * slots.count + $0] } }

        mutating func occupy(_ r: Int, _ range: Range<Int>) {
            for k in range { busy[r * slots.count + k] = true }
        }

        /// The first slot after the half-day of slot `k`: no chain crosses it.
        func blockEnd(_ k: Int) -> Int { (k / Self.block + 1) * Self.block }

        /// How many slots a session of `duration` minutes occupies from slot `k`; nil when the
        /// half-day ends first.
        func length(from k: Int, minutes duration: Int) -> Int? {
            var sum = 0
            for j in k..<blockEnd(k) {
                sum += minutes[j]
                if sum >= duration { return j - k + 1 }
            }
            return nil
        }

        /// The fewest slots a session of `duration` minutes occupies from any start.
        func leastLength(minutes duration: Int) -> Int {
            slots.indices.compactMap { length(from: $0, minutes: duration) }.min() ?? 1
        }

        /// Plants `count` non-optional sessions: multi-room sessions first, then runs of
        /// room-slots, row by row (a room on a day) in random order, each free room-slot taken
        /// with the probability that makes the sessions need `fill` of all room-slots (counting
        /// each where it needs fewest), each run as long as the average that goal leaves. Fewer
        /// when the room-slots run out.
        mutating func plantMandatory(_ count: Int, fill: Double, rng: inout SeededGenerator) -> [Entry] {
            var entries: [Entry] = []
            let slotCount = slots.count
            let goal = Int((fill * Double(rooms * slotCount)).rounded(.up))
            var least: [Int: Int] = [:]
            // The room-slots the planted sessions need at the least, and those they use.
            var used = 0
            var cells = 0
            let openSpaces = breakout.count >= 3 ? max(1, count / 40) : 0
            let panels = rooms >= 2 ? count / 50 : 0
            for n in 0..<openSpaces + panels where entries.count < count {
                let open = n < openSpaces
                let needed = open ? 3 : 2
                for _ in 0..<50 {
                    let k = rng.below(slotCount)
                    guard let length = length(from: k, minutes: open ? 90 : 60) else { continue }
                    let range = k..<k + length
                    var free = (open ? Array(breakout) : Array(0..<rooms)).filter { isFree($0, range) }
                    guard free.count >= needed else { continue }
                    free.shuffle(using: &rng)
                    let chosen = Array(free.prefix(needed))
                    for r in chosen { occupy(r, range) }
                    used += needed * leastLength(minutes: open ? 90 : 60)
                    cells += needed * length
                    entries.append(
                        .init(
                            format: open ? "open-space" : "panel", start: k, length: length, rooms: chosen, optional: false, planted: true))
                    break
                }
            }
            // Some half-days are busier than others, as at a real gathering.
            let load = (0..<days * 2).map { _ in [0.7, 1.0, 1.3][rng.below(3)] }
            var rows = Array(0..<rooms * days)
            rows.shuffle(using: &rng)
            var freeLeft = busy.lazy.filter { !$0 }.count
            let perDay = TightGatheringGenerator.slotsPerDay
            for row in rows where entries.count < count {
                let (r, d) = (row / days, row % days)
                var k = d * perDay
                while k < (d + 1) * perDay, entries.count < count {
                    guard !busy[r * slotCount + k] else {
                        k += 1
                        continue
                    }
                    let left = count - entries.count
                    guard rng.chance(load[k / Self.block] * Double(max(goal - used, left)) / Double(max(1, freeLeft))) else {
                        freeLeft -= 1
                        k += 1
                        continue
                    }
                    // Runs use more room-slots than they need at the least: aim at the need.
                    let average = max(1, Double(goal - used) / Double(left) * Double(cells) / Double(max(1, used)))
                    var length = min(4, Int(average) + (rng.chance(average - average.rounded(.down)) ? 1 : 0))
                    while length > 1 && !(k + length <= blockEnd(k) && isFree(r, k..<k + length)) { length -= 1 }
                    occupy(r, k..<k + length)
                    let duration = minutes[k..<k + length].reduce(0, +)
                    if least[duration] == nil { least[duration] = leastLength(minutes: duration) }
                    used += least[duration] ?? length
                    cells += length
                    freeLeft -= length
                    entries.append(
                        .init(
                            format: format(k, length, room: r, rng: &rng), start: k, length: length, rooms: [r], optional: false,
                            planted: true))
                    k += length
                }
            }
            // Sessions left over (the quiet half-days skipped more room-slots): the first free ones.
            for cell in busy.indices where entries.count < count && !busy[cell] {
                let (r, k) = (cell / slotCount, cell % slotCount)
                occupy(r, k..<k + 1)
                used += leastLength(minutes: minutes[k])
                entries.append(
                    .init(format: format(k, 1, room: r, rng: &rng), start: k, length: 1, rooms: [r], optional: false, planted: true))
            }
            // Short of the goal (the half-days cut runs short): lengthen runs into free room-slots.
            for _ in 0..<3 where used < goal {
                for e in entries.indices.shuffled(using: &rng) where used < goal && entries[e].rooms.count == 1 {
                    let (r, k, end) = (entries[e].rooms[0], entries[e].start, entries[e].start + entries[e].length)
                    guard end < blockEnd(k), isFree(r, end..<end + 1) else { continue }
                    let before = minutes[k..<end].reduce(0, +)
                    occupy(r, end..<end + 1)
                    used += leastLength(minutes: before + minutes[end]) - leastLength(minutes: before)
                    entries[e].length += 1
                    entries[e].format = format(k, entries[e].length, room: r, rng: &rng)
                }
            }
            return entries
        }

        /// An optional session written around a place of its own (one to three slots in a random
        /// room), planted only when that place is still free.
        mutating func optionalEntry(rng: inout SeededGenerator) -> Entry {
            let r = rng.below(rooms)
            let k = rng.below(slots.count)
            let length = min(1 + rng.below(3), blockEnd(k) - k)
            let planted = isFree(r, k..<k + length)
            if planted { occupy(r, k..<k + length) }
            return .init(
                format: format(k, length, room: r, rng: &rng), start: k, length: length, rooms: [r], optional: true, planted: planted)
        }

        /// The format of a one-room session that fills `length` slots from `k` exactly.
        private func format(_ k: Int, _ length: Int, room: Int, rng: inout SeededGenerator) -> String {
            let duration = minutes[k..<k + length].reduce(0, +)
            if duration <= 30 { return "lightning" }
            if duration > 90 { return "workshop" }
            return roomList[room].tags.contains("lab") && rng.chance(0.5) ? "lab" : "talk"
        }

        /// The session's requirements, all met where it is written around: its duration fills its
        /// slots, its rooms hold its attendance, its day and tags match.
        func writeRequirements(_ e: inout Entry, rng: inout SeededGenerator) {
            var s = InputDocument.Session(id: "", format: e.format)
            let duration = Double(minutes[e.start..<e.start + e.length].reduce(0, +))
            if e.format != "open-space" && e.format != "panel"
                && TightGatheringGenerator.formats.first(where: { $0.id == e.format })?.duration != duration
            {
                s.duration = duration
            }
            let seats = e.rooms.map { roomList[$0].capacity ?? 200 }.min() ?? 200
            s.attendance = e.rooms.count * Int(Double(seats) * (0.3 + 0.7 * Double(rng.below(1000)) / 1000))
            if e.rooms.allSatisfy({ roomList[$0].tags.contains("av") }) && rng.chance(0.3) { s.roomTags = ["av"] }
            if rng.chance(e.format == "open-space" ? 0.5 : 0.3) { s.slotTags = ["day\(e.start / TightGatheringGenerator.slotsPerDay + 1)"] }
            if e.format == "open-space" { s.pin = .init(room: roomList[e.rooms[rng.below(e.rooms.count)]].id) }
            if rng.chance(0.1) { s.prefer = .init(slotTags: [rng.chance(0.5) ? "am" : "pm"]) }
            if rng.chance(0.7) { s.track = tracks[rng.below(tracks.count)] }
            if e.optional {
                s.optional = true
                s.priority = 1 + rng.below(3)
            }
            e.session = s
        }
    }
}
