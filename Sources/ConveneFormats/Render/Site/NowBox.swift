import ConveneCore

/// "Now and next" at the top of the index and of each person's page. The page's script fills it
/// from the clock; without the script it lists "today": the day of the publish when the gathering
/// has sessions then, else the next day that has (at most twelve, then a link to the rest).
struct NowBox {
    let site: SiteContext

    /// The box for `placements` (time order); `all` says the page is the whole agenda.
    func html(placements: [Assignment], all: Bool) -> String {
        let e = XMLText.escape
        guard let today = site.today else { return "" }
        let mine = placements.filter { site.day($0)?.date == today.date }
        var out = "<section class=\"now\" id=\"now\" aria-live=\"polite\" aria-label=\"Now and next\">\n"
        let name = String(today.title.dropLast(5))
        out += "<h2>\(site.todayIsPublishDay ? "Today, " : "")\(e(name))</h2>\n"
        if mine.isEmpty {
            out += "<p>\(all ? "Nothing is scheduled" : "You have nothing scheduled") that day.</p>\n"
        } else {
            out += "<ol>\n"
            for p in mine.prefix(12) {
                let title = e(site.layout.title(p))
                let link = site.sessionPage(p.session).map { "<a class=\"title\" href=\"\(all ? "" : "../")\($0)\">\(title)</a>" } ?? title
                out += "<li><span class=\"when\">\(site.clock(p.slots))</span>\(link)"
                out += "<span class=\"where\"> · \(e(site.roomsLabel(p.rooms)))</span></li>\n"
            }
            if mine.count > 12 { out += "<li class=\"more\"><a href=\"#day-\(today.date)\">and \(mine.count - 12) more</a></li>\n" }
            out += "</ol>\n"
        }
        return out + "</section>\n"
    }
}
