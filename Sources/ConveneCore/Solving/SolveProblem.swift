/// One solve, as a solver sees it: the gathering, the options, and the means to report progress
/// and to know when to stop. ``Gathering/solve(using:options:)`` makes it; solvers receive it.
public struct SolveProblem: Sendable {
    /// The gathering to schedule.
    public let gathering: Gathering
    /// The options the solve was called with.
    public let options: SolveOptions
    /// What is possible for each session, with the previous agenda and frozen time applied.
    package let domain: Domain
    /// When the solve began.
    package let started: ContinuousClock.Instant
    /// When the solver must stop; nil for no limit.
    package let deadline: ContinuousClock.Instant?
    /// Raised when the calling task is cancelled (or, in a portfolio, when the other solver no
    /// longer needs this one).
    package let stop: StopFlag
    package let board: ProgressBoard
    /// What every agenda costs at least, from the domain alone (``Domain/lowerBound(shouldStop:)``):
    /// computed by the front door before the solver runs; a solver that reaches it has proven its
    /// agenda optimal.
    package internal(set) var lowerBound = LowerBound()

    package init(
        gathering: Gathering, options: SolveOptions, domain: Domain, started: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant?, stop: StopFlag, board: ProgressBoard
    ) {
        self.gathering = gathering
        self.options = options
        self.domain = domain
        self.started = started
        self.deadline = deadline
        self.stop = stop
        self.board = board
    }

    /// True once the time limit has passed or the solve was cancelled: return what you have.
    public var shouldStop: Bool { stop.isRaised || deadline.map { ContinuousClock.now >= $0 } == true }

    /// The time left before the limit; nil without one.
    package var timeRemaining: Duration? { deadline.map { max(.zero, $0 - ContinuousClock.now) } }

    /// Seconds left before the limit, never negative; nil without one.
    package var secondsRemaining: Double? { timeRemaining?.seconds }

    /// Reports a better agenda (by id) or bound. The front door keeps the agendas reported last,
    /// so that it can fall back on one if the final answer breaks a rule.
    public func report(objective: Int?, bound: Int?, placements: [Agenda.Placement]? = nil, solver: SolverKind) {
        board.report(solver: solver, objective: objective, bound: bound, answer: placements.map { .document($0) })
    }

    /// Reports a better agenda (by index) or bound.
    package func report(_ solver: SolverKind, objective: Int?, bound: Int? = nil, assignments: [Assignment]? = nil) {
        board.report(solver: solver, objective: objective, bound: bound, answer: assignments.map { .resolved($0) })
    }

    /// The same solve with its own stop flag (raised with this one's, or on its own) and an
    /// earlier deadline if given: what a portfolio hands each of its solvers.
    package func narrowed(stop: StopFlag, deadline: ContinuousClock.Instant? = nil) -> SolveProblem {
        let end: ContinuousClock.Instant? =
            switch (self.deadline, deadline) {
            case (let a?, let b?): min(a, b)
            case (let a, let b): a ?? b
            }
        var narrowed = SolveProblem(
            gathering: gathering, options: options, domain: domain, started: started, deadline: end, stop: stop, board: board)
        narrowed.lowerBound = lowerBound
        return narrowed
    }
}

extension SolveProblem {
    /// A problem for a solver run inside the library (the explainer's feasibility checks): no
    /// progress callback, its own stop flag, the default options.
    package init(domain: Domain, timeLimit: Duration?, seed: UInt64 = 1) {
        let started = ContinuousClock.now
        self.init(
            gathering: domain.gathering, options: SolveOptions(timeLimit: timeLimit, seed: seed), domain: domain, started: started,
            deadline: timeLimit.map { started + $0 }, stop: StopFlag(), board: ProgressBoard(started: started, forward: nil))
    }
}
