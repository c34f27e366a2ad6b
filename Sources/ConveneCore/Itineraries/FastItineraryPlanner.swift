/// The pure-Swift planner (`fast`): valid itineraries for hundreds of attendees and runs in
/// milliseconds, with a bound that proves them optimal whenever seats do not bind.
package struct FastItineraryPlanner: ItineraryPlanning {
    /// A planner with its default effort.
    package init() {}

    /// `fast`.
    package var name: String { "fast" }

    /// Plans on the calling thread: it takes milliseconds, bounded by its node and round counts.
    package func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt { run(problem) }

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
