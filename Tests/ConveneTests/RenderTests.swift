import Convene
import ConveneTestSupport
import Foundation
import FoundationXML
import Testing

/// The P2PU fixture's hand-made agenda in every format, against golden files. Set
/// CONVENE_UPDATE_GOLDENS=1 to write them again (on purpose only, then review the diff).
@Suite struct GoldenTests {
    static let stamp = Date(timeIntervalSince1970: 1_568_000_000)  // 2019-09-09T03:33:20Z

    static func layout() throws -> (Agenda, Gathering) {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let agenda = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let solved = AgendaChecker(domain: Domain(g)).check(agenda)
        // The agenda as `convene solve` would print it: derived fields and costs filled in.
        var document = Agenda(status: .feasible, solver: nil, bound: nil, assignments: solved.assignments, domain: Domain(g))
        document.solver = "hand"
        return (document, g)
    }

    @Test(arguments: AgendaFormat.allCases) func everyFormatMatchesItsGoldenFile(format: AgendaFormat) throws {
        let (agenda, g) = try Self.layout()
        let text = format.render(agenda, gathering: g, width: 120, stamp: Self.stamp)
        let url = repositoryRoot.appendingPathComponent("Fixtures/golden/p2pu-gathering-2019.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["CONVENE_UPDATE_GOLDENS"] == "1" {
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(format.rawValue) differs from Fixtures/golden; if on purpose, run with CONVENE_UPDATE_GOLDENS=1")
    }

    @Test func textFitsItsWidthAndNeverBreaksTheGrid() throws {
        let (agenda, g) = try Self.layout()
        for width in [60, 90, 140] {
            let text = AgendaFormat.text.render(agenda, gathering: g, width: width)
            let grid = text.split(separator: "\n").filter { "┌│├└".contains($0.first ?? " ") }
            #expect(grid.allSatisfy { $0.count <= width }, "width \(width)")
            // Every line of one grid has the same length.
            #expect(Set(grid.map(\.count)).count <= 3 * 2, "width \(width)")
        }
    }

    @Test func csvQuotesWhatItMust() {
        #expect(CSVRenderer.field("plain") == "plain")
        #expect(CSVRenderer.field("a, b") == "\"a, b\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRenderer.field("two\r\nlines") == "\"two\r\nlines\"")
    }
}
