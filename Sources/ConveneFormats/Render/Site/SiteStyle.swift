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

    /// Every (text, background) pair the pages draw, for the contrast check (WCAG AA: 4.5:1).
    static var pairs: [(text: String, background: String)] {
        let sessionBackgrounds = palette + [plain]
        return [text, muted, link, alert].flatMap { [($0, page), ($0, band)] } + [(muted, quiet), (page, alert), (page, link)]
            + sessionBackgrounds.flatMap { [(text, $0), (muted, $0), (link, $0)] }
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
            a:focus-visible { outline: 3px solid \(link); outline-offset: 2px; }
            .skip { position: absolute; left: -9999px; }
            .skip:focus { left: 1rem; top: .5rem; background: \(page); padding: .3rem .6rem; }
            header.site, footer.site { padding: .6rem 1.5rem; background: \(band); }
            header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: .3rem 1.5rem; border-bottom: 1px solid \(rule); }
            header.site p { margin: 0; font-weight: 700; }
            nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
            footer.site { border-top: 1px solid \(rule); font-size: .9rem; color: \(muted); }
            footer.site p { margin: .3rem 0; }
            main { display: block; padding: 1rem 1.5rem 2rem; }
            h1 { font-size: 1.9rem; margin: .2rem 0 .4rem; line-height: 1.2; }
            h2 { font-size: 1.35rem; margin: 1.6rem 0 .5rem; }
            .lead { color: \(muted); margin: .1rem 0 .6rem; }
            .legend { list-style: none; padding: 0; margin: .8rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
            .legend li { display: flex; align-items: center; gap: .35rem; font-size: .9rem; }
            .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: .2rem; border: 1px solid \(rule); }
            .days { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; }
            .scroll { overflow-x: auto; margin: .4rem 0 1rem; }
            table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; overflow-wrap: break-word; }
            table.grid th, table.grid td { border: 1px solid \(rule); padding: .35rem .45rem; vertical-align: top; font-size: .85rem; }
            table.grid thead th { background: \(band); text-align: left; }
            table.grid thead th .place { display: block; font-weight: 400; font-size: .8rem; color: \(muted); }
            table.grid tbody tr { height: 3.6rem; }
            table.grid tbody th { width: 6.5rem; white-space: nowrap; background: \(band); text-align: left; }
            table.grid th.time { width: 6.5rem; }
            table.grid tbody th, table.grid th.time { position: sticky; left: 0; z-index: 1; }
            .session span, .session a.title { display: block; }
            .session a.title { font-weight: 650; color: \(text); }
            .session .when, .session .who, .session .where, .session .fmt, .session .all { font-size: .8rem; color: \(muted); }
            table.grid td.quiet { background: \(quiet); color: \(muted); font-size: .8rem; text-align: center; vertical-align: middle; }
            .plain, .swatch.plain { background: \(plain); }
            .badge { display: inline-block; background: \(alert); color: \(page); font-size: .75rem; font-weight: 700; padding: 0 .35rem;
              border-radius: .25rem; }
            .session .badge { display: inline-block; margin-top: .2rem; }
            .dim { opacity: .25; }
            ol.list { display: none; list-style: none; padding: 0; margin: .4rem 0 1rem; }
            ol.list .when { font-weight: 650; color: \(text); }
            ol.list li { padding: .55rem .75rem; margin: .45rem 0; border-radius: .35rem; border: 1px solid \(rule); }
            ol.list li.dim { display: none; }
            .filter { margin: .8rem 0; }
            .filter input { font: inherit; padding: .3rem .5rem; width: min(22rem, 100%); }
            ul.names { list-style: none; padding: 0; columns: 16rem; column-gap: 1.5rem; }
            ul.names li { margin: .15rem 0; break-inside: avoid; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.2rem; margin: 1rem 0; }
            dl.facts dt { font-weight: 650; }
            dl.facts dd { margin: 0; }
            .button { display: inline-block; padding: .45rem .9rem; border: 2px solid \(link); border-radius: .4rem; font-weight: 650;
              text-decoration: none; }
            .button:hover { background: \(link); color: \(page); }
            ol.mine { list-style: none; padding: 0; }
            ol.mine li { padding: .6rem .8rem; margin: .5rem 0; border: 1px solid \(rule); border-radius: .35rem; }
            ol.mine .when { font-weight: 650; }
            ol.mine .role { color: \(muted); }
            ol.mine a.title { font-weight: 650; font-size: 1.05rem; }
            ol.mine li.clashing { border-left: .35rem solid \(alert); }
            .clash { color: \(alert); font-weight: 700; }
            .sign .room { display: none; }
            .sign ol { list-style: none; padding: 0; margin: 0; }
            .sign li { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; padding: .7rem 0;
              border-top: 2px solid \(rule); font-size: 1.25rem; }
            .sign .time { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .sign .event { display: none; }
            .sign .title { font-weight: 650; }
            .sign .who, .sign .also { display: block; font-size: 1rem; color: \(muted); }
            @media (max-width: 699.98px) {
              header.site, footer.site, main { padding-left: .8rem; padding-right: .8rem; }
              .scroll { display: none; }
              ol.list { display: block; }
              dl.facts { grid-template-columns: 1fr; gap: .1rem; }
              dl.facts dd { margin-bottom: .5rem; }
              .sign li { grid-template-columns: 1fr; font-size: 1.1rem; }
            }
            @media print {
              header.site, footer.site, nav, .skip, .filter, .noprint { display: none; }
              main { padding: 0; }
              a { color: inherit; text-decoration: none; }
              .session, .swatch, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .scroll { overflow: visible; }
              table.grid { display: table; min-width: 0 !important; }
              ol.list { display: none; }
              section.day { break-after: page; break-inside: avoid; }
              table.grid th, table.grid td { font-size: 8pt; padding: 2pt 3pt; }
              body.room h1, body.room .lead { display: none; }
              .sign { break-after: page; page-break-after: always; break-inside: avoid; }
              .sign .room { display: block; font-size: 40pt; font-weight: 800; line-height: 1.1; margin: 0 0 4mm; }
              .sign .event { display: block; font-size: 14pt; color: \(muted); margin: 0 0 2mm; }
              .sign h2 { font-size: 24pt; margin: 0 0 6mm; }
              .sign li { font-size: 20pt; padding: 4mm 0; }
              .sign .who, .sign .also { font-size: 15pt; }
              .sign.many li { font-size: 14pt; padding: 2mm 0; }
            }
            """
        for (i, colour) in palette.enumerated() { css += "\n.f\(i) { background: \(colour); }" }
        return css
    }()
}
