/// What is possible for each session on its own: its valid starts (chain rule, slot tags,
/// facilitators' availability, pinned slot) and, per start, the rooms it may use (tags,
/// capacity, unavailability, pinned room). Computed once per gathering and shared by the
/// checker, the solvers and the explainer, in time linear in the input plus the placements.
public struct Domain: Sendable {
    /// One possible start of a session.
    public struct Start: Sendable, Hashable {
        public var slot: Int
        /// The occupied slots.
        public var slots: Range<Int>
        /// Rooms usable for the whole chain, sorted; at least the session's `rooms` of them,
        /// the pinned room among them when there is one (and alone when the session uses one room).
        public var rooms: [Int]
    }

    public let gathering: Gathering
    public let chains: Chains
    /// `starts[session]`, by start slot.
    public let starts: [[Start]]
    /// `suitableRooms[session]`: rooms with the session's tags and enough capacity, at any time.
    public let suitableRooms: [[Int]]
    /// `roomOpen[room][slot]`: no unavailable window of the room overlaps the slot.
    public let roomOpen: [[Bool]]
    /// `personFree[person][slot]`: hard rule 5's availability for that slot.
    public let personFree: [[Bool]]

    public init(_ gathering: Gathering) {
        self.gathering = gathering
        let slots = gathering.slots
        chains = Chains(slots: slots, durations: gathering.sessions.map(\.duration))
        let roomOpen = gathering.rooms.map { room in slots.map { slot in !room.unavailable.contains { $0.overlaps(slot.window) } } }
        let personFree = gathering.people.map { person in slots.map(person.canAttend) }
        let suitableRooms = gathering.sessions.map { session in
            gathering.rooms.filter { Domain.suits($0, session) }.map(\.index)
        }
        self.roomOpen = roomOpen
        self.personFree = personFree
        self.suitableRooms = suitableRooms
        var starts: [[Start]] = []
        for session in gathering.sessions {
            var list: [Start] = []
            for start in slots.indices {
                if let pin = session.pinSlot, pin != start { continue }
                guard let chain = self.chains.chain(minutes: session.duration, from: start),
                    chain.allSatisfy({ session.slotTags.isSubset(of: slots[$0].tags) }),
                    session.facilitators.allSatisfy({ p in chain.allSatisfy { personFree[p][$0] } })
                else { continue }
                var rooms = suitableRooms[session.index].filter { r in chain.allSatisfy { roomOpen[r][$0] } }
                guard rooms.count >= session.rooms, session.pinRoom.map(rooms.contains) ?? true else { continue }
                if let pin = session.pinRoom, session.rooms == 1 { rooms = [pin] }
                list.append(Start(slot: start, slots: chain, rooms: rooms))
            }
            starts.append(list)
        }
        self.starts = starts
    }

    /// The slots a session occupies when it starts at `start`, or nil when the chain rule allows no start there.
    public func chain(session: Int, start: Int) -> Range<Int>? {
        chains.chain(minutes: gathering.sessions[session].duration, from: start)
    }

    /// Hard rule 2's time-independent part: the room has every tag and enough seats.
    static func suits(_ room: Room, _ session: Session) -> Bool {
        session.roomTags.isSubset(of: room.tags) && (room.capacity.map { $0 >= session.seatsPerRoom } ?? true)
    }
}
