import ConveneCore

/// An agenda arranged for display: per day, the slots in time order and the rooms in use, with
/// each placement resolved. Every renderer starts from this.
package struct AgendaLayout: Sendable {
    package struct Day: Sendable {
        /// `Thu 19 Sep 2019`.
        package var title: String
        /// `2019-09-19`.
        package var date: String
        package var slots: [Int]
        /// Rooms used that day, in input order.
        package var rooms: [Int]
        /// Placements starting that day, by start slot then room.
        package var placements: [Assignment]
    }

    package let gathering: Gathering
    package let agenda: Agenda
    package let days: [Day]
    /// Each placed session's placement, by session index.
    package let placementOf: [Int: Assignment]

    /// Resolves an agenda's ids against the gathering; placements that do not resolve (a checked
    /// agenda has none) are left out.
    package init(agenda: Agenda, gathering g: Gathering) {
        self.gathering = g
        self.agenda = agenda
        let domain = Domain(g)
        var placements: [Assignment] = []
        for p in agenda.placements {
            guard let s = g.sessionIndex[p.session], let t = g.slotIndex[p.start], let chain = domain.chain(session: s, start: t) else {
                continue
            }
            placements.append(Assignment(session: s, start: t, slots: chain, rooms: p.rooms.compactMap { g.roomIndex[$0] }))
        }
        placementOf = Dictionary(placements.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        var days: [Day] = []
        for slot in g.slots {
            let c = LocalTime.components(slot.startSecond, in: g.timeZone)
            let date = "\(LocalTime.pad(c.year, 4))-\(LocalTime.pad(c.month))-\(LocalTime.pad(c.day))"
            if days.last?.date != date {
                days.append(
                    Day(
                        title: "\(LocalTime.dayLabel(slot.startSecond, in: g.timeZone)) \(c.year)", date: date, slots: [], rooms: [],
                        placements: []))
            }
            days[days.count - 1].slots.append(slot.index)
        }
        for d in days.indices {
            let starting = Set(days[d].slots)
            let here = placements.filter { starting.contains($0.start) }
                .sorted { ($0.start, $0.rooms.first ?? 0, $0.session) < ($1.start, $1.rooms.first ?? 0, $1.session) }
            days[d].placements = here
            days[d].rooms = Set(here.flatMap(\.rooms)).sorted()
        }
        self.days = days
    }

    package func title(_ session: Int) -> String { gathering.sessions[session].title ?? gathering.sessions[session].id }

    package func facilitators(_ session: Int) -> [String] {
        gathering.sessions[session].facilitatorIndices.map { gathering.people[$0].name ?? gathering.people[$0].id }
    }

    package func roomName(_ room: Int) -> String { gathering.rooms[room].name ?? gathering.rooms[room].id }

    package func formatName(_ session: Int) -> String? {
        gathering.sessions[session].formatIndex.map { gathering.formats[$0].label }
    }

    /// `09:00–10:30` for a run of slots.
    package func clock(_ slots: Range<Int>) -> String {
        guard let first = slots.first, let last = slots.last else { return "" }
        let g = gathering
        let zone = g.timeZone
        return LocalTime.clock(g.slots[first].startSecond, in: zone) + "–" + LocalTime.clock(g.slots[last].endSecond, in: zone)
    }

    /// The placement occupying `slot` in `room`, if any.
    package func occupant(slot: Int, room: Int, day: Day) -> Assignment? {
        day.placements.first { $0.slots.contains(slot) && $0.rooms.contains(room) }
    }
}

extension AgendaLayout {
    /// The placement's first instant and last.
    package func interval(_ p: Assignment) -> (start: Int, end: Int) {
        (gathering.slots[p.slots.lowerBound].startSecond, gathering.slots[p.slots.upperBound - 1].endSecond)
    }

    /// `2019-09-19T09:00:00-04:00`: local time with its UTC offset.
    package func isoDateTime(_ instant: Int) -> String { LocalTime.iso8601(instant, in: gathering.timeZone) }

    /// `HH:MM` of a placement's length (real minutes, so a slot across a clock change counts true).
    package func duration(_ p: Assignment) -> String {
        let (start, end) = interval(p)
        let minutes = (end - start) / 60
        return "\(LocalTime.pad(minutes / 60)):\(LocalTime.pad(minutes % 60))"
    }

    /// Every placement, day by day.
    package var placements: [Assignment] { days.flatMap(\.placements) }

}
