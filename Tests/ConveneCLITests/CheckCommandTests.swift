import ConveneTestSupport
import Foundation
import Testing

/// Runs the built `convene` binary and returns its exit status and output.
func convene(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String]? = nil
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try conveneBinary()
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    // Read before waiting, so that a full pipe cannot block the child.
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// The `convene` executable beside the test bundle in the build folder.
func conveneBinary() throws -> URL {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("convene")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "convene beside \(runner.path)"])
}

@Suite(.sharesCPU) struct CheckCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"

    @Test func aValidInputExitsZero() throws {
        let r = try convene(["check", p2pu])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid. 21 sessions"))
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: invalidFixtures) func everyInvalidFixtureExits65WithItsPath(name: String) throws {
        let r = try convene(["check", "Fixtures/invalid/\(name).json"])
        #expect(r.status == 65)
        for e in try ExpectedProblem.load(name) {
            #expect(
                r.stderr.split(separator: "\n").contains { $0.contains("error: \(e.path): ") && $0.contains(e.fragment) },
                "\(name): expected \(e) in\n\(r.stderr)")
        }
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func aValidAgendaPrintsItsCosts() throws {
        let r = try convene(["check", p2pu, "--agenda", "Fixtures/p2pu-gathering-2019.hand-agenda.json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid. Objective 139."))
        #expect(r.stdout.contains("Clashes: "))
    }

    @Test func aBrokenAgendaExitsOneAndSaysWhy() throws {
        let agenda =
            #"{"convene": 1, "status": "feasible", "placements": [{"session": "update", "start": "thu-2", "rooms": ["mezzanine"]}]}"#
        let r = try convene(["check", p2pu, "--agenda", "-"], stdin: Data(agenda.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("rule 1: 'What is and is not working"))
        #expect(r.stderr.contains("rule 9:"))
        #expect(r.stderr.contains("rule 2:"))
    }

    @Test func aPreviousAgendaAddsChangeCosts() throws {
        let moved = #"{"convene": 1, "status": "feasible", "placements": [{"session": "tour", "start": "fri-4a", "rooms": ["lobby"]}]}"#
        let previous = FileManager.default.temporaryDirectory.appendingPathComponent("convene-previous-\(getpid()).json")
        try Data(moved.utf8).write(to: previous)
        defer { try? FileManager.default.removeItem(at: previous) }
        let r = try convene(["check", p2pu, "--agenda", "Fixtures/p2pu-gathering-2019.hand-agenda.json", "--previous", previous.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid. Objective 149."))
        #expect(r.stdout.contains("Changes from the previous agenda: 10"))
    }

    @Test func standardInputIsRead() throws {
        let r = try convene(["check", "-"], stdin: try Data(contentsOf: repositoryRoot.appendingPathComponent(p2pu)))
        #expect(r.status == 0)
        #expect(r.stdout.contains("-: valid."))
    }

    @Test func exitStatusesForFilesAndUsage() throws {
        #expect(try convene(["check", "Fixtures/no-such-file.json"]).status == 66)
        #expect(try convene(["check", p2pu, "--agenda", "Fixtures/no-such-agenda.json"]).status == 66)
        #expect(try convene(["check"]).status == 64)
        #expect(try convene(["check", p2pu, "--no-such-option"]).status == 64)
        let bad = try convene(["check", p2pu, "--agenda", "-"], stdin: Data("{\"convene\": 1, \"placements\": 3}".utf8))
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("placements: expected a list"))
    }
}
