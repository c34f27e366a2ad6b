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

extension ItineraryPlan {
    /// The plan of itineraries written by id (``ItineraryAttempt/init(runs:bound:planner:)``), once
    /// the checker has accepted the document they make.
    package init(_ instance: ItineraryInstance, byID: [String: [String: Int]]) {
        let g = instance.domain.gathering
        chosen = instance.travellers.enumerated().map { a, traveller in
            let mine = byID[g.attendees[a].id] ?? [:]
            return traveller.choices.map { choice in
                mine[instance.sessionIDs[choice.session]].flatMap { run in choice.runs.first { instance.runs[$0].run == run } }
            }
        }
    }
}

extension Itineraries {
    /// The document itineraries written by id make, for the checker: every run each attendee
    /// facilitates added, `missed`, `served` and the seats taken counted from the ids as given.
    package init(_ instance: ItineraryInstance, byID: [String: [String: Int]], statistics: ItineraryStatistics) {
        let g = instance.domain.gathering
        var taken: [String: [Int: Int]] = [:]
        var served = 0
        var itineraries: [Itinerary] = []
        let known = Set(g.attendees.map(\.id))
        for (a, traveller) in instance.travellers.enumerated() {
            let mine = byID[g.attendees[a].id] ?? [:]
            let facilitated = Set(traveller.facilitated.map { instance.sessionIDs[$0] })
            var visits = traveller.facilitating.map {
                Visit(session: instance.sessionIDs[instance.runs[$0].session], run: instance.runs[$0].run, facilitates: true)
            }
            for (session, run) in mine.sorted(by: { $0.key < $1.key }) {
                visits.append(Visit(session: session, run: run))
                taken[session, default: [:]][run, default: 0] += 1
            }
            let wanted = traveller.wanted.map { instance.sessionIDs[$0] }
            let missed = wanted.filter { !facilitated.contains($0) && mine[$0] == nil }
            served += wanted.count - missed.count
            itineraries.append(Itinerary(attendee: g.attendees[a].id, runs: visits, missed: missed))
        }
        for (attendee, runs) in byID.sorted(by: { $0.key < $1.key }) where !known.contains(attendee) {
            itineraries.append(
                Itinerary(
                    attendee: attendee, runs: runs.sorted { $0.key < $1.key }.map { Visit(session: $0.key, run: $0.value) }, missed: []))
        }
        self.init(
            status: .feasible, served: served, wanted: instance.wanted, bound: nil, itineraries: itineraries,
            runs: instance.runs.map { run in
                let id = instance.sessionIDs[run.session]
                return RunSeats(session: id, run: run.run, seats: run.seats, taken: taken[id]?[run.run] ?? 0)
            },
            statistics: statistics)
    }
}
