import Convene
import ConveneTestSupport
import Foundation
import Testing

/// Sessions that take place more than once: the document, the checker's words, and the
/// contract's reading of every cost with runs, on examples computed by hand.
@Suite struct RunsTests {
    /// Four one-hour slots, two rooms; `lab` has two runs, a fan wants `lab` and `talk`.
    func labAndTalk(talkMinutes: Double = 60, weights: InputDocument.Weights = .init(), optional: Bool = false) throws -> Gathering {
        try gathering(
            sessions: [
                .init(
                    id: "lab", title: "Lab", duration: 60, track: "t", prefer: .init(slotTags: ["never"]), optional: optional,
                    priority: 3, runs: 2, seats: 12, description: "Bring a laptop."),
                .init(id: "talk", duration: talkMinutes, track: "t"),
            ],
            attendees: [.init(id: "fan", interests: ["lab", "talk"])], weights: weights)
    }

    func check(_ g: Gathering, _ placements: [Agenda.Placement], previous: Agenda? = nil) throws -> AgendaChecker.Report {
        try AgendaChecker(gathering: g, previous: previous).check(Agenda(status: .feasible, placements: placements))
    }

    @Test func theDocumentReadsAndWritesRunsSeatsAndDescription() throws {
        let g = try labAndTalk()
        let lab = try #require(g.sessions.first { $0.id == "lab" })
        #expect(lab.runs == 2 && lab.seats == 12 && lab.description == "Bring a laptop.")
        let written = String(decoding: g.json, as: UTF8.self)
        #expect(
            written.contains("\"runs\" : 2") && written.contains("\"seats\" : 12")
                && written.contains("\"description\" : \"Bring a laptop.\""))
        #expect(try Gathering(json: g.json).sessions.map(\.runs) == [2, 1])
    }

    @Test func aPlacementWritesItsRunOnlyForASessionWithRuns() async throws {
        let g = try labAndTalk()
        let result = try await g.solve(using: SearchSolver(moves: 200), options: .init(timeLimit: nil))
        let text = String(decoding: result.agenda.json, as: UTF8.self)
        #expect(text.contains("\"session\": \"lab\",\n      \"run\": 1,") && text.contains("\"run\": 2,"))
        #expect(!text.contains("\"session\": \"talk\",\n      \"run\""))
        let back = try Agenda.load(result.agenda.json).value
        #expect(back == result.agenda)
        #expect(back.placements.filter { $0.session == "lab" }.map(\.run).sorted() == [1, 2])
    }

    @Test func theCheckerNamesTheRun() throws {
        let g = try labAndTalk()
        let talk = Agenda.Placement(session: "talk", start: "s4", rooms: ["r1"])
        // Run 2 before run 1, and run 3 of a session with two.
        let report = try check(
            g,
            [
                .init(session: "lab", run: 2, start: "s1", rooms: ["r1"]), .init(session: "lab", start: "s2", rooms: ["r1"]), talk,
                .init(session: "lab", run: 3, start: "s3", rooms: ["r1"]),
            ])
        let words = report.violations.map(\.description)
        #expect(words.contains { $0.hasPrefix("rule 1: 'Lab' (lab) (run 2 of 2) starts") && $0.contains("run 1 first") }, "\(words)")
        #expect(words.contains { $0.contains("placements[3] is run 3 of 'Lab' (lab) (run 1 of 2), which takes place 2 times") }, "\(words)")
        // The same run twice, and a missing run.
        let twice = try check(
            g, [.init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 1, start: "s2", rooms: ["r1"]), talk])
        #expect(twice.violations.map(\.description).contains { $0.contains("'Lab' (lab) (run 1 of 2) is placed more than once") })
        #expect(
            twice.violations.map(\.description).contains {
                $0 == "rule 1: 'Lab' (lab) (run 2 of 2) is not placed; it is not optional, so it must be."
            })
        // An optional session with one run of two.
        let partial = try check(try labAndTalk(optional: true), [.init(session: "lab", start: "s1", rooms: ["r1"]), talk])
        #expect(
            partial.violations.map(\.description) == [
                "rule 1: 'Lab' (lab) has 1 of its 2 runs placed; an optional session has all of its runs placed or none."
            ])
    }

    @Test func capacityIsPerRun() throws {
        let g = try gathering(
            rooms: [.init(id: "r1", capacity: 9)], sessions: [.init(id: "lab", attendance: 20, duration: 60, runs: 2)])
        let report = try check(
            g, [.init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s2", rooms: ["r1"])])
        #expect(
            report.violations.map(\.description).contains {
                $0 == "rule 2: 'lab' (run 1 of 2) needs 10 seats per room (20 people in 2 runs of 1 room), but r1 holds 9."
            }, "\(report.violations)")
    }

    /// Hand-computed: preference per run (2 × 1), trackOverlap per pair of concurrent runs, the
    /// clash only when every run is beside the other session, unscheduled once, change per run.
    @Test func everyCostWithRunsAsTheContractReadsIt() throws {
        let weights = InputDocument.Weights(clash: 5, preference: 1, unscheduled: 7, change: 10, trackOverlap: 2)
        // talk (one hour) beside run 1 only: no clash; one track overlap; two preferences.
        let g = try labAndTalk(weights: weights)
        let apart = try check(
            g,
            [
                .init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s3", rooms: ["r1"]),
                .init(session: "talk", start: "s1", rooms: ["r2"]),
            ])
        #expect(apart.isValid)
        #expect(
            apart.costs.map { "\($0.kind) \($0.sessions) \($0.cost)" } == [
                "preference [\"lab\"] 1", "preference [\"lab\"] 1", "trackOverlap [\"lab\", \"talk\"] 2",
            ])
        // talk (two hours) beside both runs: one clash (5), two track overlaps (2 each), two preferences.
        let long = try labAndTalk(talkMinutes: 120, weights: weights)
        let beside = try check(
            long,
            [
                .init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s2", rooms: ["r1"]),
                .init(session: "talk", start: "s1", rooms: ["r2"]),
            ])
        #expect(beside.isValid && beside.objective == 5 + 2 + 2 + 2)
        #expect(beside.costs.filter { $0.kind == .clash }.map(\.attendees) == [["fan"]])
        // Left out whole: unscheduled once, at 7 × priority 3.
        let out = try check(try labAndTalk(weights: weights, optional: true), [.init(session: "talk", start: "s1", rooms: ["r2"])])
        #expect(out.isValid && out.costs.map { "\($0.kind) \($0.cost)" } == ["unscheduled 21"])
        // A previous agenda matched by (session, run): run 2 moved costs one change, run 1 kept none.
        let previous = Agenda(
            status: .feasible,
            placements: [
                .init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s4", rooms: ["r1"]),
                .init(session: "talk", start: "s1", rooms: ["r2"]),
            ])
        let replanned = try check(
            g,
            [
                .init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s3", rooms: ["r1"]),
                .init(session: "talk", start: "s1", rooms: ["r2"]),
            ], previous: previous)
        #expect(replanned.costs.filter { $0.kind == .change }.map(\.cost) == [10])
    }

    @Test func theDiffComparesEachRun() throws {
        let g = try labAndTalk()
        let before = Agenda(
            status: .feasible,
            placements: [
                .init(session: "lab", start: "s1", rooms: ["r1"]), .init(session: "lab", run: 2, start: "s2", rooms: ["r1"]),
                .init(session: "talk", start: "s3", rooms: ["r1"]),
            ])
        var after = before
        after.placements[1] = .init(session: "lab", run: 2, start: "s4", rooms: ["r1"])
        let diff = AgendaDiff(previous: before, new: after, gathering: g)
        #expect(diff.changes.map { "\($0.session) \($0.run) \($0.kind)" } == ["lab 2 moved"])
        let text = String(decoding: diff.json, as: UTF8.self)
        #expect(text.contains("\"run\": 2"))
    }
}

