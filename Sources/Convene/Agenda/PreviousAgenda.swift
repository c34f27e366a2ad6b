/// An earlier agenda, for the `change` cost: where each session started and in which rooms,
/// matched by id. Sessions no longer in the input are ignored (they were cancelled).
public struct PreviousAgenda: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var start: String
        public var rooms: Set<String>
    }

    public var placements: [String: Entry]

    public init(_ agenda: Agenda) {
        var placements: [String: Entry] = [:]
        for p in agenda.placements where placements[p.session] == nil {
            placements[p.session] = Entry(start: p.start, rooms: Set(p.rooms))
        }
        self.placements = placements
    }
}
