import ConveneCore
import ConveneSearch
import Foundation

/// Says why no agenda exists: sessions that have nowhere to go on their own, or else a smallest
/// set of requirements that cannot hold together (a deletion filter: each requirement is lifted
/// in turn and stays lifted when the rest still conflict), and the single relaxations that would
/// make the whole input feasible.
public struct ConflictExplainer: Sendable {
    /// Decides whether a gathering (with some requirements lifted) has an agenda: true, false, or
    /// nil when it cannot tell within its limits.
    package struct Oracle: Sendable {
        package let decide: @Sendable (Domain) -> Bool?

        package init(_ decide: @escaping @Sendable (Domain) -> Bool?) { self.decide = decide }

        /// The pure-Swift oracle: the search's construction with its complete backtracking.
        package static let search = Oracle { domain in
            let problem = SolveProblem(domain: domain, timeLimit: nil)
            switch SearchSolver(moves: 0).run(problem, seed: 1).status {
            case .feasible, .optimal: return true
            case .infeasible: return false
            case .unknown: return nil
            }
        }
    }

    /// What the explainer found.
    public struct Explanation: Sendable {
        /// Whether an agenda exists.
        public var feasible: Bool
        /// Sessions that have nowhere to go on their own.
        package var immediate: [ImmediateReason]
        /// A minimal conflicting set (empty when immediate reasons explain it).
        package var conflict: [Requirement]
        /// Single relaxations that would make the input feasible.
        package var fixes: [Requirement]
        /// False when some oracle call could not decide, so the set may not be the smallest.
        package var proven: Bool
        /// How many feasibility checks it took.
        package var oracleCalls: Int
    }

    /// The feasibility oracle.
    package let oracle: Oracle

    /// An explainer that decides feasibility with the pure-Swift search.
    public init() { self.init(oracle: .search) }

    /// An explainer that decides feasibility with `oracle`.
    package init(oracle: Oracle) { self.oracle = oracle }

    /// Explains `gathering`, replanning `previous` with the past frozen until `frozenUntil` when
    /// given. Runs on a thread of its own.
    ///
    /// - Throws: ``ReplanningError/frozenWithoutPrevious`` for a frozen time without a previous agenda.
    public func explain(_ gathering: Gathering, previous: Agenda? = nil, frozenUntil: Date? = nil) async throws(ReplanningError)
        -> Explanation
    {
        let domain = try gathering.replanningDomain(previous: previous, frozenUntil: frozenUntil)
        return await DedicatedThread.run { explain(domain) }
    }

    /// The sessions that have nowhere to go on their own, with the first requirement that leaves
    /// them nowhere: a quick, partial explanation (``explain(_:previous:frozenUntil:)`` gives the
    /// whole one).
    ///
    /// - Throws: ``ReplanningError/frozenWithoutPrevious`` for a frozen time without a previous agenda.
    package static func immediateReasons(_ gathering: Gathering, previous: Agenda? = nil, frozenUntil: Date? = nil)
        throws(ReplanningError)
        -> [ImmediateReason]
    {
        ImmediateReason.all(try gathering.replanningDomain(previous: previous, frozenUntil: frozenUntil))
    }

    /// The explanation, on the calling thread (which must have a large stack for GLPK).
    package func explain(_ domain: Domain) -> Explanation {
        var calls = 0
        var proven = true
        func feasible(_ relaxed: Domain) -> Bool {
            calls += 1
            guard let answer = oracle.decide(relaxed) else {
                proven = false
                return true  // undecided counts as feasible: the requirement is kept
            }
            return answer
        }
        let immediate = ImmediateReason.all(domain)
        if !immediate.isEmpty {
            return Explanation(feasible: false, immediate: immediate, conflict: [], fixes: [], proven: true, oracleCalls: 0)
        }
        if feasible(domain.relaxing([])) {
            return Explanation(feasible: true, immediate: [], conflict: [], fixes: [], proven: proven, oracleCalls: calls)
        }
        let all = Requirement.all(in: domain)
        var kept = Set(all)
        for requirement in all {
            let trial = kept.subtracting([requirement])
            if !feasible(domain.relaxing(Set(all).subtracting(trial))) { kept = trial }
        }
        let conflict = all.filter(kept.contains)
        let fixes = conflict.filter { feasible(domain.relaxing([$0])) }
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
    package func json(_ g: Gathering) -> String {
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
