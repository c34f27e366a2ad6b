import Foundation

/// How a solve runs: its limits, its seed, and the agenda it replans, if any.
public struct SolveOptions: Sendable {
    /// How long the solve may take; nil for no limit. The default is 10 seconds.
    public var timeLimit: Duration?
    /// The same gathering, options and seed give the same agenda, unless the time limit cuts the
    /// run short.
    public var seed: UInt64
    /// Stop once the agenda is proven within this relative gap of the optimum (0.01 is 1 %).
    public var relativeGap: Double
    /// The agenda being replanned: moving a session from where it has it costs
    /// `weights.change`, giving it other rooms at the same time `weights.roomChange`.
    public var previous: Agenda?
    /// With ``previous``: sessions it starts before this instant keep their place, and every other
    /// session starts at or after it (the contract's rule 10).
    public var frozenUntil: Date?
    /// With ``previous``: the sessions that keep the place it gives them (start slot and
    /// rooms) whatever its time, as if frozen; the checker judging the answer holds them there too.
    /// The live unconference keeps everything outside its block this way.
    public var keep: Set<Session.ID>
    /// Called with each better agenda or bound, from the solvers' threads; keep it short.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    /// Options with the defaults: 10 seconds, seed 1, no gap, no previous agenda.
    public init(
        timeLimit: Duration? = .seconds(10), seed: UInt64 = 1, relativeGap: Double = 0, previous: Agenda? = nil,
        frozenUntil: Date? = nil, keep: Set<Session.ID> = [], progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.relativeGap = relativeGap
        self.previous = previous
        self.frozenUntil = frozenUntil
        self.keep = keep
        self.progress = progress
    }
}
