/// Which run each attendee goes to for each session they could attend: `chosen[attendee][k]` is
/// the run (an index into ``ItineraryInstance/runs``) for their `k`-th choice
/// (``ItineraryInstance/Traveller/choices``), nil when they miss it.
package struct ItineraryPlan: Sendable, Equatable {
    package var chosen: [[Int?]]

    /// Nobody goes anywhere but to the runs they facilitate: valid for any valid agenda.
    package init(empty instance: ItineraryInstance) {
        chosen = instance.travellers.map { [Int?](repeating: nil, count: $0.choices.count) }
    }

    package init(chosen: [[Int?]]) { self.chosen = chosen }

    /// The (attendee, wanted session) pairs served: those chosen, and those facilitated.
    package func served(_ instance: ItineraryInstance) -> Int {
        chosen.reduce(0) { $0 + $1.count { $0 != nil } } + instance.servedByFacilitating
    }
}
