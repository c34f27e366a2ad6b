/// A session with its format's settings applied and every reference resolved to an index.
public struct Session: Sendable, Hashable, Identifiable {
    /// The session's id in the input.
    public internal(set) var id: String
    /// Its position in ``Gathering/sessions``.
    package internal(set) var index: Int
    /// The title shown in agendas, if the input gives one.
    public internal(set) var title: String?
    /// Its format's id, if it has one (a format is a template of settings; its name is what the
    /// renderings show).
    public internal(set) var format: String?
    /// ``format`` as a position in ``Gathering/formats``.
    package internal(set) var formatIndex: Int?
    /// Its facilitators, by id, each once, in the order written.
    public internal(set) var facilitators: [Person.ID]
    /// ``facilitators`` as positions in ``Gathering/people``, for the solvers.
    package internal(set) var facilitatorIndices: [Int]
    package internal(set) var attendance: Int
    /// Its length in minutes, as the input writes it; may be fractional.
    package internal(set) var durationMinutes: Double
    /// How many rooms it uses at once.
    package internal(set) var rooms: Int
    package var exclusive: Bool
    package internal(set) var roomTags: Set<String>
    package internal(set) var slotTags: Set<String>
    /// The track it belongs to, if any.
    public internal(set) var track: String?
    /// Sessions this one starts after (each once).
    package var after: [Int]
    /// Sessions it must not run at the same time as (rule 8), whichever of the two named the
    /// other: symmetric once the input is read, sorted, each once, never itself.
    package var notConcurrentWith: [Int]
    package var pinSlot: Int?
    package var pinRoom: Int?
    /// Empty: no preference.
    package internal(set) var preferredSlotTags: Set<String>
    package internal(set) var preferenceWeight: Int
    /// Whether the agenda may leave it out.
    package var optional: Bool
    package internal(set) var priority: Int
    /// The UUID the session had in the schedule it was imported from, lower case (see `sessions[].guid`).
    package internal(set) var guid: String? = nil
    /// How many times it takes place, at least 1: each run is one placement, run 1 first.
    public internal(set) var runs: Int = 1
    /// The most attendees in one run, as the input gives it (`seats`); nil: the sum of the run's
    /// rooms' capacities (see ``Domain/seats(_:)``).
    package var seats: Int? = nil
    /// Text shown to attendees, if the input gives one.
    public internal(set) var description: String? = nil

    /// In the domain's gathering, where each run is a session of its own
    /// (``Gathering/splittingRuns()``): which run this one is, 1 … ``runs``. 1 in the input's.
    package internal(set) var run: Int = 1
    /// In the domain's gathering, the index of the input's session this is a run of; nil in the input's.
    package internal(set) var origin: Int? = nil

    /// How long it runs: its own `duration` or its format's.
    public var duration: Duration { .seconds(durationMinutes * 60) }

    /// The index of the input's session it is (a run of).
    package var inputIndex: Int { origin ?? index }

    /// How people read it: `'Update from P2PU' (update)`, or the id alone without a title; a run
    /// of a session with several adds which: `'Lab' (lab) (run 2 of 3)`.
    package var label: String { origin != nil && runs > 1 ? "\(nameLabel) (run \(run) of \(runs))" : nameLabel }

    /// ``label`` without the run: `'Lab' (lab)`.
    package var nameLabel: String { title.map { "'\($0)' (\(id))" } ?? "'\(id)'" }

    /// The capacity each room of each run needs: ⌈attendance ÷ (runs × rooms)⌉ (rule 2).
    package var seatsPerRoom: Int { (attendance + runs * rooms - 1) / (runs * rooms) }
}
