import Convene
import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneFormats

/// Publishing into a folder: the new site swapped in whole, the last publish's stale files gone,
/// the user's files untouched, and nothing written when the user's files stand in the way.
@Suite struct SiteFolderTests {
    func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("convene-folder-\(getpid())-\(name)")
    }

    func site(_ files: [String: String]) -> Site {
        Site(
            files: files.sorted { $0.key < $1.key }.map { Site.File(path: $0.key, contents: $0.value) },
            state: [
                Site.File(path: ".convene/calendars.json", contents: "{}\n")
            ])
    }

    func text(_ url: URL, _ path: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The inode and modification date of a file: unchanged means untouched.
    func identity(_ url: URL, _ path: String) throws -> [String] {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path)
        return ["\(attributes[.systemFileNumber] ?? "")", "\(attributes[.modificationDate] ?? "")", "\(attributes[.size] ?? "")"]
    }

    @Test func aSecondPublishRemovesStaleFilesAndKeepsTheUsers() throws {
        let out = folder("stale")
        defer { try? FileManager.default.removeItem(at: out) }
        let target = SiteFolder(out)
        let first = try target.write(site(["index.html": "one", "sessions/a.html": "a", "sessions/b.html": "b", "people/x.html": "x"]))
        #expect(first == SiteFolder.Report(written: 4, removed: 0, kept: 0, swapped: true))
        #expect(try target.manifest().keys.sorted() == ["index.html", "people/x.html", "sessions/a.html", "sessions/b.html"])
        // The user's: a file at the top, one among the sessions, a folder of their own, a link.
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try Data("mine too".utf8).write(to: out.appendingPathComponent("sessions/extra.txt"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("photos/day1"), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: out.appendingPathComponent("photos/day1/a.jpg"))
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("latest").path, withDestinationPath: "index.html")
        // And one of the publisher's files, changed by hand since: now the user's.
        try Data("edited".utf8).write(to: out.appendingPathComponent("people/x.html"))
        let before = try ["notes.txt", "sessions/extra.txt", "photos/day1/a.jpg", "people/x.html"].map { try identity(out, $0) }
        let second = try target.write(site(["index.html": "two", "sessions/a.html": "a2"]))
        #expect(second == SiteFolder.Report(written: 2, removed: 1, kept: 5, swapped: true))
        #expect(text(out, "index.html") == "two" && text(out, "sessions/a.html") == "a2")
        #expect(text(out, "sessions/b.html") == nil)
        #expect(text(out, "notes.txt") == "mine" && text(out, "sessions/extra.txt") == "mine too" && text(out, "people/x.html") == "edited")
        #expect(try ["notes.txt", "sessions/extra.txt", "photos/day1/a.jpg", "people/x.html"].map { try identity(out, $0) } == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path) == "index.html")
        #expect(try target.manifest().keys.sorted() == ["index.html", "sessions/a.html"])
        #expect(text(out, ".convene/calendars.json") == "{}\n")
        // Nothing is left beside the folder.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.contains(out.lastPathComponent + ".convene") })
    }

    @Test func theUsersFileWhereTheSiteWritesStopsThePublish() throws {
        let out = folder("occupied")
        defer { try? FileManager.default.removeItem(at: out) }
        let target = SiteFolder(out)
        _ = try target.write(site(["index.html": "one", "sessions/a.html": "a"]))
        try Data("hand-edited".utf8).write(to: out.appendingPathComponent("sessions/a.html"))
        try Data("mine".utf8).write(to: out.appendingPathComponent("rooms"))
        #expect(throws: SiteFolder.Failure.occupied(["rooms", "sessions/a.html"])) {
            try target.write(site(["index.html": "two", "sessions/a.html": "a2", "rooms/r.html": "r"]))
        }
        // Nothing changed.
        #expect(text(out, "index.html") == "one" && text(out, "sessions/a.html") == "hand-edited" && text(out, "rooms") == "mine")
        #expect(try target.manifest()["index.html"] != nil)
    }

    @Test func aFolderWithoutAManifestIsAllTheUsers() throws {
        let out = folder("foreign")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("someone's".utf8).write(to: out.appendingPathComponent("index.html"))
        try Data("kept".utf8).write(to: out.appendingPathComponent("readme.txt"))
        #expect(throws: SiteFolder.Failure.occupied(["index.html"])) { try SiteFolder(out).write(site(["index.html": "ours"])) }
        try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
        let report = try SiteFolder(out).write(site(["index.html": "ours"]))
        #expect(report.kept == 1 && text(out, "readme.txt") == "kept" && text(out, "index.html") == "ours")
    }

    @Test func aFileWhereTheFolderShouldBeIsRefused() throws {
        let out = folder("file")
        try Data().write(to: out)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(throws: SiteFolder.Failure.self) { try SiteFolder(out).write(site(["index.html": "x"])) }
    }

    @Test func theManifestHoldsEachFilesSHA256() throws {
        let text = SiteFolder.manifestText([Site.File(path: "index.html", contents: "abc")])
        #expect(text.contains("\"index.html\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""))
    }
}
