/// Something that plans itineraries: the pure-Swift ``FastItineraryPlanner``, or the exact
/// ``ExactItineraryPlanner`` (ConveneMILP; `ExactItineraryPlanner()` with GLPK from ConveneGLPK).
///
/// Call one through ``Gathering/itineraries(through:using:options:)``, never directly: that call
/// checks the agenda, enforces the time limit and cancellation, and judges the answer with the
/// ``ItineraryChecker``.
public protocol ItineraryPlanner: Sendable {
    /// The planner's name in the document's `stats.planner`.
    var name: String { get }

    /// Plans the itineraries of `problem`; stop soon after ``ItineraryProblem/shouldStop`` turns true.
    func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt
}

/// How itinerary planning runs.
public struct ItineraryOptions: Sendable {
    /// How long the planning may take; nil for no limit. The default is 10 seconds.
    public var timeLimit: Duration?

    /// Options with a time limit (10 seconds by default).
    public init(timeLimit: Duration? = .seconds(10)) { self.timeLimit = timeLimit }
}

/// One planning, as a planner sees it: the runs and attendees, and when to stop.
public struct ItineraryProblem: Sendable {
    package let instance: ItineraryInstance
    package let deadline: ContinuousClock.Instant?
    package let stop: StopFlag

    package init(instance: ItineraryInstance, deadline: ContinuousClock.Instant?, stop: StopFlag) {
        self.instance = instance
        self.deadline = deadline
        self.stop = stop
    }

    /// True once the time limit has passed or the planning was cancelled.
    public var shouldStop: Bool { stop.isRaised || deadline.map { ContinuousClock.now >= $0 } == true }
}

/// What a planner found, before the front door judges it.
public struct ItineraryAttempt: Sendable {
    package var plan: ItineraryPlan
    /// An upper bound on the pairs served, when the planner has one.
    package var bound: Int?
    /// Why the planner stopped, when it says.
    package var termination: Termination?
    package var statistics: ItineraryStatistics

    /// The itineraries by id, as a planner outside this package gives them.
    package var byID: [Attendee.ID: [Session.ID: Int]]?

    package init(plan: ItineraryPlan, bound: Int?, termination: Termination? = nil, statistics: ItineraryStatistics) {
        self.plan = plan
        self.bound = bound
        self.termination = termination
        self.statistics = statistics
    }

    /// Itineraries written by id, for planners of your own: for each attendee's id, the run
    /// (1-based) of each session they go to, by session id. Leave out the sessions an attendee
    /// facilitates: they are in every run of those. The front door judges them with the
    /// ``ItineraryChecker`` like any other.
    /// - Parameters:
    ///   - bound: an upper bound on the pairs served, when you have one.
    ///   - planner: your planner's name, for `stats.planner`.
    public init(runs: [Attendee.ID: [Session.ID: Int]], bound: Int? = nil, planner: String) {
        plan = ItineraryPlan(chosen: [])
        byID = runs
        self.bound = bound
        statistics = ItineraryStatistics()
        statistics.planner = planner
    }
}

/// The pure-Swift planner (`fast`): valid itineraries for hundreds of attendees and runs in
/// milliseconds, with a bound that proves them optimal whenever seats do not bind.
public struct FastItineraryPlanner: ItineraryPlanner {
    /// A planner with its default effort.
    public init() {}

    /// `fast`.
    public var name: String { "fast" }

    /// Plans on the calling thread: it takes milliseconds, bounded by its node and round counts.
    public func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt { run(problem) }

    package func run(_ problem: ItineraryProblem) -> ItineraryAttempt {
        let outcome = FastItineraries().plan(problem.instance, stop: problem.stop)
        var stats = ItineraryStatistics()
        stats.planner = name
        stats.nodes = outcome.nodes
        stats.augmentations = outcome.augmentations
        stats.rounds = outcome.rounds
        return ItineraryAttempt(plan: outcome.plan, bound: outcome.bound, termination: .workLimit, statistics: stats)
    }
}
