/// What itinerary planning works on, resolved to indices: the runs of a valid agenda with their
/// seats, and for each attendee the sessions they want, the runs they facilitate, and the runs
/// they could go to. Built once by the front door; the planners, the integer program and the
/// checker all read it, so that none derives a rule of its own.
package struct ItineraryInstance: Sendable {
    /// One run of a placed session.
    package struct Run: Sendable, Hashable {
        /// The session's index.
        package var session: Int
        /// 1-based, as the agenda writes it.
        package var run: Int
        /// The occupied slots.
        package var slots: Range<Int>
        /// The sites of its rooms, sorted indices into ``Domain/siteNames``.
        package var sites: [Int]
        /// Most attendees it holds; nil for no limit.
        package var seats: Int?
    }

    /// One attendee's part of the problem.
    package struct Traveller: Sendable {
        /// Every session they want, each once (interests, then those they facilitate).
        package var wanted: [Int]
        /// Wanted sessions that are placed and that their linked person facilitates: served in
        /// every run, without a seat.
        package var facilitated: [Int]
        /// The runs they facilitate (indices into ``runs``), by time.
        package var facilitating: [Int]
        /// Wanted, placed sessions they do not facilitate, each with the runs they could attend
        /// (indices into ``runs``): not concurrent with, nor too close to, a run they facilitate.
        /// A session with no such run is still listed, with none.
        package var choices: [(session: Int, runs: [Int])]
    }

    package let domain: Domain
    /// Every run of the agenda, by session then run number.
    package let runs: [Run]
    /// `runsOf[session]`: its runs (indices into ``runs``), by run number; empty when not placed.
    /// Sessions here are the input's (``Session/inputIndex``), not the domain's one per run.
    package let runsOf: [[Int]]
    /// The input's sessions' ids, by index.
    package let sessionIDs: [String]
    /// The input's sessions as people read them: `'Lab' (lab)`.
    package let sessionLabels: [String]
    /// By attendee index.
    package let travellers: [Traveller]

    /// The instance for `assignments`, a valid agenda's placements of `domain`'s gathering.
    package init(domain: Domain, assignments: [Assignment]) {
        self.domain = domain
        let g = domain.gathering
        // The domain's gathering has one session per run; its first run stands for the input's session.
        let firsts = g.runsOf?.map { $0[0] } ?? Array(g.sessions.indices)
        sessionIDs = firsts.map { g.sessions[$0].id }
        sessionLabels = firsts.map { s in g.sessions[s].title.map { "'\($0)' (\(g.sessions[s].id))" } ?? "'\(g.sessions[s].id)'" }
        let ordered = assignments.map { (input: g.sessions[$0.session].inputIndex, assignment: $0) }.sorted {
            ($0.input, $0.assignment.run) < ($1.input, $1.assignment.run)
        }
        let runs = ordered.map { input, a in
            Run(session: input, run: a.run, slots: a.slots, sites: domain.sites(a.rooms), seats: domain.seats(a))
        }
        var runsOf = [[Int]](repeating: [], count: firsts.count)
        for (i, run) in runs.enumerated() { runsOf[run.session].append(i) }
        self.runs = runs
        self.runsOf = runsOf
        travellers = g.attendees.map { attendee in
            let wanted = Self.unique(attendee.interestIndices.map { g.sessions[$0].inputIndex })
            let mine = Set(attendee.personIndex.map { g.facilitated[$0].map { g.sessions[$0].inputIndex } } ?? [])
            let facilitated = wanted.filter { mine.contains($0) && !runsOf[$0].isEmpty }
            let facilitating = facilitated.flatMap { runsOf[$0] }.sorted {
                (runs[$0].slots.lowerBound, $0) < (runs[$1].slots.lowerBound, $1)
            }
            let choices = wanted.filter { !mine.contains($0) && !runsOf[$0].isEmpty }.map { s in
                (session: s, runs: runsOf[s].filter { r in !facilitating.contains { Self.clash(runs[r], runs[$0], domain) } })
            }
            return Traveller(wanted: wanted, facilitated: facilitated, facilitating: facilitating, choices: choices)
        }
    }

    /// Each once, in the order first met.
    private static func unique(_ list: [Int]) -> [Int] {
        var seen = Set<Int>()
        return list.filter { seen.insert($0).inserted }
    }

    /// Whether one attendee cannot go to both runs: they share a slot, or (rule 11's travel time
    /// applied to attendees) their rooms are at different sites and the later starts less than
    /// the travel time after the earlier ends.
    package func clash(_ a: Int, _ b: Int) -> Bool { Self.clash(runs[a], runs[b], domain) }

    /// Whether two runs occupy a common slot.
    package func concurrent(_ a: Int, _ b: Int) -> Bool { runs[a].slots.overlaps(runs[b].slots) }

    private static func clash(_ a: Run, _ b: Run, _ domain: Domain) -> Bool {
        a.slots.overlaps(b.slots) || domain.tooCloseToTravel(a.slots, a.sites, b.slots, b.sites)
    }

    /// The (attendee, wanted session) pairs: every session each attendee wants, placed or not.
    package var wanted: Int { travellers.reduce(0) { $0 + $1.wanted.count } }

    /// The pairs served whatever the plan: the placed sessions attendees facilitate.
    package var servedByFacilitating: Int { travellers.reduce(0) { $0 + $1.facilitated.count } }

    /// `'Intro' (intro) run 2`, or without the run for a session held once.
    package func label(run r: Int) -> String {
        let run = runs[r]
        let label = sessionLabels[run.session]
        return runsOf[run.session].count > 1 ? "\(label) run \(run.run)" : label
    }
}
