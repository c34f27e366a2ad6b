import Convene
import ConveneTestSupport
import Foundation
import Testing

@Suite(.sharesCPU) struct SolveCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"

    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(getpid())-\(name)")
    }

    @Test(arguments: ["auto", "milp", "search"]) func everySolverPrintsAnAgendaThatCheckAccepts(solver: String) throws {
        let out = temporary("\(solver).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try convene([
            "solve", p2pu, "--solver", solver, "--format", "json", "--time-limit", "6", "--moves", "20000",
            "--output", out.path, "--quiet",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let (agenda, _) = try Agenda.load(try Data(contentsOf: out))
        #expect(agenda.status == .feasible || agenda.status == .optimal)
        #expect(agenda.objective == agenda.costs.reduce(0) { $0 + $1.cost })
        let check = try convene(["check", p2pu, "--agenda", out.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("valid. Objective \(agenda.objective ?? -1)."))
    }

    @Test func theSameSeedGivesTheSameAgendaByteForByte() throws {
        let arguments = [
            "solve", p2pu, "--solver", "search", "--seed", "5", "--moves", "20000", "--time-limit", "300", "--format", "json", "--quiet",
        ]
        let first = try convene(arguments)
        let second = try convene(arguments)
        func withoutSeconds(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
        }
        #expect(first.status == 0 && withoutSeconds(first.stdout) == withoutSeconds(second.stdout))
        let out = temporary("seed-5.json")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data(first.stdout.utf8).write(to: out)
        let check = try convene(["check", p2pu, "--agenda", out.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func anInfeasibleInputExitsOneAndSaysWhy() throws {
        let input = #"""
            {"convene": 1, "slots": [{"id": "s", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"}],
             "rooms": [{"id": "r", "capacity": 10}],
             "sessions": [{"id": "big", "title": "Big talk", "duration": 60, "attendance": 40}]}
            """#
        let r = try convene(["solve", "-", "--format", "json"], stdin: Data(input.utf8))
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"status\": \"infeasible\""))
        #expect(r.stderr.contains("'Big talk' (big) needs 40 seats per room; the largest is r, 10."))
        #expect(r.stderr.contains("convene explain"))
    }

    @Test func theLPFormatWritesTheIntegerProgram() throws {
        let r = try convene(["solve", p2pu, "--format", "lp"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("\\ P2PU Gathering 2019"))
        #expect(r.stdout.contains("Subject To") && r.stdout.hasSuffix("End\n"))
    }

    @Test func theTextFormatShowsEveryDay() throws {
        let r = try convene(["solve", p2pu, "--solver", "search", "--moves", "5000", "--width", "100", "--quiet"])
        #expect(r.status == 0)
        for day in ["Wed 18 Sep 2019", "Thu 19 Sep 2019", "Fri 20 Sep 2019", "Costs (objective"] { #expect(r.stdout.contains(day)) }
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 || !$0.hasPrefix("│") && !$0.hasPrefix("┌") })
    }

    @Test func usageAndOutputErrors() throws {
        #expect(try convene(["solve", p2pu, "--time-limit", "-1"]).status == 64)
        #expect(try convene(["solve", p2pu, "--format", "pdf"]).status == 64)
        #expect(try convene(["solve", p2pu, "--solver", "magic"]).status == 64)
        #expect(try convene(["solve", p2pu, "--progress", "--quiet"]).status == 64)
        #expect(try convene(["solve", "Fixtures/invalid/after-cycle.json"]).status == 65)
        #expect(try convene(["solve", "Fixtures/nothing-here.json"]).status == 66)
        let r = try convene(["solve", p2pu, "--solver", "search", "--moves", "1000", "--output", "/nonexistent-dir/agenda.txt"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write /nonexistent-dir/agenda.txt"))
    }
}
