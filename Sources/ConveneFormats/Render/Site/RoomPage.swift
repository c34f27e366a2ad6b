import ConveneCore

/// A page per room, printable as its door sign: for each day the room is used, one printed page
/// (A4 or Letter, portrait) with the room's name in large type, the day's sessions and the hours
/// the room is closed. The type shrinks for a day of many sessions, so that each sign fits its page.
struct RoomPage {
    let site: SiteContext

    func page(_ r: Int) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = FrabXMLRenderer.escape
        let room = g.rooms[r]
        var lead: [String] = []
        if let place = room.siteName { lead.append(place) }
        if let capacity = room.capacity { lead.append("Seats \(capacity)") }
        var out = lead.isEmpty ? "" : "<p class=\"lead\">\(e(lead.joined(separator: " · ")))</p>\n"
        let placements = site.placements
        let days = layout.days.compactMap { day -> (AgendaLayout.Day, [Assignment])? in
            let here = placements.filter { $0.rooms.contains(r) && !Set(day.slots).isDisjoint(with: $0.slots) }
            return here.isEmpty ? nil : (day, here)
        }
        if days.isEmpty { out += "<p>Nothing is scheduled in this room.</p>\n" }
        out += days.isEmpty ? "" : "<p class=\"noprint\">Print this page for the door: one page per day.</p>\n"
        for (day, placements) in days {
            let closed = closures(r, day)
            let lines = placements.count + (closed.isEmpty ? 0 : 1)
            let size = lines > 9 ? " crowded" : lines > 5 ? " many" : ""
            out += "<section class=\"sign\(size)\" aria-labelledby=\"day-\(day.date)\">\n"
            out += "<p class=\"event\" aria-hidden=\"true\">\(e(g.name))</p>\n"
            out += "<p class=\"room\" aria-hidden=\"true\">\(e(layout.roomName(r)))</p>\n"
            out += "<h2 id=\"day-\(day.date)\">\(e(day.title))</h2>\n<ol>\n"
            for p in placements {
                let title = e(layout.title(p.session))
                let link = site.sessionPage(p.session).map { "<a href=\"../\($0)\">\(title)</a>" } ?? title
                out += "<li><span class=\"time\">\(layout.clock(p.slots))</span><span><span class=\"title\">\(link)</span>"
                let people = layout.facilitators(p.session)
                if !people.isEmpty { out += "<span class=\"who\">\(e(people.joined(separator: ", ")))</span>" }
                let elsewhere = p.rooms.filter { $0 != r }.map(layout.roomName)
                if !elsewhere.isEmpty { out += "<span class=\"also\">Also in \(e(elsewhere.joined(separator: ", ")))</span>" }
                if let mark = site.changeMark(p.session) { out += " <span class=\"badge\">\(mark)</span>" }
                out += "</span></li>\n"
            }
            out += "</ol>\n"
            if !closed.isEmpty { out += "<p class=\"closednote\">Closed \(e(closed.joined(separator: ", ")))</p>\n" }
            out += "</section>\n"
        }
        return SitePage(path: site.roomPage(r), heading: layout.roomName(r), kind: "room", content: out, print: SiteStyle.portrait)
    }

    /// `08:00–12:00` for each window the room is unavailable on `day`, cut to the day's slots.
    private func closures(_ r: Int, _ day: AgendaLayout.Day) -> [String] {
        let g = site.gathering
        guard let first = day.slots.first, let last = day.slots.last else { return [] }
        let (open, close) = (g.slots[first].start, g.slots[last].end)
        return g.rooms[r].unavailable.filter { $0.start < close && open < $0.end }.map { w in
            "\(LocalTime.clock(max(w.start, open), in: g.timeZone))–\(LocalTime.clock(min(w.end, close), in: g.timeZone))"
        }
    }
}
