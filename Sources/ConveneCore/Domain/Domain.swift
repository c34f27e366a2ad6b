/// What is possible for each session on its own: its valid starts (chain rule, slot tags,
/// facilitators' availability, pinned slot, the frozen past and the sessions held in place) and,
/// per start, the rooms it may use
/// (tags, capacity, unavailability, pinned room). Computed once per solve or check and shared by
/// the checker, the solvers and the explainer, in time linear in the input plus the placements.
package struct Domain: Sendable {
    /// One possible start of a session.
    package struct Start: Sendable, Hashable {
        package var slot: Int
        /// The occupied slots.
        package var slots: Range<Int>
        /// Rooms usable for the whole chain, sorted; at least the session's `rooms` of them.
        package var rooms: [Int]
        /// Rooms every room set at this start must include: the pinned room, or for a frozen
        /// session all of its rooms. Sorted, a subset of `rooms`.
        package var required: [Int]
    }

    package let gathering: Gathering
    package let chains: Chains
    /// `starts[session]`, by start slot.
    package private(set) var starts: [[Start]]
    /// `suitableRooms[session]`: rooms with the session's tags and enough capacity, at any time.
    package let suitableRooms: [[Int]]
    /// `roomOpen[room][slot]`: no unavailable window of the room overlaps the slot.
    package let roomOpen: [[Bool]]
    /// `personFree[person][slot]`: hard rule 5's availability for that slot.
    package let personFree: [[Bool]]
    /// The agenda being replanned, if any.
    package let previous: PreviousAgenda?
    /// Rule 10's time, in seconds since 1970; nil when nothing is frozen.
    package let frozenUntil: Int?
    /// Ids of the sessions held at the previous agenda's place whatever its time (the live
    /// unconference keeps everything outside the block this way).
    package let kept: Set<String>
    /// `frozen[session]`: the place the previous agenda gave it before the frozen time (rule 10),
    /// or that it is held at, which it must keep; nil for a session that is free to move.
    package let frozen: [FrozenPlace?]
    /// `siteOf[room]`: an index into ``siteNames`` (rule 11).
    package let siteOf: [Int]
    /// The rooms' sites, in order of first appearance (`""` is the default site).
    package let siteNames: [String]
    /// `dayOf[slot]`: the calendar day, in the event's time zone, that the slot starts on, counted
    /// from the first slot's (rule 12).
    package let dayOf: [Int]
    /// Rule 11's travel time, in seconds.
    package let travelSeconds: Int
    /// The rules the explainer has lifted to ask whether the rest could hold; none for a solve or a check.
    package let relaxations: Relaxations
    /// `oneAtATime[person]`: rule 5 keeps them in one session at a time (not lifted).
    let oneAtATime: [Bool]
    /// `busyFacilitators[session]`: its facilitators rule 5 keeps in one session at a time, whom
    /// placing it makes busy in every slot it occupies.
    package let busyFacilitators: [[Int]]

    /// A session's place before the frozen time, or its held place, as the previous agenda has it.
    package struct FrozenPlace: Sendable, Hashable {
        /// The start slot's index, nil when the input no longer has that slot.
        package var slot: Int?
        /// The rooms' indices, nil when the input no longer has one of them.
        package var rooms: [Int]?
        /// The previous agenda's entry, for messages.
        package var entry: PreviousAgenda.Entry
        /// Held in place by the caller (``Domain/kept``) rather than by the frozen time.
        package var isKept = false
    }

    /// - Parameters:
    ///   - previous: the agenda being replanned (for rule 10 and the change costs).
    ///   - frozenUntil: rule 10's time in seconds since 1970; needs `previous`.
    ///   - keep: ids of sessions that keep the previous agenda's place whatever its time; needs
    ///     `previous`, and ids it does not place are ignored.
    ///   - relaxations: the rules about people lifted (only the explainer lifts any).
    package init(
        _ gathering: Gathering, previous: PreviousAgenda? = nil, frozenUntil: Int? = nil, keep: Set<String> = [],
        relaxations: Relaxations = Relaxations()
    ) {
        // Each run a session of its own: the rules about runs are links between them.
        let gathering = gathering.splittingRuns()
        self.gathering = gathering
        self.relaxations = relaxations
        let oneAtATime = gathering.people.indices.map { !relaxations.oneAtATime.contains($0) }
        self.oneAtATime = oneAtATime
        busyFacilitators = gathering.sessions.map { $0.facilitatorIndices.filter { oneAtATime[$0] } }
        self.previous = previous
        self.frozenUntil = previous == nil ? nil : frozenUntil
        kept = previous == nil ? [] : keep
        let slots = gathering.slots
        chains = Chains(slots: slots, durations: gathering.sessions.map(\.durationMinutes))
        let roomOpen = gathering.rooms.map { room in slots.map { slot in !room.unavailable.contains { $0.overlaps(slot.window) } } }
        let personFree = gathering.people.map { person in slots.map(person.canAttend) }
        let suitableRooms = gathering.sessions.map { session in
            gathering.rooms.filter { Domain.suits($0, session) }.map(\.index)
        }
        self.roomOpen = roomOpen
        self.personFree = personFree
        self.suitableRooms = suitableRooms
        let frozen = gathering.sessions.map { session in
            Domain.frozenPlace(of: session, in: gathering, previous: previous, until: frozenUntil, kept: keep.contains(session.id))
        }
        self.frozen = frozen
        var siteNames: [String] = []
        siteOf = gathering.rooms.map { room in
            if let known = siteNames.firstIndex(of: room.site) { return known }
            siteNames.append(room.site)
            return siteNames.count - 1
        }
        self.siteNames = siteNames
        let civilDays = slots.map { slot in
            let c = LocalTime.components(slot.startSecond, in: gathering.timeZone)
            return LocalTime.daysFromCivil(c.year, c.month, c.day)
        }
        dayOf = civilDays.map { $0 - (civilDays.min() ?? 0) }
        travelSeconds = gathering.travelMinutes * 60
        starts = []
        starts = gathering.sessions.map(possibleStarts)
    }

    /// Every start of `session` (rules 2, 3, 5's availability, 9 and 10, and the chain rule), by
    /// start slot: what ``starts`` holds.
    private func possibleStarts(_ session: Session) -> [Start] {
        var list: [Start] = []
        let place = frozen[session.index]
        for start in gathering.slots.indices {
            if let pin = session.pinSlot, pin != start { continue }
            if let place, place.slot != start { continue }
            if place == nil, let until = frozenUntil, gathering.slots[start].startSecond < until { continue }
            guard let chain = chain(session: session.index, start: start), hasSlotTags(session.index, chain),
                session.facilitatorIndices.allSatisfy({ isFree($0, chain) })
            else { continue }
            var rooms = openRooms(session.index, chain)
            var required = session.pinRoom.map { [$0] } ?? []
            if let place {
                // Its rooms then, which must still include the pinned room (rule 9 binds it too).
                guard let kept = place.rooms, kept.count == session.rooms, kept.allSatisfy(rooms.contains),
                    required.allSatisfy(kept.contains)
                else { continue }
                rooms = kept
                required = kept
            }
            guard rooms.count >= session.rooms, required.allSatisfy(rooms.contains) else { continue }
            if required.count == session.rooms { rooms = required }
            list.append(Start(slot: start, slots: chain, rooms: rooms, required: required.sorted()))
        }
        return list
    }

    /// The same replanning (previous agenda, frozen time, sessions held) applied to another
    /// gathering, such as one with a requirement lifted.
    package func replanning(_ other: Gathering) -> Domain {
        Domain(other, previous: previous, frozenUntil: frozenUntil, keep: kept, relaxations: relaxations)
    }

    /// Whether a session must be placed: it is not optional, or one of its runs already ran or is
    /// held (rule 10; an optional session has all of its runs placed or none).
    package func mustPlace(_ session: Int) -> Bool {
        !gathering.sessions[session].optional || gathering.runs(of: session).contains { frozen[$0] != nil }
    }

    /// The most attendees a run can hold: the session's `seats` when the input gives them, else
    /// the sum of its rooms' capacities; nil when that is unlimited (a room without capacity).
    package func seats(_ a: Assignment) -> Int? {
        if let seats = gathering.sessions[a.session].seats { return seats }
        var sum = 0
        for r in a.rooms {
            guard let capacity = gathering.rooms[r].capacity else { return nil }
            sum += capacity
        }
        return sum
    }

    /// The slots a session occupies when it starts at `start`, or nil when the chain rule allows no start there.
    package func chain(session: Int, start: Int) -> Range<Int>? {
        chains.chain(minutes: gathering.sessions[session].durationMinutes, from: start)
    }

    /// Hard rule 2's time-independent part: the room has every tag and enough seats.
    package static func suits(_ room: Room, _ session: Session) -> Bool {
        hasRoomTags(room, session) && (room.capacity.map { $0 >= session.seatsPerRoom } ?? true)
    }

    /// Hard rule 2's tags: the room has every tag the session needs.
    package static func hasRoomTags(_ room: Room, _ session: Session) -> Bool {
        session.roomTags.isSubset(of: room.tags)
    }

    /// Rule 10's frozen place of a session: the previous agenda places it with a start earlier
    /// than the frozen time, or the session is `kept` whatever the time. A start slot the input no
    /// longer has counts by the start time the document gives; without one it cannot be known to
    /// be earlier, so it is not frozen.
    static func frozenPlace(of session: Session, in g: Gathering, previous: PreviousAgenda?, until: Int?, kept: Bool) -> FrozenPlace? {
        guard until != nil || kept, let entry = previous?.entry(session) else { return nil }
        let slot = g.slotIndex[entry.start]
        let rooms = entry.rooms.compactMap { g.roomIndex[$0] }.sorted()
        var place = FrozenPlace(slot: slot, rooms: rooms.count == entry.rooms.count ? rooms : nil, entry: entry)
        let begins: Int? =
            if let slot { g.slots[slot].startSecond } else {
                entry.startTime.flatMap { try? LocalTime.instant($0, in: g.timeZone).get() }
            }
        if let until, let begins, begins < until { return place }
        place.isKept = true
        return kept ? place : nil
    }
}
