/// A span of time between two instants (seconds since 1970-01-01T00:00Z), end after start.
package struct TimeWindow: Sendable, Hashable {
    package var start: Int
    package var end: Int

    package init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The contract's overlap: `window.start < slot.end` and `slot.start < window.end`.
    package func overlaps(_ other: TimeWindow) -> Bool { start < other.end && other.start < end }

    /// The contract's inside: `window.start ≤ slot.start` and `slot.end ≤ window.end`.
    package func contains(_ other: TimeWindow) -> Bool { start <= other.start && other.end <= end }

    /// Windows merged where they touch or overlap, in time order.
    package static func merged(_ windows: [TimeWindow]) -> [TimeWindow] {
        var result: [TimeWindow] = []
        for window in windows.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = result.last, window.start <= last.end {
                result[result.count - 1].end = max(last.end, window.end)
            } else {
                result.append(window)
            }
        }
        return result
    }
}
