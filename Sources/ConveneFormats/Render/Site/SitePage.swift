import ConveneCore

/// One page of the site: the frame every page shares (header with the site's navigation, `main`
/// with the page's one `<h1>`, footer with the downloads) around the page's own content. Pages
/// are well-formed XML, with every style inline and links relative to the page.
struct SitePage {
    /// Relative to the site's folder.
    var path: String
    /// The page's subject: the `<h1>` and the start of the `<title>`.
    var heading: String
    /// `index`, `session`, `room`, `person` or `changes`, for the stylesheet.
    var kind: String
    /// The content of `main` after the heading, with links relative to ``path``.
    var content: String
    /// Print rules for this kind of page.
    var print = SiteStyle.landscape
    /// Whether the page carries ``SiteScript`` (now and next, the time zone, the filters); it
    /// reads the same without it.
    var script = false

    /// `../` for each folder between the page and the site's folder.
    var root: String { String(repeating: "../", count: path.split(separator: "/").count - 1) }

    func html(_ site: SiteContext) -> String {
        let e = XMLText.escape
        let g = site.gathering
        let title = heading == g.name ? g.name : "\(heading) · \(g.name)"
        var nav = [("index.html", "Schedule"), ("index.html#rooms", "Rooms")]
        if !site.privateLinks { nav.append(("index.html#people", "People")) }
        if site.hasChanges { nav.append(("changes.html", "What changed")) }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(title))</title>
            <style>
            \(SiteStyle.css(print: print))
            </style>
            </head>
            <body class="\(kind)" data-zone="\(e(g.timeZone.identifier))">
            <a class="skip" href="#main">Skip to the content</a>
            <header class="site">
            <p><a href="\(root)index.html">\(e(g.name))</a></p>
            <nav aria-label="Site">
            <ul>\(nav.map { "<li><a href=\"\(root)\($0.0)\">\($0.1)</a></li>" }.joined())</ul>
            </nav>
            </header>
            <main id="main">
            <h1>\(e(heading))</h1>

            """
        out += content
        out += "</main>\n<footer class=\"site\">\n"
        out += "<p>Times are local to \(e(site.zoneLabel)) unless you choose your own. Downloads: "
        out += Self.downloads.map { "<a href=\"\(root)\($0.file)\">\($0.label)</a>" }.joined(separator: " · ") + ".</p>\n"
        out += "<p>Made with Convene.</p>\n</footer>\n"
        // CDATA keeps the page well-formed XML; to an HTML parser its markers are comments.
        if script { out += "<script>//<![CDATA[\n\(SiteScript.text)\n//]]></script>\n" }
        return out + "</body>\n</html>\n"
    }

    /// The whole agenda in the formats conference apps and spreadsheets read.
    static let downloads: [(file: String, label: String, format: AgendaFormat, note: String)] = [
        ("schedule.ics", "calendar (.ics)", .ics, "every session, for any calendar app"),
        ("schedule.xml", "frab XML", .frabXML, "for Giggity, ConfClerk and other conference apps"),
        ("schedule.json", "schedule JSON", .frabJSON, "c3voc's schedule.json"),
        ("agenda.csv", "spreadsheet (.csv)", .csv, "one row per session"),
    ]
}
