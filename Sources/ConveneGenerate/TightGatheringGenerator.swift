import ConveneCore

/// Seeded inputs that leave a solver little room: the non-optional sessions need at least 72 % of
/// the room-slots (each counted where it needs fewest) and the optional ones ask for more than
/// the rest.
///
/// Five days of eight slots of 30 to 90 minutes (two back-to-back half-days of four hours) per
/// 1,000 sessions, in rooms of mixed capacity and tags. Three-room open-space sessions need the
/// breakout rooms and pin one of them; two-room panels; sessions kept to their day by the slots'
/// day tags; facilitators with two to five sessions, most available only in the half-days they
/// run them; sessions whose attendance only the larger rooms hold.
///
/// Feasible by construction: the non-optional sessions are planted first (each in a free run of
/// room-slots), and every requirement is written around the planted agenda, which
/// `GatheringGenerator.Output.planted` holds. Optional sessions are written around a place of
/// their own, planted only where it is still free. Generation is linear in the size of the
/// gathering: 10,000 sessions take a fraction of a second.
package struct TightGatheringGenerator: Sendable {
    /// How many sessions, 43 % of them optional (more optional when the room-slots run out).
    package var sessions: Int
    package var rooms: Int
    package var days: Int
    package var attendees: Int
    /// How many sessions each attendee wants, at least and at most.
    package var interests: ClosedRange<Int>
    /// The share of the room-slots the non-optional sessions need, each counted at the start
    /// where it occupies fewest slots (where they are planted they use more).
    package var fill: Double
    package var seed: UInt64

    /// A generator; `rooms` and `days` default to 30 and 5 for 1,000 sessions, both growing with
    /// the square root of the number of sessions (95 rooms and 16 days for 10,000).
    package init(
        sessions: Int, rooms: Int? = nil, days: Int? = nil, attendees: Int? = nil, interests: ClosedRange<Int> = 3...8,
        fill: Double = 0.72, seed: UInt64 = 1
    ) {
        self.sessions = max(1, sessions)
        let scaled = max(3, Int((30 * (Double(self.sessions) / 1000).squareRoot()).rounded()))
        self.rooms = max(1, rooms ?? scaled)
        self.days = max(1, days ?? Int((1.2 * Double(self.sessions) / Double(self.rooms * Self.slotsPerDay)).rounded(.up)))
        self.attendees = attendees ?? max(10, self.sessions * 4 / 3)
        self.interests = max(1, interests.lowerBound)...max(1, interests.upperBound)
        self.fill = min(1, max(0, fill))
        self.seed = seed
    }

    static let slotsPerDay = 8
    static let optionalShare = 0.428

    /// A session before it has an id: its format, where it is written around, whether planted.
    struct Entry {
        var format: String
        var start: Int
        var length: Int
        var rooms: [Int]
        var optional: Bool
        var planted: Bool
        var session = InputDocument.Session(id: "")
    }

    /// Writes the input and the agenda it was written around.
    package func make() -> GatheringGenerator.Output {
        var rng = SeededGenerator(seed: seed)
        var grid = Grid(rooms: rooms, days: days, sessions: sessions, rng: &rng)
        let mandatory = sessions - Int((Double(sessions) * Self.optionalShare).rounded())
        var entries = grid.plantMandatory(mandatory, fill: fill, rng: &rng)
        let planted = entries.count
        for _ in planted..<sessions { entries.append(grid.optionalEntry(rng: &rng)) }
        for e in entries.indices { grid.writeRequirements(&entries[e], rng: &rng) }
        // Ids in a shuffled order, so that a session's number says nothing of its kind.
        entries.shuffle(using: &rng)
        for e in entries.indices {
            entries[e].session.id = "s\(e + 1)"
            entries[e].session.title = "\(Self.titles[entries[e].format] ?? "Session") \(e + 1)"
        }
        let people = grid.facilitate(&entries, rng: &rng)
        grid.relate(&entries, rng: &rng)
        let (attendeeList, _) = GeneratorParts.interests(
            ids: entries.map(\.session.id), choosable: Array(entries.indices), attendees: attendees, perAttendee: interests,
            rng: &rng)
        var roomList = grid.roomList
        GeneratorParts.closeSomeRooms(&roomList, slots: grid.slots, isBusy: { grid.busy[$0 * grid.slots.count + $1] }, rng: &rng)
        let document = InputDocument(
            event: .init(name: "Tight generated gathering (\(sessions) sessions, seed \(seed))", timeZone: GatheringGenerator.zone),
            slots: grid.slots, rooms: roomList, formats: Self.formats, people: people,
            sessions: entries.map(\.session), attendees: attendeeList,
            weights: .init(clash: 1, preference: 1, unscheduled: 100, change: 10, trackOverlap: 1))
        let agenda = Agenda(
            status: .feasible, solver: "generator",
            placements: entries.filter(\.planted).map { e in
                .init(session: e.session.id, start: grid.slots[e.start].id, rooms: e.rooms.sorted().map { roomList[$0].id })
            },
            unscheduled: entries.filter { !$0.planted }.map(\.session.id))
        return GatheringGenerator.Output(document: document, planted: agenda)
    }

    static let formats: [InputDocument.Format] = [
        .init(id: "lightning", name: "Lightning talks", duration: 30),
        .init(id: "talk", name: "Talk", duration: 60),
        .init(id: "workshop", name: "Workshop", duration: 120),
        .init(id: "lab", name: "Hands-on lab", duration: 60, roomTags: ["lab"]),
        .init(id: "panel", name: "Panel (two rooms)", duration: 60, rooms: 2),
        .init(id: "open-space", name: "Open space", duration: 90, rooms: 3, roomTags: ["breakout"]),
    ]
    static let titles = [
        "lightning": "Lightning talks", "talk": "Talk", "workshop": "Workshop", "lab": "Lab", "panel": "Panel",
        "open-space": "Open space",
    ]
}
