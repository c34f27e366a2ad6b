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
        var best: Best?
        var serial = 0
    }

    /// The cheapest agenda reported so far, numbered in the order agendas were reported.
    package struct Best: Sendable {
        package var objective: Int
        package var solver: SolverKind
        package var answer: Answer
        /// Grows with every agenda reported, so that a reader can tell whether it has seen this one.
        package var serial: Int
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
                s.serial += 1
                if let o = objective, o < s.best?.objective ?? Int.max {
                    s.best = Best(objective: o, solver: solver, answer: answer, serial: s.serial)
                }
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

    /// The cheapest agenda any solver has reported (the first of equals): what the solvers of a
    /// portfolio hand each other.
    package var best: Best? { state.withLock { $0.best } }

    /// The agendas reported, cheapest first, the latest first among equals.
    package var recentAnswers: [(solver: SolverKind, answer: Answer)] {
        state.withLock { s in
            s.recent.enumerated()
                .sorted { ($0.element.objective ?? Int.max, -$0.offset) < ($1.element.objective ?? Int.max, -$1.offset) }
                .map { ($0.element.solver, $0.element.answer) }
        }
    }
}
