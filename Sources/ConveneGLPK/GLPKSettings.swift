/// How GLPK's branch-and-cut runs. Every setting maps to one `glp_iocp` field (but the node
/// limit, which the callback enforces); none is ignored.
/// The time limit and the relative gap come from ``SolveOptions``, the log and the column limit
/// from ``MILPSettings``.
package struct GLPKSettings: Sendable {
    /// How GLPK chooses the variable to branch on.
    package enum Branching: Sendable {
        /// The first fractional variable.
        case firstFractional
        /// The last fractional variable.
        case lastFractional
        /// The most fractional variable.
        case mostFractional
        /// Driebeck and Tomlin's heuristic (GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudo-costs.
        case pseudoCost
    }

    /// How GLPK chooses the next node.
    package enum Backtracking: Sendable {
        /// Depth first.
        case depthFirst
        /// Breadth first.
        case breadthFirst
        /// The node with the best local bound.
        case bestLocalBound
        /// The best projection heuristic.
        case bestProjection
    }

    /// GLPK's cut generators.
    package enum Cut: Sendable, Hashable, CaseIterable {
        /// Gomory's mixed-integer cuts.
        case gomory
        /// Mixed-integer rounding cuts.
        case mixedIntegerRounding
        /// Mixed cover cuts.
        case cover
        /// Clique cuts.
        case clique
    }

    /// GLPK's MIP presolver.
    package var presolve = true
    /// The cut generators to use.
    package var cuts: Set<Cut> = [.cover, .clique]
    /// The feasibility pump: SOLVER-NOTES measured it finding a first agenda 13× sooner on a
    /// large conference. It is skipped when a warm start supplies the first agenda, and on models
    /// of fewer than 2,000 rows.
    package var feasibilityPump = true
    /// GLPK's proximity search heuristic.
    package var proximitySearch = false
    /// The branching rule.
    package var branching: Branching = .driebeckTomlin
    /// The node selection rule.
    package var backtracking: Backtracking = .bestLocalBound
    /// Branch-and-cut stops once it has created more nodes than this (nil: no limit). GLPK has no
    /// such limit of its own; the callback counts them. Unlike a time limit it ends every run at
    /// the same point on a fast machine and a slow one, which is what tests need.
    package var nodeLimit: Int?

    /// The settings the exact solver and the portfolio use by default.
    package init() {}

    /// Models of fewer rows than this skip the feasibility pump: branching finds a first agenda sooner.
    static let pumpMinimumRows = 2_000
    /// Above this many rows GLPK's MIP presolver is not used: the LP relaxation is solved first
    /// by the guarded simplex, which honours the time limit and the stop flag.
    static let largeModelRows = 20_000
    /// Above this many rows GLPK generates no cuts: its cut rounds run without a callback.
    static let cutModelRows = 5_000
    /// Programs of more rows than this branch on the most fractional column: Driebeck–Tomlin's
    /// degradation estimates compute a tableau row per fractional column, with neither callback
    /// nor output (150 sessions with travel between sites, 19,199 rows: 17 s at the first node,
    /// during which neither a proof found elsewhere nor a cancellation could stop GLPK).
    static let estimateBranchingRows = 10_000
}
