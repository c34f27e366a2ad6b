/// The site's look: one stylesheet written into every page (so each works alone, from disk),
/// with its colours named here so that a test can check every text against its background.
enum SiteStyle {
    static let text = "#1d1d1f"
    static let muted = "#4b4b52"
    static let link = "#0b4a8f"
    static let page = "#ffffff"
    static let band = "#f2f2f5"
    static let rule = "#c8c8cc"
    static let quiet = "#f4f4f6"
    static let alert = "#a3200b"
    static let plain = "#f4f4f4"
    /// Session backgrounds by format (`f0`…), the organiser's page's.
    static let palette = HTMLRenderer.palette

    /// Track colours (`t0`…): a stripe beside each session and a dot before the track's name,
    /// never the only clue (the track is named in words).
    static let trackPalette = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    ]
    /// The darker stripes of a closed room's cells.
    static let closed = "#e6e6ea"

    /// Every (text, background) pair the pages draw, for the contrast check (WCAG AA: 4.5:1).
    static var pairs: [(text: String, background: String)] {
        let sessionBackgrounds = palette + [plain]
        return [text, muted, link, alert].flatMap { [($0, page), ($0, band)] }
            + [(muted, quiet), (muted, closed), (page, alert), (page, link), (link, quiet)]
            + sessionBackgrounds.flatMap { [(text, $0), (muted, $0), (link, $0), (alert, $0)] }
    }

    /// The stylesheet, then the print rules of the page's kind.
    static func css(print: String) -> String { common + "\n" + print }

    /// Wall grid pages print landscape; door signs portrait, one page per room and day.
    static let landscape = "@media print { @page { size: landscape; margin: 10mm; } }"
    static let portrait = "@media print { @page { size: portrait; margin: 14mm; } }"

    private static let common: String = {
        var css = """
            :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: \(text); background: \(page);
              line-height: 1.4; }
            body { margin: 0; }
            a { color: \(link); }
            a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid \(link); outline-offset: 2px; }
            .skip { position: absolute; left: -9999px; }
            .skip:focus { left: 1rem; top: .5rem; background: \(page); padding: .3rem .6rem; }
            header.site, footer.site { padding: .5rem 1.5rem; background: \(band); }
            header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1.5rem; border-bottom: 1px solid \(rule); }
            header.site p { margin: 0; font-weight: 700; }
            nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
            footer.site { border-top: 1px solid \(rule); font-size: .9rem; color: \(muted); }
            footer.site p { margin: .3rem 0; }
            main { display: block; padding: .8rem 1.5rem 2rem; }
            h1 { font-size: 1.9rem; margin: .2rem 0 .3rem; line-height: 1.2; }
            h2 { font-size: 1.35rem; margin: 1.4rem 0 .5rem; }
            .lead { color: \(muted); margin: .1rem 0 .5rem; }
            .event { display: none; }
            .legend { list-style: none; padding: 0; margin: .6rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
            .legend li { display: flex; align-items: center; gap: .35rem; font-size: .9rem; }
            .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; border: 1px solid \(rule); }
            .changed { margin: .3rem 0 .5rem; }
            details.changed summary { cursor: pointer; font-weight: 650; }
            details.changed ul { margin: .4rem 0; }
            body.index header.site > p { display: none; }
            .now { border: 1px solid \(rule); border-left: .35rem solid \(link); border-radius: .4rem; background: \(band);
              padding: .35rem .8rem; margin: .5rem 0 .6rem; }
            .now h2 { font-size: 1rem; margin: .25rem 0 .1rem; }
            .now p { margin: .2rem 0; }
            .now ol { list-style: none; padding: 0; margin: .1rem 0 .3rem; }
            .now li { padding: .1rem 0; }
            .now .when { font-weight: 650; font-variant-numeric: tabular-nums; margin-right: .35rem; }
            .now .where, .now .more { color: \(muted); font-size: .85rem; }
            ul.days { display: flex; flex-wrap: wrap; gap: .3rem .5rem; list-style: none; padding: 0; margin: .4rem 0; }
            ul.days a { display: inline-block; padding: .15rem .55rem; border: 1px solid \(rule); border-radius: 1rem;
              text-decoration: none; }
            ul.days .today a { border-color: \(link); font-weight: 700; }
            .tools { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; margin: .4rem 0; }
            .tools input, .tools select, .tools button { font: inherit; }
            .tools input { padding: .25rem .5rem; width: min(16rem, 55%); }
            .tools p { margin: 0; }
            .zone button { border: 1px solid \(link); background: \(page); color: \(link); border-radius: .3rem; padding: .1rem .5rem; }
            .zone button[aria-pressed="true"] { background: \(link); color: \(page); }
            .scroll { overflow-x: auto; margin: .4rem 0 1rem; }
            table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; overflow-wrap: anywhere; }
            table.grid th, table.grid td { border: 1px solid \(rule); padding: .35rem .45rem; vertical-align: top; font-size: .85rem; }
            table.grid thead th { background: \(band); text-align: left; }
            table.grid thead th .place { display: block; font-weight: 400; font-size: .8rem; color: \(muted); }
            table.grid tbody tr { height: 3.6rem; }
            table.grid tbody th { white-space: nowrap; background: \(band); text-align: left; }
            table.grid th.time { width: 6.5rem; }
            table.grid tbody th, table.grid th.time { position: sticky; left: 0; z-index: 1; }
            :is(td, li).session span, :is(td, li).session a.title { display: block; }
            :is(td, li).session a.title { font-weight: 650; color: \(text); }
            :is(td, li).session :is(.when, .who, .where, .fmt, .all, .track) { font-size: .8rem;
              color: \(muted); }
            .track::before { content: ""; display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .3rem;
              border: 1px solid \(rule); }
            table.grid td.quiet { background: \(quiet); color: \(muted); font-size: .8rem; text-align: center; vertical-align: middle; }
            table.grid td.closed { background: repeating-linear-gradient(135deg, \(closed) 0 6px, \(quiet) 6px 12px); color: \(muted);
              font-size: .8rem; text-align: center; vertical-align: middle; }
            .plain, .swatch.plain { background: \(plain); }
            .badge { display: inline-block; background: \(alert); color: \(page); font-size: .75rem; font-weight: 700; padding: 0 .35rem;
              border-radius: .25rem; }
            :is(td, li).session .badge { display: inline-block; margin-top: .2rem; }
            .dim { opacity: .25; }
            ol.list { display: none; list-style: none; padding: 0; margin: .4rem 0 1rem; }
            ol.list .when { font-weight: 650; color: \(text); }
            ol.list li { padding: .5rem .75rem; margin: .4rem 0; border-radius: .35rem; border: 1px solid \(rule); }
            ol.list li.dim, ol.mine li.dim { display: none; }
            ul.names { list-style: none; padding: 0; columns: 16rem; column-gap: 1.5rem; }
            ul.names li { margin: .15rem 0; break-inside: avoid; }
            ul.names .place { color: \(muted); font-size: .9rem; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.2rem; margin: 1rem 0; }
            dl.facts dt { font-weight: 650; }
            dl.facts dd { margin: 0; }
            .description p { max-width: 42rem; }
            .button { display: inline-block; padding: .4rem .9rem; border: 2px solid \(link); border-radius: .4rem; font-weight: 650;
              text-decoration: none; margin: .15rem .4rem .15rem 0; }
            .button:hover { background: \(link); color: \(page); }
            ol.mine { list-style: none; padding: 0; margin: .3rem 0; }
            ol.mine li { padding: .5rem .8rem; margin: .45rem 0; border: 1px solid \(rule); border-radius: .35rem; }
            ol.mine .when { font-weight: 650; }
            ol.mine .role, ol.mine .where { color: \(muted); }
            ol.mine a.title { font-weight: 650; font-size: 1.05rem; }
            ol.mine li.clashing { border-left: .35rem solid \(alert); }
            ol.mine li.cancelled .title { text-decoration: line-through; }
            .clash { color: \(alert); font-weight: 700; }
            section.releases > h2 { margin-bottom: .2rem; }
            .sign .room { display: none; }
            .sign ol { list-style: none; padding: 0; margin: 0; }
            .sign li { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; padding: .7rem 0;
              border-top: 2px solid \(rule); font-size: 1.25rem; }
            .sign .time { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .sign .title { font-weight: 650; }
            .sign .who, .sign .also, .sign .closednote { display: block; font-size: 1rem; color: \(muted); }
            @media (max-width: 699.98px) {
              header.site, footer.site, main { padding-left: .8rem; padding-right: .8rem; }
              header.site { font-size: .9rem; padding-top: .35rem; padding-bottom: .35rem; }
              h1 { font-size: 1.45rem; }
              h2 { font-size: 1.2rem; margin-top: 1rem; }
              .scroll { display: none; }
              ol.list { display: block; }
              dl.facts { grid-template-columns: 1fr; gap: .1rem; }
              dl.facts dd { margin-bottom: .5rem; }
              .sign li { grid-template-columns: 1fr; font-size: 1.1rem; }
            }
            @media print {
              header.site, footer.site, nav, .skip, .tools, .now, .changed, .noprint, body.index main > :not(.agenda) { display: none; }
              main { padding: 0; }
              a { color: inherit; text-decoration: none; }
              td.session, .swatch, .badge, td.closed, .track::before { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .scroll { display: block; overflow: visible; margin: 0; }
              table.grid { display: table; min-width: 0 !important; }
              table.grid tbody th, table.grid th.time { position: static; }
              table.grid tbody tr { height: auto; }
              ol.list { display: none; }
              .event { display: inline; }
              section.day h2 { font-size: 13pt; margin: 0 0 2mm; }
              section.day { break-after: page; page-break-after: always; break-inside: avoid; }
              .agenda > section.day:last-child { break-after: auto; page-break-after: auto; }
              table.grid th, table.grid td { font-size: 7.5pt; padding: 1.5pt 3pt; line-height: 1.25; }
              td.session :is(.when, .who, .fmt, .track) { font-size: 6.5pt; }
              body.room h1, body.room .lead { display: none; }
              .sign { break-after: page; page-break-after: always; break-inside: avoid; }
              .sign:last-of-type { break-after: auto; page-break-after: auto; }
              .sign .room { display: block; font-size: 40pt; font-weight: 800; line-height: 1.1; margin: 0 0 4mm; }
              .sign .event { display: block; font-size: 14pt; color: \(muted); margin: 0 0 2mm; }
              .sign h2 { font-size: 24pt; margin: 0 0 6mm; }
              .sign li { font-size: 20pt; padding: 4mm 0; line-height: 1.25; }
              .sign .who, .sign .also, .sign .closednote { font-size: 15pt; }
              .sign.many .room { font-size: 32pt; }
              .sign.many li { font-size: 14pt; padding: 2mm 0; }
              .sign.many .who, .sign.many .also, .sign.many .closednote { font-size: 11pt; }
              .sign.crowded .room { font-size: 26pt; }
              .sign.crowded h2 { font-size: 18pt; margin-bottom: 3mm; }
              .sign.crowded li { font-size: 10.5pt; padding: 1mm 0; }
              .sign.crowded .who, .sign.crowded .also, .sign.crowded .closednote { font-size: 8.5pt; }
            }
            """
        for (i, colour) in palette.enumerated() { css += "\n.f\(i) { background: \(colour); }" }
        for (i, colour) in trackPalette.enumerated() {
            css += "\n.t\(i) .track::before, .track.t\(i)::before, .swatch.t\(i) { background: \(colour); }"
            css += "\ntable.grid td.session.t\(i) { box-shadow: inset .3rem 0 0 \(colour); padding-left: .65rem; }"
            css += "\nol.list li.t\(i), ol.mine li.t\(i):not(.clashing) { border-left: .35rem solid \(colour); }"
        }
        return css
    }()
}
