/// What a solver found, before the front door judges it: the answer's status, the agenda (if
/// any), a proven lower bound, and the solver's own measurements.
public struct SolverAttempt: Sendable {
    /// What is known about the answer.
    package var status: Agenda.Status
    /// The solver that produced the agenda (in a portfolio, the one whose agenda won).
    package var solver: SolverKind
    /// A proven lower bound on the objective, when the solver has one.
    package var bound: Int?
    /// Further measurements for the agenda's `stats`, in order.
    package var stats: [JSONValue.Member]
    /// The agenda by id, as a solver outside this package gives it.
    let placements: [Agenda.Placement]?
    /// The agenda by index, as this package's solvers give it.
    package var assignments: [Assignment]?

    /// An attempt with an agenda written by id (nil: none found), for solvers of your own.
    public init(status: Agenda.Status, solver: SolverKind, placements: [Agenda.Placement]?, bound: Int? = nil) {
        self.init(status: status, solver: solver, placements: placements, bound: bound, stats: [])
    }

    /// An attempt with an agenda written by id and the solver's own measurements.
    package init(
        status: Agenda.Status, solver: SolverKind, placements: [Agenda.Placement]?, bound: Int?, stats: [JSONValue.Member]
    ) {
        self.status = status
        self.solver = solver
        self.placements = placements
        self.bound = bound
        self.stats = stats
    }

    package init(
        status: Agenda.Status, solver: SolverKind, assignments: [Assignment]?, bound: Int? = nil, stats: [JSONValue.Member] = []
    ) {
        self.status = status
        self.solver = solver
        self.placements = nil
        self.assignments = assignments
        self.bound = bound
        self.stats = stats
    }

    /// Whether it holds an agenda.
    package var hasAgenda: Bool { assignments != nil || placements != nil }

    /// The value of a numeric stat, for the portfolio's own accounting.
    package func stat(_ key: String) -> JSONValue? { stats.first { $0.key == key }?.value }
}
