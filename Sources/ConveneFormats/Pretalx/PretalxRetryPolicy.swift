import Foundation

/// When the client tries a request again: after no answer at all, `429 Too Many Requests`, or a
/// `5xx`, at most ``attempts`` times in all, waiting what `Retry-After` asks or else the next of
/// ``delays``. The schedule is fixed (no jitter), so that a run is the same every time and a test
/// can name every wait.
package struct PretalxRetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included (at least 1).
    package var attempts: Int
    /// The wait before each retry when the answer says nothing; the last repeats.
    package var delays: [Duration]
    /// The longest `Retry-After` honoured; pretalx asking for more ends the retries.
    package var longestWait: Duration

    /// Five tries, waiting 1, 2, 4 and 8 seconds between them (15 s in all), and at most two
    /// minutes when `Retry-After` asks.
    package init(
        attempts: Int = 5, delays: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8)], longestWait: Duration = .seconds(120)
    ) {
        self.attempts = max(1, attempts)
        self.delays = delays
        self.longestWait = longestWait
    }

    /// No retries: one try.
    package static let never = PretalxRetryPolicy(attempts: 1, delays: [])

    /// The wait before try `attempt + 1` after try `attempt` (from 1) failed, or nil when no try is left
    /// or `Retry-After` asks for more than ``longestWait``.
    ///
    /// - Parameters:
    ///   - retryAfter: the answer's `Retry-After`: seconds, or an HTTP date.
    ///   - now: the time, to read an HTTP date against.
    func wait(after attempt: Int, retryAfter: String?, now: Date) -> Duration? {
        guard attempt < attempts else { return nil }
        if let retryAfter, let seconds = Self.seconds(retryAfter, now: now) {
            let asked = Duration.seconds(seconds)
            return asked <= longestWait ? asked : nil
        }
        guard let last = delays.last else { return .zero }
        return attempt - 1 < delays.count ? delays[attempt - 1] : last
    }

    /// `Retry-After` in seconds (never negative): a whole number, or an IMF-fixdate
    /// (`Wed, 09 Jun 2027 10:00:00 GMT`) counted from `now`; nil when it is neither.
    static func seconds(_ value: String, now: Date) -> Int? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}
