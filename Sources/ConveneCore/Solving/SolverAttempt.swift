/// What a solver found, before the front door judges it: the answer's status, the agenda (if
/// any), a proven lower bound, why the solver stopped, and the solver's own measurements.
public struct SolverAttempt: Sendable {
    /// What is known about the answer.
    package var status: Agenda.Status
    /// The solver that produced the agenda (in a portfolio, the one whose agenda won).
    package var solver: SolverKind
    /// A proven lower bound on the objective, when the solver has one.
    package var bound: Int?
    /// Why the solver stopped, when it says; the front door works it out otherwise.
    package var termination: Termination?
    /// The solver's measurements for the agenda's `stats`.
    package var statistics: SolveStatistics
    /// The agenda by id, as a solver outside this package gives it.
    let placements: [Agenda.Placement]?
    /// The agenda by index, as this package's solvers give it.
    package var assignments: [Assignment]?

    /// An attempt with an agenda written by id (nil: none found), for solvers of your own.
    ///
    /// Give `termination` when you know why the solver stopped (``Termination/workLimit`` when
    /// your own bound on its work ran out). Without it the front door says `optimal` or
    /// `infeasible` after the status, `cancelled` or `timeLimit` when the solve was cancelled or its
    /// time limit passed, and otherwise `workLimit` when there is an agenda, `noSolutionFound`
    /// when there is none.
    public init(
        status: Agenda.Status, solver: SolverKind, placements: [Agenda.Placement]?, bound: Int? = nil, termination: Termination? = nil
    ) {
        self.status = status
        self.solver = solver
        self.placements = placements
        self.bound = bound
        self.termination = termination
        self.statistics = SolveStatistics()
    }

    package init(
        status: Agenda.Status, solver: SolverKind, assignments: [Assignment]?, bound: Int? = nil, termination: Termination? = nil,
        statistics: SolveStatistics = SolveStatistics()
    ) {
        self.status = status
        self.solver = solver
        self.placements = nil
        self.assignments = assignments
        self.bound = bound
        self.termination = termination
        self.statistics = statistics
    }

    /// Whether it holds an agenda.
    package var hasAgenda: Bool { assignments != nil || placements != nil }
}
