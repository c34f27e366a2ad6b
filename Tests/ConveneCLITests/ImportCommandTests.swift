import ConveneTestSupport
import Foundation
import Testing

/// `convene import` as a person runs it: what it writes, what it says, and its exit statuses.
@Suite struct ImportCommandTests {
    /// A fresh folder for one test's files.
    func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convene-import-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func pretalxFiles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Fixtures/import/pretalx").path)
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "Fixtures/import/pretalx/\($0)" }
    }

    @Test func aPretalxExportAndASurveyBecomeAnInputThatChecks() throws {
        let dir = try folder("pretalx")
        let output = dir.appendingPathComponent("input.json").path
        let r = try convene(
            ["import", "--frame", "Fixtures/import/pretalx-frame.json", "--pretalx"] + (try pretalxFiles())
                + [
                    "--interests", "Fixtures/import/survey-choices.csv", "--choices-column", "Which talks would you like to attend?",
                    "--output", output,
                ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("warning: 18 submissions are not on the programme"))
        #expect(r.stderr.contains("Imported 72 sessions, 50 people, 5 rooms, 42 slots, 240 attendees."))
        let check = try convene(["check", output])
        #expect(check.status == 0 && check.stdout.contains("valid. 72 sessions, 42 slots, 5 rooms, 50 people, 240 attendees"), "\(check)")
    }

    @Test func aScheduleInTheSourceIsWrittenAsThePreviousAgenda() throws {
        let dir = try folder("previous")
        let output = dir.appendingPathComponent("input.json").path
        let previous = dir.appendingPathComponent("previous.json").path
        let r = try convene(["import", "--frab", "Fixtures/import/frab-schedule.xml", "--output", output, "--output-agenda", previous])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("24 already scheduled"))
        let check = try convene(["check", output, "--agenda", previous])
        #expect(check.status == 0 && check.stdout.contains("valid. Objective 0."), "\(check)")
        let solve = try convene([
            "solve", output, "--previous", previous, "--solver", "search", "--moves", "200", "--time-limit", "600", "--format", "frab-xml",
        ])
        #expect(solve.status == 0 && solve.stdout.contains("<time_zone_name>Europe/Berlin</time_zone_name>"), "\(solve.stderr)")
    }

    @Test func withoutOutputTheDocumentGoesToStandardOutput() throws {
        let r = try convene(["import", "--sessionize", "Fixtures/import/sessionize-all.json", "--sessionize-track", "Track"])
        #expect(r.status == 0, "\(r.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((document["sessions"] as? [Any])?.count == 52 && document["convene"] as? Int == 1)
        #expect(r.stderr.contains("warning: no frame gives slots, so 32 are derived"))
    }

    @Test func theP2PUSurveyImportsToTheFixturesAttendees() throws {
        let dir = try folder("p2pu")
        let output = dir.appendingPathComponent("p2pu.json").path
        let r = try convene([
            "import", "--frame", "Fixtures/import/p2pu-frame.json", "--interests", "Fixtures/import/p2pu-survey.csv",
            "--choices-column", "Which sessions would you like to attend?", "--output", output,
        ])
        #expect(r.status == 0 && !r.stderr.contains("warning"), "\(r.stderr)")
        func attendees(_ data: Data) throws -> [String: Set<String>] {
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let list = try #require(root["attendees"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", Set($0["interests"] as? [String] ?? [])) })
        }
        #expect(try attendees(Data(contentsOf: URL(fileURLWithPath: output))) == attendees(fixture("p2pu-gathering-2019.json")))
    }

    /// Bad inputs: each file written to a fresh folder, then imported with these arguments.
    static let badInputs: [(name: String, files: [String: String], arguments: [String], expected: String)] = [
        (
            "truncated JSON", ["talks.json": #"{"count": 1, "next": null, "results": [{"code": "QX7TRA", "title": "#],
            ["--pretalx", "talks.json"], "talks.json: error: line 1, column 68: the file is not valid JSON"
        ),
        (
            "no duration",
            ["talks.json": #"[{"code": "QX7TRA", "title": "T", "speakers": [], "submission_type": "Hands-on", "duration": null}]"#],
            ["--pretalx", "talks.json", "--frame", "frame.json"], "talks.json: error: [0].duration: the session \"QX7TRA\" has no duration"
        ),
        (
            "unknown speaker", ["talks.json": #"[{"code": "QX7TRA", "title": "T", "speakers": ["NOONE"], "duration": 30}]"#],
            ["--pretalx", "talks.json", "--frame", "frame.json"],
            "talks.json: error: [0].speakers[0]: no file defines the speaker \"NOONE\""
        ),
        (
            "unmatched column", ["survey.csv": "Email,Intro to Gti\nada@example.org,x\n"],
            ["--interests", "survey.csv", "--frame", "frame.json"],
            "survey.csv: error: row 1, column 2 (B): the column \"Intro to Gti\" names no session; did you mean \"Intro to Git\"?"
        ),
        (
            "unterminated quote", ["survey.csv": "Email,Intro to Git\n\"ada@example.org,x\n"],
            ["--interests", "survey.csv", "--frame", "frame.json"], "survey.csv: error: line 2, column 1: a quoted field is never closed"
        ),
        (
            "empty file", ["schedule.xml": ""], ["--frab", "schedule.xml"],
            "schedule.xml: error: line 1, column 1: the file is not well-formed XML"
        ),
    ]

    static let frame = #"""
        {"event": {"name": "Test", "timeZone": "UTC"},
         "slots": [{"id": "s1", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"}], "rooms": [{"id": "r1"}],
         "sessions": [{"id": "git", "title": "Intro to Git", "duration": 60}]}
        """#

    @Test(arguments: badInputs.indices)
    func badInputExits65AndWritesNothing(index: Int) throws {
        let bad = Self.badInputs[index]
        let dir = try folder("bad-\(index)")
        try Data(Self.frame.utf8).write(to: dir.appendingPathComponent("frame.json"))
        for (name, text) in bad.files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let output = dir.appendingPathComponent("out.json")
        let agenda = dir.appendingPathComponent("previous.json")
        let arguments = bad.arguments.map {
            $0.hasSuffix(".json") || $0.hasSuffix(".csv") || $0.hasSuffix(".xml") ? dir.appendingPathComponent($0).path : $0
        }
        let r = try convene(["import"] + arguments + ["--output", output.path, "--output-agenda", agenda.path])
        #expect(r.status == 65, "\(bad.name): \(r.stderr)")
        #expect(r.stderr.contains(dir.path + "/" + bad.expected), "\(bad.name): \(r.stderr)")
        #expect(r.stderr.contains("nothing is written"))
        #expect(!FileManager.default.fileExists(atPath: output.path) && !FileManager.default.fileExists(atPath: agenda.path))
    }

    @Test func badUsageExits64() throws {
        #expect(try convene(["import"]).status == 64)
        #expect(try convene(["import", "--frab", "Fixtures/import/frab-schedule.xml", "--sessionize-track", "Track"]).status == 64)
        #expect(try convene(["import", "--frab", "Fixtures/import/frab-schedule.xml", "--choices-column", "x"]).status == 64)
    }

    @Test func anUnreadableFileExits66() throws {
        let r = try convene(["import", "--frab", "Fixtures/import/no-such-schedule.xml"])
        #expect(r.status == 66 && r.stderr.contains("cannot read Fixtures/import/no-such-schedule.xml: no such file"))
    }
}
