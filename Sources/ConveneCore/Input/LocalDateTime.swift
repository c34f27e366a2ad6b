import Foundation

/// A wall-clock date and time with no zone of its own: the gathering's time zone gives it an
/// instant. What ``GatheringBuilder`` takes for the starts and ends of slots and windows, so that
/// code builds a gathering with typed times rather than strings.
///
/// ```swift
/// builder.addSlot("thu-1", start: LocalDateTime(2019, 9, 19, 9, 0), end: LocalDateTime(2019, 9, 19, 10, 30))
/// ```
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, such as 2019.
    package var year: Int
    /// The month, 1 to 12.
    package var month: Int
    /// The day of the month, 1 to 31.
    package var day: Int
    /// The hour, 0 to 23.
    package var hour: Int
    /// The minute, 0 to 59.
    package var minute: Int
    /// The second, 0 to 59.
    package var second: Int

    /// A date and time; out-of-range parts are reported when the gathering is built.
    public init(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The wall-clock time `components` hold (its `year`, `month`, `day`, and `hour`, `minute`,
    /// `second` when given); nil when it lacks a year, month or day.
    package init?(_ components: DateComponents) {
        guard let year = components.year, let month = components.month, let day = components.day else { return nil }
        self.init(year, month, day, components.hour ?? 0, components.minute ?? 0, second: components.second ?? 0)
    }

    /// The wall-clock time `text` writes as the input does (`YYYY-MM-DDTHH:MM[:SS]`, without an
    /// offset); nil when it is not such a time.
    package init?(text: String) {
        guard let utc = TimeZone(secondsFromGMT: 0), !text.hasSuffix("Z"), case .success(let naive) = LocalTime.instant(text, in: utc),
            text.count <= 19
        else { return nil }
        let c = LocalTime.components(naive, in: utc)
        self.init(c.year, c.month, c.day, c.hour, c.minute, second: c.second)
    }

    /// Its parts (`year`, `month`, `day`, `hour`, `minute`, `second`): with a calendar in the
    /// event's time zone, `calendar.date(from:)` gives the instant.
    package var components: DateComponents {
        DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// `2019-09-19T09:00`, with `:SS` when the seconds are not zero: the input's way of writing it.
    public var description: String {
        let date = "\(LocalTime.pad(year, 4))-\(LocalTime.pad(month))-\(LocalTime.pad(day))"
        let time = "\(LocalTime.pad(hour)):\(LocalTime.pad(minute))" + (second == 0 ? "" : ":\(LocalTime.pad(second))")
        return "\(date)T\(time)"
    }

    /// Earlier dates and times first.
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }
}
