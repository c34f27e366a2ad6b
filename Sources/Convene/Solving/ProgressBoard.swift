import Synchronization

/// Where solvers report progress: it forwards the best objective and bound so far (across every
/// solver of a portfolio) to the caller's callback, and keeps the last few agendas reported, for
/// the front door to fall back on when a solver's final answer breaks a rule.
package final class ProgressBoard: Sendable {
    /// An agenda as a solver reported it.
    package enum Answer: Sendable {
        case document([Agenda.Placement])
        case resolved([Assignment])
    }

    /// How many recent agendas are kept.
    static let kept = 8

    private struct State {
        var objective: (value: Int, solver: SolverKind)?
        var bound: Int?
        var recent: [(objective: Int?, solver: SolverKind, answer: Answer)] = []
    }

    private let state = Mutex(State())
    private let started: ContinuousClock.Instant
    private let forward: (@Sendable (SolveProgress) -> Void)?

    package init(started: ContinuousClock.Instant, forward: (@Sendable (SolveProgress) -> Void)?) {
        self.started = started
        self.forward = forward
    }

    package func report(solver: SolverKind, objective: Int?, bound: Int?, answer: Answer?) {
        let progress = state.withLock { s -> SolveProgress in
            if let o = objective, o < s.objective?.value ?? Int.max { s.objective = (o, solver) }
            if let b = bound, b > s.bound ?? Int.min { s.bound = b }
            if let answer {
                s.recent.append((objective, solver, answer))
                if s.recent.count > Self.kept { s.recent.removeFirst(s.recent.count - Self.kept) }
            }
            return SolveProgress(
                solver: s.objective?.solver ?? solver, objective: s.objective?.value, bound: s.bound,
                elapsed: ContinuousClock.now - started)
        }
        forward?(progress)
    }

    /// The best bound any solver has reported.
    package var bound: Int? { state.withLock { $0.bound } }

    /// The agendas reported, cheapest first, the latest first among equals.
    package var recentAnswers: [(solver: SolverKind, answer: Answer)] {
        state.withLock { s in
            s.recent.enumerated()
                .sorted { ($0.element.objective ?? Int.max, -$0.offset) < ($1.element.objective ?? Int.max, -$1.offset) }
                .map { ($0.element.solver, $0.element.answer) }
        }
    }
}
