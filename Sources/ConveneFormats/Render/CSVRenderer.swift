import ConveneCore
import Foundation

/// One row per placement, so one per run of a session that takes place more than once, with the
/// run and the number of runs in the last two columns (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break, quotes doubled).
package struct CSVRenderer: Sendable {
    package init() {}

    package static let header = ["session", "title", "format", "day", "start", "end", "rooms", "facilitators", "run", "runs"]

    package func render(_ layout: AgendaLayout) -> String {
        var rows = [Self.header]
        for day in layout.days {
            for p in day.placements {
                let (start, end) = layout.interval(p)
                let zone = layout.gathering.timeZone
                rows.append([
                    layout.gathering.sessions[p.session].id, layout.title(p.session), layout.formatName(p.session) ?? "",
                    day.date, LocalTime.clock(start, in: zone), LocalTime.clock(end, in: zone),
                    p.rooms.map(layout.roomName).joined(separator: "; "),
                    layout.facilitators(p.session).joined(separator: "; "), String(p.run),
                    String(layout.gathering.sessions[p.session].runs),
                ])
            }
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it holds a comma, a quote or a line break.
    package static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
