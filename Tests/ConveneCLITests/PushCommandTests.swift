import ConveneTestSupport
import Foundation
import Testing

/// `convene push` and `convene import --pretalx-url` as a person runs them, for what needs no
/// pretalx: bad usage, a missing token, an agenda refused before any request. The round trip
/// against a real pretalx is `Tests/Pretalx/round_trip.sh`, which CI runs.
@Suite struct PushCommandTests {
    let p2pu = "Fixtures/p2pu-gathering-2019.json"
    let agenda = "Fixtures/p2pu-gathering-2019.hand-agenda.json"
    /// Nothing listens on port 9 of loopback: any request would fail after retries, so a test
    /// that ends at once shows that none was made.
    let nowhere = ["--pretalx-url", "http://127.0.0.1:9", "--event", "democon", "--token-env", "CONVENE_TEST_TOKEN"]

    @Test(arguments: [
        (["--release", "wip"], "--release: \"wip\" names one of pretalx's own schedules"),
        (["--release", "  "], "--release: the version's name is blank"),
        (["--comment", "Final"], "--comment goes with --release."),
    ])
    func releaseOptionsAreCheckedBeforeAnything(extra: [String], message: String) throws {
        let r = try convene(["push", agenda, "--input", p2pu] + nowhere + extra)
        #expect(r.status == 64 && r.stderr.contains(message), "\(r)")
    }

    @Test func theEventIsRequiredAndItsAddressIsTheServersRoot() throws {
        let none = try convene(["push", agenda, "--input", p2pu])
        #expect(none.status == 64 && none.stderr.contains("Give the pretalx event: --pretalx-url and --event."), "\(none)")
        let api = try convene(["import", "--pretalx-url", "https://pretalx.example.org/api/events/democon/", "--event", "democon"])
        #expect(api.status == 64 && api.stderr.contains("without /api/"), "\(api)")
        let half = try convene(["import", "--pretalx-url", "https://pretalx.example.org"])
        #expect(half.status == 64 && half.stderr.contains("--pretalx-url and --event go together"), "\(half)")
        let both = try convene(["import", "--pretalx", "Fixtures/import/pretalx/rooms.json"] + nowhere)
        #expect(both.status == 64 && both.stderr.contains("not both"), "\(both)")
    }

    @Test func theTokenComesFromTheEnvironmentOnly() throws {
        let r = try convene(["import"] + nowhere)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr.contains("the environment variable CONVENE_TEST_TOKEN holds no pretalx API token"))
        let help = try convene(["push", "--help"])
        #expect(help.stdout.contains("--token-env <name>") && !help.stdout.contains("--token <"))
    }

    @Test func anAgendaThatBreaksARuleIsRefusedBeforeAnyRequest() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("convene-push-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The hand-made agenda without its first placement: a session that must be placed is not.
        var document = try #require(
            try JSONSerialization.jsonObject(with: fixture("p2pu-gathering-2019.hand-agenda.json")) as? [String: Any])
        document["placements"] = (document["placements"] as? [Any]).map { Array($0.dropFirst()) }
        document["objective"] = nil
        let broken = dir.appendingPathComponent("broken.json")
        try JSONSerialization.data(withJSONObject: document).write(to: broken)
        var environment = ProcessInfo.processInfo.environment
        environment["CONVENE_TEST_TOKEN"] = "not-used"
        let r = try convene(["push", broken.path, "--input", p2pu] + nowhere, environment: environment)
        // 65, not 75: a request to the address where nothing listens would have failed first.
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("broken.json: error: rule 1: ") && r.stderr.contains("nothing is written"))
    }
}
