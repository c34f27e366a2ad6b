extension ContinuousClock.Instant {
    /// Seconds from this instant until now, for solvers' time limits and stats.
    package var secondsElapsed: Double { (ContinuousClock.now - self).seconds }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    package var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }

    /// A duration of `seconds`, clamped to what `Duration` can hold; nil for a negative, infinite
    /// or NaN number.
    package static func seconds(checked seconds: Double) -> Duration? {
        guard seconds >= 0, seconds.isFinite else { return nil }
        return .milliseconds(Int64(min(seconds, 1e12) * 1000))
    }
}
