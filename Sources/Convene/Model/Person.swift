/// Someone who facilitates sessions, with the times they can and cannot be there.
public struct Person: Sendable, Hashable, Identifiable {
    public internal(set) var id: String
    public internal(set) var index: Int
    public internal(set) var name: String?
    /// Merged where windows touch or overlap; empty means available whenever not unavailable.
    public internal(set) var available: [TimeWindow]
    public internal(set) var unavailable: [TimeWindow]

    public var label: String { name.map { "\($0) (\(id))" } ?? id }

    /// Hard rule 5's availability part, for one occupied slot.
    public func canAttend(_ slot: Slot) -> Bool {
        (available.isEmpty || available.contains { $0.contains(slot.window) })
            && !unavailable.contains { $0.overlaps(slot.window) }
    }
}
