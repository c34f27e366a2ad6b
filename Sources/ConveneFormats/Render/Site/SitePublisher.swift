import ConveneCore
import Foundation

/// Publishes an agenda for the people in it, as a static site that needs no server: a grid of
/// the days (`index.html`), a page per session with its `.ics`, per room (a door sign to print)
/// and per participant with their calendar, "What changed" once a second version is published,
/// the history of versions (`versions.json`) and the whole agenda in the formats conference apps
/// read (`schedule.ics`, `schedule.xml`, `schedule.json`, `agenda.csv`).
///
/// Every page is self-contained, well-formed XML: inline styles, no external resources, no script
/// needed to read it, links relative to the page. The organisers' page with the costs is
/// ``AgendaFormat/html``, not part of the site.
public struct SitePublisher: Sendable {
    /// The agenda this one replaces, when the folder has no history yet: it becomes the first
    /// version (published before this site), so that the site says what changed since it.
    package var previous: Agenda?
    /// The versions already published into the folder (`versions.json`), oldest first.
    package var history: SiteHistory?
    /// What each personal calendar held in earlier publishes (`.convene/calendars.json`).
    package var memory = CalendarMemory()
    /// Where the site will be served (`https://example.org/gathering/`): calendars then link each
    /// event to its page (`URL`) and pages offer `webcal://` subscriptions, which need an absolute address.
    package var baseURL: String?
    /// Whether attendees who are no person get pages and calendars (they may not want to be listed).
    package var attendeePages: Bool
    /// Whether the index lists the pages of attendees who are no person (`--list-attendees`).
    package var listAttendees = false
    /// The key of private links: personal pages then live at a keyed hash of the id and no page links to them.
    package var linkSecret: [UInt8]?
    /// Session descriptions by session id (`sessions[].description`).
    package var descriptions: [String: String] = [:]
    /// When this publish is made (the version's time, the calendars' `DTSTAMP`), seconds since 1970 UTC.
    package var stamp: Int

    /// A publisher; `previous` adds a page of what changed since it, `baseURL` absolute calendar links.
    /// `stamp` is when this publish is made, to the second (the version's time, the calendars' `DTSTAMP`).
    public init(previous: Agenda? = nil, baseURL: String? = nil, attendeePages: Bool = true, stamp: Date = Date(timeIntervalSince1970: 0)) {
        self.previous = previous
        self.baseURL = baseURL
        self.attendeePages = attendeePages
        self.stamp = Int(stamp.timeIntervalSince1970.rounded(.down))
    }

