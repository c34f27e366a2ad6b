import ConveneCore

/// What both generators write the same way: the calendar, attendees' interests, closed rooms.
enum GeneratorParts {
    /// `YYYY-MM-DDTHH:MM` local to the zone, `minutes` after midnight on day `day` (0: 2030-06-03).
    static func localTime(day: Int, minutes: Int) -> String {
        let date = LocalTime.civil(fromDays: LocalTime.daysFromCivil(2030, 6, 3) + day)
        let text = "\(LocalTime.pad(date.0, 4))-\(LocalTime.pad(date.1))-\(LocalTime.pad(date.2))"
        return "\(text)T\(LocalTime.pad(minutes / 60)):\(LocalTime.pad(minutes % 60))"
    }

    /// Popularity-skewed interests (Zipf over a shuffled order of `choosable`), `perAttendee`
    /// sessions each, and how many attendees want each session.
    static func interests(
        ids: [String], choosable: [Int], attendees: Int, perAttendee: ClosedRange<Int> = 3...8, rng: inout SeededGenerator
    ) -> (attendees: [InputDocument.Attendee], wanted: [Int]) {
        var order = choosable
        order.shuffle(using: &rng)
        // Running sums, so that a pick is a binary search, not a walk over every session.
        var cumulative: [Double] = []
        cumulative.reserveCapacity(order.count)
        var total = 0.0
        for i in order.indices {
            total += 1.0 / Double(i + 1).squareRoot()
            cumulative.append(total)
        }
        var wanted = [Int](repeating: 0, count: ids.count)
        var list: [InputDocument.Attendee] = []
        for a in 0..<attendees where !order.isEmpty {
            var chosen = Set<Int>()
            let want = min(order.count, perAttendee.lowerBound + rng.below(perAttendee.count))
            var tries = 0
            while chosen.count < want && tries < want * 20 {
                tries += 1
                let x = Double(rng.next() >> 11) / Double(1 << 53) * total
                var low = 0
                var high = order.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] >= x { high = mid } else { low = mid + 1 }
                }
                chosen.insert(order[low])
            }
            for c in chosen { wanted[c] += 1 }
            list.append(.init(id: "a\(a + 1)", interests: chosen.sorted().map { ids[$0] }))
        }
        return (list, wanted)
    }

    /// Closes about one room in ten for one slot that the planted agenda leaves it empty.
    static func closeSomeRooms(
        _ rooms: inout [InputDocument.Room], slots: [InputDocument.Slot], isBusy: (Int, Int) -> Bool, rng: inout SeededGenerator
    ) {
        for r in rooms.indices where rng.chance(0.1) {
            if let k = slots.indices.first(where: { !isBusy(r, $0) && rng.chance(0.3) }) {
                rooms[r].unavailable = [.init(start: slots[k].start, end: slots[k].end)]
            }
        }
    }
}
