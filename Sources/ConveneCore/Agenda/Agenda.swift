import Foundation

/// The contract's agenda document: what `convene solve --format json` prints and what
/// `convene check --agenda` and `--previous` read back.
///
/// It is `Codable`. Encoding writes the contract's document: its keys in the contract's order
/// (`convene`, `status`, `solver`, `objective`, `bound`, `placements`, `unscheduled`, `costs`,
/// `stats`), `objective` and `bound` null when absent; ``json`` is that encoding as pretty,
/// deterministic text. Decoding (`JSONDecoder().decode(Agenda.self, from: data)`) goes through the
/// reader of `convene check --agenda`, and throws ``DiagnosticError`` with every problem at its
/// JSON path.
public struct Agenda: Sendable, Equatable, Codable {
    /// What is known about the answer (not why the solver stopped).
    public enum Status: String, Sendable, CaseIterable, Codable {
        /// The agenda is proven optimal.
        case optimal
        /// An agenda was found, not proven optimal.
        case feasible
        /// It is proven that no agenda exists.
        case infeasible
        /// No agenda was found within the limits, and there is no proof.
        case unknown
    }

    /// One session placed: its start slot, rooms, and (derived) occupied slots and times.
    public struct Placement: Sendable, Equatable {
        /// The session's id.
        public package(set) var session: Session.ID
        /// Which run of the session it is, 1-based: run 1 starts first, run 2 next (1 for a
        /// session that takes place once, and for a placement that does not say).
        public package(set) var run: Int
        /// Whether the document writes `"run"`: the session has more than one run, or the
        /// placement was read with one.
        package var namesRun: Bool
        /// The slot it starts in.
        public package(set) var start: Slot.ID
        /// The rooms it uses.
        public package(set) var rooms: [Room.ID]
        /// Derived from `start` by the chain rule; checked when present.
        package var slots: [Slot.ID]?
        /// Local to the event's time zone; derived, checked when present.
        package var startTime: String?
        package var endTime: String?

        /// A placement by ids: run `run` of `session` starts in slot `start` and uses `rooms`. The
        /// slots it occupies and its local times are derived when the agenda is written or judged.
        public init(session: Session.ID, run: Int = 1, start: Slot.ID, rooms: [Room.ID]) {
            self.init(session: session, run: run, start: start, rooms: rooms, slots: nil, startTime: nil, endTime: nil)
        }

        /// A placement with its derived fields as the document writes them (local times as text).
        package init(
            session: Session.ID, run: Int = 1, start: Slot.ID, rooms: [Room.ID], slots: [Slot.ID]?, startTime: String?, endTime: String?
        ) {
            self.session = session
            self.run = run
            namesRun = run != 1
            self.start = start
            self.rooms = rooms
            self.slots = slots
            self.startTime = startTime
            self.endTime = endTime
        }
    }

    /// The objective's terms, in the contract's order (`allCases`).
    public enum CostKind: String, Sendable, CaseIterable, Codable {
        /// An attendee wants two sessions that run at the same time.
        case clash
        /// A session's slots lack a tag it prefers.
        case preference
        /// A session runs outside a facilitator's preferred hours.
        case personPreference
        /// An optional session is left out.
        case unscheduled
        /// A session of the previous agenda starts elsewhere, or is no longer placed.
        case change
        /// A session of the previous agenda keeps its start but not its rooms.
        case roomChange
        /// Two sessions of one track run at the same time.
        case trackOverlap
    }

    /// One non-zero term of the objective.
    public struct Cost: Sendable, Equatable {
        /// Which term it is.
        public package(set) var kind: CostKind
        /// The sessions it concerns.
        public package(set) var sessions: [Session.ID]
        /// For clashes: the attendees who want both sessions.
        public package(set) var attendees: [Attendee.ID]
        /// For `personPreference`: the facilitator whose preferred hours the session misses.
        public package(set) var person: Person.ID?
        /// What it adds to the objective.
        public package(set) var cost: Int

        package init(kind: CostKind, sessions: [String], attendees: [String] = [], person: String? = nil, cost: Int) {
            self.kind = kind
            self.sessions = sessions
            self.attendees = attendees
            self.person = person
            self.cost = cost
        }
    }

    package var convene = 1
    /// What is known about the answer.
    public package(set) var status: Status
    /// Which solver produced the agenda (`milp`, `search`), nil for a hand-made one.
    package var solver: String?
    /// The contract objective of the agenda printed; nil without an agenda.
    public package(set) var objective: Int?
    /// A proven lower bound on the objective, when the solver has one.
    public package(set) var bound: Int?
    /// The placed sessions.
    public package(set) var placements: [Placement]
    /// The optional sessions left out.
    public package(set) var unscheduled: [Session.ID]
    /// Every non-zero term of the objective.
    public package(set) var costs: [Cost]
    /// What the solve measured (`stats`): its seconds, why it stopped, each solver's counts and,
    /// when it replanned, the diff; empty for an agenda no solve made.
    public package(set) var statistics: SolveStatistics

    package init(
        status: Status, solver: String? = nil, objective: Int? = nil, bound: Int? = nil, placements: [Placement] = [],
        unscheduled: [String] = [], costs: [Cost] = [], statistics: SolveStatistics = SolveStatistics()
    ) {
        self.status = status
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.placements = placements
        self.unscheduled = unscheduled
        self.costs = costs
        self.statistics = statistics
    }
}