    /// Whether `url` can be the site's address: `http://` or `https://` and a host.
    package static func isSiteAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let rest = lower.dropFirst(scheme.count)
        return !rest.isEmpty && !rest.hasPrefix("/") && !url.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0.value < 0x20 }
    }

    /// Every file of the site for `agenda`, an agenda of `gathering`.
    public func publish(_ agenda: Agenda, gathering g: Gathering) -> Site {
        let layout = AgendaLayout(agenda: agenda, gathering: g)
        let participants = Participant.everyone(in: g)
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        var past = history ?? SiteHistory(event: g.name, timeZone: g.timeZone.identifier)
        if past.versions.isEmpty, let previous {
            past.versions = [SiteHistory.Version(published: nil, placements: SiteHistory.placements(previous, g))]
        }
        let history = past.adding(SiteHistory.placements(agenda, g), at: stamp, event: g.name, timeZone: g.timeZone.identifier)
        let site = SiteContext(
            layout: layout, names: SiteNames(g, participants: participants, secret: linkSecret), participants: participants,
            options: self, history: history, baseURL: base)
        // What each calendar has held: what it held before, and every session of theirs any version placed.
        let ever = Set(history.versions.flatMap { $0.placements.map(\.session) })
        var memory = CalendarMemory()
        var cancelled: [Int: [String]] = [:]
        for i in site.published {
            let id = participants[i].id
            let had = (self.memory.sessions[id] ?? []).union(participants[i].sessions.map { g.sessions[$0].id }.filter(ever.contains))
            memory.sessions[id] = had
            cancelled[i] = had.filter { site.revisions[$0]?.cancelled == true }.sorted()
        }
        // A session placed twice (an agenda that breaks rule 1) still gets one page, of its first placement.
        let placed = site.placements.filter { layout.placementOf[$0.session] == $0 }
        var pages = [IndexPage(site: site).page()]
        pages += placed.map { SessionPage(site: site).page($0) }
        pages += g.rooms.map { RoomPage(site: site).page($0.index) }
        pages += site.published.map { PersonPage(site: site, cancelled: cancelled[$0] ?? []).page($0) }
        if site.hasChanges { pages.append(ChangesPage(site: site).page()) }
        var files = pages.map { Site.File(path: $0.path, contents: $0.html(site)) }
        var links: [Int: String] = [:]
        if let base { for p in placed { links[p.session] = site.sessionPage(p.session).map { base + $0 } } }
        let calendar = ICSRenderer(stamp: stamp, pages: links)
        let gone = site.revisions.values.filter(\.cancelled).sorted { ($0.last.start, $0.last.session) < ($1.last.start, $1.last.session) }
        func revised(_ event: CalendarEvent) -> CalendarEvent {
            var event = event
            event.sequence = site.revisions[event.session]?.sequence ?? 0
            event.lastModified = site.revisions[event.session]?.lastModified ?? stamp
            return event
        }
        func cancelledEvent(_ r: SiteHistory.Revisions) -> CalendarEvent {
            CalendarEvent(
                session: r.last.session, start: r.last.start, end: r.last.end, summary: r.last.title,
                location: ICSRenderer.location(r.last.rooms.map { ($0.name, $0.site) }),
                description: "Cancelled: this session is no longer on the agenda.", category: nil,
                url: base.map { $0 + "changes.html" }, sequence: r.sequence, lastModified: r.lastModified ?? stamp, cancelled: true)
        }
        files += placed.map {
            Site.File(
                path: site.sessionCalendar($0.session), contents: calendar.calendar(g, name: nil, [revised(calendar.event(layout, $0))]))
        }
        files += site.published.map { i in
            let events =
                calendar.events(layout, for: participants[i]).map(revised)
                + (cancelled[i] ?? []).compactMap { site.revisions[$0] }.map(cancelledEvent)
            return Site.File(
                path: site.participantCalendar(i),
                contents: calendar.calendar(g, name: ICSRenderer.name(g, participants[i]), events))
        }
        for download in SitePage.downloads {
            let text: String
            if download.format == .ics {
                let events = site.placements.map { revised(calendar.event(layout, $0)) } + gone.map(cancelledEvent)
                text = calendar.calendar(g, name: g.name, events)
            } else {
                text = download.format.render(agenda, gathering: g, stamp: Date(timeIntervalSince1970: TimeInterval(stamp)))
            }
            files.append(Site.File(path: download.file, contents: text))
        }
        files.append(Site.File(path: "versions.json", contents: history.json))
        let state = [
            Site.File(path: ".convene/calendars.json", contents: memory.json),
            Site.File(path: ".convene/links.csv", contents: linksTable(site, base: base)),
        ]
        return Site(files: files.sorted { $0.path < $1.path }, state: state)
    }

    /// `.convene/links.csv`: each participant's page and calendar, for the organisers to send
    /// (with private links, nobody finds their page otherwise).
    private func linksTable(_ site: SiteContext, base: String?) -> String {
        var rows = [["id", "name", "page", "calendar", "subscribe"]]
        for i in site.published {
            guard let page = site.participantPage(i) else { continue }
            let calendar = site.participantCalendar(i)
            rows.append([
                site.participants[i].id, site.participants[i].name ?? "", (base ?? "") + page, (base ?? "") + calendar,
                site.webcal(calendar) ?? "",
            ])
        }
        return rows.map { $0.map(CSVRenderer.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
