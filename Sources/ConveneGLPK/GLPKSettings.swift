/// How GLPK's branch-and-cut runs. Every setting maps to one `glp_iocp` field (but the node
/// limit, which the callback enforces); none is ignored.
/// The time limit and the relative gap come from ``SolveOptions``.
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
    /// The exact solver does not build a program with more placement columns than this (a
    /// million is about a gigabyte of memory before GLPK starts); it says so and returns no agenda.
    package var columnLimit = 1_000_000
    /// Branch-and-cut stops once it has created more nodes than this (nil: no limit). GLPK has no
    /// such limit of its own; the callback counts them. Unlike a time limit it ends every run at
    /// the same point on a fast machine and a slow one, which is what tests need.
    package var nodeLimit: Int?
    /// Receives GLPK's terminal output; nil keeps GLPK silent.
    package var log: (@Sendable (String) -> Void)?

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

/// Why GLPK stopped, kept apart from what it found.
package enum GLPKTermination: Sendable, Equatable {
    case optimal
    case infeasible
    case timeLimit
    /// Branch-and-cut created more than ``GLPKSettings/nodeLimit`` nodes.
    case nodeLimit
    case gapReached
    /// The stop flag was raised (the solve was cancelled, or the portfolio no longer needs GLPK).
    case stopped
    /// The model was rejected, or the solver failed; the text says which.
    case failed(String)
}

/// GLPK's answer on an ``IntegerProgram``.
package struct GLPKResult: Sendable {
    package var termination: GLPKTermination
    /// The best integer point found, one value per column; nil when none was found.
    package var solution: [Double]?
    package var objective: Double?
    /// The best proven lower bound, when the search established one.
    package var bound: Double?
    package var seconds: Double
    /// Whether the warm start was accepted as the first incumbent.
    package var warmStartUsed: Bool
    /// Whether the solution is, or was found after, a point taken up from the exchange, so that it
    /// depends on when that point arrived, not on the program alone.
    package var afterHandOver = false
    /// Points taken up from the exchange as incumbents.
    package var takenUp = 0
}
