import ConveneCore

/// A page per participant: the sessions they facilitate and those they want, in time order, each
/// marked where it runs at the same time as another of theirs; what changed for them; and their
/// own calendar (`people/ID.ics`).
struct PersonPage {
    let site: SiteContext

    func page(_ i: Int) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let person = site.participants[i]
        let role =
            person.person == nil
            ? "Attendee, listed by their id in the registration." : person.facilitates.isEmpty ? "Attendee" : "Facilitator"
        var out = "<p class=\"lead\">\(role)</p>\n"
        if let diff = site.diff, let notice = diff.notices.first(where: { $0.person == person.id }) {
            out += "<section aria-labelledby=\"changed\">\n<h2 id=\"changed\">What changed for you</h2>\n<ul>\n"
            for line in diff.message(for: notice, in: g) { out += "<li>\(e(line))</li>\n" }
            out += "</ul>\n</section>\n"
        }
        let file = site.names.participants[i] + ".ics"
        let placed = layout.placements.filter { person.sessions.contains($0.session) }
        out += "<p><a class=\"button\" href=\"\(file)\" download=\"\(file)\">Add these sessions to a calendar (.ics)</a></p>\n"
        out += "<h2>Sessions</h2>\n"
        out += placed.isEmpty ? "<p>No session on the agenda.</p>\n" : "<ol class=\"mine\">\n"
        let facilitated = Set(person.facilitates)
        for p in placed {
            let id = e(g.sessions[p.session].id)
            let title = e(layout.title(p.session))
            let clashes = placed.filter { $0.session != p.session && $0.isConcurrent(with: p) }
            out += "<li data-session=\"\(id)\"\(clashes.isEmpty ? "" : " class=\"clashing\"")>"
            out += "<span class=\"when\">\(e(site.when(p)))</span><br/>"
            out += site.sessionPage(p.session).map { "<a class=\"title\" href=\"../\($0)\">\(title)</a>" } ?? title
            let rooms = p.rooms.map { "<a href=\"../\(site.roomPage($0))\">\(e(layout.roomName($0)))</a>" }
            out += "<br/><span class=\"role\">\(facilitated.contains(p.session) ? "Facilitates" : "Wants to attend")</span> in "
            out += "<span class=\"where\">\(rooms.joined(separator: ", "))</span>"
            if let mark = site.changeMark(p.session) { out += " <span class=\"badge\">\(mark)</span>" }
            if !clashes.isEmpty {
                let names = clashes.map { c in
                    site.sessionPage(c.session).map { "<a href=\"../\($0)\">\(e(layout.title(c.session)))</a>" }
                        ?? e(layout.title(c.session))
                }
                out += "<br/><span class=\"clash\">Clash:</span> at the same time as \(names.joined(separator: " and "))"
            }
            out += "</li>\n"
        }
        if !placed.isEmpty { out += "</ol>\n" }
        let unplaced = person.sessions.filter { layout.placementOf[$0] == nil }
        if !unplaced.isEmpty {
            out += "<h2>Not on the agenda</h2>\n<ul>\n"
            for s in unplaced { out += "<li data-session=\"\(e(g.sessions[s].id))\">\(e(layout.title(s)))</li>\n" }
            out += "</ul>\n"
        }
        return SitePage(path: site.participantPage(i) ?? "", heading: person.label, kind: "person", content: out)
    }
}
