import ConvenePlanner
import Foundation
import Testing

@Suite struct StorageTests {
    private func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("convene-store-\(UUID().uuidString)") }

    private func version(_ name: String) -> PlannerStore.NewVersion {
        .init(document: Data("{\"convene\": 1}".utf8), name: name, sessions: 0, rooms: 0, slots: 0, people: 0, attendees: 0)
    }

    @Test func versionsAreAddedNeverOverwrittenAndSurviveReopening() async throws {
        let data = folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let store = try PlannerStore(directory: data)
        let (id, first) = try await store.createGathering(version("Gathering One"))
        #expect(id == "gathering-one")
        #expect(first == 1)
        #expect(try await store.addVersion(gathering: id, expected: 1, version("Renamed")) == .stored(version: 2))
        #expect(try await store.addVersion(gathering: id, expected: 1, version("Stale")) == .stale(latest: 2))
        #expect(try await store.addVersion(gathering: "none", expected: nil, version("x")) == .noSuchGathering)
        let reopened = try PlannerStore(directory: data)
        #expect(try await reopened.versions(of: id).map(\.name) == ["Renamed", "Gathering One"])
        #expect(try await reopened.version(1, of: id)?.document == Data("{\"convene\": 1}".utf8))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent(PlannerStore.fileName + "-wal").path), "WAL mode")
    }

    @Test func jobsLeftRunningByAStoppedServerEndAsFailed() async throws {
        let data = folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let store = try PlannerStore(directory: data)
        let (id, _) = try await store.createGathering(version("G"))
        let job = try await store.insertJob(
            JobRecord(id: nil, gathering: id, version: 1, request: Data("{}".utf8), solver: "search", created: Timestamp.now()))
        #expect(try await store.job(job)?.latest.state == "queued")
        #expect(try await PlannerStore(directory: data).endInterruptedJobs() == 1)
        let ended = try await store.job(job)
        #expect(ended?.latest.state == "failed")
        #expect(ended?.latest.error == "the server stopped before the job ended")
        #expect(try await store.endInterruptedJobs() == 0)
    }

    @Test func idsAreMadeFromNames() {
        #expect(PlannerStore.slug("P2PU Gathering 2019") == "p2pu-gathering-2019")
        #expect(PlannerStore.slug("  Ünïcode / Café  ") == "n-code-caf")
        #expect(PlannerStore.slug("") == "gathering")
        #expect(PlannerStore.slug(String(repeating: "word ", count: 30)).count <= 40)
    }

    @Test func theZipChecksumIsZlibs() {
        #expect(ZipArchive.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32(Data()) == 0)
        var zip = ZipArchive()
        zip.add("a/b.txt", Data("hello".utf8))
        zip.add("c.html", Data("<p>é</p>".utf8))
        let entries = try? ZipReading.entries(zip.bytes)
        #expect(entries?["a/b.txt"] == Data("hello".utf8))
        #expect(entries?["c.html"] == Data("<p>é</p>".utf8))
    }
}
