import ConveneCore

/// A page per placed session: when and where (with the rooms' site, when the input gives one),
/// who facilitates, its format and track, what runs at the same time, what changed, and "add to
/// calendar" (the session's own `.ics`).
struct SessionPage {
    let site: SiteContext

    func page(_ p: Assignment) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let session = g.sessions[p.session]
        let path = site.sessionPage(p.session) ?? "sessions/\(site.names.sessions[p.session]).html"
        let root = "../"
        var out = ""
        if let change = site.change(p.session), let diff = site.diff {
            out += "<p><span class=\"badge\">\(site.changeMark(p.session) ?? "Changed")</span> "
            out += "\(e(diff.sentence(for: change, in: g)))</p>\n"
        }
        out += "<dl class=\"facts\">\n<dt>When</dt><dd>\(e(site.when(p))) (\(e(g.timeZoneName)))</dd>\n"
        let rooms = p.rooms.map { "<a href=\"\(root)\(site.roomPage($0))\">\(e(layout.roomName($0)))</a>" }
        out += "<dt>\(p.rooms.count == 1 ? "Room" : "Rooms")</dt><dd>\(rooms.joined(separator: ", "))</dd>\n"
        let sites = Array(Set(p.rooms.compactMap { g.rooms[$0].siteName })).sorted()
        if !sites.isEmpty { out += "<dt>Site</dt><dd>\(e(sites.joined(separator: ", ")))</dd>\n" }
        let people = session.facilitators.map { f in
            site.personPage(f).map { "<a href=\"\(root)\($0)\">\(e(g.people[f].name ?? g.people[f].id))</a>" }
                ?? e(g.people[f].name ?? g.people[f].id)
        }
        out += "<dt>Facilitated by</dt><dd>\(people.isEmpty ? "No one named" : people.joined(separator: ", "))</dd>\n"
        out += "<dt>Format</dt><dd>\(e(layout.formatName(p.session) ?? "Other"))</dd>\n"
        if let track = session.track { out += "<dt>Track</dt><dd>\(e(track))</dd>\n" }
        let wanted = g.attendees.filter { $0.interests.contains(p.session) }.count
        if wanted > 0 {
            out += "<dt>Interest</dt><dd>\(wanted) attendee\(wanted == 1 ? "" : "s") want\(wanted == 1 ? "s" : "") to come</dd>\n"
        }
        out += "</dl>\n"
        if session.exclusive { out += "<p>Nothing else runs at this time.</p>\n" }
        let file = site.names.sessions[p.session] + ".ics"
        out += "<p><a class=\"button\" href=\"\(file)\" download=\"\(file)\">Add to calendar (.ics)</a></p>\n"
        let others = site.concurrent(with: p)
        if !others.isEmpty {
            out += "<h2>At the same time</h2>\n<ul>\n"
            for o in others {
                let title = e(layout.title(o.session))
                let link = site.sessionPage(o.session).map { "<a href=\"\(root)\($0)\">\(title)</a>" } ?? title
                out += "<li>\(link), \(e(layout.clock(o.slots))), \(e(o.rooms.map(layout.roomName).joined(separator: ", ")))</li>\n"
            }
            out += "</ul>\n"
        }
        return SitePage(path: path, heading: layout.title(p.session), kind: "session", content: out)
    }
}
