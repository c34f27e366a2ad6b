import Foundation

/// A time zone's abbreviation at an instant (`EDT`, `EST`, `CEST`), as the tz database writes it.
///
/// Foundation on Linux answers `GMT-4` for New York's summer (it has no localised short names),
/// which calendar apps show as the zone's name. The tz database's compiled file for the zone
/// (`/usr/share/zoneinfo/America/New_York`, or under `TZDIR`) has the real ones: each transition
/// names the local time type it starts, and each type its abbreviation; past the last transition
/// the file's footer (a POSIX TZ string, `EST5EDT,M3.2.0,M11.1.0`) names standard and daylight
/// time. Without the file, Foundation's answer stands.
package enum ZoneAbbreviation {
    /// The abbreviation in force at `instant` (seconds since 1970) in `zone`.
    package static func at(_ instant: Int, in zone: TimeZone) -> String {
        let fallback = zone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(instant))) ?? zone.identifier
        guard let data = tzif(zone.identifier), let file = TZif(data) else { return fallback }
        return file.abbreviation(at: instant, daylight: zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(instant))))
            ?? fallback
    }

    /// The zone's compiled tz file, from `TZDIR` or the usual places.
    private static func tzif(_ identifier: String) -> [UInt8]? {
        guard !identifier.isEmpty, !identifier.contains(".."), !identifier.hasPrefix("/") else { return nil }
        var folders = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]
        if let dir = ProcessInfo.processInfo.environment["TZDIR"], !dir.isEmpty { folders.insert(dir, at: 0) }
        for folder in folders {
            if let data = FileManager.default.contents(atPath: folder + "/" + identifier) { return [UInt8](data) }
        }
        return nil
    }

    /// The parts of a TZif file (RFC 8536) that name the local time types.
    struct TZif {
        /// Transition instants, ascending, and the type each starts.
        var transitions: [(at: Int, type: Int)] = []
        /// Each local time type's abbreviation and whether it is daylight time.
        var types: [(abbreviation: String, daylight: Bool)] = []
        /// The footer's standard and daylight abbreviations (for instants past the last transition).
        var footer: (standard: String, daylight: String?)?

        /// Reads version 2+ files by their 64-bit block, version 1 by its 32-bit one; nil when the
        /// bytes are not a TZif file.
        init?(_ b: [UInt8]) {
            guard b.count >= 44, b[0] == 0x54, b[1] == 0x5a, b[2] == 0x69, b[3] == 0x66 else { return nil }
            func count(_ header: Int, _ field: Int) -> Int? { Self.integer(b, header + 20 + 4 * field, 4) }
            var header = 0
            var width = 4
            guard let first = Self.counts(b, at: 0) else { return nil }
            if b[4] >= 0x32 {
                // Skip the version 1 block to the version 2 header.
                header = 44 + first.blockSize(width: 4)
                width = 8
                guard count(header, 0) != nil else { return nil }
            }
            guard let c = Self.counts(b, at: header) else { return nil }
            var at = header + 44
            guard b.count >= at + c.blockSize(width: width) else { return nil }
            for i in 0..<c.transitions {
                guard let time = Self.integer(b, at + i * width, width, signed: true), at + c.transitions * width + i < b.count else {
                    return nil
                }
                transitions.append((time, Int(b[at + c.transitions * width + i])))
            }
            at += c.transitions * (width + 1)
            let names = at + c.types * 6
            for i in 0..<c.types {
                let entry = at + i * 6
                let start = names + Int(b[entry + 5])
                var end = start
                while end < names + c.characters, b[end] != 0 { end += 1 }
                types.append((String(decoding: b[start..<end], as: UTF8.self), b[entry + 4] != 0))
            }
            if width == 8 {
                var start = header + 44 + c.blockSize(width: 8)
                if start < b.count, b[start] == 0x0a {
                    start += 1
                    var end = start
                    while end < b.count, b[end] != 0x0a { end += 1 }
                    footer = Self.names(String(decoding: b[start..<end], as: UTF8.self))
                }
            }
            guard transitions.allSatisfy({ $0.type < types.count }) else { return nil }
        }

        /// The abbreviation at `instant`; `daylight` (Foundation's word on it) picks the footer's name.
        func abbreviation(at instant: Int, daylight: Bool) -> String? {
            if let last = transitions.last, instant >= last.at, let footer {
                return daylight ? footer.daylight ?? footer.standard : footer.standard
            }
            if let i = transitions.lastIndex(where: { $0.at <= instant }) { return types[transitions[i].type].abbreviation.nonEmpty }
            // Before the first transition: the first standard type (RFC 8536, 3.2).
            return (types.first { !$0.daylight } ?? types.first)?.abbreviation.nonEmpty ?? footer?.standard
        }

        /// `EST5EDT,M3.2.0,M11.1.0` names `EST` and `EDT`; `<+0530>-5:30` names `+0530`.
        static func names(_ tz: String) -> (String, String?)? {
            var rest = Substring(tz)
            func name() -> String? {
                if rest.first == "<" {
                    guard let close = rest.firstIndex(of: ">") else { return nil }
                    let text = rest[rest.index(after: rest.startIndex)..<close]
                    rest = rest[rest.index(after: close)...]
                    return String(text)
                }
                let text = rest.prefix { $0.isLetter }
                rest = rest.dropFirst(text.count)
                return text.count >= 3 ? String(text) : nil
            }
            guard let standard = name() else { return nil }
            rest = rest.drop { $0.isNumber || $0 == "+" || $0 == "-" || $0 == ":" }
            return (standard, rest.isEmpty || rest.first == "," ? nil : name())
        }

        /// The six counts of a header: UT/local and standard/wall indicators, leap seconds,
        /// transitions, types and abbreviation characters.
        struct Counts {
            var indicators: (Int, Int)
            var leaps: Int
            var transitions: Int
            var types: Int
            var characters: Int

            func blockSize(width: Int) -> Int {
                transitions * (width + 1) + types * 6 + characters + leaps * (width + 4) + indicators.0 + indicators.1
            }
        }

        static func counts(_ b: [UInt8], at header: Int) -> Counts? {
            guard b.count >= header + 44, b[header] == 0x54 else { return nil }
            let values = (0..<6).compactMap { integer(b, header + 20 + 4 * $0, 4) }
            guard values.count == 6, values.allSatisfy({ $0 >= 0 && $0 < 1 << 20 }) else { return nil }
            return Counts(
                indicators: (values[0], values[1]), leaps: values[2], transitions: values[3], types: values[4], characters: values[5])
        }

        /// A big-endian integer of `width` bytes at `at`.
        static func integer(_ b: [UInt8], _ at: Int, _ width: Int, signed: Bool = false) -> Int? {
            guard at >= 0, at + width <= b.count else { return nil }
            var value: UInt64 = 0
            for i in 0..<width { value = value << 8 | UInt64(b[at + i]) }
            if signed, width == 4 { return Int(Int32(truncatingIfNeeded: value)) }
            if signed { return Int(Int64(bitPattern: value)) }
            return Int(value)
        }
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
