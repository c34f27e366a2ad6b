/// Says why no agenda exists: sessions that have nowhere to go on their own, or else a smallest
/// set of requirements that cannot hold together (a deletion filter: each requirement is lifted
/// in turn and stays lifted when the rest still conflict), and the single relaxations that would
/// make the whole input feasible.
public struct ConflictExplainer: Sendable {
    /// Decides whether a gathering has an agenda: true, false, or nil when it cannot tell.
    public typealias Oracle = @Sendable (Gathering) -> Bool?

    public struct Explanation: Sendable {
        /// nil: an agenda exists.
        public var feasible: Bool
        public var immediate: [ImmediateReason]
        /// Keys and sentences of a minimal conflicting set (empty when immediate reasons explain it).
        public var conflict: [Requirement]
        /// Single relaxations that would make the input feasible.
        public var fixes: [Requirement]
        /// False when some oracle call could not decide, so the set may not be the smallest.
        public var proven: Bool
        public var oracleCalls: Int
    }

    public let oracle: Oracle

    public init(oracle: @escaping Oracle) { self.oracle = oracle }

    /// The pure-Swift oracle: the search's construction with its complete backtracking.
    public static let search: Oracle = { g in
        let outcome = SearchSolver(settings: .init(moves: 0)).solve(Domain(g))
        switch outcome.status {
        case .feasible, .optimal: return true
        case .infeasible: return false
        case .unknown: return nil
        }
    }

    public func explain(_ g: Gathering) -> Explanation {
        var calls = 0
        var proven = true
        func feasible(_ candidate: Gathering) -> Bool {
            calls += 1
            guard let answer = oracle(candidate) else {
                proven = false
                return true  // undecided counts as feasible: the requirement is kept
            }
            return answer
        }
        let immediate = ImmediateReason.all(Domain(g))
        if !immediate.isEmpty {
            return Explanation(feasible: false, immediate: immediate, conflict: [], fixes: [], proven: true, oracleCalls: 0)
        }
        if feasible(g) { return Explanation(feasible: true, immediate: [], conflict: [], fixes: [], proven: proven, oracleCalls: calls) }
        let all = Requirement.all(in: g)
        var kept = Set(all)
        for requirement in all {
            let trial = kept.subtracting([requirement])
            if !feasible(g.relaxing(Set(all).subtracting(trial))) { kept = trial }
        }
        let conflict = all.filter(kept.contains)
        let fixes = conflict.filter { feasible(g.relaxing([$0])) }
        return Explanation(feasible: false, immediate: [], conflict: conflict, fixes: fixes, proven: proven, oracleCalls: calls)
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
        for requirement in conflict { out += "  - \(requirement.sentence(g))\n" }
        if fixes.isEmpty {
            out += "\nNo single change fixes the whole input: it has other conflicts too. Fix one, then run `convene explain` again.\n"
        } else {
            out += "\nAny one of these changes would make an agenda possible:\n"
            for fix in fixes { out += "  - \(fix.relaxation(g))\n" }
        }
        return out
    }

    /// The explanation as JSON: `feasible`, `immediate` (session, kind, message), `conflict`
    /// (key, sentence), `fixes` (key, advice), `proven`.
    public func json(_ g: Gathering) -> String {
        func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(members.map { .init(key: $0.0, value: $0.1) }) }
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
                ("conflict", .array(conflict.map { object([("key", .string($0.key(g))), ("sentence", .string($0.sentence(g)))]) })),
                ("fixes", .array(fixes.map { object([("key", .string($0.key(g))), ("advice", .string($0.relaxation(g)))]) })),
                ("proven", .bool(proven)),
            ]))
    }
}
