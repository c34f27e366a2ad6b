/// Someone who facilitates sessions, with the times they can and cannot be there.
public struct Person: Sendable, Hashable, Identifiable {
    /// The person's id in the input.
    public internal(set) var id: String
    /// Their position in ``Gathering/people``.
    package internal(set) var index: Int
    /// Their name for display, if the input gives one.
    public internal(set) var name: String?
    /// Merged where windows touch or overlap; empty means available whenever not unavailable.
    package var available: [TimeWindow]
    package var unavailable: [TimeWindow]
    /// Where they would rather facilitate, merged like ``available``; empty means no preference.
    package internal(set) var preferred: [TimeWindow] = []
    /// Rule 12: the most sessions they facilitate that start on one day; nil for no limit.
    package var maxPerDay: Int? = nil

    /// How people read it: `P2PU executive director (director)`, or the id alone without a name.
    package var label: String { name.map { "\($0) (\(id))" } ?? id }

    /// Hard rule 5's availability part, for one occupied slot.
    package func canAttend(_ slot: Slot) -> Bool {
        (available.isEmpty || available.contains { $0.contains(slot.window) })
            && !unavailable.contains { $0.overlaps(slot.window) }
    }

    /// Whether the slot lies inside one of their preferred windows (always, without any).
    package func prefers(_ slot: Slot) -> Bool {
        preferred.isEmpty || preferred.contains { $0.contains(slot.window) }
    }
}
