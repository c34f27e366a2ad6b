import ConveneCore
import Foundation

/// A time as another tool wrote it: ISO 8601 with or without an offset (`2025-09-18T10:00:00+02:00`,
/// `2025-09-18T10:00:00Z`, `2025-09-18T10:00:00.000`, `2025-09-18 10:00`). A time without an
/// offset is local to the event, whose time zone may only be known once every source is read.
struct SourceTime: Sendable, Hashable {
    /// The wall-clock time as seconds since 1970-01-01T00:00 as if it were UTC.
    var naive: Int
    /// Seconds east of UTC, when the text gave one.
    var offset: Int?

    /// Reads the text, or nil when it is not an ISO 8601 date and time.
    static func parse(_ text: String) -> SourceTime? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var value = 0
            for c in chars[from..<from + count] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        func at(_ i: Int, _ c: Character) -> Bool { i < chars.count && chars[i] == c.asciiValue }
        guard let year = digits(0, 4), at(4, "-"), let month = digits(5, 2), at(7, "-"), let day = digits(8, 2),
            at(10, "T") || at(10, " "), let hour = digits(11, 2), at(13, ":"), let minute = digits(14, 2),
            (1...12).contains(month), (1...LocalTime.daysInMonth(year, month)).contains(day), hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if at(i, ":") {
            guard let s = digits(i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if at(i, ".") || at(i, ",") {
                i += 1
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
            }
        }
        let naive = ((LocalTime.civilDays(year, month, day) * 24 + hour) * 60 + minute) * 60 + second
        if i == chars.count { return SourceTime(naive: naive, offset: nil) }
        if at(i, "Z"), i + 1 == chars.count { return SourceTime(naive: naive, offset: 0) }
        guard at(i, "+") || at(i, "-"), let oh = digits(i + 1, 2), oh < 24 else { return nil }
        var om = 0
        if at(i + 3, ":"), let m = digits(i + 4, 2), i + 6 == chars.count {
            om = m
        } else if let m = digits(i + 3, 2), i + 5 == chars.count {
            om = m
        } else if i + 3 != chars.count {
            return nil
        }
        return SourceTime(naive: naive, offset: (oh * 3600 + om * 60) * (at(i, "-") ? -1 : 1))
    }

    /// The instant: exact with an offset, else the wall-clock time in `zone` (its first occurrence
    /// when clocks fall back; the hour after when it is skipped as clocks spring forward).
    func instant(in zone: TimeZone) -> Int {
        if let offset { return naive - offset }
        switch LocalTime.instant(SourceTime.text(naive), in: zone) {
        case .success(let t): return t
        case .failure: return naive - LocalTime.offset(at: naive - 86_400, in: zone)
        }
    }

    /// The local calendar day (days since 1970-01-01) of the wall-clock time as written.
    var writtenDay: Int { Int((Double(naive) / 86_400).rounded(.down)) }

    /// `YYYY-MM-DDTHH:MM[:SS]` for naive seconds.
    static func text(_ naive: Int) -> String {
        let days = Int((Double(naive) / 86_400).rounded(.down))
        let (y, m, d) = LocalTime.civil(fromDays: days)
        let seconds = naive - days * 86_400
        var text = "\(LocalTime.pad(y, 4))-\(LocalTime.pad(m))-\(LocalTime.pad(d))T"
        text += "\(LocalTime.pad(seconds / 3600)):\(LocalTime.pad(seconds % 3600 / 60))"
        if seconds % 60 != 0 { text += ":" + LocalTime.pad(seconds % 60) }
        return text
    }

    /// `YYYY-MM-DD` for a day number.
    static func date(_ day: Int) -> String {
        let (y, m, d) = LocalTime.civil(fromDays: day)
        return "\(LocalTime.pad(y, 4))-\(LocalTime.pad(m))-\(LocalTime.pad(d))"
    }

    /// Reads `YYYY-MM-DD` (or the date part of a date and time) as a day number.
    static func day(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let time = parse(trimmed) { return time.writtenDay }
        return parse(String(trimmed.prefix(10)) + "T00:00")?.writtenDay
    }

    /// An instant written the contract's way: local to `zone` without an offset when that reads
    /// back as the same instant, else with its offset (the repeated hour when clocks fall back).
    static func contractText(_ instant: Int, in zone: TimeZone) -> String {
        let local = LocalTime.format(instant, in: zone)
        if case .success(instant) = LocalTime.instant(local, in: zone) { return local }
        let offset = LocalTime.offset(at: instant, in: zone)
        let sign = offset < 0 ? "-" : "+"
        return local + (local.count == 16 ? ":00" : "")
            + "\(sign)\(LocalTime.pad(abs(offset) / 3600)):\(LocalTime.pad(abs(offset) % 3600 / 60))"
    }

    /// The IANA zone implied by fixed offsets: `UTC`, or `Etc/GMT-2` for +02:00 (the Etc names
    /// count the other way); nil when the offsets differ or are not whole hours.
    static func zone(forOffsets offsets: Set<Int>) -> String? {
        guard offsets.count == 1, let offset = offsets.first, offset % 3600 == 0, abs(offset) <= 14 * 3600 else { return nil }
        if offset == 0 { return "UTC" }
        return "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset) / 3600)"
    }
}
