import ConveneCore
import Foundation

/// A change between two published versions in the attendees' words, by title, never by id:
///
/// - “Workshopping failures” moves from Fri 20 Sep 09:00–10:30 to 13:00–14:30, still in Commonwealth Salon.
/// - “Workshopping failures” moves from Fri 20 Sep 09:00–10:30 in Commonwealth Salon to 13:00–14:30 in Rabb Hall.
/// - “Financial support …” moves from Commonwealth Salon to Rabb Hall, same time (Fri 20 Sep 10:30–12:00).
/// - “Teens and learning circles” is added: Fri 20 Sep 15:15–16:00 in Rabb Hall.
/// - “Unconference / open space” is cancelled (it was Fri 20 Sep 14:30–16:00 in Rabb Hall, …).
///
/// Rooms are named with their building only when the change takes the session to another one.
struct ChangeWords {
    let zone: TimeZone

    /// The sentence as HTML, the title linked to `page` when given.
    func sentence(_ change: SiteChange, page: String?) -> String {
        let e = XMLText.escape
        let title = e(change.placement.label)
        let subject = "“" + (page.map { "<a href=\"\($0)\">\(title)</a>" } ?? title) + "”"
        return subject + " " + e(predicate(change))
    }

    /// Everything after the title.
    func predicate(_ change: SiteChange) -> String {
        let before = change.before
        let after = change.after
        let sites = Set((before?.rooms ?? []).map(\.site)) != Set((after?.rooms ?? []).map(\.site)) && before != nil && after != nil
        switch change.kind {
        case .added:
            guard let after else { return "is added." }
            return "is added: \(span(after)) in \(rooms(after, sites: false))."
        case .cancelled:
            guard let before else { return "is cancelled." }
            return "is cancelled (it was \(span(before)) in \(rooms(before, sites: false)))."
        case .roomChanged:
            guard let before, let after else { return "moves to other rooms." }
            return "moves from \(rooms(before, sites: sites)) to \(rooms(after, sites: sites)), same time (\(span(after)))."
        case .moved:
            guard let before, let after else { return "moves." }
            let sameRooms = Set(before.rooms.map(\.id)) == Set(after.rooms.map(\.id))
            let to = span(after, after: before.start)
            if sameRooms { return "moves from \(span(before)) to \(to), still in \(rooms(after, sites: false))." }
            return "moves from \(span(before)) in \(rooms(before, sites: sites)) to \(to) in \(rooms(after, sites: sites))."
        }
    }

    /// `Fri 20 Sep 09:00–10:30`; without the day when `after` is on the same day.
    func span(_ p: SiteHistory.Placement, after earlier: Int? = nil) -> String {
        let day = LocalTime.dayLabel(p.start, in: zone)
        // A session gone from the input may have only its start known.
        let clock = LocalTime.clock(p.start, in: zone) + (p.end > p.start ? "–" + LocalTime.clock(p.end, in: zone) : "")
        if let earlier, LocalTime.dayLabel(earlier, in: zone) == day { return clock }
        return "\(day) \(clock)"
    }

    /// `Rabb Hall, Commonwealth Salon`, with ` at Boston Public Library` after each building's
    /// rooms when `sites`.
    func rooms(_ p: SiteHistory.Placement, sites: Bool) -> String {
        guard sites else { return p.rooms.map(\.name).joined(separator: ", ") }
        var groups: [(site: String?, names: [String])] = []
        for room in p.rooms {
            if let i = groups.firstIndex(where: { $0.site == room.site }) {
                groups[i].names.append(room.name)
            } else {
                groups.append((room.site, [room.name]))
            }
        }
        return groups.map { g in
            g.names.joined(separator: ", ") + (g.site.flatMap { g.names == [$0] ? nil : " at \($0)" } ?? "")
        }.joined(separator: "; ")
    }
}
