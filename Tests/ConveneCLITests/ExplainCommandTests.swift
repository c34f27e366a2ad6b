import Convene
import ConveneTestSupport
import Foundation
import Testing

@Suite(.sharesCPU) struct ExplainCommandTests {
    @Test func anInfeasibleInputIsExplainedWithExitOne() throws {
        let r = try convene(["explain", "Fixtures/infeasible/three-way.json"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("These 6 requirements cannot all hold together"))
        #expect(r.stdout.contains("p1 facilitates 'A' (a) and 'B' (b) and can be in only one at a time."))
        #expect(r.stdout.contains("Any one of these changes would make an agenda possible"))
        let json = try convene(["explain", "Fixtures/infeasible/capacity.json", "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["feasible"] as? Bool == false)
        #expect((object?["immediate"] as? [[String: Any]])?.first?["kind"] as? String == "capacity")
    }

    @Test func aFeasibleInputExitsZeroAndTellsTheCostsPerPerson() throws {
        let r = try convene(["explain", "Fixtures/p2pu-gathering-2019.json", "--time-limit", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("An agenda exists for P2PU Gathering 2019"))
        #expect(r.stdout.contains("Attendees who cannot go to everything they want"))
    }

    @Test func invalidInputExits65() throws {
        #expect(try convene(["explain", "Fixtures/invalid/after-cycle.json"]).status == 65)
        #expect(try convene(["explain", "Fixtures/infeasible/capacity.json", "--time-limit", "0"]).status == 64)
    }
}
