import ConveneCore

/// What every page of a site needs: the agenda laid out, each thing's file name, who has a page
/// and who is listed, the published versions and what the newest one changed.
struct SiteContext {
    let layout: AgendaLayout
    let names: SiteNames
    /// Every participant, in ``Participant/everyone(in:)`` order (the order of `names.participants`).
    let participants: [Participant]
    /// Whether attendees who are no person have pages.
    let attendeePages: Bool
    /// Whether the index lists attendees' pages.
    let listAttendees: Bool
    /// Whether personal pages have keyed addresses that no public page links to.
    let privateLinks: Bool
    /// The site's address, ending in `/`, for links that must be absolute.
    let baseURL: String?
    /// Every published version, this one last.
    let history: SiteHistory
    /// The changes each version made, by version index (none for the first).
    let releases: [[SiteChange]]
    /// Every session ever published, by id: its revisions, for the calendars.
    let revisions: [String: SiteHistory.Revisions]
    /// Session descriptions by id (`sessions[].description`).
    let descriptions: [String: String]
    /// When this publish was made, seconds since 1970.
    let stamp: Int
    /// Every track, sorted, its colour by position.
    let tracks: [String]

    init(
        layout: AgendaLayout, names: SiteNames, participants: [Participant], options: SitePublisher, history: SiteHistory,
        baseURL: String?
    ) {
        self.layout = layout
        self.names = names
        self.participants = participants
        attendeePages = options.attendeePages
        listAttendees = options.listAttendees && options.linkSecret == nil
        privateLinks = options.linkSecret != nil
        self.baseURL = baseURL
        self.history = history
        releases = history.versions.indices.map(history.changes(at:))
        revisions = history.revisions()
        descriptions = options.descriptions
        stamp = options.stamp
        tracks = Set(layout.gathering.sessions.compactMap(\.track)).sorted()
        placements = layout.placements
        latestChanges = Dictionary((releases.last ?? []).map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The newest release's changes, by session id.
    let latestChanges: [String: SiteChange]
    /// Every placement, day by day (computed once: pages ask for it often).
    let placements: [Assignment]

    var gathering: Gathering { layout.gathering }

    /// Whether the site has a "What changed" page: some version changed something.
    var hasChanges: Bool { history.versions.count > 1 }

    /// Positions in ``participants`` of those who have a page.
    var published: [Int] { participants.indices.filter { participants[$0].person != nil || attendeePages } }

    /// `sessions/update.html` for a placed session; nil for one the agenda does not place.
    func sessionPage(_ s: Int) -> String? { layout.placementOf[s] == nil ? nil : "sessions/\(names.sessions[s]).html" }

    func sessionCalendar(_ s: Int) -> String { "sessions/\(names.sessions[s]).ics" }

    func roomPage(_ r: Int) -> String { "rooms/\(names.rooms[r]).html" }

    /// `people/p2pu-director.html` for a participant who has a page.
    func participantPage(_ i: Int) -> String? {
        participants[i].person != nil || attendeePages ? "people/\(names.participants[i]).html" : nil
    }

    /// The participant's page when public pages may link to it: never with private links; an
    /// attendee who is no person's only with `--list-attendees`.
    func listedPage(_ i: Int) -> String? {
        guard !privateLinks, participants[i].person != nil || listAttendees else { return nil }
        return participantPage(i)
    }

    func participantCalendar(_ i: Int) -> String { "people/\(names.participants[i]).ics" }

    /// The public page of the person with this index, if public pages may link to it.
    func personPage(_ p: Int) -> String? {
        participants.firstIndex { $0.person == p }.flatMap(listedPage)
    }

    /// `webcal://example.org/p2pu/people/x.ics` for a file of the site, with `--base-url`.
    func webcal(_ path: String) -> String? {
        guard let base = baseURL else { return nil }
        let url = base + path
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) { return "webcal://" + url.dropFirst(scheme.count) }
        return nil
    }

    /// The newest release's change of a session.
    func change(_ s: Int) -> SiteChange? { latestChanges[gathering.sessions[s].id] }

    /// The mark of a session the newest release changed: `New`, `Moved` or `New room`.
    func changeMark(_ s: Int) -> String? { change(s)?.mark }

    /// `Rabb Hall · Boston Public Library` as HTML, the building only when it is not the room's name.
    func roomLabel(_ r: Int) -> String {
        let e = XMLText.escape
        return e(layout.roomName(r)) + (site(r).map { " <span class=\"place\">· \(e($0))</span>" } ?? "")
    }

    /// The rooms of a placement in words: `Rabb Hall, Commonwealth Salon · Boston Public Library`,
    /// each building after its rooms.
    func roomsLabel(_ rooms: [Int]) -> String {
        var groups: [(site: String?, names: [String])] = []
        for r in rooms {
            let place = site(r)
            if let i = groups.firstIndex(where: { $0.site == place }) {
                groups[i].names.append(layout.roomName(r))
            } else {
                groups.append((place, [layout.roomName(r)]))
            }
        }
        return groups.map { $0.names.joined(separator: ", ") + ($0.site.map { " · \($0)" } ?? "") }.joined(separator: "; ")
    }

    /// The room's site, when it has one that the room's name does not already say.
    func site(_ r: Int) -> String? {
        gathering.rooms[r].siteName.flatMap { layout.roomName(r).contains($0) ? nil : $0 }
    }

    /// Sessions placed at the same time as `p`, in time order.
    func concurrent(with p: Assignment) -> [Assignment] {
        placements.filter { $0.session != p.session && $0.isConcurrent(with: p) }
    }

    /// The day a placement starts on.
    func day(_ p: Assignment) -> AgendaLayout.Day? { layout.days.first { $0.slots.contains(p.start) } }

    /// `Thu 19 Sep 2019, 09:00–10:30` in HTML, each time a `<time>` the reader's zone can rewrite.
    func when(_ p: Assignment) -> String {
        "\(XMLText.escape(day(p)?.title ?? "")), \(clock(p.slots))"
    }

    /// `09:00–10:30` in HTML for a run of slots.
    func clock(_ slots: Range<Int>) -> String {
        guard let first = slots.first, let last = slots.last else { return "" }
        return time(gathering.slots[first].startSecond) + "–" + time(gathering.slots[last].endSecond)
    }

    /// `<time datetime="2019-09-19T09:00:00-04:00" data-t="1568898000">09:00</time>`: the event's
    /// clock, which the page's script turns to the reader's zone when asked.
    func time(_ instant: Int) -> String {
        "<time datetime=\"\(layout.isoDateTime(instant))\" data-t=\"\(instant)\">\(LocalTime.clock(instant, in: gathering.timeZone))</time>"
    }

    /// `data-start`, `data-end` and `data-track` of a placement's item, for "Now and next" and the
    /// track filter.
    func data(_ p: Assignment) -> String {
        let (start, end) = layout.interval(p)
        var out = " data-start=\"\(start)\" data-end=\"\(end)\" data-day=\"\(day(p)?.date ?? "")\""
        if let track = gathering.sessions[p.session].track { out += " data-track=\"\(XMLText.escape(track))\"" }
        return out
    }

    /// The track's colour class, `t0`…
    func trackClass(_ s: Int) -> String? {
        gathering.sessions[s].track.flatMap { tracks.firstIndex(of: $0) }.map { "t\($0 % SiteStyle.trackPalette.count)" }
    }

    /// `<span class="track t2">community</span>`, or nothing for a session without a track.
    func trackLabel(_ s: Int) -> String {
        guard let track = gathering.sessions[s].track, let c = trackClass(s) else { return "" }
        return "<span class=\"track \(c)\">\(XMLText.escape(track))</span>"
    }

    /// `EDT`: the event zone's abbreviation at the first slot.
    var zoneAbbreviation: String {
        ZoneAbbreviation.at(gathering.slots.first?.startSecond ?? stamp, in: gathering.timeZone)
    }

    /// `New York time (EDT)`: the zone's city and its abbreviation.
    var zoneLabel: String {
        let abbreviation = zoneAbbreviation
        let name = gathering.timeZoneName
        guard name.contains("/"), let city = name.split(separator: "/").last else {
            return abbreviation == name ? "\(name) time" : "\(name) time (\(abbreviation))"
        }
        return "\(city.replacingOccurrences(of: "_", with: " ")) time (\(abbreviation))"
    }

    /// The day "today" stands for in the pages' no-script fallback: the publish's own day when the
    /// gathering has sessions then, else the next day that has, else the last.
    var today: AgendaLayout.Day? {
        let days = layout.days.filter { !$0.placements.isEmpty }
        let c = LocalTime.components(stamp, in: gathering.timeZone)
        let date = "\(LocalTime.pad(c.year, 4))-\(LocalTime.pad(c.month))-\(LocalTime.pad(c.day))"
        return days.first { $0.date >= date } ?? days.last
    }

    /// Whether ``today`` is the publish's own day.
    var todayIsPublishDay: Bool {
        let c = LocalTime.components(stamp, in: gathering.timeZone)
        return today?.date == "\(LocalTime.pad(c.year, 4))-\(LocalTime.pad(c.month))-\(LocalTime.pad(c.day))"
    }

    /// `Fri 20 Sep 2019, 08:05 EDT` (`short`: `Fri 20 Sep, 08:05`): when a version was
    /// published, in the event's zone.
    func published(_ instant: Int, short: Bool = false) -> String {
        let zone = gathering.timeZone
        let c = LocalTime.components(instant, in: zone)
        if short { return "\(LocalTime.dayLabel(instant, in: zone)), \(LocalTime.clock(instant, in: zone))" }
        return "\(LocalTime.dayLabel(instant, in: zone)) \(c.year), \(LocalTime.clock(instant, in: zone)) "
            + ZoneAbbreviation.at(instant, in: zone)
    }
}
