import ConveneTestSupport
import Foundation
import Testing

@Suite(.sharesCPU) struct ServeCommandTests {
    @Test func anAddressOtherThanLoopbackNeedsAToken() throws {
        let r = try convene(["serve", "--host", "0.0.0.0", "--port", "0", "--data", NSTemporaryDirectory() + "convene-never"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--token"))
        #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "convene-never"), "nothing is created")
    }

    @Test func badOptionsAreBadUsage() throws {
        for arguments in [["--port", "70000"], ["--jobs", "0"], ["--token", ""]] {
            #expect(try convene(["serve"] + arguments).status == 64, "\(arguments)")
        }
    }

    @Test func aDataFolderThatCannotBeMadeExits73() throws {
        let file = NSTemporaryDirectory() + "convene-serve-\(UUID().uuidString)"
        try Data().write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try convene(["serve", "--data", file + "/inside", "--port", "0"])
        #expect(r.status == 73, "\(r.stderr)")
        #expect(r.stderr.contains("cannot open the planner's data"))
    }

    @Test func helpGivesTheExitStatuses() throws {
        let r = try convene(["serve", "--help"])
        #expect(r.status == 0)
        for text in ["--data", "--host", "--port", "--token", "--jobs", "64 bad usage", "69", "73", "413", "Authorization: Bearer"] {
            #expect(r.stdout.contains(text), "\(text)")
        }
    }
}
