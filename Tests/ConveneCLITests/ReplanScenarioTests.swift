import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The P2PU gathering on the day, through the command line: solve it, close a room on Friday
/// morning and replan with the past frozen, then run the open space from the board; each result
/// is accepted by `convene check --previous --frozen-until`.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct ReplanScenarioTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"

    @Test func aRoomClosesOnFridayMorningThenTheOpenSpaceIsFilled() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-day-of-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

        // GLPK proves each optimum; `--time-limit 600` is a safety net, not the default 10 s that a
        // slow machine could run into (the status checks below would then fail).
        let solved = try convene([
            "solve", p2pu, "--solver", "milp", "--time-limit", "600", "--format", "json", "--output", path("agenda.json"), "--quiet",
        ])
        #expect(solved.status == 0, "\(solved.stderr)")
        // Commonwealth Salon is closed until noon on Friday.
        var document = try JSONSerialization.jsonObject(with: try fixture("p2pu-gathering-2019.json")) as? [String: Any] ?? [:]
        var rooms = document["rooms"] as? [[String: Any]] ?? []
        let salon = try #require(rooms.firstIndex { $0["id"] as? String == "commonwealth" })
        rooms[salon]["unavailable"] = [["start": "2019-09-20T08:00", "end": "2019-09-20T12:00"]]
        document["rooms"] = rooms
        try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]).write(
            to: URL(fileURLWithPath: path("closed.json")))

        let replanned = try convene([
            "solve", path("closed.json"), "--previous", path("agenda.json"), "--frozen-until", "2019-09-20T08:00", "--solver", "milp",
            "--time-limit", "600", "--format", "json", "--output", path("replanned.json"), "--quiet",
        ])
        #expect(replanned.status == 0, "\(replanned.stderr)")
        let check = try convene([
            "check", path("closed.json"), "--agenda", path("replanned.json"), "--previous", path("agenda.json"), "--frozen-until",
            "2019-09-20T08:00",
        ])
        #expect(check.status == 0, "\(check.stderr)")
        let agenda = try Agenda.load(try Data(contentsOf: URL(fileURLWithPath: path("replanned.json")))).value
        #expect(agenda.status == .optimal)
        // Nothing that started before Friday 08:00 moved; something on Friday did.
        let before = try Agenda.load(try Data(contentsOf: URL(fileURLWithPath: path("agenda.json")))).value
        let was = Dictionary(uniqueKeysWithValues: before.placements.map { ($0.session, $0) })
        for p in agenda.placements where (was[p.session]?.startTime ?? "") < "2019-09-20T08:00" {
            #expect(was[p.session]?.start == p.start && Set(was[p.session]?.rooms ?? []) == Set(p.rooms), "\(p.session)")
        }
        let diff = try convene(["diff", path("agenda.json"), path("replanned.json"), "--input", path("closed.json"), "--exit-code"])
        #expect(diff.status == 1 && diff.stdout.contains("Who to tell"))
        #expect(
            !agenda.placements.contains {
                $0.rooms.contains("commonwealth") && ($0.startTime ?? "") >= "2019-09-20T08:00" && ($0.startTime ?? "") < "2019-09-20T12:00"
            })

        // At the coffee break the board's proposals fill the open space of the replanned agenda.
        let filled = try convene([
            "unconference", path("closed.json"), "--agenda", path("replanned.json"), "--block", "open-space", "--proposals",
            "Fixtures/unconference/p2pu-board.csv", "--frozen-until", "2019-09-20T14:00", "--solver", "milp", "--time-limit", "600",
            "--format", "json",
            "--output-input", path("with-proposals.json"), "--output", path("final.json"),
        ])
        #expect(filled.status == 0, "\(filled.stderr)")
        let final = try convene([
            "check", path("with-proposals.json"), "--agenda", path("final.json"), "--previous", path("replanned.json"), "--frozen-until",
            "2019-09-20T14:00",
        ])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try Agenda.load(try Data(contentsOf: URL(fileURLWithPath: path("final.json")))).value.status == .optimal)
    }

    /// A frozen time that is not a time is bad usage, on every command that takes one, naming the flag.
    @Test(arguments: ["solve", "check", "explain"]) func aFrozenTimeThatIsNotATime(command: String) throws {
        let hand = "Fixtures/p2pu-gathering-2019.hand-agenda.json"
        let r = try convene([command, p2pu, "--previous", hand, "--frozen-until", "2019-09-20 8am"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--frozen-until: cannot read the time \"2019-09-20 8am\"; write YYYY-MM-DDTHH:MM"), "\(r.stderr)")
        let alone = try convene([command, p2pu, "--frozen-until", "2019-09-20T08:00"])
        #expect(alone.status == 64 && alone.stderr.contains("--frozen-until needs --previous"))
    }
}
