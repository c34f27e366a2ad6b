/// An earlier agenda, for the `change` and `roomChange` costs and the frozen past (rule 10):
/// where each session started and in which rooms, matched by id. Sessions no longer in the input
/// are ignored (they were cancelled).
package struct PreviousAgenda: Sendable, Equatable {
    /// One session's place in the earlier agenda.
    package struct Entry: Sendable, Hashable {
        /// The start slot's id.
        package var start: String
        /// The rooms' ids.
        package var rooms: Set<String>
        /// The start time as the document gives it (local to the event), for a start slot the
        /// input no longer has.
        package var startTime: String?
    }

    /// The entries of run 1 by session id (the first placement of each session's run 1).
    package var placements: [String: Entry]
    /// The entries of later runs, by session id and run (the first placement of each).
    package var laterRuns: [String: [Int: Entry]]
    /// The document itself.
    package let agenda: Agenda

    package init(_ agenda: Agenda) {
        var placements: [String: Entry] = [:]
        var laterRuns: [String: [Int: Entry]] = [:]
        for p in agenda.placements {
            let entry = Entry(start: p.start, rooms: Set(p.rooms), startTime: p.startTime)
            if p.run == 1 {
                if placements[p.session] == nil { placements[p.session] = entry }
            } else if laterRuns[p.session]?[p.run] == nil {
                laterRuns[p.session, default: [:]][p.run] = entry
            }
        }
        self.placements = placements
        self.laterRuns = laterRuns
        self.agenda = agenda
    }

    /// Drops the entry of a session's run (a session of the domain's gathering).
    package mutating func forget(_ session: Session) {
        if session.run == 1 { placements[session.id] = nil } else { laterRuns[session.id]?[session.run] = nil }
    }

    /// The entry of a session's run (a session of the domain's gathering), matched by (id, run):
    /// rule 10 and the change costs compare each run with the same run before.
    package func entry(_ session: Session) -> Entry? {
        session.run == 1 ? placements[session.id] : laterRuns[session.id]?[session.run]
    }
}
