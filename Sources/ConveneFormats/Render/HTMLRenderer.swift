import ConveneCore

/// One self-contained page for the wall: per day a table with rooms as columns and time as
/// rows, sessions coloured by format with a legend, facilitators on each block, and a print
/// stylesheet that puts each day on its own A4 or Letter page. No external resources; the markup
/// is well-formed XML, so any XML parser can read it back.
package struct HTMLRenderer: Sendable {
    package init() {}

    static let palette = ["#cfe3ff", "#ffe0b8", "#d7f2d0", "#f6d0e4", "#e4dcff", "#fff3b0", "#c9f0ee", "#f2d6cc", "#dde5c3", "#e8e8e8"]

    package func render(_ layout: AgendaLayout) -> String {
        let g = layout.gathering
        let e = XMLText.escape
        let used = layout.days.filter { !$0.placements.isEmpty }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(e(g.name))</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(g.name))</h1>
            <p class="dates">\(e(dateLine(used, g)))</p>
            <p class="summary">\(e(TextRenderer().summary(layout.agenda)))</p>
            </header>

            """
        let formats = Set(layout.placements.compactMap { g.sessions[$0.session].formatIndex }).sorted()
        let hasPlain = layout.placements.contains { g.sessions[$0.session].formatIndex == nil }
        if !formats.isEmpty || hasPlain {
            out += "<ul class=\"legend\" aria-label=\"Formats\">\n"
            for f in formats { out += "<li><span class=\"swatch f\(f % Self.palette.count)\"></span>\(e(g.formats[f].label))</li>\n" }
            if hasPlain { out += "<li><span class=\"swatch plain\"></span>Other</li>\n" }
            out += "</ul>\n"
        }
        for day in used { out += table(layout, day) }
        out += "<footer>\n<h2>Costs</h2>\n"
        if layout.agenda.costs.isEmpty {
            out += "<p>\(layout.agenda.objective == nil ? "No agenda." : "None: every attendee can go to every session they want.")</p>\n"
        }
        for kind in Agenda.CostKind.allCases {
            let terms = CostSummary.sorted(layout.agenda.costs, kind: kind)
            guard !terms.isEmpty else { continue }
            out += "<h3>\(e(CostSummary.headings[kind] ?? kind.rawValue)): \(terms.reduce(0) { $0 + $1.cost })</h3>\n<ul>\n"
            for term in terms { out += "<li><b>\(term.cost)</b> \(e(g.sentence(for: term)))</li>\n" }
            out += "</ul>\n"
        }
        return out + "</footer>\n</body>\n</html>\n"
    }

    private func dateLine(_ days: [AgendaLayout.Day], _ g: Gathering) -> String {
        guard let first = days.first, let last = days.last else { return g.timeZoneName }
        return (first.date == last.date ? first.title : "\(first.title) – \(last.title)") + " · " + g.timeZoneName
    }

    private func table(_ layout: AgendaLayout, _ day: AgendaLayout.Day) -> String {
        let e = XMLText.escape
        let grid = HTMLGrid(layout, day: day)
        // Each room keeps a readable width: on a narrow screen the day scrolls sideways (the times
        // stay in view) instead of squeezing the rooms until their text overprints.
        var out = "<section class=\"day\">\n<h2>\(e(day.title))</h2>\n<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
        out += "aria-label=\"\(e(day.title))\">\n<table style=\"min-width: \(7 + 9 * grid.rooms.count)rem\">\n<thead>\n"
        out += "<tr><th scope=\"col\" class=\"time\">Time</th>"
        for r in grid.rooms {
            // The building under the room's name, unless the name says it already.
            let building = layout.gathering.rooms[r].siteName.flatMap { layout.roomName(r).contains($0) ? nil : $0 }
            let site = building.map { "<span class=\"site\">\(e($0))</span>" } ?? ""
            out += "<th scope=\"col\">\(e(layout.roomName(r)))\(site)</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for (slot, cells) in zip(grid.slots, grid.rows) {
            out += "<tr><th scope=\"row\">\(layout.clock(slot..<slot + 1))</th>"
            for cell in cells {
                let span = (cell.columns > 1 ? " colspan=\"\(cell.columns)\"" : "") + (cell.rows > 1 ? " rowspan=\"\(cell.rows)\"" : "")
                switch cell.content {
                case .session(let p): out += block(layout, p, span: span)
                case .quiet: out += "<td class=\"quiet\"\(span)>Nothing else at this time</td>"
                case .closed: out += "<td class=\"closed\"\(span)>Closed</td>"
                case .empty: out += "<td></td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    private func block(_ layout: AgendaLayout, _ p: Assignment, span: String) -> String {
        let g = layout.gathering
        let e = XMLText.escape
        let session = g.sessions[p.session]
        let colour = session.formatIndex.map { "f\($0 % Self.palette.count)" } ?? "plain"
        var out = "<td class=\"session \(colour)\"\(span)><span class=\"title\">\(e(layout.title(p.session)))</span>"
        out += "<span class=\"when\">\(layout.clock(p.slots))</span>"
        let people = layout.facilitators(p.session)
        if !people.isEmpty { out += "<span class=\"who\">\(e(people.joined(separator: ", ")))</span>" }
        if p.rooms.count > 1 {
            out += "<span class=\"where\">\(e(p.rooms.map(layout.roomName).joined(separator: ", ")))</span>"
        }
        return out + "</td>"
    }

    static let style: String = {
        var css = """
            :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; }
            body { margin: 1.5rem; }
            header h1 { margin: 0 0 .2rem; font-size: 1.8rem; }
            header p { margin: .1rem 0; color: #555; }
            .legend { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
            .legend li { display: flex; align-items: center; gap: .35rem; font-size: .9rem; }
            .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; border: 1px solid #0002; }
            .day h2 { font-size: 1.3rem; margin: 1rem 0 .3rem; }
            .scroll { overflow-x: auto; margin: 0 0 2rem; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; overflow-wrap: anywhere; }
            th, td { border: 1px solid #c8c8cc; padding: .35rem .45rem; vertical-align: top; font-size: .85rem; }
            th.time, tbody th { position: sticky; left: 0; z-index: 1; }
            thead th { background: #f2f2f5; text-align: left; }
            thead th .site { display: block; font-weight: 400; font-size: .75rem; color: #555; }
            tbody tr { height: 3.4rem; }
            tbody th { width: 6.5rem; white-space: nowrap; background: #fafafa; text-align: left; font-weight: 600; }
            td.session span { display: block; }
            td.session .title { font-weight: 650; }
            td.session .when, td.session .who, td.session .where { font-size: .78rem; color: #333; }
            td.plain, .swatch.plain { background: #f4f4f4; }
            td.quiet { background: #f7f7f9; color: #55555a; font-size: .78rem; text-align: center; vertical-align: middle; }
            td.closed { background: repeating-linear-gradient(135deg, #ececef 0 6px, #f7f7f9 6px 12px); color: #55555a;
              font-size: .78rem; text-align: center; vertical-align: middle; }
            @media (max-width: 699.98px) { body { margin: .8rem; } }
            footer { font-size: .85rem; color: #333; }
            footer h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
            @media print {
              @page { size: landscape; margin: 10mm; }
              body { margin: 0; }
              .day { break-after: page; page-break-after: always; break-inside: avoid; }
              .day h2 { margin: 0 0 2mm; font-size: 14pt; }
              .scroll { overflow: visible; margin: 0; }
              table { min-width: 0 !important; }
              th.time, tbody th { position: static; }
              th, td { font-size: 8pt; padding: 2pt 3pt; }
              td.session, td.closed, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              footer { break-before: page; }
            }
            """
        for (i, colour) in palette.enumerated() { css += "\n.f\(i) { background: \(colour); }" }
        return css
    }()
}
