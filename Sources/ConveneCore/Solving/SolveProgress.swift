/// A report while solving: a better agenda, or a better bound.
public struct SolveProgress: Sendable, Equatable {
    /// The solver that reported it.
    public var solver: SolverKind
    /// The best agenda's objective so far.
    public var objective: Int?
    /// The best proven lower bound so far.
    public var bound: Int?
    /// Time since the solve began.
    package var elapsed: Duration

    /// A report.
    package init(solver: SolverKind, objective: Int?, bound: Int?, elapsed: Duration) {
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.elapsed = elapsed
    }

    /// The relative gap between the objective and the bound, when both are known.
    package var gap: Double? {
        guard let objective, let bound else { return nil }
        return objective == 0 ? (bound >= 0 ? 0 : 1) : Double(objective - bound) / Double(abs(objective))
    }
}
