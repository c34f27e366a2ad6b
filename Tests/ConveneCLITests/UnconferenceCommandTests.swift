import Convene
import ConveneTestSupport
import Foundation
import Testing

/// `convene unconference` on the P2PU hand-made agenda and the board of twelve proposals.
@Suite(.sharesCPU, .timeLimit(.minutes(10))) struct UnconferenceCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"
    let hand = "Fixtures/p2pu-gathering-2019.hand-agenda.json"
    let board = "Fixtures/unconference/p2pu-board.csv"

    /// A fresh temporary folder, removed by the caller.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-unconference-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theBoardFillsTheBlockProvenOptimalAndCheckAcceptsIt() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("input.json").path
        let output = dir.appendingPathComponent("agenda.json").path
        let r = try convene([
            "unconference", p2pu, "--agenda", hand, "--block", "open-space", "--proposals", board, "--frozen-until", "2019-09-20T14:00",
            "--output-input", input, "--output", output, "--format", "json", "--solver", "milp", "--time-limit", "600",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("Placed 7 of 12 proposals; left out: "), "\(r.stderr)")
        // The written input stands on its own, and the agenda keeps what the hand-made one held.
        let check = try convene(["check", input, "--agenda", output])
        #expect(check.status == 0, "\(check.stderr)")
        let held = try convene(["check", input, "--agenda", output, "--previous", hand, "--frozen-until", "2019-09-20T14:00"])
        #expect(held.status == 0, "\(held.stderr)")
        let agenda = try Agenda.load(try Data(contentsOf: URL(fileURLWithPath: output))).value
        #expect(agenda.status == .optimal)
        let before = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let was = Dictionary(uniqueKeysWithValues: before.placements.map { ($0.session, $0) })
        var inBlock = 0
        for p in agenda.placements {
            if let old = was[p.session] {
                #expect(old.start == p.start && Set(old.rooms) == Set(p.rooms), "\(p.session) moved")
            } else {
                #expect(["fri-4a", "fri-4b"].contains(p.start), "\(p.session) outside the block")
                inBlock += 1
            }
        }
        #expect(inBlock == 7 && was.count - 1 == agenda.placements.count - inBlock)
        // The block's slots hold proposals in all four rooms.
        for slot in ["fri-4a", "fri-4b"] {
            let rooms = agenda.placements.filter { ($0.slots ?? []).contains(slot) }.flatMap(\.rooms)
            #expect(Set(rooms) == ["rabb", "commonwealth", "orientation", "mezzanine"], "\(slot): \(rooms)")
        }
        let diff = try #require(agenda.statistics.diff)
        #expect(diff.changes.contains { $0.session == "open-space" && $0.kind == .cancelled })
    }

    @Test func textGoesToStandardOutputAndTheDiffToStandardError() throws {
        let r = try convene([
            "unconference", p2pu, "--agenda", hand, "--block", "open-space", "--proposals", board, "--solver", "milp",
            "--time-limit", "600", "--width", "100",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("│ 14:30–15:15 │") && r.stdout.contains("Running a learning"))
        #expect(r.stderr.contains("'open-space' is cancelled (it was Fri 14:30 Rabb Hall, Commonwealth Salon"))
        #expect(r.stderr.contains("Your session 'Teens and learning circles' (teens-and-learning-circles) is added: Fri "))
        #expect(r.stderr.contains(", which you want, is added: Fri "))
    }

    /// Every bad input exits 65, says where, and writes nothing.
    @Test(arguments: [
        ("name,votes\nZines,3\n", "row 1, column 1 (A): no column is headed \"title\""),
        ("title,voters\nZines,atendee-07\n", "row 2, column 2 (B): \"atendee-07\" is not an attendee's id"),
        ("title,votes\nZines,3\n,\nMaps,2\n", "row 3, column 1 (A): row 3 is empty"),
        ("title,votes\n\"Zines,3\n", "line 2, column 1: a quoted field is never closed"),
        ("title,duration\nZines,135\n", "row 2, column 2 (B): 'Zines' lasts 135 minutes, longer than the block (90 minutes"),
    ])
    func badProposalsWriteNothing(board: String, expected: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("board.csv")
        try Data(board.utf8).write(to: file)
        let input = dir.appendingPathComponent("input.json")
        let output = dir.appendingPathComponent("agenda.json")
        let r = try convene([
            "unconference", p2pu, "--agenda", hand, "--block", "open-space", "--proposals", file.path, "--output-input", input.path,
            "--output", output.path,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(file.path): error: \(expected)"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing is written"))
        #expect(!FileManager.default.fileExists(atPath: input.path) && !FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aBlockNotPlacedOrNotInTheInput() throws {
        let unknown = try convene(["unconference", p2pu, "--agenda", hand, "--block", "openspace", "--proposals", board])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("\(p2pu): error: sessions: no session has the id \"openspace\" given to --block; did you mean"))
        let agenda = #"{"convene": 1, "placements": []}"#
        let unplaced = try convene(
            ["unconference", p2pu, "--agenda", "-", "--block", "open-space", "--proposals", board], stdin: Data(agenda.utf8))
        #expect(unplaced.status == 65)
        #expect(unplaced.stderr.contains("-: error: placements: the agenda does not place 'Unconference / open space' (open-space)"))
    }

    @Test func aFrozenTimeThatIsNotATimeIsBadUsage() throws {
        let r = try convene([
            "unconference", p2pu, "--agenda", hand, "--block", "open-space", "--proposals", board, "--frozen-until", "Friday 2pm",
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--frozen-until: cannot read the time \"Friday 2pm\""))
        #expect(try convene(["unconference", p2pu, "--agenda", hand, "--block", "open-space"]).status == 64)
        #expect(try convene(["unconference", p2pu, "--agenda", hand, "--block", "open-space", "--proposals", "no-such.csv"]).status == 66)
    }
}
