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

    /// The entries by session id (the first placement of each session).
    package var placements: [String: Entry]
    /// The document itself.
    package let agenda: Agenda

    package init(_ agenda: Agenda) {
        var placements: [String: Entry] = [:]
        for p in agenda.placements where placements[p.session] == nil {
            placements[p.session] = Entry(start: p.start, rooms: Set(p.rooms), startTime: p.startTime)
        }
        self.placements = placements
        self.agenda = agenda
    }
}
