extension ContinuousClock.Instant {
    /// Seconds from this instant until now, for solvers' time limits and stats.
    public var secondsElapsed: Double {
        let c = (ContinuousClock.now - self).components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
