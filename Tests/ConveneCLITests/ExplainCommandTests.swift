import Convene
import ConveneTestSupport
import Foundation
import Testing

/// `convene explain`. Its feasibility checks and its solve end in proofs on these inputs;
/// `--time-limit 600` is only a safety net (the default 10 s could end a check undecided on a slow
/// machine, and change the explanation).
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct ExplainCommandTests {
    @Test func anInfeasibleInputIsExplainedWithExitOne() throws {
        let r = try convene(["explain", "Fixtures/infeasible/three-way.json", "--time-limit", "600"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("These 6 requirements cannot all hold together"))
        #expect(r.stdout.contains("p1 facilitates 'A' (a) and 'B' (b) and can be in only one at a time."))
        #expect(r.stdout.contains("Any one of these changes would make an agenda possible"))
        let json = try convene(["explain", "Fixtures/infeasible/capacity.json", "--format", "json", "--time-limit", "600"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["feasible"] as? Bool == false)
        #expect((object?["immediate"] as? [[String: Any]])?.first?["kind"] as? String == "capacity")
    }

    /// Two sessions, one room, one slot: the explanation says which place runs short, in words and
    /// in the JSON, which keeps its keys and gains the requirements' kinds, rules and ids.
    @Test func theResourceThatRunsShortIsNamed() throws {
        let r = try convene(["explain", "Fixtures/infeasible/one-room-one-slot.json", "--time-limit", "600"])
        #expect(r.status == 1)
        #expect(
            r.stdout.contains(
                "What runs short: Rabb Hall (rabb) at Thu 19 Sep 09:00 is the only place 'Update from P2PU' (a) and "
                    + "'Stories from facilitators' (b) can go, and it holds one session at a time."), "\(r.stdout)")
        let json = try convene(["explain", "Fixtures/infeasible/one-room-one-slot.json", "--format", "json", "--time-limit", "600"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["feasible", "immediate", "conflict", "shortage", "fixes", "proven"])
        let first = try #require((object["conflict"] as? [[String: Any]])?.first)
        #expect(first["key"] as? String == "placed a" && first["kind"] as? String == "placed" && first["rule"] as? Int == 1)
        #expect(first["sessions"] as? [String] == ["a"] && first["sentence"] != nil)
        let shortage = try #require(object["shortage"] as? [String: Any])
        #expect(shortage["kind"] as? String == "places" && shortage["available"] as? Int == 1 && shortage["needed"] as? Int == 2)
        #expect((shortage["places"] as? [[String: Any]])?.first?["room"] as? String == "rabb")
        let fix = try #require((object["fixes"] as? [[String: Any]])?.first)
        #expect(fix["key"] as? String == "placed a" && fix["advice"] as? String == "make 'Update from P2PU' (a) optional")
    }

    @Test func aFeasibleInputExitsZeroAndTellsTheCostsPerPerson() throws {
        let r = try convene(["explain", "Fixtures/p2pu-gathering-2019.json", "--time-limit", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("An agenda exists for P2PU Gathering 2019"))
        #expect(r.stdout.contains("(optimal, objective 107)"), "\(r.stdout)")
        #expect(r.stdout.contains("Attendees who cannot go to everything they want"))
    }

    /// A replan: the session that already ran is named in plain words, with where it ran.
    @Test func aFrozenConflictIsExplained() throws {
        let r = try convene([
            "explain", "Fixtures/infeasible/frozen-conflict.json", "--previous", "Fixtures/infeasible/frozen-conflict.agenda",
            "--frozen-until", "2030-01-07T10:00", "--time-limit", "600",
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("'Workshopping failures' (failures) already ran on Mon 7 Jan 09:00 in Rabb Hall; it keeps that place."))
        #expect(r.stdout.contains("let 'Workshopping failures' (failures) move from where it ran"))
    }

    @Test func invalidInputExits65() throws {
        #expect(try convene(["explain", "Fixtures/invalid/after-cycle.json"]).status == 65)
        #expect(try convene(["explain", "Fixtures/infeasible/capacity.json", "--time-limit", "0"]).status == 64)
    }
}
