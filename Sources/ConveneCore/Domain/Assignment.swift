/// A session's place in an agenda resolved to indices (start slot, occupied slots, rooms): what
/// the domain, the solvers and the checker work with. ``Agenda/Placement`` is the same placement
/// in the document, by id.
package struct Assignment: Sendable, Hashable {
    package var session: Int
    /// Which run of the session, 1-based (see ``Agenda/Placement/run``).
    package var run: Int
    package var start: Int
    /// The occupied slots: the chain from `start` (indices into the time-sorted slots).
    package var slots: Range<Int>
    /// Room indices, sorted.
    package var rooms: [Int]

    package init(session: Int, run: Int = 1, start: Int, slots: Range<Int>, rooms: [Int]) {
        self.session = session
        self.run = run
        self.start = start
        self.slots = slots
        self.rooms = rooms.sorted()
    }

    /// Two assignments are concurrent when they occupy a common slot.
    package func isConcurrent(with other: Assignment) -> Bool { slots.overlaps(other.slots) }
}
