import ConveneCore

/// A page per participant: their whole agenda day by day (the sessions they facilitate, those they
/// want, and those for everyone), "Now and next", their clashes summarised once, what the newest
/// version changed for them, the sessions of theirs that were cancelled, and their calendar to
/// download or, with `--base-url`, to subscribe to (`webcal://`).
struct PersonPage {
    let site: SiteContext
    /// Runs of their sessions that an earlier version placed and this one does not.
    let cancelled: [SiteHistory.Key]

    func page(_ i: Int) -> SitePage {
        let layout = site.layout
        let g = site.gathering
        let e = XMLText.escape
        let person = site.participants[i]
        let placed = site.placements(of: person)
        let clashes = Self.clashes(placed, runs: site.visits == nil ? layout.runsOf : [:])
        let clashing = Set(clashes.flatMap { $0.map(\.session) })
        var lead = [person.person == nil ? "Attendee, by their registration id" : person.facilitates.isEmpty ? "Attendee" : "Facilitator"]
        lead.append("\(placed.count) session\(placed.count == 1 ? "" : "s") on the agenda")
        if !clashes.isEmpty { lead.append("<a href=\"#clashes\">\(clashes.count) clash\(clashes.count == 1 ? "" : "es")</a>") }
        var out = "<p class=\"lead\">\(lead.joined(separator: " · "))</p>\n"
        out += NowBox(site: site).html(placements: placed, all: false)
        let file = site.names.participants[i] + ".ics"
        out += "<p class=\"calendar\"><a class=\"button\" href=\"\(file)\" download=\"\(file)\">Download your calendar (.ics)</a>"
        if let subscribe = site.webcal(site.participantCalendar(i)) {
            out += "<a class=\"button\" href=\"\(e(subscribe))\">Subscribe (follows changes)</a>"
        }
        out += "</p>\n"
        out += changes(person, placed)
        let days = layout.days.filter { day in placed.contains { site.day($0)?.date == day.date } }
        out += IndexPage.navigation(days)
        out += "<div class=\"tools\" id=\"tools\" hidden=\"hidden\">\n" + IndexPage.zoneSwitch(site) + "</div>\n"
        if placed.isEmpty { out += "<p>No session of theirs is on the agenda.</p>\n" }
        out += "<div class=\"agenda\" data-agenda=\"\">\n"
        for day in days {
            out += "<section class=\"day\" id=\"day-\(day.date)\" aria-labelledby=\"h-\(day.date)\">\n"
            out += "<h2 id=\"h-\(day.date)\">\(e(day.title))</h2>\n<ol class=\"mine\">\n"
            for p in placed where site.day(p)?.date == day.date {
                out += card(p, person: person, clashing: clashing.contains(p.session))
            }
            out += "</ol>\n</section>\n"
        }
        out += "</div>\n"
        if !clashes.isEmpty {
            out += "<section id=\"clashes\" aria-labelledby=\"clashes-heading\">\n<h2 id=\"clashes-heading\">Clashes</h2>\n<ul>\n"
            for group in clashes {
                let start = group.map(\.slots.lowerBound).min() ?? 0
                let end = group.map(\.slots.upperBound).max() ?? start
                let titles = group.map { "“\(e(layout.title($0)))”" }
                let names =
                    titles.count == 2
                    ? titles.joined(separator: " and ") : titles.dropLast().joined(separator: ", ") + " and " + (titles.last ?? "")
                let day = group.first.flatMap(site.day).map { e($0.title) + ", " } ?? ""
                out += "<li><span class=\"clash\">\(day)\(site.clock(start..<end))</span>: \(names) run at the same time.</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        let unplaced = person.sessions.filter { layout.placementOf[$0] == nil && !person.everyone.contains($0) }
        if !unplaced.isEmpty {
            out += "<h2>Not on the agenda</h2>\n<ul>\n"
            for s in unplaced { out += "<li data-session=\"\(e(g.sessions[s].id))\">\(e(layout.title(s)))</li>\n" }
            out += "</ul>\n"
        }
        let going = Set(placed.map(\.session))
        let unseated = person.wants.filter { layout.placementOf[$0] != nil && !going.contains($0) }
        if !unseated.isEmpty {
            out += "<h2>No seat for you</h2>\n<p>Every run of these is full with the attendees the itineraries give it.</p>\n<ul>\n"
            for s in unseated {
                let title = e(layout.title(s))
                let link = site.sessionPage(s).map { "<a href=\"../\($0)\">\(title)</a>" } ?? title
                out += "<li data-session=\"\(e(g.sessions[s].id))\">\(link)</li>\n"
            }
            out += "</ul>\n"
        }
        let gone = cancelled.compactMap { site.revisions[$0] }.filter { g.sessionIndex[$0.last.session] == nil }
        if !gone.isEmpty {
            let words = ChangeWords(zone: g.timeZone)
            out += "<h2>Cancelled</h2>\n<ul>\n"
            for r in gone.sorted(by: { $0.last.start < $1.last.start }) {
                out += "<li>“\(e(r.last.label))”, \(e(words.span(r.last))) in \(e(words.rooms(r.last, sites: false)))</li>\n"
            }
            out += "</ul>\n"
        }
        return SitePage(path: site.participantPage(i) ?? "", heading: person.label, kind: "person", content: out, script: true)
    }

    /// One session of theirs: when, what, why it is theirs, where, and its marks.
    private func card(_ p: Assignment, person: Participant, clashing: Bool) -> String {
        let layout = site.layout
        let e = XMLText.escape
        let session = site.gathering.sessions[p.session]
        let classes = (site.trackClass(p.session).map { [$0] } ?? []) + (clashing ? ["clashing"] : [])
        var out =
            "<li data-session=\"\(e(session.id))\"\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")\(site.data(p))>"
        out += "<span class=\"when\">\(site.clock(p.slots))</span> "
        let title = e(layout.title(p))
        out +=
            site.sessionPage(p.session).map { "<a class=\"title\" href=\"../\($0)\">\(title)</a>" }
            ?? "<span class=\"title\">\(title)</span>"
        let rooms = p.rooms.map { "<a href=\"../\(site.roomPage($0))\">\(e(layout.roomName($0)))</a>" }
        let place = Set(p.rooms.compactMap(site.site)).sorted().map { " · " + e($0) }.joined()
        out +=
            "<br/><span class=\"role\">\(person.role(p.session))</span> · "
            + "<span class=\"where\">\(rooms.joined(separator: ", "))\(place)</span>"
        if !site.trackLabel(p.session).isEmpty { out += " " + site.trackLabel(p.session) }
        if let mark = site.changeMark(p) { out += " <span class=\"badge\">\(mark)</span>" }
        if clashing { out += " <a class=\"clash\" href=\"#clashes\">Clash</a>" }
        return out + "</li>\n"
    }

    /// What the newest version changed among their sessions (those cancelled included), and the
    /// clashes it made: two of theirs that now run at the same time and did not before.
    private func changes(_ person: Participant, _ placed: [Assignment]) -> String {
        guard site.hasChanges, let release = site.releases.last else { return "" }
        let g = site.gathering
        let keys = Set(placed.map(site.key) + cancelled)
        let mine = release.filter { keys.contains($0.key) }
        let versions = site.history.versions
        let before = Dictionary((versions.dropLast().last?.placements ?? []).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = mine.map {
            ChangeWords(zone: g.timeZone).sentence($0, page: g.sessionIndex[$0.session].flatMap(site.sessionPage).map { "../" + $0 })
        }
        for (k, a) in placed.enumerated() {
            for b in placed[(k + 1)...] where a.session != b.session && a.isConcurrent(with: b) {
                if let u = before[site.key(a)], let v = before[site.key(b)], u.start < v.end, v.start < u.end { continue }
                let e = XMLText.escape
                lines.append(
                    "“\(e(site.layout.title(a)))” and “\(e(site.layout.title(b)))” now run at the same time "
                        + "(\(e(site.day(a)?.title ?? "")), \(site.clock(a.slots.clamped(to: b.slots))))."
                )
            }
        }
        guard !lines.isEmpty else { return "" }
        // One line until opened, so that the agenda stays near the top on a phone.
        var out = "<details class=\"changed\" id=\"changed\"><summary><span class=\"badge\">Changed</span> "
        out += "What changed for you (\(lines.count))</summary>\n<ul>\n"
        for line in lines { out += "<li>\(line)</li>\n" }
        return out + "</ul>\n<p><a href=\"../changes.html\">Every change</a></p>\n</details>\n"
    }

    /// Their placements that run at the same time as another of theirs, in groups that overlap
    /// one another (a chain of overlaps is one group), in time order. Given every run of each
    /// session (`runs`, when the page lists them all), two sessions clash only when every run of
    /// one is at the same time as every run of the other, as the `clash` cost counts them.
    static func clashes(_ placed: [Assignment], runs: [Int: [Assignment]] = [:]) -> [[Assignment]] {
        func clash(_ a: Assignment, _ b: Assignment) -> Bool {
            guard a.session != b.session, a.isConcurrent(with: b) else { return false }
            let (x, y) = (runs[a.session] ?? [a], runs[b.session] ?? [b])
            return x.allSatisfy { u in y.allSatisfy(u.isConcurrent) }
        }
        let clashing = placed.filter { a in placed.contains { clash(a, $0) } }
        var groups: [[Assignment]] = []
        var current: [Assignment] = []
        var end = Int.min
        for p in clashing.sorted(by: { ($0.slots.lowerBound, $0.session, $0.run) < ($1.slots.lowerBound, $1.session, $1.run) }) {
            if p.slots.lowerBound < end {
                current.append(p)
                end = max(end, p.slots.upperBound)
            } else {
                if current.count > 1 { groups.append(current) }
                current = [p]
                end = p.slots.upperBound
            }
        }
        if current.count > 1 { groups.append(current) }
        return groups
    }
}
