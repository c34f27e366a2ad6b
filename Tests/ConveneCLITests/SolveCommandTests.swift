import Convene
import ConveneTestSupport
import Foundation
import Testing

/// `convene solve`. Every solve here is bounded by moves (the search) or ends in a proof (GLPK
/// proves P2PU's optimum at the root); `--time-limit 600` is only a safety net, and each test
/// checks that it was not what ended the run.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct SolveCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"

    /// The local search moves an agenda of the search says it made: all of them, so no time limit cut the run short.
    func moves(_ agenda: Agenda) -> Int? { agenda.statistics.search?.moves }

    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("convene-\(getpid())-\(name)")
    }

    @Test(arguments: ["auto", "milp", "search"]) func everySolverPrintsAnAgendaThatCheckAccepts(solver: String) throws {
        let out = temporary("\(solver).json")
        defer { try? FileManager.default.removeItem(at: out) }
        // The exact solver runs no search, so it takes no --moves.
        let effort = solver == "milp" ? [] : ["--moves", "1000"]
        let r = try convene(
            ["solve", p2pu, "--solver", solver, "--format", "json", "--time-limit", "600", "--output", out.path, "--quiet"] + effort)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let agenda = try Agenda.load(try Data(contentsOf: out)).value
        // GLPK proves the optimum, alone or beside the search; the search alone makes its 1,000 moves.
        if solver == "search" {
            #expect(agenda.status == .feasible && moves(agenda) == 1_000, "\(agenda.statistics)")
        } else {
            #expect(agenda.status == .optimal && agenda.objective == 107, "\(agenda.statistics)")
        }
        #expect(agenda.objective == agenda.costs.reduce(0) { $0 + $1.cost })
        let check = try convene(["check", p2pu, "--agenda", out.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("valid. Objective \(agenda.objective ?? -1)."))
    }

    /// 1,000 moves, all made (the agenda says so): the run is bounded by moves alone, so a slow
    /// machine makes the same ones; only the seconds it took may differ.
    @Test func theSameSeedGivesTheSameAgendaByteForByte() throws {
        let arguments = [
            "solve", p2pu, "--solver", "search", "--seed", "5", "--moves", "1000", "--time-limit", "600", "--format", "json", "--quiet",
        ]
        let first = try convene(arguments)
        let second = try convene(arguments)
        func withoutSeconds(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
        }
        #expect(first.status == 0 && withoutSeconds(first.stdout) == withoutSeconds(second.stdout))
        #expect(moves(try Agenda.load(Data(first.stdout.utf8)).value) == 1_000, "the time limit cut the run short")
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
        let r = try convene(["solve", p2pu, "--solver", "search", "--moves", "500", "--time-limit", "600", "--width", "100", "--quiet"])
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
        let r = try convene(["solve", p2pu, "--solver", "search", "--moves", "100", "--output", "/nonexistent-dir/agenda.txt"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write /nonexistent-dir/agenda.txt"))
    }

    /// An option the chosen solver cannot honour is refused with the option's name, never ignored.
    @Test func optionsTheSolverCannotHonourAreRefused() throws {
        let gap = try convene(["solve", p2pu, "--solver", "search", "--gap", "0.01", "--moves", "100", "--quiet"])
        #expect(gap.status == 64)
        #expect(gap.stderr.contains("error: --gap: the search solver cannot honour the option relativeGap"), "\(gap.stderr)")
        #expect(gap.stdout.isEmpty)
        let moves = try convene(["solve", p2pu, "--solver", "milp", "--moves", "100", "--quiet"])
        #expect(moves.status == 64)
        #expect(moves.stderr.contains("--moves counts the search's moves"), "\(moves.stderr)")
    }

    /// `--verbose` says why the solve stopped, apart from the agenda's status.
    @Test func verboseSaysWhyTheSolveStopped() throws {
        let r = try convene(["solve", p2pu, "--solver", "search", "--moves", "300", "--time-limit", "600", "--verbose", "--quiet"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("[search] stopped after "), "\(r.stderr)")
        #expect(r.stderr.contains("the solvers' work ran out"), "\(r.stderr)")
    }
}
