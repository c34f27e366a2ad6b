import Foundation

// The agenda document in JSON: one writer (`jsonValue`, which `json` and every `encode(to:)` use)
// and one reader (`read`, which `load` and every `init(from:)` use), so that the Codable path and
// the command line's can never disagree.

extension Agenda {
    /// The document in the contract's key order, `objective` and `bound` written as null when absent.
    package var jsonValue: JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        return .object([
            .init(key: "convene", value: .number(Double(convene))),
            .init(key: "status", value: .string(status.rawValue)),
            .init(key: "solver", value: solver.map(JSONValue.string) ?? .null),
            .init(key: "objective", value: int(objective)),
            .init(key: "bound", value: int(bound)),
            .init(key: "placements", value: .array(placements.map(\.jsonValue))),
            .init(key: "unscheduled", value: .strings(unscheduled)),
            .init(key: "costs", value: .array(costs.map(\.jsonValue))),
            .init(key: "stats", value: .object(statistics.members)),
        ])
    }

    /// The document as pretty, deterministic JSON (UTF-8): what `convene solve --format json` writes.
    public var json: Data { Data(jsonText.utf8) }

    /// ``json`` as text.
    package var jsonText: String { JSONWriter.write(jsonValue) }

    /// Reads an agenda document, reporting every problem with its path: the command line's reader,
    /// which also warns about what the document holds that an agenda does not (unknown keys).
    ///
    /// - Returns: the agenda, with those warnings.
    /// - Throws: `DiagnosticError` with every problem, each at its JSON path, when the document
    ///   cannot be read as an agenda.
    package static func load(_ data: Data) throws(DiagnosticError) -> Loaded<Agenda> {
        try JSONValue.load(data, what: "the agenda") { read($0, at: $1, log: $2) }
    }

    /// Decodes an agenda document through the command line's reader (`convene check --agenda`).
    ///
    /// - Throws: ``DiagnosticError`` with every problem, each at its JSON path.
    public init(from decoder: Decoder) throws { self = try JSONValue.decode(decoder, with: Self.read) }

    /// Encodes the contract's agenda document, as ``json`` writes it.
    public func encode(to encoder: Encoder) throws { try jsonValue.encode(to: encoder) }

    static func read(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> Agenda? {
        guard var r = ObjectReader(value, at: path, log: log, what: "a Convene agenda document") else { return nil }
        defer { r.warnAboutUnknownKeys() }
        let version = r.integer("convene", required: "an agenda starts with \"convene\": 1")
        if let version, version != 1 {
            log.error(path / "convene", "unsupported format version \(version); this Convene reads version 1")
        }
        var agenda = Agenda(status: .feasible)
        if let text = r.string("status") {
            if let status = Status(rawValue: text) {
                agenda.status = status
            } else {
                log.error(path / "status", "unknown status \"\(text)\"; it is one of optimal, feasible, infeasible, unknown")
            }
        }
        agenda.solver = r.string("solver")
        agenda.objective = r.integer("objective")
        agenda.bound = r.integer("bound")
        agenda.placements = r.list("placements", of: "placements", Placement.read)
        agenda.unscheduled = r.strings("unscheduled")
        agenda.costs = r.list("costs", of: "costs", Cost.read)
        if case .object(let members)? = r.value("stats") { agenda.statistics = SolveStatistics.read(members, at: path / "stats", log: log) }
        return agenda
    }
}

extension Agenda.Placement {
    /// `session`, `run` (for a session with more than one run), `start`, `rooms`, then the derived
    /// `slots`, `startTime` and `endTime` when known.
    package var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "session", value: .string(session))
        ]
        if namesRun || run != 1 { members.append(.init(key: "run", value: .number(Double(run)))) }
        members += [
            .init(key: "start", value: .string(start)),
            .init(key: "rooms", value: .strings(rooms)),
        ]
        if let slots { members.append(.init(key: "slots", value: .strings(slots))) }
        if let startTime { members.append(.init(key: "startTime", value: .string(startTime))) }
        if let endTime { members.append(.init(key: "endTime", value: .string(endTime))) }
        return .object(members)
    }

    /// A placement; an unreadable one is reported and read as an empty placeholder, so that the
    /// others keep their indices.
    static func read(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> Agenda.Placement {
        guard var p = ObjectReader(value, at: path, log: log, what: "a placement") else {
            return Agenda.Placement(session: "", start: "", rooms: [])
        }
        defer { p.warnAboutUnknownKeys() }
        let session = p.string("session", required: "every placement names its session") ?? ""
        let start = p.string("start", required: "every placement names its start slot") ?? ""
        let hasRooms = p.value("rooms") != nil
        let run = p.integer("run")
        var placement = Agenda.Placement(session: session, run: run ?? 1, start: start, rooms: p.strings("rooms"))
        placement.namesRun = run != nil
        if let run, run < 1 {
            log.error(path / "run", "run is \(run); runs are counted from 1 (run 1 is the first time the session takes place)")
        }
        if !hasRooms { log.error(path / "rooms", "is missing: every placement lists its rooms, such as [\"rabb\"]") }
        if p.value("slots") != nil { placement.slots = p.strings("slots") }
        placement.startTime = p.string("startTime")
        placement.endTime = p.string("endTime")
        return placement
    }
}

extension Agenda.Cost {
    /// `kind`, `sessions`, `attendees` (always for a clash), `person` when there is one, `cost`.
    package var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "kind", value: .string(kind.rawValue)),
            .init(key: "sessions", value: .strings(sessions)),
        ]
        if kind == .clash || !attendees.isEmpty { members.append(.init(key: "attendees", value: .strings(attendees))) }
        if let person { members.append(.init(key: "person", value: .string(person))) }
        members.append(.init(key: "cost", value: .number(Double(cost))))
        return .object(members)
    }

    static func read(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> Agenda.Cost {
        guard var c = ObjectReader(value, at: path, log: log, what: "a cost") else {
            return Agenda.Cost(kind: .clash, sessions: [], cost: 0)
        }
        defer { c.warnAboutUnknownKeys() }
        let text = c.string("kind", required: "every cost names its kind") ?? ""
        let kind = Agenda.CostKind(rawValue: text)
        if kind == nil, !text.isEmpty {
            let kinds = Agenda.CostKind.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(path / "kind", "unknown cost kind \"\(text)\"; it is one of \(kinds)")
        }
        return Agenda.Cost(
            kind: kind ?? .clash, sessions: c.strings("sessions"), attendees: c.strings("attendees"), person: c.string("person"),
            cost: c.integer("cost") ?? 0)
    }
}

extension JSONValue {
    /// A list of strings.
    package static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }

    /// Decodes a contract document from any `Decoder` through its validating reader; every problem
    /// it reports at once, errors and warnings, is thrown as ``DiagnosticError`` when any is an error.
    package static func decode<T>(_ decoder: Decoder, with read: (JSONValue, JSONPath, ProblemLog) -> T?) throws -> T {
        let log = ProblemLog()
        guard let value = read(try JSONValue(from: decoder), .root, log), !log.hasErrors else { throw DiagnosticError(log.problems) }
        return value
    }
}
