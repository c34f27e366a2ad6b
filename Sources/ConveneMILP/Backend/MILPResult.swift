/// Why a backend stopped, kept apart from what it found.
package enum MILPTermination: Sendable, Equatable {
    case optimal
    case infeasible
    case timeLimit
    /// Branch-and-cut created more nodes than the backend's node limit allows.
    case nodeLimit
    case gapReached
    /// The stop flag was raised (the solve was cancelled, or the portfolio no longer needs it).
    case stopped
    /// The program was rejected, or the backend failed; the text says which.
    case failed(String)
}

/// A backend's answer on an ``IntegerProgram``.
package struct MILPResult: Sendable {
    package var termination: MILPTermination
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

    package init(
        termination: MILPTermination, solution: [Double]?, objective: Double?, bound: Double?, seconds: Double, warmStartUsed: Bool,
        afterHandOver: Bool = false, takenUp: Int = 0
    ) {
        self.termination = termination
        self.solution = solution
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.warmStartUsed = warmStartUsed
        self.afterHandOver = afterHandOver
        self.takenUp = takenUp
    }
}

/// The LP relaxation's outcome.
package enum MILPRelaxation: Equatable {
    case solved(bound: Double)
    case infeasible
    case stopped(MILPTermination)
}
