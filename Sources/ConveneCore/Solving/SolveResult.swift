/// What ``Gathering/solve(using:options:)`` returns: the agenda document, judged by the
/// ``AgendaChecker``, and what happened on the way.
public struct SolveResult: Sendable {
    /// The agenda document: status, objective, bound, placements, costs and stats. With status
    /// `infeasible` or `unknown` it places nothing.
    public let agenda: Agenda
    /// When the solver's own answer broke a rule: what it broke. The agenda is then the best
    /// earlier agenda that the checker accepted, or none (status `unknown`).
    package let rejected: [AgendaChecker.Violation]
    /// Plain sentences about the solve that are not part of the agenda (a solver skipped, an
    /// answer refused and the first rule it broke), for a person to read.
    public let notes: [String]
    /// Whether the calling task was cancelled before the solver finished (the caller knows: it
    /// cancelled; ``termination`` says `cancelled` when that stopped the solve).
    package let wasCancelled: Bool
    /// Why the solve stopped (also the agenda's `stats.termination`); ``status`` says what is
    /// known about the answer.
    public let termination: Termination
    /// How long the solve took (``SolveStatistics/elapsed`` to the millisecond).
    package let elapsed: Duration

    /// What is known about the answer.
    public var status: Agenda.Status { agenda.status }
    /// The agenda's objective; nil without an agenda.
    package var objective: Int? { agenda.objective }
    /// A proven lower bound on the objective, when there is one.
    package var bound: Int? { agenda.bound }
    /// Every non-zero cost term of the agenda.
    package var costs: [Agenda.Cost] { agenda.costs }
}

/// Why a solve could not start.
public enum SolveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ``SolveOptions/frozenUntil`` was given without ``SolveOptions/previous``: nothing says what
    /// is frozen.
    case frozenWithoutPrevious
    /// ``SolveOptions/keep`` names sessions without ``SolveOptions/previous``: nothing says where
    /// they are held.
    case keptWithoutPrevious
    /// An option is out of range; the text says which and why.
    case invalidOption(String)
    /// A ``SolveOptions`` field (`option`, such as `relativeGap`) that `solver` cannot honour was
    /// given: it is refused rather than ignored, and `reason` says why and what to do instead.
    case unsupportedOption(_ option: String, solver: String, reason: String)

    /// What is wrong, in plain words.
    public var description: String {
        switch self {
        case .frozenWithoutPrevious: ReplanningError.frozenWithoutPrevious.description
        case .keptWithoutPrevious: ReplanningError.keptWithoutPrevious.description
        case .invalidOption(let why): why
        case .unsupportedOption(let option, let solver, let reason): "\(solver) cannot honour the option \(option): \(reason)"
        }
    }

    /// The front door's word for a replanning that cannot be set up.
    package init(_ error: ReplanningError) {
        switch error {
        case .frozenWithoutPrevious: self = .frozenWithoutPrevious
        case .keptWithoutPrevious: self = .keptWithoutPrevious
        case .keptSessionUnknown, .keptSessionUnplaced: self = .invalidOption(error.description)
        }
    }
}
