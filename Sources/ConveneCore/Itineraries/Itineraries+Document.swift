import Foundation

// The itineraries document in JSON: one writer (`jsonValue`, which `json` writes) and one reader
// (`read`, which `load` uses).

extension Itineraries {
    /// The document in the contract's key order, `bound` null when unknown.
    package var jsonValue: JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        return .object([
            .init(key: "convene", value: .number(Double(convene))),
            .init(key: "status", value: .string(status.rawValue)),
            .init(key: "served", value: int(served)),
            .init(key: "wanted", value: int(wanted)),
            .init(key: "bound", value: int(bound)),
            .init(
                key: "itineraries",
                value: .array(
                    itineraries.map { i in
                        .object([
                            .init(key: "attendee", value: .string(i.attendee)),
                            .init(
                                key: "runs",
                                value: .array(
                                    i.runs.map { v in
                                        var members: [JSONValue.Member] = [
                                            .init(key: "session", value: .string(v.session)), .init(key: "run", value: int(v.run)),
                                        ]
                                        if v.facilitates { members.append(.init(key: "facilitates", value: .bool(true))) }
                                        return .object(members)
                                    })),
                            .init(key: "missed", value: .strings(i.missed)),
                        ])
                    })),
            .init(
                key: "runs",
                value: .array(
                    runs.map { r in
                        .object([
                            .init(key: "session", value: .string(r.session)), .init(key: "run", value: int(r.run)),
                            .init(key: "seats", value: int(r.seats)), .init(key: "taken", value: int(r.taken)),
                        ])
                    })),
            .init(key: "stats", value: .object(statistics.members)),
        ])
    }

    /// The document as pretty, deterministic JSON (UTF-8): what `convene itineraries --format json` writes.
    public var json: Data { Data(JSONWriter.write(jsonValue).utf8) }

    /// Reads an itineraries document, reporting every problem with its path: how `convene check`
    /// and `convene publish` read one back.
    ///
    /// - Throws: `DiagnosticError` with every problem, each at its JSON path.
    package static func load(_ data: Data) throws(DiagnosticError) -> Loaded<Itineraries> {
        try JSONValue.load(data, what: "the itineraries document") { read($0, at: $1, log: $2) }
    }

    static func read(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> Itineraries? {
        guard var r = ObjectReader(value, at: path, log: log, what: "a Convene itineraries document") else { return nil }
        defer { r.warnAboutUnknownKeys() }
        if let version = r.integer("convene", required: "an itineraries document starts with \"convene\": 1"), version != 1 {
            log.error(path / "convene", "unsupported format version \(version); this Convene reads version 1")
        }
        var document = Itineraries(status: .feasible, served: 0, wanted: 0, bound: nil, itineraries: [], runs: [])
        if let text = r.string("status") {
            if let status = Agenda.Status(rawValue: text) {
                document.status = status
            } else {
                log.error(path / "status", "unknown status \"\(text)\"; it is one of optimal, feasible, infeasible, unknown")
            }
        }
        document.served = r.integer("served", required: "the number of (attendee, session) pairs served") ?? 0
        document.wanted = r.integer("wanted", required: "the number of (attendee, session) pairs wanted") ?? 0
        document.bound = r.integer("bound")
        document.itineraries = r.list("itineraries", of: "itineraries") { value, path, log in
            guard var i = ObjectReader(value, at: path, log: log, what: "an itinerary") else {
                return Itinerary(attendee: "", runs: [], missed: [])
            }
            defer { i.warnAboutUnknownKeys() }
            let attendee = i.string("attendee", required: "every itinerary names its attendee") ?? ""
            let runs = i.list("runs", of: "runs") { value, path, log in
                guard var v = ObjectReader(value, at: path, log: log, what: "a run") else { return Visit(session: "", run: 0) }
                defer { v.warnAboutUnknownKeys() }
                return Visit(
                    session: v.string("session", required: "every run names its session") ?? "",
                    run: v.integer("run", required: "every run gives its number, 1 for the first") ?? 0,
                    facilitates: v.bool("facilitates") ?? false)
            }
            return Itinerary(attendee: attendee, runs: runs, missed: i.strings("missed"))
        }
        document.runs = r.list("runs", of: "runs") { value, path, log in
            guard var s = ObjectReader(value, at: path, log: log, what: "a run") else {
                return RunSeats(session: "", run: 0, seats: nil, taken: 0)
            }
            defer { s.warnAboutUnknownKeys() }
            return RunSeats(
                session: s.string("session", required: "every run names its session") ?? "",
                run: s.integer("run", required: "every run gives its number, 1 for the first") ?? 0, seats: s.integer("seats"),
                taken: s.integer("taken", required: "every run says how many seats are taken") ?? 0)
        }
        if case .object(let members)? = r.value("stats") {
            document.statistics = ItineraryStatistics.read(members, at: path / "stats", log: log)
        }
        return document
    }
}
