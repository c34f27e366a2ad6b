import Convene
import Foundation
import FoundationXML
import Testing

/// From what organisers have to a published agenda: import → check (the gathering validates) →
/// solve → render frab-xml, every agenda judged by the AgendaChecker and every schedule.xml by
/// the voc XSD's rules; and identity kept through a round trip.
@Suite struct ImportEndToEndTests {
    /// The XML's events: code, guid and id attributes, in document order.
    func events(_ xml: String) throws -> [(code: String?, guid: String, id: String, title: String)] {
        let document = try XMLDocument(data: Data(xml.utf8))
        return try document.nodes(forXPath: "//event").compactMap { $0 as? XMLElement }.map { e in
            (
                e.attribute(forName: "code")?.stringValue, e.attribute(forName: "guid")?.stringValue ?? "",
                e.attribute(forName: "id")?.stringValue ?? "", e.elements(forName: "title").first?.stringValue ?? ""
            )
        }
    }

    @Test func aPretalxExportAndASurveyBecomeAPublishedAgenda() async throws {
        let result = try imported(
            ImportRequest(
                frame: try importFile("import/pretalx-frame.json"), pretalx: try importFiles("import/pretalx"),
                interests: [try importFile("import/survey-choices.csv")], survey: SurveyOptions(choicesColumn: pretalxChoicesQuestion)))
        let g = try Gathering(json: Data(result.document.json.utf8))
        // 72 talks, three of them workshops held twice: 75 runs to place.
        #expect(g.sessions.count == 72 && g.attendees.count == 240)
        let agenda = try await solveForTest(g)
        let report = try AgendaChecker(gathering: g).check(agenda)
        #expect(report.isValid, "\(report.violations)")
        #expect(agenda.placements.count == 75 && agenda.objective == report.objective)
        #expect(agenda.placements.filter { $0.run == 2 }.count == 3)

        let xml = AgendaFormat.frabXML.render(agenda, gathering: g)
        #expect(FrabXMLRules.violations(xml).isEmpty, "\(FrabXMLRules.violations(xml))")
        // Every talk keeps its pretalx code: as the event's code (once per submission), and in the CSV.
        let codes = Set(g.sessions.map { String($0.id.prefix(6)) })
        #expect(Set(try events(xml).compactMap(\.code)) == codes)
        let csv = AgendaFormat.csv.render(agenda, gathering: g)
        let column = Set(csv.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) })
        #expect(column == Set(g.sessions.map(\.id)))
    }

    @Test func aFrabScheduleGoesBackOutWithTheSameGuidsAndCodes() throws {
        let data = try fixture("import/frab-schedule.xml")
        let result = try imported(ImportRequest(frab: ImportFile(name: "frab-schedule.xml", data: data)))
        let previous = try #require(result.previous)
        let g = result.gathering
        #expect(try AgendaChecker(gathering: g).check(previous).isValid)
        let xml = AgendaFormat.frabXML.render(previous, gathering: g)
        #expect(FrabXMLRules.violations(xml).isEmpty, "\(FrabXMLRules.violations(xml))")
        let before = try events(String(decoding: data, as: UTF8.self))
        let after = try events(xml)
        #expect(Set(after.map(\.guid)) == Set(before.map(\.guid)))
        // pretalx wrote one code on two events; the XSD wants codes unique, so it is kept once.
        #expect(Set(after.compactMap(\.code)) == Set(before.compactMap(\.code)))
        #expect(after.compactMap(\.code).count == before.count - 1)
        for event in after {
            let original = try #require(before.first { $0.guid == event.guid })
            #expect(original.title == event.title)
        }
    }

    @Test func aFrabScheduleWithNumericIdsKeepsThem() throws {
        let xml = """
            <schedule><version>1</version><conference><title>DST</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
            <day index="1" date="2025-10-26" start="2025-10-26T09:00:00+01:00" end="2025-10-26T12:00:00+01:00">
            <room name="A"><event id="7" guid="0d1f6c1e-0b4b-4c6e-9d43-1c0a7d1b2e3f"><date>2025-10-26T09:00:00+01:00</date>
            <start>09:00</start><duration>01:00</duration><room>A</room><title>x</title><type>Talk</type><track/><abstract/></event>
            <event id="3" guid="0d1f6c1e-0b4b-4c6e-9d43-1c0a7d1b2e40"><date>2025-10-26T10:00:00+01:00</date>
            <start>10:00</start><duration>00:30</duration><room>A</room><title>y</title><type>Talk</type><track/><abstract/></event>
            </room></day></schedule>
            """
        let result = try imported(ImportRequest(frab: inlineFile("s.xml", xml)))
        #expect(result.document.sessions.map(\.id) == ["7", "3"])
        let out = AgendaFormat.frabXML.render(try #require(result.previous), gathering: result.gathering)
        #expect(FrabXMLRules.violations(out).isEmpty, "\(FrabXMLRules.violations(out))")
        #expect(try events(out).map(\.id) == ["7", "3"])
        #expect(out.contains("<slug>dst_event-7-session-7</slug>") && out.contains("<acronym>dst_event</acronym>"))
    }

    @Test func aSessionizeScheduleIsReplannedWithItsPinsKept() async throws {
        let frame = inlineFile("oslo.json", #"{"event": {"timeZone": "Europe/Oslo"}}"#)
        let result = try imported(ImportRequest(frame: frame, sessionize: try importFile("import/sessionize-all.json")))
        let g = result.gathering
        let previous = try #require(result.previous)
        let agenda = try await solveForTest(g, previous: previous)
        let report = try AgendaChecker(gathering: g, previous: previous).check(agenda)
        #expect(report.isValid, "\(report.violations)")
        let xml = AgendaFormat.frabXML.render(agenda, gathering: g)
        #expect(FrabXMLRules.violations(xml).isEmpty, "\(FrabXMLRules.violations(xml))")
        for s in g.sessions where s.pinSlot != nil {
            #expect(agenda.placements.first { $0.session == s.id }?.start == g.slots[s.pinSlot ?? 0].id)
        }
    }

    @Test func theP2PUSurveyGivesTheFixturesOptimum() async throws {
        let result = try imported(
            ImportRequest(
                frame: try importFile("import/p2pu-frame.json"), interests: [try importFile("import/p2pu-survey.csv")],
                survey: SurveyOptions(choicesColumn: p2puChoicesQuestion)))
        let g = result.gathering
        let hand = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let report = try AgendaChecker(gathering: g).check(hand)
        // The same attendees and interests: the hand-made agenda costs exactly what it costs on the fixture.
        #expect(report.isValid && report.objective == 139)
        let agenda = try await solveForTest(g)
        #expect(try AgendaChecker(gathering: g).check(agenda).isValid)
        #expect(FrabXMLRules.violations(AgendaFormat.frabXML.render(agenda, gathering: g)).isEmpty)
    }
}
