/// Something that finds agendas: the pure-Swift ``SearchSolver``, the exact solver and the
/// portfolio (``ExactSolver``, ``PortfolioSolver``, made with GLPK by `ConveneGLPK`), or one of
/// your own.
///
/// Call a solver through ``Gathering/solve(using:options:)``, never directly: that call builds
/// the domain once, enforces the time limit and cancellation, and judges whatever the solver
/// returns with the ``AgendaChecker``, so that no agenda reaches you unverified.
public protocol AgendaSolver: Sendable {
    /// Looks for the best agenda of `problem` within its time limit.
    ///
    /// Stop soon after ``SolveProblem/shouldStop`` turns true (the time limit passed, or the
    /// calling task was cancelled), and report each better agenda with
    /// ``SolveProblem/report(objective:bound:placements:solver:)``.
    func attempt(_ problem: SolveProblem) async throws -> SolverAttempt
}

/// Which solver produced an agenda.
public enum SolverKind: Sendable, Hashable {
    /// The pure-Swift search (``SearchSolver``).
    case search
    /// The integer program solved by GLPK.
    case milp
    /// A solver of your own, by name.
    case custom(String)

    /// The name written in the agenda's `solver` field: `search`, `milp`, or the custom name.
    package var name: String {
        switch self {
        case .search: "search"
        case .milp: "milp"
        case .custom(let name): name
        }
    }
}
