/// What itinerary planning measured: the itineraries document's `stats`, typed. Written as one
/// flat object (`seconds`, `termination`, `planner`, `nodes`, `augmentations`, `rounds`,
/// `rows`, `columns`, `nonZeros`, `milpSeconds`, `warmStartUsed`, `milp`), each key only when
/// known; keys another tool wrote are kept as they were read.
///
/// The package's own: an app reads how the planning ended from ``ItineraryResult`` and the rest
/// from the document's `stats` (``Itineraries/json``).
package struct ItineraryStatistics: Sendable, Equatable {
    /// How long the planning took, the checkers' verdicts included.
    package var elapsed: Duration? { seconds.map { .seconds($0) } }
    /// ``elapsed`` in seconds, as the document writes it.
    package var seconds: Double?
    /// Why the planning stopped.
    package var termination: Termination?
    /// Which planner's itineraries these are: `fast` or `milp`.
    package var planner: String?
    /// Nodes of the fast planner's searches over attendees' itineraries.
    package var nodes: Int?
    /// Pairs the fast planner gained by moving attendees between runs of a session.
    package var augmentations: Int?
    /// The fast planner's rounds of repair.
    package var rounds: Int?
    /// The integer program's rows, when one was built.
    package var rows: Int?
    /// The integer program's columns (one per attendee and run they could go to).
    package var columns: Int?
    /// The integer program's non-zero coefficients.
    package var nonZeros: Int?
    /// How long the MILP backend ran.
    package var milpElapsed: Duration? { milpSeconds.map { .seconds($0) } }
    /// ``milpElapsed`` in seconds, as the document writes it.
    package var milpSeconds: Double?
    /// Whether the backend took the fast planner's itineraries as its first incumbent.
    package var warmStartUsed: Bool?
    /// Why no integer program was solved (`milp`): too large, or the backend failed.
    package var integerProgramSkipped: String?
    /// Members this version of Convene does not know, as they were read.
    package var others: [JSONValue.Member] = []

    package init() {}

    /// The `stats` object's members, in order.
    package var members: [JSONValue.Member] {
        var m: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue?) { if let value { m.append(.init(key: key, value: value)) } }
        func int(_ v: Int?) -> JSONValue? { v.map { .number(Double($0)) } }
        add("seconds", seconds.map(JSONValue.number))
        add("termination", termination.map { .string($0.rawValue) })
        add("planner", planner.map(JSONValue.string))
        add("nodes", int(nodes))
        add("augmentations", int(augmentations))
        add("rounds", int(rounds))
        add("rows", int(rows))
        add("columns", int(columns))
        add("nonZeros", int(nonZeros))
        add("milpSeconds", milpSeconds.map(JSONValue.number))
        add("warmStartUsed", warmStartUsed.map(JSONValue.bool))
        add("milp", integerProgramSkipped.map(JSONValue.string))
        return m + others
    }

    /// Reads a `stats` object; a known key of the wrong type is reported.
    static func read(_ members: [JSONValue.Member], at path: JSONPath, log: ProblemLog) -> ItineraryStatistics {
        var s = ItineraryStatistics()
        for member in members {
            let v = member.value
            func int() -> Int? {
                guard let d = v.numberValue, d == d.rounded(), abs(d) <= 1e12 else {
                    log.error(path / member.key, "expected a whole number, found \(v.kindDescription)")
                    return nil
                }
                return Int(d)
            }
            switch member.key {
            case "seconds": s.seconds = v.numberValue
            case "termination":
                if case .string(let t) = v { s.termination = Termination(rawValue: t) }
            case "planner":
                if case .string(let t) = v { s.planner = t }
            case "nodes": s.nodes = int()
            case "augmentations": s.augmentations = int()
            case "rounds": s.rounds = int()
            case "rows": s.rows = int()
            case "columns": s.columns = int()
            case "nonZeros": s.nonZeros = int()
            case "milpSeconds": s.milpSeconds = v.numberValue
            case "warmStartUsed":
                if case .bool(let b) = v { s.warmStartUsed = b }
            case "milp":
                if case .string(let t) = v { s.integerProgramSkipped = t }
            default: s.others.append(member)
            }
        }
        return s
    }
}
