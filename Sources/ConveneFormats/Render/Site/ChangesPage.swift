import ConveneCore

/// "What changed": the comparison with the previous agenda, one sentence per change as
/// ``AgendaDiff`` words it, each linked to the session's page while it is on the agenda.
struct ChangesPage {
    let site: SiteContext

    func page(_ diff: AgendaDiff) -> SitePage {
        let g = site.gathering
        let e = XMLText.escape
        var out: String
        if diff.changes.isEmpty {
            out = "<p>Nothing has changed since the previous agenda.</p>\n"
        } else {
            let count = diff.changes.count
            out = "<p class=\"lead\">\(count) change\(count == 1 ? "" : "s") since the previous agenda.</p>\n<ul>\n"
            for change in diff.changes {
                let page = g.sessionIndex[change.session].flatMap(site.sessionPage)
                out += "<li>\(e(diff.sentence(for: change, in: g)))"
                if let page, let s = g.sessionIndex[change.session] {
                    out += " <a href=\"\(page)\" aria-label=\"Session page: \(e(site.layout.title(s)))\">Session page</a>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return SitePage(path: "changes.html", heading: "What changed", kind: "changes", content: out)
    }
}
