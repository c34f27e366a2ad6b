import Convene
import ConveneCore
import Foundation
import Testing

@testable import ConveneFormats

/// `convene import --pretalx-url`: the API read page by page (from the fake pretalx seeded with the
/// recorded answers) and mapped exactly as files saved from it are.
@Suite struct PretalxLiveImportTests {
    /// The fake event imported through the API, as `convene import --pretalx-url` does.
    static func importLive(_ pretalx: FakePretalx) async throws -> (result: ImportResult, client: PretalxClient) {
        let client = PretalxClient(
            server: URL(string: "https://pretalx.example.org")!, event: "convene-test", token: FakePretalx.token, transport: pretalx,
            sleep: { _ in })
        return (try imported(ImportRequest(pretalx: try await client.importFiles())), client)
    }

    @Test func theAPIIsReadInEightRequestsOfTheLargestPages() async throws {
        let pretalx = try FakePretalx()
        let (_, client) = try await Self.importLive(pretalx)
        #expect(client.requestsMade == 8)
        let requests = pretalx.state.withLock { $0.requests }
        #expect(
            requests == [
                "GET /api/events/convene-test/",
                "GET /api/events/convene-test/submissions/"
                    + "?fields=code,title,speakers,submission_type,track,state,duration,slot_count&page_size=250",
                "GET /api/events/convene-test/speakers/?fields=code,name,availabilities&page_size=250",
                "GET /api/events/convene-test/rooms/?page_size=250",
                "GET /api/events/convene-test/tracks/?page_size=250",
                "GET /api/events/convene-test/submission-types/?page_size=250",
                "GET /api/events/convene-test/schedules/?page_size=250",
                "GET /api/events/convene-test/slots/?schedule=2&page_size=250",
            ])
    }

    @Test func theEventBecomesSessionsPeopleRoomsWithTheirGUIDsAndTheWorkInProgressSchedule() async throws {
        let (result, _) = try await Self.importLive(try FakePretalx())
        let d = result.document
        #expect(d.event.name == "Convene Test Conference" && d.event.timeZone == "Europe/Berlin")
        // 30 submissions on the programme, two of them held twice.
        #expect(d.sessions.count == 32 && d.people.count == 24 && d.rooms.count == 5)
        #expect(d.sessions.filter { $0.id.hasPrefix("CCCPPP") }.map(\.id) == ["CCCPPP-1", "CCCPPP-2"])
        #expect(d.sessions.first { $0.id == "CCCPPP-2" }?.after == ["CCCPPP-1"])
        // Each room keeps pretalx's uuid, which `convene push` finds it by.
        #expect(d.rooms.map(\.id) == ["main-hall", "room-a", "room-b", "workshop-room", "lounge"])
        #expect(d.rooms.first?.guid == "f620b4ee-2bff-543c-ae99-32727d9bf98e")
        // Availabilities: the Lounge is open 10:00–18:00 on the first two days only.
        let lounge = try #require(d.rooms.last)
        #expect(lounge.unavailable.first?.start == "2027-06-09T00:00" && lounge.unavailable.first?.end == "2027-06-09T10:00")
        #expect(lounge.unavailable.last?.start == "2027-06-10T18:00")
        let dmitri = try #require(d.people.first { $0.id == "3TSHNJ" })
        #expect(dmitri.available.map(\.start) == ["2027-06-09T13:00", "2027-06-10T09:00", "2027-06-11T00:00"])
        #expect(result.warnings.contains { $0.message.contains("5 of 24 speakers give no availabilities") })
        #expect(
            result.warnings.contains {
                $0.location.description.hasPrefix("convene-test/submissions/")
                    && $0.message.contains("3 submissions are not on the programme")
            })
        // The work-in-progress schedule (its slots, not the submissions' released slot ids): nine
        // talks placed, CCCPPP's placed slot as its first run, the lunch break left out.
        let previous = try #require(result.previous)
        #expect(previous.placements.count == 9)
        #expect(previous.placements.contains { $0.session == "CCCPPP-1" && $0.rooms == ["room-a"] && $0.start == "d2-0900" })
        #expect(!previous.placements.contains { $0.session.hasPrefix("LTGYYZ") })
        #expect(result.warnings.contains { $0.message.contains("no frame gives slots") && $0.message.contains("09:00–18:00 each day") })
    }

    @Test func savedAnswersImportTheSameAsTheLiveAPI() async throws {
        let (live, _) = try await Self.importLive(try FakePretalx())
        let names = [
            "event", "submissions-page-1", "submissions-page-2", "speakers-page-1", "speakers-page-2", "rooms", "tracks",
            "submission-types",
            "slots-wip",
        ]
        let files = try names.map { try importFile("import/pretalx-api/\($0).json") }
        let saved = try imported(ImportRequest(pretalx: files))
        #expect(saved.document == live.document)
        #expect(saved.previous == live.previous)
    }

    @Test func slotsOfTwoSchedulesAreRefusedRatherThanPlacedTwice() throws {
        let names = ["event", "submissions-page-1", "submissions-page-2", "speakers-page-1", "speakers-page-2", "rooms", "slots-wip"]
        let files = try (names + ["slots-wip-after-release"]).map { try importFile("import/pretalx-api/\($0).json") }
        let (succeeded, problems) = importProblems(ImportRequest(pretalx: files))
        #expect(!succeeded)
        #expect(problems.contains { $0.severity == .error && $0.message.hasPrefix("the slots come from 2 schedules (ids 2, 3)") })
    }
}
