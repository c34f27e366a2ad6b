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

    @Test func itinerariesGiveEachAttendeeTheirOwnRunsAndBadOnesStopThePublish() throws {
        let dir = folder("runs")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A lab held twice with two seats a run; a1 goes to run 2, a2 to run 1.
        let files = [
            "input.json": """
            {"convene": 1, "event": {"name": "Runs Day"},
             "slots": [{"id": "t1", "start": "2026-05-04T09:00", "end": "2026-05-04T10:00"},
                       {"id": "t2", "start": "2026-05-04T10:00", "end": "2026-05-04T11:00"}],
             "rooms": [{"id": "lab", "capacity": 12}, {"id": "hall", "capacity": 40}],
             "sessions": [{"id": "laptops", "title": "Laptop lab", "duration": 60, "runs": 2, "seats": 2}],
             "attendees": [{"id": "a1", "interests": ["laptops"]}, {"id": "a2", "interests": ["laptops"]}]}
            """,
            "agenda.json": """
            {"convene": 1, "status": "feasible", "placements": [
              {"session": "laptops", "run": 1, "start": "t1", "rooms": ["lab"]},
              {"session": "laptops", "run": 2, "start": "t2", "rooms": ["hall"]}]}
            """,
            "itineraries.json": """
            {"convene": 1, "status": "optimal", "served": 2, "wanted": 2, "bound": 2,
             "itineraries": [{"attendee": "a1", "runs": [{"session": "laptops", "run": 2}], "missed": []},
                             {"attendee": "a2", "runs": [{"session": "laptops", "run": 1}], "missed": []}],
             "runs": [{"session": "laptops", "run": 1, "seats": 2, "taken": 1},
                      {"session": "laptops", "run": 2, "seats": 2, "taken": 1}], "stats": {}}
            """,
            "unreadable.json": #"{"convene": 1, "itineraries": 3}"#,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let site = dir.appendingPathComponent("site")
        let r = try convene([
            "publish", path("agenda.json"), "--input", path("input.json"), "--output", site.path, "--itineraries", path("itineraries.json"),
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let a1 = try String(contentsOf: site.appendingPathComponent("people/a1.ics"), encoding: .utf8)
        #expect(a1.contains("SUMMARY:Laptop lab (run 2 of 2)") && !a1.contains("run 1 of 2"))
        let page = try String(contentsOf: site.appendingPathComponent("sessions/laptops.html"), encoding: .utf8)
        #expect(page.contains("1 of 2 seats taken"))

        let elsewhere = dir.appendingPathComponent("elsewhere")
        let bad = try convene([
            "publish", path("agenda.json"), "--input", path("input.json"), "--output", elsewhere.path, "--itineraries",
            path("unreadable.json"),
        ])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("unreadable.json"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path))
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

    @Test func theStatedObjectiveIsCheckedWithTheChangeCosts() throws {
        let out = folder("objective")
        let replanned = folder("objective.json")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: replanned)
        }
        // An agenda replanned from the hand-made one states its costs with the changes from it.
        let solved = try convene([
            "solve", p2pu, "--previous", hand, "--format", "json", "--solver", "search", "--moves", "200", "--seed", "1", "--quiet",
            "--output", replanned.path,
        ])
        #expect(solved.status == 0, "\(solved.stderr)")
        let published = try convene(["publish", replanned.path, "--input", p2pu, "--previous", hand, "--output", out.path])
        #expect(published.status == 0 && !published.stderr.contains("warning"), "\(published.stderr)")
        // A stated objective that is neither sum is warned about, with both.
        var text = try String(contentsOf: replanned, encoding: .utf8)
        text = text.replacingOccurrences(of: #""objective": [0-9]+"#, with: "\"objective\": 1", options: .regularExpression)
        try Data(text.utf8).write(to: replanned)
        let wrong = try convene(["publish", replanned.path, "--input", p2pu, "--previous", hand, "--output", out.path])
        #expect(wrong.status == 0)
        #expect(wrong.stderr.contains("warning: the agenda states objective 1, but its costs add up to "), "\(wrong.stderr)")
        #expect(wrong.stderr.contains(" with the changes from --previous)"))
    }

    @Test func privateLinksListAttendeesAndTheirFlags() throws {
        let out = folder("private")
        let key = folder("key.txt")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: key)
        }
        let r = try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--private-links"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains(".convene/links.csv"))
        let secret = try String(contentsOf: out.appendingPathComponent(".convene/link-secret"), encoding: .utf8)
        #expect(secret.count == 65)
        let people = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("people").path).sorted()
        #expect(!people.contains("attendee-01.html") && people.allSatisfy { $0.count == 32 + 5 || $0.count == 32 + 4 })
        // Publishing again keeps the addresses (the secret stays in .convene/).
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--private-links"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("people").path).sorted() == people)
        // A key of one's own.
        try Data("0123456789abcdef0123".utf8).write(to: key)
        #expect(
            try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--private-links", "--link-secret", key.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("people").path).sorted() != people)
        try Data("short".utf8).write(to: key)
        #expect(
            try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--private-links", "--link-secret", key.path]).status == 65
        )
        // Flags that contradict each other.
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--private-links", "--list-attendees"]).status == 64)
        #expect(
            try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--no-attendee-pages", "--list-attendees"]).status == 64)
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--link-secret", key.path]).status == 64)
        let listed = try convene(["publish", hand, "--input", p2pu, "--output", out.path, "--list-attendees"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"people/attendee-01.html\""))
    }

    @Test func yourFilesAreKeptAndStopAPublishThatWouldOverwriteThem() throws {
        let out = folder("yours")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try convene(["publish", hand, "--input", p2pu, "--output", out.path]).status == 0)
        try Data("our own".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try Data("edited".utf8).write(to: out.appendingPathComponent("index.html"))
        let r = try convene(["publish", hand, "--input", p2pu, "--output", out.path])
        #expect(r.status == 73)
        #expect(r.stderr.contains("index.html") && r.stderr.contains("move them away"), "\(r.stderr)")
        try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
        let again = try convene(["publish", hand, "--input", p2pu, "--output", out.path])
        #expect(again.status == 0 && again.stderr.contains("1 of yours kept"), "\(again.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "our own")
        // An unreadable history is invalid input.
        try Data("{".utf8).write(to: out.appendingPathComponent("versions.json"))
        let broken = try convene(["publish", hand, "--input", p2pu, "--output", out.path])
        #expect(broken.status == 65 && broken.stderr.contains("versions.json: line 1"), "\(broken.stderr)")
    }
}
