/// How GLPK's branch-and-cut runs. Every setting maps to one `glp_iocp` field; none is ignored.
public struct GLPKSettings: Sendable {
    public enum Branching: Sendable { case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudoCost }
    public enum Backtracking: Sendable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }
    public enum Cut: Sendable, Hashable, CaseIterable { case gomory, mixedIntegerRounding, cover, clique }

    /// Seconds of wall time; nil for no limit. Enforced by GLPK's own limit and by a callback
    /// that stops the search (GLPK checks its limit only between LP solves).
    public var timeLimit: Double?
    /// Stop when (incumbent − bound) / |incumbent| falls to this; 0 proves optimality.
    public var relativeGap: Double = 0
    public var presolve = true
    public var cuts: Set<Cut> = [.cover, .clique]
    /// The feasibility pump: SOLVER-NOTES measured it finding a first agenda 13× sooner on a
    /// large conference. It is skipped when a warm start supplies the first agenda, and on models
    /// of fewer than ``pumpMinimumRows`` rows.
    public var feasibilityPump = true
    public var proximitySearch = false
    public var branching: Branching = .driebeckTomlin
    public var backtracking: Backtracking = .bestLocalBound
    public static let pumpMinimumRows = 2_000
    /// The exact solver does not build a program with more placement columns than this (a
    /// million is about a gigabyte of memory before GLPK starts); it says so and returns no agenda.
    public var columnLimit = 1_000_000
    /// Above this many rows the root LP is solved by the simplex (which honours the time limit)
    /// before branch-and-cut, and clique cuts are off.
    public static let largeModelRows = 20_000
    /// Receives GLPK's terminal output; nil keeps GLPK silent.
    public var log: (@Sendable (String) -> Void)?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
    }
}

/// Why GLPK stopped, kept apart from what it found.
public enum GLPKTermination: Sendable, Equatable {
    case optimal
    case infeasible
    case timeLimit
    case gapReached
    /// A setting or the model was rejected, or the solver failed; the text says which.
    case failed(String)
}

/// GLPK's answer on an ``IntegerProgram``.
public struct GLPKResult: Sendable {
    public var termination: GLPKTermination
    /// The best integer point found, one value per column; nil when none was found.
    public var solution: [Double]?
    public var objective: Double?
    /// The best proven lower bound, when the search established one.
    public var bound: Double?
    public var seconds: Double
    /// Whether the warm start was accepted as the first incumbent.
    public var warmStartUsed: Bool
}
