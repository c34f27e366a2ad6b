import ConveneCore

/// When a backend's run must end: the deadline, the stop flag (read at every callback, and
/// while the LP relaxation is solved), and the relative gap that counts as proven.
package struct MILPLimits: Sendable {
    package var deadline: ContinuousClock.Instant?
    package var gap: Double
    package var stop: StopFlag?

    package init(deadline: ContinuousClock.Instant? = nil, gap: Double = 0, stop: StopFlag? = nil) {
        self.deadline = deadline
        self.gap = gap
        self.stop = stop
    }

    /// Milliseconds left, for a backend's own time limit; nil without a deadline.
    package var milliseconds: Int32? {
        deadline.map { Int32(min(max(0, (($0 - ContinuousClock.now) / .milliseconds(1)).rounded(.down)), Double(Int32.max))) }
    }

    /// Whether the run must end now.
    package var reached: Bool { stop?.isRaised == true || milliseconds.map { $0 <= 0 } == true }
}
