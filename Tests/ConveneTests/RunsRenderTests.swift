import Convene
import Foundation
import FoundationXML
import Testing

/// Every format shows each run of a session held more than once as its own placement, says which
/// run it is, and gives calendar apps and conference apps one event per run with identities that
/// stay put: run 1 keeps what the session had before it had runs.
@Suite struct RunsRenderTests {
    static func rendered(_ format: AgendaFormat) throws -> String {
        format.render(try RunsFixture.loadAgenda(), gathering: try RunsFixture.gathering(), stamp: GoldenTests.stamp)
    }

    @Test(arguments: [AgendaFormat.text, .markdown, .html]) func gridsSayWhichRunEachIs(format: AgendaFormat) throws {
        let text = try Self.rendered(format)
        #expect(text.contains("run 1 of 2"))
        #expect(text.contains("run 2 of 2"))
        // A session held once reads as it always has.
        #expect(!text.contains("run 1 of 1"))
    }

    @Test func csvHasARowPerRunWithItsNumber() throws {
        let rows = try Self.rendered(.csv).components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(rows.first?.suffix(2) == ["run", "runs"])
        let lab = rows.filter { $0.first == "laptops" }
        #expect(lab.map { Array($0.suffix(2)) } == [["1", "2"], ["2", "2"]])
        #expect(rows.first { $0.first == "talk" }?.suffix(2) == ["1", "1"])
    }

    @Test func calendarHasAnEventPerRunAndRunOneKeepsItsUID() throws {
        let events = try ICSReader(try Self.rendered(.ics)).events
        #expect(events.count == 3)
        let lab = events.filter { $0.summary.hasPrefix("Laptop lab") }
        #expect(lab.map(\.summary) == ["Laptop lab (run 1 of 2)", "Laptop lab (run 2 of 2)"])
        #expect(lab.first?.uid == ICSRenderer.uid("Runs Day", "laptops"))
        #expect(lab.last?.uid == ICSRenderer.uid("Runs Day", "laptops", run: 2))
        #expect(Set(events.map(\.uid)).count == 3)
        #expect(lab.allSatisfy { $0.fields["DESCRIPTION"]?.contains("Bring nothing: the laptops are there.") == true })
        // Run 2's UID is the same in every publish: a name-based UUID of (event, session, run).
        #expect(ICSRenderer.uid("Runs Day", "laptops", run: 2) == ICSRenderer.uid("Runs Day", "laptops", run: 2))
        #expect(ICSRenderer.uid("Runs Day", "laptops", run: 2) != ICSRenderer.uid("Runs Day", "laptops", run: 3))
    }

    @Test func frabHasAnEventPerRunWithDistinctStableGUIDs() throws {
        let xml = try XMLDocument(xmlString: try Self.rendered(.frabXML))
        let events = try xml.nodes(forXPath: "//event").compactMap { $0 as? XMLElement }
        #expect(events.count == 3)
        let guids = events.compactMap { $0.attribute(forName: "guid")?.stringValue }
        #expect(Set(guids).count == 3)
        let lab = events.filter { $0.elements(forName: "title").first?.stringValue?.hasPrefix("Laptop lab") == true }
        #expect(
            lab.compactMap { $0.elements(forName: "title").first?.stringValue } == ["Laptop lab (run 1 of 2)", "Laptop lab (run 2 of 2)"])
        // Run 1 keeps the guid the session had with one run; run 2's is named by (event, session, run).
        #expect(lab.first?.attribute(forName: "guid")?.stringValue == StableIdentifier.uuid("convene:Runs Day:laptops"))
        #expect(lab.last?.attribute(forName: "guid")?.stringValue == StableIdentifier.uuid("convene:Runs Day:laptops:run:2"))
        #expect(lab.allSatisfy { $0.elements(forName: "abstract").first?.stringValue?.hasPrefix("Bring nothing") == true })
        let json = try Self.rendered(.frabJSON)
        for guid in guids { #expect(json.contains("\"guid\": \"\(guid)\"")) }
        #expect(json.contains("\"abstract\": \"Bring nothing: the laptops are there.\\n\\nWe build a tiny solver.\""))
    }
}
