import ConveneCore
import Foundation

/// Every way Convene writes an agenda down.
public enum AgendaFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, ics, html
    case frabXML = "frab-xml"
    case frabJSON = "frab-json"

    /// The agenda in this format.
    /// - Parameters:
    ///   - agenda: the agenda document, as a solve returns it or as read back.
    ///   - gathering: the gathering the agenda was made for.
    ///   - width: columns for `text`.
    ///   - stamp: when the calendar was made, for `ics` (`DTSTAMP`), to the second.
    public func render(_ agenda: Agenda, gathering: Gathering, width: Int = 120, stamp: Date = Date(timeIntervalSince1970: 0)) -> String {
        if self == .json { return agenda.jsonText }
        let layout = AgendaLayout(agenda: agenda, gathering: gathering)
        return switch self {
        case .text: TextRenderer(width: width).render(layout)
        case .markdown: MarkdownRenderer().render(layout)
        case .csv: CSVRenderer().render(layout)
        case .ics: ICSRenderer(stamp: Int(stamp.timeIntervalSince1970.rounded(.down))).render(layout)
        case .html: HTMLRenderer().render(layout)
        case .frabXML: FrabXMLRenderer().render(layout)
        case .frabJSON: FrabJSONRenderer().render(layout)
        case .json: agenda.jsonText
        }
    }
}

extension AgendaFormat {
    /// One person's (or attendee's) calendar: the sessions they facilitate, each saying so on
    /// the first line of its description, and the sessions they want.
    ///
    /// - Parameters:
    ///   - agenda: the agenda document.
    ///   - gathering: the gathering the agenda was made for.
    ///   - person: a person's id or an attendee's id.
    ///   - stamp: when the calendar was made (`DTSTAMP`), seconds since 1970 UTC.
    /// - Throws: ``UnknownParticipant`` when no person or attendee has that id.
    package static func personalCalendar(_ agenda: Agenda, gathering: Gathering, person: String, stamp: Int = 0) throws(UnknownParticipant)
        -> String
    {
        let participant = try Participant.find(person, in: gathering)
        return ICSRenderer(stamp: stamp).render(AgendaLayout(agenda: agenda, gathering: gathering), for: participant)
    }
}
