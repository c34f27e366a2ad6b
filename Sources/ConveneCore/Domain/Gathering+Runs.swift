/// A session that takes place more than once (`runs`) is, to the domain, one session per run:
/// the gathering every rule, solver and the checker work on has a session for each run, and these
/// are the links between them. Every rule of the contract about runs is one of these links, so
/// that no solver has a rule of its own:
///
/// - run `r + 1` lists run `r` in its `after`: run 1 starts first, run 2 next, and since one
///   starts at or after the end of the other, no two runs of a session run at the same time;
/// - every run lists run 1 of each session of the input's `after` (rule 7), and every run of each
///   session of its `notConcurrentWith` (rule 8);
/// - `pin.slot` binds run 1 only, `pin.room` every run (rule 9);
/// - each run needs ⌈attendance ÷ (runs × rooms)⌉ seats per room (rule 2, ``Session/seatsPerRoom``);
/// - later runs have priority 0: run 1 carries the session's `unscheduled` cost, which is counted
///   once, and an optional session has all of its runs placed or none (``runsOf``);
/// - an attendee's interests name run 1, and a clash between two sessions (every run of one
///   concurrent with every run of the other) is ``Gathering/runClashes()`` when one has runs.
extension Gathering {
    /// The gathering with one session per run, or this one when no session has more than one run
    /// (or when it already is one).
    package func splittingRuns() -> Gathering {
        guard runsOf == nil, sessions.contains(where: { $0.runs > 1 }) else { return self }
        var runsOf: [[Int]] = []
        var units: [Session] = []
        for session in sessions {
            runsOf.append(Array(units.count..<units.count + session.runs))
            for run in 1...session.runs {
                var unit = session
                unit.index = units.count
                unit.run = run
                unit.origin = session.index
                units.append(unit)
            }
        }
        for k in units.indices {
            let session = sessions[units[k].inputIndex]
            units[k].after = session.after.map { runsOf[$0][0] } + (units[k].run > 1 ? [k - 1] : [])
            units[k].notConcurrentWith = session.notConcurrentWith.flatMap { runsOf[$0] }.sorted()
            if units[k].run > 1 {
                units[k].pinSlot = nil
                units[k].priority = 0
            }
        }
        var split = Gathering(
            name: name, timeZoneName: timeZoneName, timeZone: timeZone, slots: slots, rooms: rooms, formats: formats, people: people,
            sessions: units, attendees: attendees.map { attendee in
                var a = attendee
                a.interestIndices = attendee.interestIndices.map { runsOf[$0][0] }
                return a
            }, weights: weights, warnings: warnings, document: document)
        split.travelMinutes = travelMinutes
        split.runsOf = runsOf
        return split
    }

    /// The sessions (by index) that are the runs of the same session of the input as `s`, run 1
    /// first; `[s]` for a session with one run.
    package func runs(of s: Int) -> [Int] { runsOf.map { $0[sessions[s].inputIndex] } ?? [s] }

    /// Whether two sessions of the domain's gathering are runs of one session of the input.
    package func areRuns(_ a: Int, _ b: Int) -> Bool { sessions[a].inputIndex == sessions[b].inputIndex }

    /// The attendee's interests whose clashes are pairs of sessions: those with one run.
    package func pairwiseInterests(_ attendee: Attendee) -> [Int] {
        runsOf == nil ? attendee.interestIndices : attendee.interestIndices.filter { sessions[$0].runs == 1 }
    }

    /// What an attendee's clash costs between a session with runs and another, when every run of
    /// the one is concurrent with every run of the other: `runs` are the first's runs, `other`
    /// the second (with one run: two sessions that both have several runs can never clash, since
    /// runs of one session never overlap). Pairs of sessions with one run each are in
    /// ``concurrencyWeights()``.
    package struct RunClash: Sendable, Hashable {
        /// The runs of the session that takes place more than once.
        package var runs: [Int]
        /// The session with one run.
        package var other: Int
        /// The attendees who want both × the clash weight.
        package var weight: Int
    }

    /// Every clash that involves a session with more than one run, with its weight.
    package func runClashes() -> [RunClash] {
        guard weights.clash > 0, runsOf != nil else { return [] }
        var weight: [SessionPair: Int] = [:]
        for attendee in attendees {
            for (i, a) in attendee.interestIndices.enumerated() {
                for b in attendee.interestIndices[(i + 1)...] {
                    let (ra, rb) = (sessions[a].runs, sessions[b].runs)
                    guard (ra > 1) != (rb > 1) else { continue }
                    weight[SessionPair(a, b), default: 0] += weights.clash
                }
            }
        }
        return weight.sorted { $0.key < $1.key }.map { pair, w in
            let (many, one) = sessions[pair.first].runs > 1 ? (pair.first, pair.second) : (pair.second, pair.first)
            return RunClash(runs: runs(of: many), other: one, weight: w)
        }
    }
}
