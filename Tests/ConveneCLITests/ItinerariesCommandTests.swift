import Convene
import ConveneTestSupport
import Foundation
import Testing

@Suite(.sharesCPU) struct ItinerariesCommandTests {
    /// The fixture's input and agenda written to a fresh folder.
    static func files(agenda: String = ItineraryFixture.agenda) throws -> (input: String, agenda: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("itineraries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent("input.json")
        let agendaFile = folder.appendingPathComponent("agenda.json")
        try Data(ItineraryFixture.input.utf8).write(to: input)
        try Data(agenda.utf8).write(to: agendaFile)
        return (input.path, agendaFile.path, folder)
    }

    @Test func jsonIsTheContractDocumentAndProvenOptimal() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let r = try convene(["itineraries", f.input, "--agenda", f.agenda, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let document = try Itineraries.load(Data(r.stdout.utf8)).value
        #expect(document.status == .optimal)
        #expect(document.served == 6)
        #expect(document.wanted == 9)
        #expect(document.bound == 6)
        #expect(document.itineraries.map(\.attendee) == ["a1", "a2", "a3"])
        #expect(document.runs.count == 5)
        let gathering = try Gathering(json: Data(ItineraryFixture.input.utf8))
        let agenda = try Agenda.load(Data(ItineraryFixture.agenda.utf8)).value
        #expect(try ItineraryChecker(gathering: gathering, agenda: agenda).check(document).isValid)
        for key in ["\"convene\": 1", "\"status\"", "\"served\"", "\"wanted\"", "\"bound\"", "\"itineraries\"", "\"runs\"", "\"stats\""] {
            #expect(r.stdout.contains(key))
        }
        // The same input gives the same bytes, apart from the seconds measured.
        let again = try convene(["itineraries", f.input, "--agenda", f.agenda, "--format", "json", "--planner", "fast"])
        #expect(again.status == 0)
        func withoutSeconds(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.contains("\"seconds\"") } }
        let third = try convene(["itineraries", f.input, "--agenda", f.agenda, "--format", "json", "--planner", "fast"])
        #expect(withoutSeconds(again.stdout) == withoutSeconds(third.stdout))
    }

    @Test func textShowsEachAttendeesRunsAndMisses() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let r = try convene(["itineraries", f.input, "--agenda", f.agenda])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("6 of 9 wanted (attendee, session) pairs served"))
        #expect(r.stdout.contains("\na1\n"))
        #expect(r.stdout.contains("(facilitating)"))
        #expect(r.stdout.contains("missed: "))
        #expect(r.stdout.contains("run 1 of 2") || r.stdout.contains("run 2 of 2"))
    }

    @Test func csvHasOneRowPerRunOrMiss() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let out = f.folder.appendingPathComponent("itineraries.csv").path
        let r = try convene(["itineraries", f.input, "--agenda", f.agenda, "--format", "csv", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "attendee,session,title,run,day,start,end,rooms,status")
        // 3 attendees × 3 wanted sessions: each pair one row (a run, or missed).
        #expect(lines.count == 1 + 9)
        #expect(lines.filter { $0.hasSuffix(",missed") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("a1,fac,") && $0.hasSuffix(",facilitates") })
    }

    @Test func anAgendaBreakingARuleExits65() throws {
        let broken = ItineraryFixture.agenda.replacingOccurrences(
            of: #""session": "walk", "start": "t3""#, with: #""session": "walk", "start": "t1""#)
        let f = try Self.files(agenda: broken)
        defer { try? FileManager.default.removeItem(at: f.folder) }
        let r = try convene(["itineraries", f.input, "--agenda", f.agenda])
        #expect(r.status == 65)
        #expect(r.stderr.contains("rule 4"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func unreadableFilesAndBadUsage() throws {
        let f = try Self.files()
        defer { try? FileManager.default.removeItem(at: f.folder) }
        #expect(try convene(["itineraries", f.input, "--agenda", f.folder.appendingPathComponent("none.json").path]).status == 66)
        #expect(try convene(["itineraries", f.input]).status == 64)
        #expect(try convene(["itineraries", f.input, "--agenda", f.agenda, "--time-limit", "-1"]).status == 64)
        #expect(try convene(["itineraries", f.input, "--agenda", f.agenda, "--format", "ics"]).status == 64)
        let notJSON = f.folder.appendingPathComponent("bad.json")
        try Data("{".utf8).write(to: notJSON)
        #expect(try convene(["itineraries", f.input, "--agenda", notJSON.path]).status == 65)
    }
}
