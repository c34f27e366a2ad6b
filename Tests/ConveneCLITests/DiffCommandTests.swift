import Convene
import ConveneTestSupport
import Foundation
import Testing

/// `convene diff` on the P2PU hand-made agenda and a copy with the tour moved and a breakout in
/// another room.
@Suite struct DiffCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"
    let hand = "Fixtures/p2pu-gathering-2019.hand-agenda.json"

    /// The hand agenda with the tour a day later and `mooc` in Rabb Hall, written to a temporary file.
    func changed() throws -> URL {
        var agenda = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        for k in agenda.placements.indices {
            if agenda.placements[k].session == "tour" { agenda.placements[k].start = "fri-1" }
            if agenda.placements[k].session == "mooc" { agenda.placements[k].rooms = ["rabb"] }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-diff-\(getpid())-\(UUID().uuidString).json")
        try agenda.json.write(to: url)
        return url
    }

    @Test func textSaysWhatChangedAndWhomToTell() throws {
        let new = try changed()
        defer { try? FileManager.default.removeItem(at: new) }
        let r = try convene(["diff", hand, new.path, "--input", p2pu])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("2 changes:\n"))
        #expect(r.stdout.contains("'Tour of Boston Public Library' (tour) moves from Thu 14:30 Central Library lobby"))
        #expect(r.stdout.contains("to Fri 09:00 Central Library lobby (tour meeting point)."))
        #expect(r.stdout.contains("moves from Fri 10:30 Mezzanine Conference Room to Fri 10:30 Rabb Hall."))
        #expect(r.stdout.contains("Host librarian, Boston Public Library (bpl-host):\n    Your session 'Tour of Boston Public Library'"))
        // The tour now runs with the call and the breakouts: someone who wants both hears of it.
        #expect(r.stdout.contains("now run at the same time (Fri 09:00); you wanted both."))
    }

    @Test func markdownAndJSON() throws {
        let new = try changed()
        defer { try? FileManager.default.removeItem(at: new) }
        let markdown = try convene(["diff", hand, new.path, "--input", p2pu, "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("## Changes\n\n| Session | Change | Before | After | People |"))
        #expect(markdown.stdout.contains("| Tour of Boston Public Library | moved | Thu 14:30 "))
        #expect(markdown.stdout.contains("\n## Who to tell\n"))
        let json = try convene(["diff", hand, new.path, "--input", p2pu, "--format", "json"])
        #expect(json.status == 0)
        let value = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let changes = value?["changes"] as? [[String: Any]] ?? []
        #expect(changes.map { $0["kind"] as? String } == ["roomChanged", "moved"])
        #expect(changes.map { $0["session"] as? String } == ["mooc", "tour"])
        let after = changes.last?["after"] as? [String: Any]
        #expect(after?["start"] as? String == "fri-1" && after?["startTime"] as? String == "2019-09-20T09:00")
        #expect((value?["notices"] as? [Any])?.isEmpty == false)
    }

    @Test func exitCodeSaysWhetherAnythingChanged() throws {
        let new = try changed()
        defer { try? FileManager.default.removeItem(at: new) }
        #expect(try convene(["diff", hand, new.path, "--input", p2pu, "--exit-code"]).status == 1)
        let same = try convene(["diff", hand, hand, "--input", p2pu, "--exit-code"])
        #expect(same.status == 0 && same.stdout == "No changes.\n")
        #expect(try convene(["diff", hand, new.path, "--input", p2pu]).status == 0)
    }

    @Test func badUsageUnreadableAndInvalid() throws {
        #expect(try convene(["diff", hand, hand]).status == 64)
        #expect(try convene(["diff", hand, hand, "--input", p2pu, "--format", "html"]).status == 64)
        #expect(try convene(["diff", "-", "-", "--input", p2pu]).status == 64)
        #expect(try convene(["diff", hand, "Fixtures/no-such.json", "--input", p2pu]).status == 66)
        let unknown = #"{"convene": 1, "placements": [{"session": "keynote", "start": "thu-1", "rooms": ["rabb"]}]}"#
        let r = try convene(["diff", hand, "-", "--input", p2pu], stdin: Data(unknown.utf8))
        #expect(r.status == 65)
        #expect(r.stderr.contains("-: error: agenda: placements[0] names session \"keynote\", which is not in the input."))
        #expect(try convene(["diff", hand, "-", "--input", p2pu], stdin: Data("{".utf8)).status == 65)
    }
}
