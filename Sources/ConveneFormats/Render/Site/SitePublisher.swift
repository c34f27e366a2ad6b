import ConveneCore

/// Publishes an agenda for the people in it, as a static site that needs no server: a grid of
/// the days (`index.html`), a page per session with its `.ics`, per room (a door sign to print)
/// and per participant with their calendar, "What changed" when a previous agenda is given, and
/// the whole agenda in the formats conference apps read (`schedule.ics`, `schedule.xml`,
/// `schedule.json`, `agenda.csv`).
///
/// Every page is self-contained, well-formed XML: inline styles, no external resources, no script
/// needed to read it, links relative to the page. The organisers' page with the costs is
/// ``AgendaFormat/html``, not part of the site.
public struct SitePublisher: Sendable {
    /// The agenda this one replaces: the site then says what changed, and marks each changed session.
    package var previous: Agenda?
    /// Where the site will be served (`https://example.org/gathering/`): calendars then link each
    /// event to its page (`URL`), which needs an absolute address. Pages link relatively anyway.
    package var baseURL: String?
    /// Whether attendees who are no person get pages and calendars (they may not want to be listed).
    package var attendeePages: Bool
    /// When the calendars were made (`DTSTAMP`), seconds since 1970 UTC.
    package var stamp: Int

    /// A publisher; `previous` adds a page of what changed since it, `baseURL` absolute calendar links.
    public init(previous: Agenda? = nil, baseURL: String? = nil, attendeePages: Bool = true, stamp: Int = 0) {
        self.previous = previous
        self.baseURL = baseURL
        self.attendeePages = attendeePages
        self.stamp = stamp
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
        let site = SiteContext(
            layout: layout, names: SiteNames(g, participants: participants), participants: participants, attendeePages: attendeePages,
            diff: previous.map { AgendaDiff(previous: $0, new: agenda, gathering: g) }, baseURL: base)
        // A session placed twice (an agenda that breaks rule 1) still gets one page, of its first placement.
        let placed = layout.placements.filter { layout.placementOf[$0.session] == $0 }
        var pages = [IndexPage(site: site).page()]
        pages += placed.map { SessionPage(site: site).page($0) }
        pages += g.rooms.map { RoomPage(site: site).page($0.index) }
        pages += site.published.map { PersonPage(site: site).page($0) }
        if let diff = site.diff { pages.append(ChangesPage(site: site).page(diff)) }
        var files = pages.map { Site.File(path: $0.path, contents: $0.html(site)) }
        var links: [Int: String] = [:]
        if let base { for p in placed { links[p.session] = site.sessionPage(p.session).map { base + $0 } } }
        let calendar = ICSRenderer(stamp: stamp, pages: links)
        files += placed.map {
            Site.File(path: site.sessionCalendar($0.session), contents: calendar.render(layout, session: $0.session))
        }
        files += site.published.map {
            Site.File(path: site.participantCalendar($0), contents: calendar.render(layout, for: participants[$0]))
        }
        for download in SitePage.downloads {
            let text = download.format == .ics ? calendar.render(layout) : download.format.render(agenda, gathering: g, stamp: stamp)
            files.append(Site.File(path: download.file, contents: text))
        }
        return Site(files: files.sorted { $0.path < $1.path })
    }
}
