import ConveneCore
import Foundation

/// The agenda as an RFC 5545 calendar: a `VTIMEZONE` with the event zone's real transitions
/// around the event's dates, one `VEVENT` per placement with a stable `UID`; CRLF line ends,
/// lines folded at 75 octets, text escaped.
///
/// One writer serves the whole agenda, one participant's calendar and one session's, so an event
/// reads the same (and has the same `UID`) in each of them.
package struct ICSRenderer: Sendable {
    /// The `DTSTAMP` instant (when the calendar was made), seconds since 1970 UTC.
    package var stamp: Int
    /// Absolute addresses of session pages by session index, written as each event's `URL`.
    package var pages: [Int: String]

    package init(stamp: Int, pages: [Int: String] = [:]) {
        self.stamp = stamp
        self.pages = pages
    }

    /// Every placement of the agenda.
    package func render(_ layout: AgendaLayout) -> String {
        calendar(layout, name: layout.gathering.name, layout.placements)
    }

    /// One session, for "add to calendar"; empty of events when the session is not placed. It has
    /// no calendar name, so that apps add the event to a calendar of the reader's choosing.
    package func render(_ layout: AgendaLayout, session: Int) -> String {
        calendar(layout, name: nil, layout.placements.filter { $0.session == session })
    }

    /// One participant's sessions, facilitated and wanted. A facilitated session says so on the
    /// first line of its `DESCRIPTION`: every calendar app shows the description, whereas an
    /// `ATTENDEE;ROLE=CHAIR` property needs an e-mail address the input does not have, and apps
    /// that show attendees (or offer to e-mail them) would show a made-up one.
    package func render(_ layout: AgendaLayout, for participant: Participant) -> String {
        let mine = Set(participant.sessions)
        let placements = layout.placements.filter { mine.contains($0.session) }
        return calendar(
            layout, name: "\(layout.gathering.name): \(participant.label)", placements, facilitating: Set(participant.facilitates))
    }

    private func calendar(_ layout: AgendaLayout, name: String?, _ placements: [Assignment], facilitating: Set<Int> = []) -> String {
        let g = layout.gathering
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Convene agenda 1//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines += ["X-WR-CALNAME:" + Self.text(name), "X-WR-TIMEZONE:" + g.timeZoneName] }
        let first = placements.map { layout.interval($0).start }.min() ?? g.slots.first?.start ?? 0
        let last = placements.map { layout.interval($0).end }.max() ?? first
        lines += timeZone(g, from: first, to: last)
        for p in placements { lines += event(layout, p, facilitating: facilitating.contains(p.session)) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    private func event(_ layout: AgendaLayout, _ p: Assignment, facilitating: Bool) -> [String] {
        let g = layout.gathering
        let session = g.sessions[p.session]
        let (start, end) = layout.interval(p)
        let people = layout.facilitators(p.session)
        var description = ["Facilitators: " + (people.isEmpty ? "none" : people.joined(separator: ", "))]
        if facilitating { description.insert("You facilitate this session.", at: 0) }
        if let format = layout.formatName(p.session) { description.append("Format: " + format) }
        if let track = session.track { description.append("Track: " + track) }
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + StableIdentifier.uuid("convene:\(g.name):\(session.id)") + "@convene",
            "DTSTAMP:" + Self.utc(stamp),
            "DTSTART;TZID=\(g.timeZoneName):" + Self.local(start, g.timeZone),
            "DTEND;TZID=\(g.timeZoneName):" + Self.local(end, g.timeZone),
            "SUMMARY:" + Self.text(layout.title(p.session)),
            "LOCATION:" + Self.text(p.rooms.map(layout.roomName).joined(separator: ", ")),
            "DESCRIPTION:" + Self.text(description.joined(separator: "\n")),
        ]
        if let format = layout.formatName(p.session) { lines.append("CATEGORIES:" + Self.text(format)) }
        if let page = pages[p.session] { lines.append("URL:" + page) }
        return lines + ["TRANSP:OPAQUE", "END:VEVENT"]
    }

    /// The zone's rules in force from the last transition before `from` through `to`: each
    /// transition one STANDARD or DAYLIGHT part with its onset in local time.
    func timeZone(_ g: Gathering, from: Int, to: Int) -> [String] {
        let zone = g.timeZone
        var transitions: [Int] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(from - 400 * 86_400))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), Int(next.timeIntervalSince1970) <= to {
            transitions.append(Int(next.timeIntervalSince1970))
            cursor = next
        }
        let relevant = transitions.filter { $0 > from } + (transitions.last { $0 <= from }.map { [$0] } ?? [])
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + g.timeZoneName]
        if relevant.isEmpty {
            let offset = LocalTime.offset(at: from, in: zone)
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + Self.offset(offset),
                "TZOFFSETTO:" + Self.offset(offset),
                "TZNAME:" + Self.text(zone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(from))) ?? g.timeZoneName),
                "END:STANDARD",
            ]
        }
        for t in relevant.sorted() {
            let before = LocalTime.offset(at: t - 1, in: zone)
            let after = LocalTime.offset(at: t, in: zone)
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            let kind = zone.isDaylightSavingTime(for: date) ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:\(kind)", "DTSTART:" + Self.wall(t + before), "TZOFFSETFROM:" + Self.offset(before),
                "TZOFFSETTO:" + Self.offset(after), "TZNAME:" + Self.text(zone.abbreviation(for: date) ?? kind), "END:\(kind)",
            ]
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// `20190919T090000` local to `zone`.
    static func local(_ instant: Int, _ zone: TimeZone) -> String { wall(instant + LocalTime.offset(at: instant, in: zone)) }

    /// `20190919T130000Z`.
    static func utc(_ instant: Int) -> String { wall(instant) + "Z" }

    /// `YYYYMMDDTHHMMSS` for seconds already shifted to the wanted wall clock.
    static func wall(_ seconds: Int) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let (y, m, d) = LocalTime.civil(fromDays: days)
        let s = seconds - days * 86_400
        let date = "\(LocalTime.pad(y, 4))\(LocalTime.pad(m))\(LocalTime.pad(d))"
        return "\(date)T\(LocalTime.pad(s / 3600))\(LocalTime.pad(s % 3600 / 60))\(LocalTime.pad(s % 60))"
    }

    /// `-0400`.
    static func offset(_ seconds: Int) -> String {
        (seconds < 0 ? "-" : "+") + LocalTime.pad(abs(seconds) / 3600) + LocalTime.pad(abs(seconds) % 3600 / 60)
    }

    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`.
    package static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded so that no line exceeds 75 octets (a continuation starts with a
    /// space), never inside a UTF-8 sequence, ended with CRLF.
    package static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for ch in line.unicodeScalars {
            let width = String(ch).utf8.count
            if octets + width > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(ch)
            octets += width
        }
        return out + "\r\n"
    }
}
