import ConveneCore

/// A page per room, printable as its door sign: for each day the room is used, one printed page
/// (A4 or Letter, portrait) with the room's name in large type, the day's sessions and the hours
/// the room is closed. The type shrinks for a day of many sessions, so that each sign fits its page.
struct RoomPage {
    let site: SiteContext

    func page(_ r: Int) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
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
            let size = Self.size(
                placements.map { p in
                    (
                        layout.title(p.session), layout.facilitators(p.session).joined(separator: ", "), p.rooms.count > 1,
                        site.changeMark(p.session) != nil
                    )
                }, closed: !closed.isEmpty)
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
        let (open, close) = (g.slots[first].startSecond, g.slots[last].endSecond)
        return g.rooms[r].unavailable.filter { $0.start < close && open < $0.end }.map { w in
            "\(LocalTime.clock(max(w.start, open), in: g.timeZone))–\(LocalTime.clock(min(w.end, close), in: g.timeZone))"
        }
    }

    /// The type size of a day's sign (`""`, ` many` or ` crowded`, as the print stylesheet sets
    /// them): the largest whose estimated height fits a portrait Letter page (the smaller of
    /// Letter and A4), so that a sign never spills an orphan line onto a page of its own.
    /// Estimated in millimetres from the characters per line each size allows.
    static func size(_ items: [(title: String, who: String, elsewhere: Bool, badge: Bool)], closed: Bool) -> String {
        // header, title characters per line, title line, other characters per line, other line, padding per item
        let tiers: [(name: String, header: Double, title: Double, titleLine: Double, other: Double, otherLine: Double, pad: Double)] = [
            ("", 46, 30, 9.2, 46, 7, 8.5),
            (" many", 40, 46, 6.5, 62, 5.2, 4.5),
            (" crowded", 33, 62, 4.9, 84, 4, 2.5),
        ]
        func lines(_ text: String, _ perLine: Double) -> Double { text.isEmpty ? 0 : (Double(text.count) / perLine).rounded(.up) }
        for tier in tiers {
            var height = tier.header + (closed ? tier.otherLine + 2 : 0)
            for item in items {
                height += tier.pad + lines(item.title, tier.title) * tier.titleLine + lines(item.who, tier.other) * tier.otherLine
                if item.elsewhere { height += 2 * tier.otherLine }
                if item.badge { height += tier.otherLine }
            }
            if height <= 230 { return tier.name }
        }
        return " crowded"
    }
}
