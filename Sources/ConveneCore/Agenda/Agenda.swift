import Foundation

/// The contract's agenda document: what `convene solve --format json` prints and what
/// `convene check --agenda` and `--previous` read back.
public struct Agenda: Sendable, Equatable {
    /// What is known about the answer (not why the solver stopped).
    public enum Status: String, Sendable, CaseIterable {
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
        public package(set) var session: String
        /// The id of the slot it starts in.
        public package(set) var start: String
        /// The ids of the rooms it uses.
        public package(set) var rooms: [String]
        /// Derived from `start` by the chain rule; checked when present.
        package var slots: [String]?
        /// Local to the event's time zone; derived, checked when present.
        package var startTime: String?
        package var endTime: String?

        /// A placement by ids; the derived fields are filled in when the agenda is judged.
        public init(
            session: String, start: String, rooms: [String], slots: [String]? = nil,
            startTime: String? = nil, endTime: String? = nil
        ) {
            self.session = session
            self.start = start
            self.rooms = rooms
            self.slots = slots
            self.startTime = startTime
            self.endTime = endTime
        }
    }

    /// The objective's terms, in the contract's order.
    public enum CostKind: String, Sendable, CaseIterable, Comparable {
        case clash, preference, personPreference, unscheduled, change, roomChange, trackOverlap

        public static func < (a: CostKind, b: CostKind) -> Bool {
            allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
        }
    }

    /// One non-zero term of the objective.
    public struct Cost: Sendable, Equatable {
        /// Which term it is.
        public package(set) var kind: CostKind
        /// The sessions it concerns, by id.
        public package(set) var sessions: [String]
        /// For clashes: the attendees who want both sessions.
        public package(set) var attendees: [String]
        /// For `personPreference`: the facilitator whose preferred hours the session misses.
        public package(set) var person: String?
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
    public package(set) var solver: String?
    /// The contract objective of the agenda printed; nil without an agenda.
    public package(set) var objective: Int?
    /// A proven lower bound on the objective, when the solver has one.
    public package(set) var bound: Int?
    /// The placed sessions.
    public package(set) var placements: [Placement]
    /// Ids of the optional sessions left out.
    public package(set) var unscheduled: [String]
    /// Every non-zero term of the objective.
    public package(set) var costs: [Cost]
    /// `seconds` and anything else the solver measured, in order.
    package var stats: [JSONValue.Member]

    package init(
        status: Status, solver: String? = nil, objective: Int? = nil, bound: Int? = nil, placements: [Placement] = [],
        unscheduled: [String] = [], costs: [Cost] = [], stats: [JSONValue.Member] = []
    ) {
        self.status = status
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.placements = placements
        self.unscheduled = unscheduled
        self.costs = costs
        self.stats = stats
    }
}

extension Agenda {
    /// The document in the contract's key order, `objective` and `bound` written as null when absent.
    package var jsonValue: JSONValue {
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        let placements: [JSONValue] = self.placements.map { p in
            var members: [JSONValue.Member] = [
                .init(key: "session", value: .string(p.session)),
                .init(key: "start", value: .string(p.start)),
                .init(key: "rooms", value: strings(p.rooms)),
            ]
            if let slots = p.slots { members.append(.init(key: "slots", value: strings(slots))) }
            if let t = p.startTime { members.append(.init(key: "startTime", value: .string(t))) }
            if let t = p.endTime { members.append(.init(key: "endTime", value: .string(t))) }
            return .object(members)
        }
        let costs: [JSONValue] = self.costs.map { c in
            var members: [JSONValue.Member] = [
                .init(key: "kind", value: .string(c.kind.rawValue)),
                .init(key: "sessions", value: strings(c.sessions)),
            ]
            if c.kind == .clash || !c.attendees.isEmpty { members.append(.init(key: "attendees", value: strings(c.attendees))) }
            if let person = c.person { members.append(.init(key: "person", value: .string(person))) }
            members.append(.init(key: "cost", value: .number(Double(c.cost))))
            return .object(members)
        }
        return .object([
            .init(key: "convene", value: .number(Double(convene))),
            .init(key: "status", value: .string(status.rawValue)),
            .init(key: "solver", value: solver.map(JSONValue.string) ?? .null),
            .init(key: "objective", value: int(objective)),
            .init(key: "bound", value: int(bound)),
            .init(key: "placements", value: .array(placements)),
            .init(key: "unscheduled", value: strings(unscheduled)),
            .init(key: "costs", value: .array(costs)),
            .init(key: "stats", value: .object(stats)),
        ])
    }

