/// How the package's itinerary planners are called: the pure-Swift ``FastItineraryPlanner`` and
/// the exact `ExactItineraryPlanner` (ConveneMILP, with GLPK from ConveneGLPK). Apps choose one
/// with ``ItineraryPlanner``.
///
/// They are called through ``Gathering/itineraries(through:using:timeLimit:)``, never directly:
/// that call checks the agenda, enforces the time limit and cancellation, and judges the answer
/// with the ``ItineraryChecker``.
package protocol ItineraryPlanning: Sendable {
    /// The planner's name in the document's `stats.planner`.
    var name: String { get }

    /// Plans the itineraries of `problem`; stop soon after ``ItineraryProblem/shouldStop`` turns true.
    func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt
}

/// One planning, as a planner sees it: the runs and attendees, and when to stop.
package struct ItineraryProblem: Sendable {
    package let instance: ItineraryInstance
    package let deadline: ContinuousClock.Instant?
    package let stop: StopFlag

    package init(instance: ItineraryInstance, deadline: ContinuousClock.Instant?, stop: StopFlag) {
        self.instance = instance
        self.deadline = deadline
        self.stop = stop
    }

    /// True once the time limit has passed or the planning was cancelled.
    package var shouldStop: Bool { stop.isRaised || deadline.map { ContinuousClock.now >= $0 } == true }
}

/// What a planner found, before the front door judges it.
package struct ItineraryAttempt: Sendable {
    package var plan: ItineraryPlan
    /// An upper bound on the pairs served, when the planner has one.
    package var bound: Int?
    /// Why the planner stopped, when it says.
    package var termination: Termination?
    package var statistics: ItineraryStatistics

    package init(plan: ItineraryPlan, bound: Int?, termination: Termination? = nil, statistics: ItineraryStatistics) {
        self.plan = plan
        self.bound = bound
        self.termination = termination
        self.statistics = statistics
    }
}
