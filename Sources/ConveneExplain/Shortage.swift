import ConveneCore

extension ConflictExplainer {
    /// What runs short in a conflict: sessions that must all be placed, and fewer places, slots or
    /// days for them than they need, whatever else is decided. It is found among the sessions the
    /// conflict requires placed, with only the conflict's requirements in force, so it says why
    /// those requirements cannot hold together: `Rabb Hall (rabb) at Thu 19 Sep 09:00 is the only
    /// place 'A' (a) and 'B' (b) can go, and it holds one session at a time.`
    ///
    /// The value names the resource, the sessions and the places they compete for; ``sentence``
    /// says the rest in words (how many there are and are needed, whose rules, which days).
    public struct Shortage: Sendable, Hashable {
        /// The resource that runs short.
        public enum Kind: String, Sendable, Hashable {
            /// Rooms at times (rule 4): the sessions can only go to these places, a room in a slot
            /// each, and need more of them than there are.
            case places
            /// Time: no two of the sessions may run at the same time (rules 5, 6, 8), and they can
            /// only run in fewer slots than they need.
            case slots
            /// A person's daily limit (rule 12): their sessions can only start on these days, and
            /// they facilitate fewer a day than that takes.
            case days
        }

        /// A room in a slot (`places`), or a slot alone (`slots`), by id.
        public struct Place: Sendable, Hashable {
            /// The room; nil when the slot is what runs short.
            public var room: Room.ID?
            /// The slot.
            public var slot: Slot.ID
        }

        /// The resource that runs short.
        public var kind: Kind
        /// The sessions that compete for it.
        public var sessions: [Session.ID]
        /// The people whose rules make it short (the facilitators they share, or the person with
        /// the daily limit).
        package var people: [Person.ID]
        /// Every place (`places`) or slot (`slots`) the sessions can use; empty for `days`.
        public var places: [Place]
        /// The days their sessions can start on (`days`), as `YYYY-MM-DD` in the event's time zone.
        package var days: [String]
        /// How many there are: places, slots, or sessions the person may facilitate on those days.
        package var available: Int
        /// How many the sessions need at the least.
        package var needed: Int
        /// The shortage in words.
        public var sentence: String
    }
}

extension ConflictExplainer.Shortage {
    /// Subsets of at most this many sessions are tried one by one for the smallest shortage;
    /// beyond it only all of them together.
    static let subsetLimit = 12

    /// The smallest shortage among the sessions `core` requires placed, or nil when there is none:
    /// `core` is the domain with every requirement outside a conflict lifted. Places come before
    /// slots, and slots before days, among shortages of as many sessions.
    package static func find(in core: Domain) -> Self? {
        let g = core.gathering
        let must = g.sessions.indices.filter(core.mustPlace)
        guard must.count > 1 else { return nil }
        let finder = Finder(core: core, sessions: must)
        let sets: [[Int]]
        if must.count <= subsetLimit {
            let masks = (1..<(1 << must.count)).filter { $0.nonzeroBitCount > 1 }
                .sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
            sets = masks.map { mask in must.indices.filter { mask & (1 << $0) != 0 }.map { must[$0] } }
        } else {
            sets = [must]
        }
        for set in sets {
            if let found = finder.places(set) ?? finder.slots(set) ?? finder.days(set) { return found }
        }
        return nil
    }
}

/// What each session that must be placed can use, and the tests of the three shortages.
private struct Finder {
    let core: Domain
    let g: Gathering
    /// Per session: the room-slot cells (`room * slots + slot`) and slots its starts use, the days
    /// they start on, and the fewest cells and slots one of its placements takes.
    let cells: [Int: Set<Int>]
    let times: [Int: Set<Int>]
    let days: [Int: Set<Int>]
    let cellNeed: [Int: Int]
    let timeNeed: [Int: Int]

    init(core: Domain, sessions: [Int]) {
        self.core = core
        g = core.gathering
        var (cells, times, days, cellNeed, timeNeed) = ([Int: Set<Int>](), [Int: Set<Int>](), [Int: Set<Int>](), [Int: Int](), [Int: Int]())
        for s in sessions {
            let rooms = g.sessions[s].rooms
            for start in core.starts[s] {
                for k in start.slots { for r in start.rooms { cells[s, default: []].insert(r * g.slots.count + k) } }
                times[s, default: []].formUnion(start.slots)
                days[s, default: []].insert(core.dayOf[start.slot])
                cellNeed[s] = min(cellNeed[s] ?? Int.max, start.slots.count * rooms)
                timeNeed[s] = min(timeNeed[s] ?? Int.max, start.slots.count)
            }
        }
        (self.cells, self.times, self.days, self.cellNeed, self.timeNeed) = (cells, times, days, cellNeed, timeNeed)
    }

    /// Rule 4: the sessions' cells together are fewer than they need.
    func places(_ set: [Int]) -> ConflictExplainer.Shortage? {
        let union = set.reduce(into: Set<Int>()) { $0.formUnion(cells[$1] ?? []) }
        let needed = set.reduce(0) { $0 + (cellNeed[$1] ?? 0) }
        guard needed > union.count else { return nil }
        let places = union.sorted().map { (room: $0 / g.slots.count, slot: $0 % g.slots.count) }
        let one = set.allSatisfy { cellNeed[$0] == 1 }
        let text = placesText(places)
        let sentence: String
        if places.count == 1 && one {
            sentence = "\(text) is the only place \(labels(set)) can go, and it holds one session at a time."
        } else if one {
            sentence =
                "\(labels(set)) can only go to \(text), and each holds one session at a time: \(places.count) places for "
                + "\(set.count) sessions."
        } else {
            sentence =
                "\(labels(set)) can only go to \(text): \(places.count) places (a room in a slot) for sessions that need "
                + "\(needed) of them, each for its whole run of slots in as many rooms as it uses, and each holds one session at a time."
        }
        return .init(
            kind: .places, sessions: ids(set), people: [],
            places: places.map { .init(room: g.rooms[$0.room].id, slot: g.slots[$0.slot].id) }, days: [], available: places.count,
            needed: needed, sentence: sentence)
    }