/// Every output format on the P2PU variant whose two workshops are held twice: each run is a
/// placement of its own, so each workshop appears at both of its times.
@Suite(.sharesCPU) struct RunsEveryFormatTests {
    @Test func everyFormatShowsEachRun() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019-runs.json"))
        let result = try await g.solve(using: SearchSolver(moves: 300), options: .init(timeLimit: nil))
        let runs = result.agenda.placements.filter { $0.session == "oer" }
        #expect(runs.map(\.run).sorted() == [1, 2])
        for format in AgendaFormat.allCases {
            let text = format.render(result.agenda, gathering: g, width: 120, stamp: GoldenTests.stamp)
            // The title once per run at least (the grids and lists name it in each cell); JSON names the id.
            let name = format == .json ? "\"session\": \"oer\"" : "OER course"
            #expect(text.components(separatedBy: name).count - 1 >= 2, "\(format.rawValue)")
            for run in runs {
                let day = try #require(run.startTime?.prefix(10))
                let clock = try #require(run.startTime?.dropFirst(11).prefix(5))
                // Each format writes the time its own way; the clock or the compact form covers them all.
                let compact = "\(day.replacingOccurrences(of: "-", with: ""))T\(clock.replacingOccurrences(of: ":", with: ""))"
                #expect(
                    text.contains(String(clock)) || text.contains(compact), "\(format.rawValue) lacks run \(run.run) at \(day) \(clock)")
            }
        }
    }
}
