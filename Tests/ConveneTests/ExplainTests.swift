import Convene
import ConveneTestSupport
import Foundation
import Testing

let infeasibleFixtures: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Fixtures/infeasible")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

/// Each infeasible fixture's `.expected` lists either `immediate SESSION KIND: fragment` lines or
/// `conflict KEY` lines, the exact minimal set.
@Suite(.sharesCPU) struct ExplainTests {
    @Test func thereIsAFixturePerKindOfConflict() {
        #expect(infeasibleFixtures.count >= 12)
    }

    @Test(arguments: infeasibleFixtures) func eachInfeasibleFixtureIsExplainedExactly(name: String) throws {
        let g = try Gathering(json: try fixture("infeasible/\(name).json"))
        let expected = String(decoding: try fixture("infeasible/\(name).expected"), as: UTF8.self).split(separator: "\n").map(String.init)
        let explanation = ConflictExplainer(oracle: .search).explain(Domain(g))
        #expect(!explanation.feasible && explanation.proven)
        let immediate = expected.filter { $0.hasPrefix("immediate ") }
        if !immediate.isEmpty {
            #expect(explanation.immediate.count == immediate.count)
            for line in immediate {
                let words = line.dropFirst("immediate ".count).split(separator: " ", maxSplits: 2)
                let session = String(words[0])
                let kind = String(words[1].dropLast())
                let fragment = String(words[2])
                #expect(
                    explanation.immediate.contains { $0.session == session && $0.kind.rawValue == kind && $0.message.contains(fragment) },
                    "\(name): \(explanation.immediate)")
            }
            return
        }
        let keys = expected.filter { $0.hasPrefix("conflict ") }.map { String($0.dropFirst("conflict ".count)) }
        #expect(Set(explanation.conflict.map { $0.key(g) }) == Set(keys), "\(name): \(explanation.conflict.map { $0.key(g) })")
        // Minimal: the set alone conflicts, and lifting any one member leaves an agenda possible.
        let others = Set(Requirement.all(in: g)).subtracting(explanation.conflict)
        #expect(ConflictExplainer.Oracle.search.decide(Domain(g.relaxing(others))) == false)
        for member in explanation.conflict {
            #expect(
                ConflictExplainer.Oracle.search.decide(Domain(g.relaxing(others.union([member])))) == true,
                "\(name): \(member.key(g)) is not needed")
        }
        for fix in explanation.fixes { #expect(ConflictExplainer.Oracle.search.decide(Domain(g.relaxing([fix]))) == true) }
        #expect(explanation.text(g).contains("cannot all hold together"))
    }

    @Test func aFeasibleInputIsSaidToBeFeasible() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let explanation = ConflictExplainer(oracle: .search).explain(Domain(g))
        #expect(explanation.feasible && explanation.conflict.isEmpty && explanation.immediate.isEmpty)
    }

    @Test func costsAreToldPersonByPerson() throws {
        let (agenda, g) = try GoldenTests.layout()
        let text = CostSummary.byPerson(agenda.costs, gathering: g)
        #expect(text.hasPrefix("Attendees who cannot go to everything they want"))
        #expect(text.contains("attendee-13 (cost 7):"))
        #expect(text.contains("Track overlaps (2):"))
    }
}