    /// Rules 5, 6 and 8: no two of the sessions may share a slot, and their slots together are
    /// fewer than they need.
    func slots(_ set: [Int]) -> ConflictExplainer.Shortage? {
        var reasons: [Domain.Reason] = []
        for (i, a) in set.enumerated() {
            for b in set[(i + 1)...] {
                let why = core.whyNeverTogether(a, b)
                guard !why.isEmpty else { return nil }
                reasons += why
            }
        }
        let union = set.reduce(into: Set<Int>()) { $0.formUnion(times[$1] ?? []) }.sorted()
        let needed = set.reduce(0) { $0 + (timeNeed[$1] ?? 0) }
        guard needed > union.count else { return nil }
        var people: [Int] = []
        for case .sameFacilitator(let p) in reasons where !people.contains(p) { people.append(p) }
        var why: [String] = []
        if !people.isEmpty { why.append("shares a facilitator") }
        if reasons.contains(where: { if case .exclusive = $0 { true } else { false } }) { why.append("includes an exclusive session") }
        if reasons.contains(.apart) { why.append("must be kept apart") }
        let count = union.count == 1 ? "1 slot" : "\(union.count) slots"
        let amounts =
            needed == set.count
            ? "\(set.count) sessions for \(count)"
            : "they need \(needed) slots between them and have \(union.count)"
        let sentence =
            "\(labels(set)) can only run at \(timesText(union)), and no two of them can run at the same time (each pair "
            + "\(orList(why))): \(amounts)."
        return .init(
            kind: .slots, sessions: ids(set), people: people.sorted().map { g.people[$0].id },
            places: union.map { .init(room: nil, slot: g.slots[$0].id) }, days: [], available: union.count, needed: needed,
            sentence: sentence)
    }

    /// Rule 12: one person facilitates every session of the set, and can start no more of them
    /// a day than their limit on the days the sessions can start.
    func days(_ set: [Int]) -> ConflictExplainer.Shortage? {
        let common = set.dropFirst().reduce(Set(g.sessions[set[0]].facilitatorIndices)) {
            $0.intersection(g.sessions[$1].facilitatorIndices)
        }
        let union = set.reduce(into: Set<Int>()) { $0.formUnion(days[$1] ?? []) }.sorted()
        for p in common.sorted() {
            guard let most = core.dailyLimit(p), set.count > most * union.count else { continue }
            let starts = union.compactMap { d in g.slots.first { core.dayOf[$0.index] == d }?.startSecond }
            let names = starts.map { LocalTime.dayLabel($0, in: g.timeZone) }
            let dates = starts.map { instant in
                let c = LocalTime.components(instant, in: g.timeZone)
                return "\(LocalTime.pad(c.year, 4))-\(LocalTime.pad(c.month))-\(LocalTime.pad(c.day))"
            }
            let sentence =
                "\(labels(set)) can only start on \(names.joinedInWords), and \(g.people[p].label), who facilitates them, "
                + "facilitates at most \(most) \(most == 1 ? "session" : "sessions") a day."
            return .init(
                kind: .days, sessions: ids(set), people: [g.people[p].id], places: [], days: dates, available: most * union.count,
                needed: set.count, sentence: sentence)
        }
        return nil
    }

    private func ids(_ set: [Int]) -> [String] { set.map { g.sessions[$0].id } }

    private func labels(_ set: [Int]) -> String { set.map { g.sessions[$0].label }.joinedInWords }

    /// `a, b or c`.
    private func orList(_ items: [String]) -> String {
        items.count > 1 ? items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "") : items.joined()
    }

    /// `Mon 7 Jan 09:00 and 10:00; Tue 8 Jan 09:00`: slots' start times, day by day.
    private func timesText(_ slots: [Int]) -> String {
        var byDay: [(day: String, clocks: [String])] = []
        for k in slots {
            let day = LocalTime.dayLabel(g.slots[k].startSecond, in: g.timeZone)
            let clock = LocalTime.clock(g.slots[k].startSecond, in: g.timeZone)
            if byDay.last?.day == day { byDay[byDay.count - 1].clocks.append(clock) } else { byDay.append((day, [clock])) }
        }
        return byDay.map { "\($0.day) \($0.clocks.joinedInWords)" }.joined(separator: "; ")
    }

    /// `Rabb Hall (rabb) at Thu 19 Sep 09:00; Side (side) at Thu 19 Sep 09:00 and 10:00`: places,
    /// room by room.
    private func placesText(_ places: [(room: Int, slot: Int)]) -> String {
        var rooms: [Int] = []
        for place in places where !rooms.contains(place.room) { rooms.append(place.room) }
        return rooms.map { r in "\(g.rooms[r].label) at \(timesText(places.filter { $0.room == r }.map(\.slot)))" }
            .joined(separator: "; ")
    }
}
