import CGLPK
import Convene

/// Runs an ``IntegerProgram`` through GLPK 5 in one call: loads it (``GLPKProblem``), solves
/// it and deletes it on the calling thread (GLPK's environment is per thread, and its recursion
/// wants the large stack of a ``DedicatedThread``).
package enum GLPKRunner {
    /// When a run must end: the deadline, the stop flag (checked at every callback, and between
    /// the slices of the root LP), and the relative gap that counts as proven.
    package struct Limits: Sendable {
        package var deadline: ContinuousClock.Instant?
        package var gap: Double
        package var stop: StopFlag?

        package init(deadline: ContinuousClock.Instant? = nil, gap: Double = 0, stop: StopFlag? = nil) {
            self.deadline = deadline
            self.gap = gap
            self.stop = stop
        }

        /// Milliseconds left, for GLPK's own `tm_lim`; nil without a deadline.
        var milliseconds: Int32? {
            deadline.map { Int32(min(max(0, (($0 - ContinuousClock.now) / .milliseconds(1)).rounded(.down)), Double(Int32.max))) }
        }

        /// Whether the run must end now.
        var reached: Bool { stop?.isRaised == true || milliseconds.map { $0 <= 0 } == true }
    }

    /// - Parameters:
    ///   - warmStart: a point to offer as the first incumbent. GLPK does not check it, so the
    ///     caller must have verified it (``ExactSolver`` judges it with the AgendaChecker).
    ///   - exchange: agendas shared with the rest of the solve while GLPK runs.
    ///   - progress: called on each better incumbent or bound (objective, bound, seconds), and
    ///     once with the root LP's bound.
    package static func solve(
        _ program: IntegerProgram, settings: GLPKSettings, limits: Limits, warmStart: [Double]? = nil,
        exchange: GLPKProblem.Exchange? = nil, progress: GLPKProblem.Progress? = nil
    ) -> GLPKResult {
        let problem: GLPKProblem
        do {
            problem = try GLPKProblem(program, log: settings.log, warmStart: warmStart, stop: limits.stop)
        } catch {
            return GLPKResult(
                termination: error.stopped ? .stopped : .failed(error.reason), solution: nil, objective: nil, bound: nil, seconds: 0,
                warmStartUsed: false)
        }
        return problem.solve(settings: settings, limits: limits, warmStart: warmStart, exchange: exchange, progress: progress)
    }
}
