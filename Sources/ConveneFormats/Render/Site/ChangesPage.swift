import ConveneCore

/// "What changed": every published version, newest first, each with its changes to the one
/// before in words (``ChangeWords``), each title linked to the session's page while it is on
/// the agenda.
struct ChangesPage {
    let site: SiteContext

    func page() -> SitePage {
        let g = site.gathering
        let e = XMLText.escape
        let words = ChangeWords(zone: g.timeZone)
        let versions = site.history.versions
        let changed = site.releases.reduce(0) { $0 + $1.count }
        var out = "<p class=\"lead\">\(versions.count) version\(versions.count == 1 ? "" : "s") of this agenda, newest first"
        out += changed == 0 ? ".</p>\n" : "; \(changed) change\(changed == 1 ? "" : "s") in all.</p>\n"
        for (i, version) in versions.enumerated().reversed() {
            let number = i + 1
            out += "<section class=\"releases\" aria-labelledby=\"v\(number)\">\n<h2 id=\"v\(number)\">Version \(number)"
            out += version.published.map { ", \(e(site.published($0)))" } ?? ": the agenda before this site"
            out += i == versions.count - 1 ? " (this one)</h2>\n" : "</h2>\n"
            let release = site.releases[i]
            if i == 0 {
                let count = version.placements.count
                out += "<p>\(version.published == nil ? "The previous agenda" : "The first published agenda"): "
                out += "\(count) session\(count == 1 ? "" : "s").</p>\n"
            } else if release.isEmpty {
                out += "<p>No session changed.</p>\n"
            } else {
                out += "<p>\(release.count) change\(release.count == 1 ? "" : "s"):</p>\n<ul>\n"
                for change in release {
                    let page = g.sessionIndex[change.session].flatMap(site.sessionPage)
                    out += "<li data-session=\"\(e(change.session))\"><span class=\"badge\">\(change.mark)</span> "
                    out += words.sentence(change, page: page) + "</li>\n"
                }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        return SitePage(path: "changes.html", heading: "What changed", kind: "changes", content: out)
    }
}
