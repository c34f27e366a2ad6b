/// A session placed at a start slot in a set of rooms, with every reference an index.
/// This is what solvers produce; ``Agenda`` is its document form.
public struct Placement: Sendable, Hashable {
    public var session: Int
    public var start: Int
    /// The occupied slots: the chain from `start` (indices into the time-sorted slots).
    public var slots: Range<Int>
    /// Room indices, sorted.
    public var rooms: [Int]

    public init(session: Int, start: Int, slots: Range<Int>, rooms: [Int]) {
        self.session = session
        self.start = start
        self.slots = slots
        self.rooms = rooms.sorted()
    }

    /// Two placements are concurrent when they occupy a common slot.
    public func isConcurrent(with other: Placement) -> Bool { slots.overlaps(other.slots) }
}
