import ConveneCore

/// What every page of a site needs: the agenda laid out, each thing's file name, who has a page,
/// and what changed since the previous agenda.
struct SiteContext {
    let layout: AgendaLayout
    let names: SiteNames
    /// Every participant, in ``Participant/everyone(in:)`` order (the order of `names.participants`).
    let participants: [Participant]
    /// Whether attendees who are no person have pages.
    let attendeePages: Bool
    /// The comparison with the previous agenda, when one was given.
    let diff: AgendaDiff?
    /// The site's address, ending in `/`, for links that must be absolute.
    let baseURL: String?

    var gathering: Gathering { layout.gathering }

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

    func participantCalendar(_ i: Int) -> String { "people/\(names.participants[i]).ics" }

    /// The page of the person with this index.
    func personPage(_ p: Int) -> String? {
        participants.firstIndex { $0.person == p }.flatMap(participantPage)
    }

    /// The change of a session the new agenda places (added, moved, or given other rooms).
    func change(_ s: Int) -> AgendaDiff.Change? {
        let id = gathering.sessions[s].id
        return diff?.changes.first { $0.session == id && $0.after != nil }
    }

    /// The mark of a changed session: `New`, `Moved` or `New room`.
    func changeMark(_ s: Int) -> String? {
        guard let change = change(s) else { return nil }
        switch change.kind {
        case .added: return "New"
        case .roomChanged: return "New room"
        default: return "Moved"
        }
    }

    /// `Rabb Hall`, or `Rabb Hall (Boston Public Library)` when the room has a site of another name.
    func roomLabel(_ r: Int) -> String {
        layout.roomName(r) + (site(r).map { " (\($0))" } ?? "")
    }

    /// The rooms of a placement: `Rabb Hall, Commonwealth Salon (Boston Public Library)` when they
    /// share a site, each with its own otherwise.
    func roomsLabel(_ rooms: [Int]) -> String {
        let sites = Set(rooms.map { gathering.rooms[$0].site })
        guard sites.count == 1, rooms.count > 1, let last = rooms.last else { return rooms.map(roomLabel).joined(separator: ", ") }
        return rooms.map(layout.roomName).joined(separator: ", ") + (site(last).map { " (\($0))" } ?? "")
    }

    /// The room's site, when it has one whose name is not the room's own.
    func site(_ r: Int) -> String? {
        gathering.rooms[r].siteName.flatMap { $0 == layout.roomName(r) ? nil : $0 }
    }

    /// Sessions placed at the same time as `p`, in time order.
    func concurrent(with p: Assignment) -> [Assignment] {
        layout.placements.filter { $0.session != p.session && $0.isConcurrent(with: p) }
    }

    /// `Thu 19 Sep 2019, 09:00–10:30`.
    func when(_ p: Assignment) -> String {
        let day = layout.days.first { $0.slots.contains(p.start) }?.title ?? ""
        return "\(day), \(layout.clock(p.slots))"
    }
}
