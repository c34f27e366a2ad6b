import Foundation

/// Conversions between the contract's written times and instants (whole seconds since
/// 1970-01-01T00:00Z), correct across daylight-saving changes.
package enum LocalTime {
    package enum ParseError: Error, Equatable {
        case malformed
        /// The local time is skipped when clocks spring forward.
        case nonexistent
    }

    /// Reads `YYYY-MM-DDTHH:MM[:SS]`, local to `zone`, or with a `Z` / `±HH:MM` offset.
    /// A local time that occurs twice (clocks falling back) means its first occurrence.
    package static func instant(_ text: String, in zone: TimeZone) -> Result<Int, ParseError> {
        let chars = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<from + count] {
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        func at(_ i: Int, _ c: Character) -> Bool { i < chars.count && chars[i] == c.asciiValue }
        guard let year = digits(0, 4), at(4, "-"), let month = digits(5, 2), at(7, "-"), let day = digits(8, 2),
            at(10, "T"), let hour = digits(11, 2), at(13, ":"), let minute = digits(14, 2)
        else { return .failure(.malformed) }
        var i = 16
        var second = 0
        if at(i, ":") {
            guard let s = digits(i + 1, 2) else { return .failure(.malformed) }
            second = s
            i += 3
        }
        guard (1...12).contains(month), (1...daysInMonth(year, month)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return .failure(.malformed) }
        let naive = (daysFromCivil(year, month, day) * 24 + hour) * 3600 + minute * 60 + second
        if i == chars.count { return local(naive, in: zone) }
        if at(i, "Z"), i + 1 == chars.count { return .success(naive) }
        guard at(i, "+") || at(i, "-"), let oh = digits(i + 1, 2), at(i + 3, ":"), let om = digits(i + 4, 2),
            i + 6 == chars.count, oh < 24, om < 60
        else { return .failure(.malformed) }
        let offset = (oh * 3600 + om * 60) * (at(i, "-") ? -1 : 1)
        return .success(naive - offset)
    }

    /// The first instant whose local wall-clock time in `zone` is `naive` (seconds as if UTC).
    private static func local(_ naive: Int, in zone: TimeZone) -> Result<Int, ParseError> {
        // The offsets in force a day either side cover every transition near this time.
        let offsets = Set([-86_400, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + $0))) })
        let candidates = offsets.map { naive - $0 }.filter { offset(at: $0, in: zone) == naive - $0 }
        guard let first = candidates.min() else { return .failure(.nonexistent) }
        return .success(first)
    }

    package static func offset(at instant: Int, in zone: TimeZone) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// The wall-clock parts of an instant in `zone`.
    package static func components(_ instant: Int, in zone: TimeZone)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int)
    {
        let local = instant + offset(at: instant, in: zone)
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        // 1970-01-01 was a Thursday; weekday 0 is Sunday.
        let weekday = ((days % 7) + 11) % 7
        return (y, m, d, secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60, weekday)
    }

    /// `YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not zero, local to `zone`.
    package static func format(_ instant: Int, in zone: TimeZone) -> String {
        let c = components(instant, in: zone)
        var text = "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute))"
        if c.second != 0 { text += ":" + pad(c.second) }
        return text
    }

    /// `2019-09-19T09:00:00-04:00`: ISO 8601 local to `zone`, with seconds and its UTC offset.
    package static func iso8601(_ instant: Int, in zone: TimeZone) -> String {
        let c = components(instant, in: zone)
        let offset = offset(at: instant, in: zone)
        let sign = offset < 0 ? "-" : "+"
        let date = "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))"
        let time = "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
        return "\(date)T\(time)\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
    }

    /// `HH:MM` local to `zone`.
    package static func clock(_ instant: Int, in zone: TimeZone) -> String {
        let c = components(instant, in: zone)
        return "\(pad(c.hour)):\(pad(c.minute))"
    }

    /// `Thu 19 Sep` local to `zone`.
    package static func dayLabel(_ instant: Int, in zone: TimeZone) -> String {
        let c = components(instant, in: zone)
        return "\(weekdayNames[c.weekday]) \(c.day) \(monthNames[c.month - 1])"
    }

    package static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    package static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    package static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    /// Days since 1970-01-01 for a calendar date.
    package static func civilDays(_ year: Int, _ month: Int, _ day: Int) -> Int { daysFromCivil(year, month, day) }

    package static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
