import Foundation

// The contract's diff document: one writer (`jsonValue`) for `json`, `encode(to:)` and an agenda's
// `stats.diff`, one reader (`read`) for `init(from:)` and an agenda's `stats.diff` read back.

extension AgendaDiff {
    /// The contract's diff document: `convene`, `changes` (session, kind, before, after, people)
    /// and `notices` (person, sessions, newClashes), in a fixed key order.
    package var jsonValue: JSONValue {
        func side(_ side: Side?) -> JSONValue {
            guard let side else { return .null }
            return .object([
                .init(key: "start", value: .string(side.start)),
                .init(key: "rooms", value: .strings(side.rooms)),
                .init(key: "startTime", value: side.startTimeText.map(JSONValue.string) ?? .null),
                .init(key: "endTime", value: side.endTimeText.map(JSONValue.string) ?? .null),
            ])
        }
        let changes: [JSONValue] = self.changes.map { c in
            let run: [JSONValue.Member] = c.runs > 1 || c.run != 1 ? [.init(key: "run", value: .number(Double(c.run)))] : []
            return .object(
                [.init(key: "session", value: .string(c.session))] + run + [
                    .init(key: "kind", value: .string(c.kind.rawValue)),
                    .init(key: "before", value: side(c.before)),
                    .init(key: "after", value: side(c.after)),
                    .init(key: "people", value: .strings(c.people)),
                ])
        }
        let notices: [JSONValue] = self.notices.map { n in
            .object([
                .init(key: "person", value: .string(n.person)),
                .init(key: "sessions", value: .strings(n.sessions)),
                .init(key: "newClashes", value: .array(n.newClashes.map(JSONValue.strings))),
            ])
        }
        return .object([
            .init(key: "convene", value: .number(1)),
            .init(key: "changes", value: .array(changes)),
            .init(key: "notices", value: .array(notices)),
        ])
    }

    /// The diff document as pretty, deterministic JSON (UTF-8): what `convene diff --format json` writes.
    public var json: Data { Data(JSONWriter.write(jsonValue).utf8) }

    /// Reads a diff document (`convene diff --format json`), reporting every problem with its path.
    ///
    /// - Throws: `DiagnosticError` with every problem, each at its JSON path.
    package static func load(_ data: Data) throws(DiagnosticError) -> Loaded<AgendaDiff> {
        try JSONValue.load(data, what: "the diff document") { read($0, at: $1, log: $2) }
    }

    /// Reads a diff document, every problem logged at its path; nil when it is not an object.
    package static func read(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> AgendaDiff? {
        guard var r = ObjectReader(value, at: path, log: log, what: "a Convene diff document") else { return nil }
        defer { r.warnAboutUnknownKeys() }
        if let version = r.integer("convene", required: "a diff starts with \"convene\": 1"), version != 1 {
            log.error(path / "convene", "unsupported format version \(version); this Convene reads version 1")
        }
        let changes = r.list("changes", of: "changes") { value, path, log -> Change in
            guard var c = ObjectReader(value, at: path, log: log, what: "a change") else {
                return Change(session: "", kind: .added, before: nil, after: nil, people: [])
            }
            defer { c.warnAboutUnknownKeys() }
            let session = c.string("session", required: "every change names its session") ?? ""
            let text = c.string("kind", required: "every change names its kind, such as \"moved\"") ?? ""
            let kind = Kind(rawValue: text)
            if kind == nil, !text.isEmpty {
                let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
                log.error(path / "kind", "unknown kind of change \"\(text)\"; it is one of \(kinds)")
            }
            let run = c.integer("run")
            return Change(
                session: session, run: run ?? 1, runs: run == nil ? 1 : 2, kind: kind ?? .added,
                before: c.object("before", what: "where the session was", side),
                after: c.object("after", what: "where the session is", side), people: c.strings("people"))
        }
        let notices = r.list("notices", of: "notices") { value, path, log -> Notice in
            guard var n = ObjectReader(value, at: path, log: log, what: "a notice") else {
                return Notice(person: "", sessions: [], newClashes: [])
            }
            defer { n.warnAboutUnknownKeys() }
            let person = n.string("person", required: "every notice names its person") ?? ""
            let sessions = n.strings("sessions")
            let clashes = n.list("newClashes", of: "pairs of session ids") { value, path, log -> [String] in
                guard case .array(let pair) = value else {
                    log.error(path, "expected a pair of session ids in square brackets, found \(value.kindDescription)")
                    return []
                }
                return pair.enumerated().map { ObjectReader.string($0.element, at: path / $0.offset, log: log) ?? "" }
            }
            return Notice(person: person, sessions: sessions, newClashes: clashes)
        }
        return AgendaDiff(changes: changes, notices: notices)
    }

    /// A change's `before` or `after`.
    private static func side(_ s: inout ObjectReader) -> Side {
        let start = s.string("start", required: "names the start slot") ?? ""
        if s.value("rooms") == nil { s.log.error(s.path / "rooms", "is missing: lists the rooms, such as [\"rabb\"]") }
        return Side(start: start, rooms: s.strings("rooms"), startTimeText: s.string("startTime"), endTimeText: s.string("endTime"))
    }
}
