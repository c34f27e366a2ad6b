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
            return Explanation(feasible: false, immediate: immediate, proven: true, oracleCalls: 0)
        }
        if feasible(domain.relaxing([])) { return Explanation(feasible: true, proven: proven, oracleCalls: calls) }
        let all = Condition.all(in: domain)
        var kept = Set(all)
        for condition in all {
            let trial = kept.subtracting([condition])
            if !feasible(domain.relaxing(Set(all).subtracting(trial))) { kept = trial }
        }
        let conflict = all.filter(kept.contains)
        let fixes = conflict.filter { feasible(domain.relaxing([$0])) }
        // What runs short, with only the conflict's requirements in force.
        let shortage = Shortage.find(in: domain.relaxing(Set(all).subtracting(conflict)))
        return Explanation(
            feasible: false, conflict: conflict.map { Requirement($0, in: domain) }, shortage: shortage,
            fixes: fixes.map { Requirement($0, in: domain) }, proven: proven, oracleCalls: calls)
    }
}