    /// The document as pretty, deterministic JSON text.
    public var json: String { JSONWriter.write(jsonValue) }

    /// Reads an agenda document, reporting every problem with its path.
    ///
    /// - Returns: the agenda, with warnings about what it holds that an agenda does not (unknown keys).
    /// - Throws: ``DiagnosticError`` with every problem, each at its JSON path, when the document
    ///   cannot be read as an agenda.
    public static func load(_ data: Data) throws(DiagnosticError) -> Loaded<Agenda> {
        let log = ProblemLog()
        var parser = JSONParser(Array(data))
        let value: JSONValue
        do {
            value = try parser.parseDocument()
        } catch {
            throw DiagnosticError([
                Diagnostic(at: .root, "the agenda is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
            ])
        }
        for path in parser.repeatedKeys { log.error(path, "this key appears twice in the same object; keep one of them") }
        guard let agenda = read(value, log: log), !log.hasErrors else { throw DiagnosticError(log.problems) }
        return Loaded(agenda, warnings: log.problems)
    }

    static func read(_ value: JSONValue, log: ProblemLog) -> Agenda? {
        guard var r = ObjectReader(value, at: .root, log: log, what: "a Convene agenda document") else { return nil }
        defer { r.warnAboutUnknownKeys() }
        let version = r.integer("convene", required: "an agenda starts with \"convene\": 1")
        if let version, version != 1 {
            log.error(.root / "convene", "unsupported format version \(version); this Convene reads version 1")
        }
        var agenda = Agenda(status: .feasible)
        if let text = r.string("status") {
            if let status = Status(rawValue: text) {
                agenda.status = status
            } else {
                log.error(.root / "status", "unknown status \"\(text)\"; it is one of optimal, feasible, infeasible, unknown")
            }
        }
        agenda.solver = r.string("solver")
        agenda.objective = r.integer("objective")
        agenda.bound = r.integer("bound")
        agenda.placements = r.list("placements", of: "placements") { value, path, log in
            guard var p = ObjectReader(value, at: path, log: log, what: "a placement") else {
                return Placement(session: "", start: "", rooms: [])
            }
            defer { p.warnAboutUnknownKeys() }
            let session = p.string("session", required: "every placement names its session") ?? ""
            let start = p.string("start", required: "every placement names its start slot") ?? ""
            let hasRooms = p.value("rooms") != nil
            var placement = Placement(session: session, start: start, rooms: p.strings("rooms"))
            if !hasRooms { log.error(path / "rooms", "is missing: every placement lists its rooms, such as [\"rabb\"]") }
            if p.value("slots") != nil { placement.slots = p.strings("slots") }
            placement.startTime = p.string("startTime")
            placement.endTime = p.string("endTime")
            return placement
        }
        agenda.unscheduled = r.strings("unscheduled")
        agenda.costs = r.list("costs", of: "costs") { value, path, log in
            guard var c = ObjectReader(value, at: path, log: log, what: "a cost") else { return Cost(kind: .clash, sessions: [], cost: 0) }
            defer { c.warnAboutUnknownKeys() }
            let text = c.string("kind", required: "every cost names its kind") ?? ""
            let kind = CostKind(rawValue: text)
            if kind == nil, !text.isEmpty {
                let kinds = CostKind.allCases.map(\.rawValue).joined(separator: ", ")
                log.error(path / "kind", "unknown cost kind \"\(text)\"; it is one of \(kinds)")
            }
            return Cost(
                kind: kind ?? .clash, sessions: c.strings("sessions"), attendees: c.strings("attendees"), person: c.string("person"),
                cost: c.integer("cost") ?? 0)
        }
        if case .object(let members)? = r.value("stats") { agenda.stats = members }
        return agenda
    }
}
