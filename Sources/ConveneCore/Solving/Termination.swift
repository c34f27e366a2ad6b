/// Why a solve stopped, kept apart from what is known about its answer (``Agenda/Status``), as
/// OR-Tools' MathOpt keeps its termination reason apart from its solution status: an agenda
/// `feasible` at the time limit and one `feasible` after the search's last move are the same
/// answer, stopped for different reasons.
///
/// ``SolveResult/termination`` gives it; the agenda document writes it as `stats.termination`.
public enum Termination: String, Sendable, CaseIterable, Codable {
    /// The agenda is proven optimal.
    case optimal
    /// The agenda is proven within ``SolveOptions/relativeGap`` of the optimum.
    case gapReached
    /// It is proven that no agenda exists.
    case infeasible
    /// The time limit passed.
    case timeLimit
    /// A count that bounds the work ran out: the search's moves (or its moves without a better
    /// agenda), its backtracking nodes, GLPK's node limit, fix-and-optimise's rounds. The same
    /// input and seed stop at the same point on any machine.
    case workLimit
    /// The calling task was cancelled.
    case cancelled
    /// The solver ended without an agenda and without a proof, before any limit: the integer
    /// program was too large to build, or the backend failed, or the only agenda found broke a
    /// rule and was refused.
    case noSolutionFound
}
