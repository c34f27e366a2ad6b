import ConveneCore
import Foundation

/// The agenda as an RFC 5545 calendar: a `VTIMEZONE` with the event zone's real transitions
/// around the event's dates (named as the tz database names them: `EDT`, `EST`), one `VEVENT` per
/// placement with a stable `UID` and a `LOCATION` naming the rooms and their building; CRLF line
/// ends, lines folded at 75 octets, text escaped. The published site adds to each event its
/// revisions (`SEQUENCE`, `LAST-MODIFIED`) and keeps cancelled sessions as `STATUS:CANCELLED`.
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
        calendar(layout.gathering, name: layout.gathering.name, layout.placements.map { event(layout, $0) })
    }

    /// One session, for "add to calendar"; empty of events when the session is not placed. It has
    /// no calendar name, so that apps add the event to a calendar of the reader's choosing.
    package func render(_ layout: AgendaLayout, session: Int) -> String {
        calendar(layout.gathering, name: nil, layout.placements.filter { $0.session == session }.map { event(layout, $0) })
    }

    /// One participant's sessions: those they facilitate, want, or everyone attends. A facilitated
    /// session says so on the first line of its `DESCRIPTION`: every calendar app shows the
    /// description, whereas an `ATTENDEE;ROLE=CHAIR` property needs an e-mail address the input
    /// does not have, and apps that show attendees (or offer to e-mail them) would show a made-up one.
    package func render(_ layout: AgendaLayout, for participant: Participant) -> String {
        calendar(layout.gathering, name: Self.name(layout.gathering, participant), events(layout, for: participant))
    }

    /// `P2PU Gathering 2019: P2PU executive director`, a personal calendar's name.
    static func name(_ g: Gathering, _ participant: Participant) -> String { "\(g.name): \(participant.label)" }

    /// The events of a participant's calendar, in time order.
    package func events(_ layout: AgendaLayout, for participant: Participant) -> [CalendarEvent] {
        let mine = Set(participant.sessions)
        let facilitating = Set(participant.facilitates)
        return layout.placements.filter { mine.contains($0.session) }.map {
            event(layout, $0, facilitating: facilitating.contains($0.session))
        }
    }

    /// A whole calendar of `events`, named `name` (nil: no name, for a single event to add).
    package func calendar(_ g: Gathering, name: String?, _ events: [CalendarEvent]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//Convene agenda 1//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines += ["X-WR-CALNAME:" + Self.text(name), "X-WR-TIMEZONE:" + g.timeZoneName] }
        let first = events.map(\.start).min() ?? g.slots.first?.startSecond ?? 0
        let last = events.map(\.end).max() ?? first
        lines += timeZone(g, from: first, to: last)
        for event in events { lines += self.lines(event, g) }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// A placement as an event, its `URL` from ``pages``.
    package func event(_ layout: AgendaLayout, _ p: Assignment, facilitating: Bool = false) -> CalendarEvent {
        let g = layout.gathering
        let session = g.sessions[p.session]
        let (start, end) = layout.interval(p)
        let people = layout.facilitators(p.session)
        var description = ["Facilitators: " + (people.isEmpty ? "none" : people.joined(separator: ", "))]
        if facilitating { description.insert("You facilitate this session.", at: 0) }
        if let format = layout.formatName(p.session) { description.append("Format: " + format) }
        if let track = session.track { description.append("Track: " + track) }
        return CalendarEvent(
            session: session.id, start: start, end: end, summary: layout.title(p.session),
            location: Self.location(p.rooms.map { (layout.roomName($0), g.rooms[$0].siteName) }),
            description: description.joined(separator: "\n"), category: layout.formatName(p.session), url: pages[p.session])
    }

    /// `LOCATION`: the rooms by name, each building after its rooms unless a room's name already
    /// says it: `Rabb Hall / Commonwealth Salon, Boston Public Library`; rooms in several buildings
    /// give one part per building, separated by `; `.
    package static func location(_ rooms: [(name: String, site: String?)]) -> String {
        var groups: [(site: String?, names: [String])] = []
        for room in rooms {
            if let i = groups.firstIndex(where: { $0.site == room.site }) {
                groups[i].names.append(room.name)
            } else {
                groups.append((room.site, [room.name]))
            }
        }
        return groups.map { group in
            let names = group.names.joined(separator: " / ")
            guard let site = group.site, !group.names.contains(where: { $0.contains(site) }) else { return names }
            return names + ", " + site
        }.joined(separator: "; ")
    }

    private func lines(_ event: CalendarEvent, _ g: Gathering) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + Self.uid(g.name, event.session),
            "DTSTAMP:" + Self.utc(stamp),
            "DTSTART;TZID=\(g.timeZoneName):" + Self.local(event.start, g.timeZone),
            "DTEND;TZID=\(g.timeZoneName):" + Self.local(event.end, g.timeZone),
        ]
        if let sequence = event.sequence { lines.append("SEQUENCE:\(sequence)") }
        if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + Self.utc(modified)) }
        if event.cancelled { lines.append("STATUS:CANCELLED") }
        lines += [
            "SUMMARY:" + Self.text(event.summary),
            "LOCATION:" + Self.text(event.location),
            "DESCRIPTION:" + Self.text(event.description),
        ]
        if let category = event.category { lines.append("CATEGORIES:" + Self.text(category)) }
        if let url = event.url { lines.append("URL:" + url) }
        return lines + [event.cancelled ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE", "END:VEVENT"]
    }

    /// The event's `UID`: a name-based UUID of the event's name and the session's id, the same in
    /// every calendar and every publish.
    package static func uid(_ event: String, _ session: String) -> String {
        StableIdentifier.uuid("convene:\(event):\(session)") + "@convene"
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
                "TZOFFSETTO:" + Self.offset(offset), "TZNAME:" + Self.text(ZoneAbbreviation.at(from, in: zone)),
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
                "TZOFFSETTO:" + Self.offset(after), "TZNAME:" + Self.text(ZoneAbbreviation.at(t, in: zone)), "END:\(kind)",
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

/// One `VEVENT` before it is written: a placed session, or one the site keeps as cancelled.
package struct CalendarEvent: Sendable, Equatable {
    /// The session's id, from which the `UID` is made.
    package var session: String
    /// First and last instant, seconds since 1970.
    package var start: Int
    package var end: Int
    package var summary: String
    package var location: String
    package var description: String
    /// The format's name (`CATEGORIES`).
    package var category: String?
    /// The session's page, absolute.
    package var url: String?
    /// How many times its time or rooms changed between published versions; nil: not written.
    package var sequence: Int?
    /// When the publish that last changed it was made, seconds since 1970; nil: not written.
    package var lastModified: Int?
    /// Written as `STATUS:CANCELLED` (and free time, `TRANSP:TRANSPARENT`).
    package var cancelled = false
}
