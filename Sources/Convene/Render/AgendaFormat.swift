/// Every way Convene writes an agenda down.
public enum AgendaFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, ics, html
    case frabXML = "frab-xml"
    case frabJSON = "frab-json"

    /// The agenda in this format.
    /// - Parameters:
    ///   - width: columns for `text`.
    ///   - stamp: when the calendar was made, for `ics` (`DTSTAMP`), seconds since 1970 UTC.
    public func render(_ agenda: Agenda, gathering: Gathering, width: Int = 120, stamp: Int = 0) -> String {
        if self == .json { return agenda.json }
        let layout = AgendaLayout(agenda: agenda, gathering: gathering)
        return switch self {
        case .text: TextRenderer(width: width).render(layout)
        case .markdown: MarkdownRenderer().render(layout)
        case .csv: CSVRenderer().render(layout)
        case .ics: ICSRenderer(stamp: stamp).render(layout)
        case .html: HTMLRenderer().render(layout)
        case .frabXML: FrabXMLRenderer().render(layout)
        case .frabJSON: FrabJSONRenderer().render(layout)
        case .json: agenda.json
        }
    }
}
