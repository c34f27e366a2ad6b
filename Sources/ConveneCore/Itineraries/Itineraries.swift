import Foundation

/// The contract's itineraries document (`convene itineraries --format json`): for each attendee,
/// which run of each session they want they go to, within the seats of every run.
///
/// The value says who goes to which run, and how many wanted pairs that serves. ``json`` writes
/// the whole document, with the contract's keys in its order (`convene`, `status`, `served`,
/// `wanted`, `bound`, `itineraries`, `runs`, `stats`), as pretty, deterministic text: it adds what
/// follows from the value (each attendee's missed sessions, every run's seats and how many are
/// taken, the proven bound) and what the planning measured. Each run an attendee facilitates is
/// in their itinerary, written with `"facilitates": true` (an extension of the contract): they
/// are there, and take no seat.
public struct Itineraries: Sendable, Equatable {
    /// One attendee's runs, in time order.
    public struct Itinerary: Sendable, Equatable {
        /// The attendee's id.
        public package(set) var attendee: Attendee.ID
        /// The runs they go to, by start time, those they facilitate included.
        public package(set) var runs: [Visit]
        /// Ids of the sessions they want and do not go to, in the order they want them.
        package var missed: [Session.ID]

        package init(attendee: Attendee.ID, runs: [Visit], missed: [Session.ID]) {
            self.attendee = attendee
            self.runs = runs
            self.missed = missed
        }
    }

    /// One run in an itinerary.
    public struct Visit: Sendable, Equatable {
        /// The session's id.
        public package(set) var session: Session.ID
        /// Which run (1-based).
        public package(set) var run: Int
        /// Whether the attendee facilitates it (they take no seat).
        package var facilitates: Bool

        package init(session: Session.ID, run: Int, facilitates: Bool = false) {
            self.session = session
            self.run = run
            self.facilitates = facilitates
        }
    }

    /// One run of the agenda with its seats and how many are taken.
    package struct RunSeats: Sendable, Equatable {
        /// The session's id.
        package var session: Session.ID
        /// Which run (1-based).
        package var run: Int
        /// Most attendees it holds; nil for no limit.
        package var seats: Int?
        /// Attendees who go to it and do not facilitate it.
        package var taken: Int

        package init(session: Session.ID, run: Int, seats: Int?, taken: Int) {
            self.session = session
            self.run = run
            self.seats = seats
            self.taken = taken
        }
    }

    package var convene = 1
    /// `optimal` when ``served`` is proven the most possible (the document's `bound`), else `feasible`.
    public package(set) var status: Agenda.Status
    /// The (attendee, wanted session) pairs served.
    public package(set) var served: Int
    /// Every (attendee, wanted session) pair, placed or not.
    public package(set) var wanted: Int
    /// An upper bound on ``served``, when known.
    package var bound: Int?
    /// One per attendee, in input order.
    public package(set) var itineraries: [Itinerary]
    /// Every run of the agenda, by session (input order) then run.
    package var runs: [RunSeats]
    /// What the planning measured (`stats`).
    package var statistics: ItineraryStatistics

    package init(
        status: Agenda.Status, served: Int, wanted: Int, bound: Int?, itineraries: [Itinerary], runs: [RunSeats],
        statistics: ItineraryStatistics = ItineraryStatistics()
    ) {
        self.status = status
        self.served = served
        self.wanted = wanted
        self.bound = bound
        self.itineraries = itineraries
        self.runs = runs
        self.statistics = statistics
    }

    /// The document for a plan of `instance`: itineraries, seats taken, served and wanted
    /// counted from the plan.
    package init(_ instance: ItineraryInstance, plan: ItineraryPlan, status: Agenda.Status, bound: Int?, statistics: ItineraryStatistics) {
        let g = instance.domain.gathering
        var taken = [Int](repeating: 0, count: instance.runs.count)
        var itineraries: [Itinerary] = []
        for (a, traveller) in instance.travellers.enumerated() {
            let chosen = plan.chosen[a].compactMap { $0 }
            for r in chosen { taken[r] += 1 }
            let visits = (traveller.facilitating.map { ($0, true) } + chosen.map { ($0, false) }).sorted {
                let (x, y) = (instance.runs[$0.0], instance.runs[$1.0])
                return (x.slots.lowerBound, x.session, x.run) < (y.slots.lowerBound, y.session, y.run)
            }
            let servedSessions = Set(traveller.facilitated + chosen.map { instance.runs[$0].session })
            itineraries.append(
                Itinerary(
                    attendee: g.attendees[a].id,
                    runs: visits.map {
                        Visit(session: instance.sessionIDs[instance.runs[$0.0].session], run: instance.runs[$0.0].run, facilitates: $0.1)
                    },
                    missed: traveller.wanted.filter { !servedSessions.contains($0) }.map { instance.sessionIDs[$0] }))
        }
        self.init(
            status: status, served: plan.served(instance), wanted: instance.wanted, bound: bound, itineraries: itineraries,
            runs: instance.runs.enumerated().map { r, run in
                RunSeats(session: instance.sessionIDs[run.session], run: run.run, seats: run.seats, taken: taken[r])
            },
            statistics: statistics)
    }
}
