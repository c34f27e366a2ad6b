import ConveneTestSupport
import Foundation
import Testing

/// `convene publish` and `convene render --person`, run as a person would.
@Suite struct PublishCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"
    let hand = "Fixtures/p2pu-gathering-2019.hand-agenda.json"

    func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("convene-site-\(getpid())-\(name)")
    }

    @Test func publishWritesTheSiteIntoTheFolder() throws {
        let out = folder("p2pu")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--base-url", "https://example.org/p2pu/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        for path in [
            "index.html", "sessions/update.html", "sessions/update.ics", "rooms/rabb.html", "people/p2pu-director.ics", "agenda.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
        let calendar = try String(contentsOf: out.appendingPathComponent("schedule.ics"), encoding: .utf8)
        #expect(calendar.contains("URL:https://example.org/p2pu/sessions/update.html"))
    }

    @Test func previousAndNoAttendeePages() throws {
        let out = folder("previous")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--previous", hand, "--no-attendee-pages"])
        #expect(r.status == 0, "\(r.stderr)")
        // The same agenda as the previous one: one version, nothing changed, no "What changed".
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("changes.html").path))
        let versions = try String(contentsOf: out.appendingPathComponent("versions.json"), encoding: .utf8)
        #expect(versions.contains("\"version\": 1") && !versions.contains("\"version\": 2") && !versions.contains("\"published\": null"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("people/attendee-01.html").path))
    }

    @Test func badUsageAndBadInputWriteNothing() throws {
        let out = folder("bad")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--base-url", "example.org"]).status == 64)
        #expect(try convene(["publish", hand, "--input", p2pu]).status == 64)
        let invalid = try convene(["publish", hand, "--input", "Fixtures/invalid/unknown-format.json", "--output", out.path])
        #expect(invalid.status == 65)
        #expect(try convene(["publish", "Fixtures/no-such-agenda.json", "--input", p2pu, "--output", out.path]).status == 66)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let blocked = folder("blocked")
        try Data().write(to: blocked)
        defer { try? FileManager.default.removeItem(at: blocked) }
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", blocked.path]).status == 73)
    }

    @Test func renderWritesOnePersonsCalendar() throws {
        let r = try convene(["render", hand, "--input", p2pu, "--format", "ics", "--person", "p2pu-director"])
        #expect(r.status == 0, "\(r.stderr)")
        // The three sessions the director facilitates, and three exclusive ones (everyone's).
        #expect(r.stdout.components(separatedBy: "BEGIN:VEVENT").count - 1 == 6)
        #expect(r.stdout.components(separatedBy: "DESCRIPTION:You facilitate this session.").count - 1 == 3)
        let attendee = try convene(["render", hand, "--input", p2pu, "--format", "ics", "--person", "attendee-01"])
        #expect(attendee.status == 0 && attendee.stdout.contains("BEGIN:VEVENT") && !attendee.stdout.contains("You facilitate"))
    }

    @Test func anUnknownPersonExits65WithASuggestion() throws {
        let r = try convene(["render", hand, "--input", p2pu, "--format", "ics", "--person", "p2pu-directr"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no person or attendee has the id \"p2pu-directr\"; did you mean \"p2pu-director\"?"))
        #expect(try convene(["render", hand, "--input", p2pu, "--format", "html", "--person", "p2pu-director"]).status == 64)
    }
}
