import ConveneCore

/// The site's front page for attendees: per day, the grid of rooms and times (on a phone, a list
/// in time order instead), the formats' legend, every room and person, and the downloads. No
/// costs: those are the organisers' (`--format html`).
struct IndexPage {
    let site: SiteContext

    func page() -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let days = layout.days.filter { !$0.placements.isEmpty }
        var out = "<p class=\"lead\">\(e(dates(days)))</p>\n"
        if let diff = site.diff {
            let count = diff.changes.count
            out +=
                count == 0
                ? "<p>Nothing has changed since the previous agenda.</p>\n"
                : "<p><span class=\"badge\">Changed</span> \(count) change\(count == 1 ? "" : "s") since the previous agenda: "
                    + "<a href=\"changes.html\">what changed</a>.</p>\n"
        }
        if let base = site.baseURL, let subscribe = webcal(base + "schedule.ics") {
            out += "<p>Subscribe in your calendar app: <a href=\"\(e(subscribe))\">\(e(subscribe))</a></p>\n"
        }
        if days.count > 1 {
            out += "<nav aria-label=\"Days\"><ul class=\"days\">"
            out += days.map { "<li><a href=\"#day-\($0.date)\">\(e($0.title))</a></li>" }.joined() + "</ul></nav>\n"
        }
        out += legend()
        out += "<p class=\"filter\" id=\"filter\" hidden=\"hidden\"><label>Find a session, person or room: "
        out += "<input type=\"search\" id=\"find\"/></label></p>\n"
        for day in days { out += section(day) }
        out += "<section id=\"rooms\" aria-labelledby=\"rooms-heading\">\n<h2 id=\"rooms-heading\">Rooms</h2>\n<ul class=\"names\">\n"
        for room in g.rooms { out += "<li><a href=\"\(site.roomPage(room.index))\">\(e(site.roomLabel(room.index)))</a></li>\n" }
        out += "</ul>\n</section>\n" + people() + downloads()
        return SitePage(path: "index.html", heading: g.name, kind: "index", content: out, script: Self.filterScript)
    }

    private func dates(_ days: [AgendaLayout.Day]) -> String {
        let zone = site.gathering.timeZoneName
        guard let first = days.first, let last = days.last else { return "Nothing is scheduled yet. Times are local to \(zone)." }
        return (first.date == last.date ? first.title : "\(first.title) to \(last.title)") + ". Times are local to \(zone)."
    }

    /// Formats by name, with their colour beside the name: the colour is never the only clue,
    /// since every session also says its format in words.
    private func legend() -> String {
        let g = site.gathering
        let placements = site.layout.placements
        let formats = Set(placements.compactMap { g.sessions[$0.session].format }).sorted()
        let hasPlain = placements.contains { g.sessions[$0.session].format == nil }
        guard !formats.isEmpty || hasPlain else { return "" }
        var out = "<h2 id=\"formats\">Formats</h2>\n<ul class=\"legend\" aria-labelledby=\"formats\">\n"
        for f in formats {
            out += "<li><span class=\"swatch \(Self.colour(f))\"></span>\(XMLText.escape(g.formats[f].label))</li>\n"
        }
        if hasPlain { out += "<li><span class=\"swatch plain\"></span>Other</li>\n" }
        return out + "</ul>\n"
    }

    static func colour(_ format: Int?) -> String { format.map { "f\($0 % SiteStyle.palette.count)" } ?? "plain" }

    private func section(_ day: AgendaLayout.Day) -> String {
        let layout = site.layout
        let e = XMLText.escape
        let grid = HTMLGrid(layout, day: day)
        var out = "<section class=\"day\" id=\"day-\(day.date)\" aria-labelledby=\"h-\(day.date)\">\n"
        out += "<h2 id=\"h-\(day.date)\">\(e(day.title))</h2>\n"
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
            out += "<tr><th scope=\"row\">\(layout.clock(slot..<slot + 1))</th>"
            for cell in cells {
                let span = (cell.columns > 1 ? " colspan=\"\(cell.columns)\"" : "") + (cell.rows > 1 ? " rowspan=\"\(cell.rows)\"" : "")
                switch cell.content {
                case .session(let p):
                    let id = e(site.gathering.sessions[p.session].id)
                    out += "<td class=\"session \(Self.colour(site.gathering.sessions[p.session].format))\" data-session=\"\(id)\"\(span)>"
                    out += block(p, list: false) + "</td>"
                case .quiet: out += "<td class=\"quiet\"\(span)>Nothing else runs at this time</td>"
                case .empty: out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<ol class=\"list\">\n"
        for p in layout.placements where day.slots.contains(p.start) {
            out += "<li class=\"session \(Self.colour(site.gathering.sessions[p.session].format))\">" + block(p, list: true) + "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// A session's title (linked to its page), time, facilitators and format, and in the list its
    /// rooms, which the grid's columns show (a session in several rooms spans their columns).
    private func block(_ p: Assignment, list: Bool) -> String {
        let layout = site.layout
        let e = XMLText.escape
        let session = site.gathering.sessions[p.session]
        var out = ""
        if list { out += "<span class=\"when\">\(layout.clock(p.slots))</span>" }
        let title = e(layout.title(p.session))
        out +=
            site.sessionPage(p.session).map { "<a class=\"title\" href=\"\($0)\">\(title)</a>" } ?? "<span class=\"title\">\(title)</span>"
        if !list { out += "<span class=\"when\">\(layout.clock(p.slots))</span>" }
        if list {
            out += "<span class=\"where\">\(e(site.roomsLabel(p.rooms)))</span>"
        }
        let people = layout.facilitators(p.session)
        if !people.isEmpty { out += "<span class=\"who\">\(e(people.joined(separator: ", ")))</span>" }
        out += "<span class=\"fmt\">\(e(layout.formatName(p.session) ?? "Other"))</span>"
        if list && session.exclusive { out += "<span class=\"all\">Nothing else runs at this time</span>" }
        if let mark = site.changeMark(p.session) { out += "<span class=\"badge\">\(mark)</span>" }
        return out
    }

    private func people() -> String {
        let e = XMLText.escape
        let shown = site.published
        let people = shown.filter { !site.participants[$0].facilitates.isEmpty }
        let attendees = shown.filter { site.participants[$0].facilitates.isEmpty }
        var out = "<section id=\"people\" aria-labelledby=\"people-heading\">\n<h2 id=\"people-heading\">People</h2>\n"
        func list(_ positions: [Int]) -> String {
            "<ul class=\"names\">\n"
                + positions.compactMap { i in
                    site.participantPage(i).map { "<li><a href=\"\($0)\">\(e(site.participants[i].label))</a></li>\n" }
                }.joined() + "</ul>\n"
        }
        if !people.isEmpty { out += "<h3>Facilitators</h3>\n" + list(people) }
        if !attendees.isEmpty {
            out += "<h3>Attendees</h3>\n<p class=\"lead\">By name where the input gives one, else by id.</p>\n" + list(attendees)
        }
        return out + "</section>\n"
    }

    private func downloads() -> String {
        var out = "<section id=\"downloads\" aria-labelledby=\"downloads-heading\">\n<h2 id=\"downloads-heading\">Downloads</h2>\n<ul>\n"
        for d in SitePage.downloads { out += "<li><a href=\"\(d.file)\">\(d.label)</a>: \(d.note)</li>\n" }
        return out + "</ul>\n</section>\n"
    }

    /// `webcal://…` for an `http(s)://` address, the scheme calendar apps subscribe to.
    private func webcal(_ url: String) -> String? {
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) { return "webcal://" + url.dropFirst(scheme.count) }
        return nil
    }

    /// Shows the search box and dims what does not match: the page reads the same without it.
    static let filterScript = """
        (function () {
          var bar = document.getElementById('filter');
          var box = document.getElementById('find');
          if (!bar || !box) { return; }
          bar.hidden = false;
          box.addEventListener('input', function () {
            var words = box.value.trim().toLowerCase();
            document.querySelectorAll('.session').forEach(function (el) {
              el.classList.toggle('dim', words !== '' ? el.textContent.toLowerCase().indexOf(words) === -1 : false);
            });
          });
        })();
        """
}
