import Foundation

extension Gathering {
    /// Gives every attendee an itinerary through `agenda`: which run of each session they want
    /// they go to, within every run's seats, serving as many (attendee, wanted session) pairs as
    /// `planner` can within `timeLimit` (nil: no limit).
    ///
    /// The agenda is first judged by the ``AgendaChecker``; the planner's answer by the
    /// itineraries' checker (the one `convene publish` judges an itineraries file with), which
    /// recomputes what it serves and the seats it takes. An answer that breaks a rule is refused
    /// and the fast planner's itineraries are returned instead. Cancelling the calling task stops
    /// the planner; the call then returns the best verified itineraries found.
    ///
    /// ```swift
    /// let result = try await gathering.itineraries(through: agenda, timeLimit: .seconds(5))
    /// print(result.itineraries.served, "of", result.itineraries.wanted)
    /// ```
    ///
    /// - Throws: ``ItineraryError/invalidAgenda(_:)`` when the agenda breaks a rule of this
    ///   gathering, ``ItineraryError/invalidOption(_:)`` for a negative time limit.
    public func itineraries(
        through agenda: Agenda, using planner: ItineraryPlanner = .fast, timeLimit: Duration? = .seconds(10)
    ) async throws(ItineraryError) -> ItineraryResult {
        try await itineraries(through: agenda, using: planner.planning, timeLimit: timeLimit)
    }

    /// ``itineraries(through:using:timeLimit:)`` with a planner of the package's own (the tests'
    /// planners among them).
    package func itineraries(
        through agenda: Agenda, using planner: some ItineraryPlanning, timeLimit: Duration? = .seconds(10)
    ) async throws(ItineraryError) -> ItineraryResult {
        let started = ContinuousClock.now
        if let limit = timeLimit, limit < .zero { throw .invalidOption("the time limit must not be negative") }
        let instance = try ItineraryInstance(gathering: self, agenda: agenda)
        let stop = StopFlag()
        let problem = ItineraryProblem(instance: instance, deadline: timeLimit.map { started + $0 }, stop: stop)
        let attempt = await withTaskCancellationHandler {
            await planner.plan(problem)
        } onCancel: {
            stop.raise()
        }
        return ItineraryVerdict(problem: problem, started: started).judge(attempt, cancelled: Task.isCancelled)
    }
}

/// What ``Gathering/itineraries(through:using:timeLimit:)`` returns: the document, judged by the
/// itineraries' checker, and what happened on the way.
public struct ItineraryResult: Sendable {
    /// The itineraries document.
    public let itineraries: Itineraries
    /// When the planner's own answer broke a rule: what it broke (the fast planner's itineraries
    /// are given instead, and `notes` says so).
    package let rejected: [ItineraryChecker.Violation]
    /// Plain sentences about the planning (an answer refused, a bound dropped), which only a fault
    /// of a planner makes: the command line prints them.
    package let notes: [String]
    /// Whether the calling task was cancelled before the planner finished (``termination`` says
    /// `cancelled` when that stopped the planning).
    package let wasCancelled: Bool
    /// Why the planning stopped (also `stats.termination`).
    public let termination: Termination
    /// How long the planning took (the document's `stats.seconds`).
    package let elapsed: Duration

    /// `optimal` when proven.
    package var status: Agenda.Status { itineraries.status }
}

/// The front door's judgement of a planner's answer.
private struct ItineraryVerdict {
    let problem: ItineraryProblem
    let started: ContinuousClock.Instant

    func judge(_ attempt: ItineraryAttempt, cancelled: Bool) -> ItineraryResult {
        let instance = problem.instance
        let checker = ItineraryChecker(instance: instance)
        var notes: [String] = []
        var rejected: [ItineraryChecker.Violation] = []
        var chosen = attempt
        func document(_ a: ItineraryAttempt) -> Itineraries {
            Itineraries(instance, plan: a.plan, status: .feasible, bound: nil, statistics: a.statistics)
        }
        var report = checker.check(document(chosen))
        if !report.isValid {
            rejected = report.violations
            notes.append(
                "The \(attempt.statistics.planner ?? "planner") planner's itineraries break \(rejected.count) rule(s) and were "
                    + "refused: \(rejected[0]). The fast planner's are given instead."
            )
            chosen = FastItineraryPlanner().run(ItineraryProblem(instance: instance, deadline: nil, stop: StopFlag()))
            report = checker.check(document(chosen))
            if !report.isValid {
                // Never reached while the fast planner is right; the empty plan is valid for any valid agenda.
                chosen = ItineraryAttempt(plan: ItineraryPlan(empty: instance), bound: nil, statistics: ItineraryStatistics())
                report = checker.check(document(chosen))
            }
        }
        var bound = chosen.bound
        if let b = bound, b < report.served {
            notes.append("The planner's bound \(b) is below the pairs its itineraries serve, so it was dropped.")
            bound = nil
        }
        // Every pair placed and wanted, less none: always an upper bound.
        bound = min(bound ?? Int.max, FastItineraries.seatBound(instance))
        let status: Agenda.Status = bound == report.served ? .optimal : .feasible
        let elapsed = ContinuousClock.now - started
        let termination: Termination =
            status == .optimal
            ? .optimal
            : cancelled
                ? .cancelled : problem.deadline.map { ContinuousClock.now >= $0 } == true ? .timeLimit : chosen.termination ?? .workLimit
        var statistics = chosen.statistics
        statistics.seconds = (elapsed.seconds * 1000).rounded() / 1000
        statistics.termination = termination
        let itineraries = Itineraries(instance, plan: chosen.plan, status: status, bound: bound, statistics: statistics)
        return ItineraryResult(
            itineraries: itineraries, rejected: rejected, notes: notes, wasCancelled: cancelled, termination: termination, elapsed: elapsed)
    }
}
