import ConveneCore
import Foundation

/// A page per placed session: its description, when and where (with the rooms' building), who
/// facilitates, its format and track, what runs at the same time, how it changed from version
/// to version, and "add to calendar" (the session's own `.ics`).
struct SessionPage {
    let site: SiteContext

    func page(_ p: Assignment) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let session = g.sessions[p.session]
        let path = site.sessionPage(p.session) ?? "sessions/\(site.names.sessions[p.session]).html"
        let root = "../"
        let words = ChangeWords(zone: g.timeZone)
        var out = ""
        if let change = site.change(p.session) {
            out += "<p class=\"changed\"><span class=\"badge\">\(change.mark)</span> \(words.sentence(change, page: nil))</p>\n"
        }
        if let text = site.descriptions[session.id], !text.isEmpty {
            out += "<div class=\"description\">\n"
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out +=
                    "<p>\(e(paragraph.trimmingCharacters(in: .whitespacesAndNewlines)).replacingOccurrences(of: "\n", with: "<br/>"))</p>\n"
            }
            out += "</div>\n"
        }
        out += "<dl class=\"facts\">\n<dt>When</dt><dd>\(site.when(p)), <span class=\"zone-name\" data-event=\"\(e(site.zoneLabel))\">"
        out += "\(e(site.zoneLabel))</span></dd>\n"
        let rooms = p.rooms.map { "<a href=\"\(root)\(site.roomPage($0))\">\(e(layout.roomName($0)))</a>" }
        out += "<dt>\(p.rooms.count == 1 ? "Room" : "Rooms")</dt><dd>\(rooms.joined(separator: ", "))</dd>\n"
        let sites = Array(Set(p.rooms.compactMap { g.rooms[$0].siteName })).sorted()
        if !sites.isEmpty { out += "<dt>Site</dt><dd>\(e(sites.joined(separator: ", ")))</dd>\n" }
        let people = session.facilitatorIndices.map { f in
            site.personPage(f).map { "<a href=\"\(root)\($0)\">\(e(g.people[f].name ?? g.people[f].id))</a>" }
                ?? e(g.people[f].name ?? g.people[f].id)
        }
        out += "<dt>Facilitated by</dt><dd>\(people.isEmpty ? "No one named" : people.joined(separator: ", "))</dd>\n"
        out += "<dt>Format</dt><dd>\(e(layout.formatName(p.session) ?? "Other"))</dd>\n"
        if session.track != nil { out += "<dt>Track</dt><dd>\(site.trackLabel(p.session))</dd>\n" }
        let wanted = g.attendees.filter { $0.interestIndices.contains(p.session) }.count
        if wanted > 0 {
            out += "<dt>Interest</dt><dd>\(wanted) attendee\(wanted == 1 ? "" : "s") want\(wanted == 1 ? "s" : "") to come</dd>\n"
        }
        out += "</dl>\n"
        if session.exclusive { out += "<p>For everyone: nothing else runs at this time.</p>\n" }
        let file = site.names.sessions[p.session] + ".ics"
        out += "<p><a class=\"button\" href=\"\(file)\" download=\"\(file)\">Add to calendar (.ics)</a></p>\n"
        out += "<div class=\"tools\" id=\"tools\" hidden=\"hidden\">\n" + IndexPage.zoneSwitch(site) + "</div>\n"
        let others = site.concurrent(with: p)
        if !others.isEmpty {
            out += "<h2>At the same time</h2>\n<ul>\n"
            for o in others {
                let title = e(layout.title(o.session))
                let link = site.sessionPage(o.session).map { "<a href=\"\(root)\($0)\">\(title)</a>" } ?? title
                out += "<li>\(link), \(site.clock(o.slots)), \(e(site.roomsLabel(o.rooms)))</li>\n"
            }
            out += "</ul>\n"
        }
        let history = site.releases.enumerated().compactMap { i, release in
            release.first { $0.session == session.id }.map { (i, $0) }
        }
        if !history.isEmpty {
            out += "<h2>Changes</h2>\n<ul>\n"
            for (i, change) in history.reversed() {
                let when = site.history.versions[i].published.map { e(site.published($0)) + ": " } ?? ""
                out += "<li>\(when)\(e(words.predicate(change)).capitalisedFirst)</li>\n"
            }
            out += "</ul>\n"
        }
        return SitePage(path: path, heading: layout.title(p.session), kind: "session", content: out, script: true)
    }
}

extension String {
    /// `Moves from …` for `moves from …`.
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
