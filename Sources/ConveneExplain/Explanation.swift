import ConveneCore

extension ConflictExplainer {
    /// What the explainer found, as values and in words: whether an agenda exists; if not, the
    /// sessions that have nowhere to go on their own, or else the smallest set of requirements
    /// that cannot hold together, what runs short between them, and the single changes that would
    /// make an agenda possible.
    public struct Explanation: Sendable {
        /// Whether an agenda exists.
        public var feasible: Bool
        /// Sessions that have nowhere to go on their own, whatever else is decided.
        public var immediate: [ImmediateReason] = []
        /// A smallest set of requirements that cannot all hold (empty when ``immediate`` explains
        /// it): lifting any one of them makes the rest possible.
        public var conflict: [Requirement] = []
        /// What runs short between the conflicting requirements, when it is a room, a slot or a
        /// day: nil when the conflict is of another kind (an order of sessions, travel between
        /// sites, a session that already ran).
        public var shortage: Shortage? = nil
        /// The requirements of ``conflict`` whose lifting alone makes the whole input feasible,
        /// each with its ``Requirement/advice``.
        public var fixes: [Requirement] = []
        /// False when some feasibility check could not decide, so the set may not be the smallest
        /// (``text(_:)`` says so).
        package var proven: Bool
        /// How many feasibility checks it took.
        package var oracleCalls: Int
    }
}

extension ConflictExplainer.Explanation {
    /// The explanation in plain words.
    public func text(_ g: Gathering) -> String {
        if feasible { return "An agenda exists for \(g.name): no requirement conflicts with another.\n" }
        var out = "No agenda exists for \(g.name).\n"
        if !immediate.isEmpty {
            out += "\nThese sessions have nowhere to go, whatever else is decided:\n"
            for reason in immediate { out += "  - \(reason.message)\n" }
            return out
        }
        out +=
            "\nThese \(conflict.count) requirements cannot all hold together"
            + (proven ? "" : " (some checks were undecided, so the set may not be the smallest)")
            + "; lift any one of them and the rest can:\n"
        for requirement in conflict { out += "  - \(requirement.sentence)\n" }
        if let shortage { out += "\nWhat runs short: \(shortage.sentence)\n" }
        if fixes.isEmpty {
            out += "\nNo single change fixes the whole input: it has other conflicts too. Fix one, then run `convene explain` again.\n"
        } else {
            out += "\nAny one of these changes would make an agenda possible:\n"
            for fix in fixes { out += "  - \(fix.advice)\n" }
        }
        return out
    }

    /// The explanation as JSON: `feasible`, `immediate` (session, kind, message), `conflict`
    /// (key, sentence, kind, rule, sessions, people, rooms, slots), `shortage` (null, or kind,
    /// sentence, sessions, people, places, days, available, needed), `fixes` (key, advice, and the
    /// same as a conflict's), `proven`.
    package func json() -> String {
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { .init(key: $0.0, value: $0.1) }) }
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        func names(_ r: ConflictExplainer.Requirement) -> [(String, JSONValue)] {
            [
                ("kind", .string(r.kind.rawValue)), ("rule", .number(Double(r.rule.rawValue))), ("sessions", strings(r.sessions)),
                ("people", strings(r.people)), ("rooms", strings(r.rooms)), ("slots", strings(r.slots)),
            ]
        }
        let short: JSONValue =
            shortage.map { s in
                object([
                    ("kind", .string(s.kind.rawValue)), ("sentence", .string(s.sentence)), ("sessions", strings(s.sessions)),
                    ("people", strings(s.people)),
                    (
                        "places",
                        .array(s.places.map { object([("room", $0.room.map(JSONValue.string) ?? .null), ("slot", .string($0.slot))]) })
                    ),
                    ("days", strings(s.days)), ("available", .number(Double(s.available))), ("needed", .number(Double(s.needed))),
                ])
            } ?? .null
        return JSONWriter.write(
            object([
                ("feasible", .bool(feasible)),
                (
                    "immediate",
                    .array(
                        immediate.map {
                            object([
                                ("session", .string($0.session)), ("kind", .string($0.kind.rawValue)), ("message", .string($0.message)),
                            ])
                        })
                ),
                ("conflict", .array(conflict.map { object([("key", .string($0.key)), ("sentence", .string($0.sentence))] + names($0)) })),
                ("shortage", short),
                ("fixes", .array(fixes.map { object([("key", .string($0.key)), ("advice", .string($0.advice))] + names($0)) })),
                ("proven", .bool(proven)),
            ]))
    }
}
