import Convene
import Foundation
import Synchronization

/// Published sites recently asked for, by agenda and options: browsing one page after another under `/site/` renders
/// the site once. Sites are made from stored versions and agendas, which never change.
final class SiteCache: Sendable {
    private let sites = Mutex<[(key: String, site: Site)]>([])
    private let capacity = 8

    func site(_ key: String, make: () -> Site) -> Site {
        if let hit = sites.withLock({ list in list.first { $0.key == key }?.site }) { return hit }
        let site = make()
        sites.withLock { list in
            list.removeAll { $0.key == key }
            list.insert((key, site), at: 0)
            if list.count > capacity { list.removeLast() }
        }
        return site
    }
}

extension Planner {
    /// The static site of a stored agenda, as `convene publish` writes it; `previous` adds its "What changed" page.
    func site(of record: AgendaRecord, previous: AgendaRecord?, attendeePages: Bool) async throws -> Site {
        let loaded = try await gathering(of: record)
        let agenda = try library.agenda(record)
        let earlier = try previous.map { try library.agenda($0) }
        // Calendars are stamped with the agenda's own time, so the same agenda always gives the same files.
        let stamp = (try? Date(record.created, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
        let key = "\(record.id ?? 0)|\(previous?.id ?? 0)|\(attendeePages)"
        return sites.site(key) {
            SitePublisher(previous: earlier, attendeePages: attendeePages, stamp: stamp).publish(agenda, gathering: loaded.gathering)
        }
    }
}

/// The media type of a site file, from its extension.
func mediaType(of path: String) -> String {
    switch path.split(separator: ".").last.map(String.init) ?? "" {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "ics": "text/calendar; charset=utf-8"
    case "xml": "application/xml; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "csv": "text/csv; charset=utf-8"
    case "svg": "image/svg+xml"
    case "png": "image/png"
    default: "text/plain; charset=utf-8"
    }
}
