import ConveneCore

/// The site's front page for attendees, agenda first (on a phone the first session is near the
/// top): "Now and next", the days (as a grid of rooms and times, on a phone a list in time
/// order), then the legends, every room and person, and the downloads. No costs: those are the
/// organisers' (`--format html`).
struct IndexPage {
    let site: SiteContext

    func page() -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let days = layout.days.filter { !$0.placements.isEmpty }
        var out = "<p class=\"lead\">\(e(dates(days))) · <span class=\"zone-name\" data-event=\"\(e(site.zoneLabel))\">"
        out += "\(e(site.zoneLabel))</span></p>\n"
        if let release = site.releases.last, site.hasChanges {
            let count = release.count
            out += "<p class=\"changed\"><span class=\"badge\">Updated</span> "
            out += site.history.versions.last?.published.map { "\(e(site.published($0, short: true))): " } ?? ""
            out += "\(count == 0 ? "no" : "\(count)") change\(count == 1 ? "" : "s"). <a href=\"changes.html\">What changed</a></p>\n"
        }
        out += NowBox(site: site).html(placements: site.placements, all: true)
        out += Self.navigation(days)
        out += tools()
        out += "<div class=\"agenda\" data-agenda=\"\">\n"
        for day in days { out += section(day) }
        out += "</div>\n"
        out += legend()
        out += "<section id=\"rooms\" aria-labelledby=\"rooms-heading\">\n<h2 id=\"rooms-heading\">Rooms</h2>\n<ul class=\"names\">\n"
        for room in g.rooms { out += "<li><a href=\"\(site.roomPage(room.index))\">\(site.roomLabel(room.index))</a></li>\n" }
        out += "</ul>\n</section>\n" + people() + downloads()
        return SitePage(path: "index.html", heading: g.name, kind: "index", content: out, script: true)
    }

    /// `Wed 18 to Fri 20 Sep 2019`.
    private func dates(_ days: [AgendaLayout.Day]) -> String {
        guard let first = days.first, let last = days.last else { return "Nothing is scheduled yet" }
        guard first.date != last.date else { return first.title }
        let (a, b) = (first.title.split(separator: " "), last.title.split(separator: " "))
        if a.count == 4, b.count == 4, a[3] == b[3] {
            return a[2] == b[2] ? "\(a[0]) \(a[1]) to \(last.title)" : "\(a[0]) \(a[1]) \(a[2]) to \(last.title)"
        }
        return "\(first.title) to \(last.title)"
    }

    /// A link per day, and "Today" that the script shows during the gathering (on the index and
    /// on each person's page, whose days have the same ids).
    static func navigation(_ days: [AgendaLayout.Day]) -> String {
        guard days.count > 1 else { return "" }
        var out = "<nav aria-label=\"Days\"><ul class=\"days\">"
        out += "<li class=\"today\" id=\"today\" hidden=\"hidden\"><a href=\"#main\">Today</a></li>"
        out += days.map { "<li><a href=\"#day-\($0.date)\">\(XMLText.escape(Self.short($0)))</a></li>" }.joined()
        return out + "</ul></nav>\n"
    }

    /// `Thu 19`, a day in the days' navigation.
    static func short(_ day: AgendaLayout.Day) -> String { day.title.split(separator: " ").prefix(2).joined(separator: " ") }

    /// The search box, the track filter and the time zone switch, shown by the script.
    private func tools() -> String {
        let e = XMLText.escape
        var out = "<div class=\"tools\" id=\"tools\" hidden=\"hidden\">\n"
        out +=
            "<input type=\"search\" id=\"find\" aria-label=\"Find a session, person or room\" placeholder=\"Find a session, person…\"/>\n"
        if !site.tracks.isEmpty {
            out += "<select id=\"track\" aria-label=\"Track\"><option value=\"\">All tracks</option>"
            out += site.tracks.map { "<option value=\"\(e($0))\">\(e($0))</option>" }.joined() + "</select>\n"
        }
        out += Self.zoneSwitch(site)
        return out + "</div>\n"
    }

    /// Event time or the reader's own; the script shows it when the two differ.
    static func zoneSwitch(_ site: SiteContext) -> String {
        "<p class=\"zone\" id=\"zone\" hidden=\"hidden\">Times: <button type=\"button\" data-zone=\"event\" aria-pressed=\"true\">"
            + "Event (\(XMLText.escape(site.zoneAbbreviation)))</button> "
            + "<button type=\"button\" data-zone=\"reader\" aria-pressed=\"false\">Yours</button></p>\n"
    }

    /// Formats by name, with their colour beside the name, and tracks likewise: the colour is
    /// never the only clue, since every session also says its format and track in words.
    private func legend() -> String {
        let g = site.gathering
        let e = XMLText.escape
        let placements = site.placements
        let formats = Set(placements.compactMap { g.sessions[$0.session].formatIndex }).sorted()
        let hasPlain = placements.contains { g.sessions[$0.session].formatIndex == nil }
        guard !formats.isEmpty || hasPlain || !site.tracks.isEmpty else { return "" }
        var out = "<section id=\"legend\" aria-labelledby=\"formats\">\n<h2 id=\"formats\">Formats</h2>\n<ul class=\"legend\">\n"
        for f in formats {
            out += "<li><span class=\"swatch \(Self.colour(f))\"></span>\(e(g.formats[f].label))</li>\n"
        }
        if hasPlain { out += "<li><span class=\"swatch plain\"></span>Other</li>\n" }
        out += "</ul>\n"
        if !site.tracks.isEmpty {
            out += "<h2 id=\"tracks\">Tracks</h2>\n<ul class=\"legend\">\n"
            for (i, track) in site.tracks.enumerated() {
                out += "<li><span class=\"swatch t\(i % SiteStyle.trackPalette.count)\"></span>\(e(track))</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    static func colour(_ format: Int?) -> String { format.map { "f\($0 % SiteStyle.palette.count)" } ?? "plain" }

    private func section(_ day: AgendaLayout.Day) -> String {
        let layout = site.layout
        let e = XMLText.escape
        let g = site.gathering
        let grid = HTMLGrid(layout, day: day)
        var out = "<section class=\"day\" id=\"day-\(day.date)\" aria-labelledby=\"h-\(day.date)\">\n"
        out += "<h2 id=\"h-\(day.date)\"><span class=\"event\">\(e(g.name)) · </span>\(e(day.title))</h2>\n"
        // Each room keeps a readable width; a day with many rooms scrolls sideways instead of squeezing them.
        out += "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"h-\(day.date)\">\n"
        out += "<table class=\"grid\" style=\"min-width: \(7 + 9 * grid.rooms.count)rem\" aria-labelledby=\"h-\(day.date)\">\n"
        out += "<thead>\n<tr><th scope=\"col\" class=\"time\">Time</th>"
        for r in grid.rooms {
            // The site under the room's name.
            let place = site.site(r).map { "<span class=\"place\">\(e($0))</span>" } ?? ""
            out += "<th scope=\"col\"><a href=\"\(site.roomPage(r))\">\(e(layout.roomName(r)))</a>\(place)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (slot, cells) in zip(grid.slots, grid.rows) {
            out += "<tr><th scope=\"row\">\(site.clock(slot..<slot + 1))</th>"
            for cell in cells {
                let span = (cell.columns > 1 ? " colspan=\"\(cell.columns)\"" : "") + (cell.rows > 1 ? " rowspan=\"\(cell.rows)\"" : "")
                switch cell.content {
                case .session(let p):
                    let session = g.sessions[p.session]
                    let classes = ["session", Self.colour(session.formatIndex)] + (site.trackClass(p.session).map { [$0] } ?? [])
                    let track = session.track.map { " data-track=\"\(e($0))\"" } ?? ""
                    out += "<td class=\"\(classes.joined(separator: " "))\" data-session=\"\(e(session.id))\"\(track)\(span)>"
                    out += block(p, list: false) + "</td>"
                case .quiet: out += "<td class=\"quiet\"\(span)>Nothing else runs at this time</td>"
                case .closed: out += "<td class=\"closed\"\(span)>Closed</td>"
                case .empty: out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<ol class=\"list\">\n"
        for p in day.placements {
            let session = g.sessions[p.session]
            let classes = ["session", Self.colour(session.formatIndex)] + (site.trackClass(p.session).map { [$0] } ?? [])
            out += "<li class=\"\(classes.joined(separator: " "))\"\(site.data(p))>" + block(p, list: true) + "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// A session's title (linked to its page), time, facilitators, format and track, and in the
    /// list its rooms, which the grid's columns show (a session in several rooms spans their columns).
    private func block(_ p: Assignment, list: Bool) -> String {
        let layout = site.layout
        let e = XMLText.escape
        let session = site.gathering.sessions[p.session]
        var out = ""
        if list { out += "<span class=\"when\">\(site.clock(p.slots))</span>" }
        let title = e(layout.title(p.session))
        out +=
            site.sessionPage(p.session).map { "<a class=\"title\" href=\"\($0)\">\(title)</a>" } ?? "<span class=\"title\">\(title)</span>"
        if !list { out += "<span class=\"when\">\(site.clock(p.slots))</span>" }
        if list { out += "<span class=\"where\">\(e(site.roomsLabel(p.rooms)))</span>" }
        let people = layout.facilitators(p.session)
        if !people.isEmpty { out += "<span class=\"who\">\(e(people.joined(separator: ", ")))</span>" }
        out += "<span class=\"fmt\">\(e(layout.formatName(p.session) ?? "Other"))</span>"
        out += site.trackLabel(p.session)
        if list && session.exclusive { out += "<span class=\"all\">Nothing else runs at this time</span>" }
        if let mark = site.changeMark(p.session) { out += "<span class=\"badge\">\(mark)</span>" }
        return out
    }

    private func people() -> String {
        guard !site.privateLinks else { return "" }
        let e = XMLText.escape
        let shown = site.published
        let people = shown.filter { site.participants[$0].person != nil }
        let attendees = site.listAttendees ? shown.filter { site.participants[$0].person == nil } : []
        var out = "<section id=\"people\" aria-labelledby=\"people-heading\">\n<h2 id=\"people-heading\">People</h2>\n"
        func list(_ positions: [Int]) -> String {
            "<ul class=\"names\">\n"
                + positions.compactMap { i in
                    site.listedPage(i).map { "<li><a href=\"\($0)\">\(e(site.participants[i].label))</a></li>\n" }
                }.joined() + "</ul>\n"
        }
        if !people.isEmpty { out += list(people) }
        if !attendees.isEmpty {
            out += "<h3>Attendees</h3>\n<p class=\"lead\">By id, as registered.</p>\n" + list(attendees)
        }
        return out + "</section>\n"
    }

    private func downloads() -> String {
        let e = XMLText.escape
        var out = "<section id=\"downloads\" aria-labelledby=\"downloads-heading\">\n<h2 id=\"downloads-heading\">Downloads</h2>\n<ul>\n"
        for d in SitePage.downloads { out += "<li><a href=\"\(d.file)\">\(d.label)</a>: \(d.note)</li>\n" }
        out += "<li><a href=\"versions.json\">versions (JSON)</a>: every published version of this agenda</li>\n</ul>\n"
        if let subscribe = site.webcal("schedule.ics") {
            out += "<p>Subscribe in your calendar app, to follow every change: <a href=\"\(e(subscribe))\">\(e(subscribe))</a></p>\n"
        }
        return out + "</section>\n"
    }
}
