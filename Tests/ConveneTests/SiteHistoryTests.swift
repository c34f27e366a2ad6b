import Convene
import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneFormats

/// The history of published versions (`versions.json`), the revisions each calendar event
/// carries from it, and consecutive publishes of one small gathering.
@Suite struct SiteHistoryTests {
    /// Two rooms in two buildings, four hour-long slots from 09:00 UTC, three sessions wanted by two attendees.
    static func small() throws -> Gathering {
        try gathering(
            rooms: [.init(id: "r1", name: "Rabb Hall", site: "Library"), .init(id: "r2", name: "Seminar room", site: "Annex")],
            people: [.init(id: "host", name: "The host")],
            sessions: [
                .init(id: "a", title: "Alpha", facilitators: ["host"], duration: 60), .init(id: "b", title: "Beta", duration: 60),
                .init(id: "c", title: "Gamma", duration: 60),
            ],
            attendees: [.init(id: "ann", interests: ["a", "b"]), .init(id: "bob", interests: ["c"])])
    }

    static let t1 = 1_893_900_000
    static let t2 = t1 + 86_400
    static let t3 = t2 + 86_400

    static func placement(_ id: String, _ start: Int, _ room: String = "r1") -> SiteHistory.Placement {
        SiteHistory.Placement(session: id, title: id, start: start, end: start + 3600, rooms: [.init(id: room, name: room, site: nil)])
    }

    @Test func sequencesCountTheVersionsThatChangedTimeOrRoom() {
        var history = SiteHistory(event: "E", timeZone: "UTC")
        history.versions = [SiteHistory.Version(published: nil, placements: [Self.placement("a", 0), Self.placement("b", 0, "r2")])]
        history = history.adding([Self.placement("a", 0), Self.placement("b", 0, "r2")], at: Self.t1, event: "E", timeZone: "UTC")
        // Publishing the agenda given with --previous adds no version: it dates it.
        #expect(history.versions.count == 1 && history.versions[0].published == Self.t1)
        history = history.adding([Self.placement("a", 3600), Self.placement("b", 0, "r2")], at: Self.t2, event: "E", timeZone: "UTC")
        history = history.adding([Self.placement("a", 3600), Self.placement("b", 0, "r1")], at: Self.t3, event: "E", timeZone: "UTC")
        history = history.adding([Self.placement("b", 0, "r1")], at: Self.t3 + 10, event: "E", timeZone: "UTC")
        history = history.adding([Self.placement("b", 0, "r1"), Self.placement("a", 0)], at: Self.t3 + 20, event: "E", timeZone: "UTC")
        history = history.adding([Self.placement("b", 0, "r1"), Self.placement("a", 0)], at: Self.t3 + 30, event: "E", timeZone: "UTC")
        #expect(history.versions.count == 5)
        let r = history.revisions()
        // a: moved (t2), cancelled (t3+10), back (t3+20); b: another room (t3).
        #expect(r["a"]?.sequence == 3 && r["a"]?.lastModified == Self.t3 + 20 && r["a"]?.cancelled == false)
        #expect(r["b"]?.sequence == 1 && r["b"]?.lastModified == Self.t3)
        #expect(history.changes(at: 1).map(\.kind) == [.moved])
        #expect(history.changes(at: 2).map(\.kind) == [.roomChanged])
        #expect(history.changes(at: 3).map(\.kind) == [.cancelled])
        #expect(history.changes(at: 4).map(\.kind) == [.added])
        // The same history read back from its JSON.
        let read = try? SiteHistory(json: Array(history.json.utf8), file: "versions.json")
        #expect(read == history)
    }

    @Test func anUndatedFirstVersionIsDatedByTheFirstPublish() {
        var history = SiteHistory(event: "E", timeZone: "UTC")
        history.versions = [SiteHistory.Version(published: nil, placements: [Self.placement("a", 0), Self.placement("b", 0, "r2")])]
        history = history.adding([Self.placement("a", 3600), Self.placement("b", 0, "r2")], at: Self.t1, event: "E", timeZone: "UTC")
        let r = history.revisions()
        #expect(r["a"]?.sequence == 1 && r["a"]?.lastModified == Self.t1)
        #expect(r["b"]?.sequence == 0 && r["b"]?.lastModified == Self.t1)
    }

    @Test func aBrokenHistoryIsReportedWithItsPlace() {
        let text =
            #"{"convene": 1, "timeZone": "UTC", "versions": [{"published": null, "placements": [{"session": "a", "start": "soon"}]}]}"#
        #expect(throws: SiteStateError.self) { try SiteHistory(json: Array(text.utf8), file: "versions.json") }
        do {
            _ = try SiteHistory(json: Array(text.utf8), file: "versions.json")
        } catch {
            #expect(error.problems.contains { $0.hasPrefix("versions.json: versions[0].placements[0].start: \"soon\" is not a time") })
            #expect(error.problems.contains { $0.hasPrefix("versions.json: versions[0].placements[0].end: should be a string") })
        }
        #expect(throws: SiteStateError.self) { try SiteHistory(json: Array("{".utf8), file: "versions.json") }
    }

    /// Publishes `agenda` after `site` (nil: into an empty folder), as the command does: the
    /// history and the calendars' memory come from the earlier site.
    static func publish(_ agenda: Agenda, _ g: Gathering, after site: Site?, at stamp: Int) throws -> Site {
        var publisher = SitePublisher(baseURL: "https://example.org/e/", stamp: Date(timeIntervalSince1970: TimeInterval(stamp)))
        if let site {
            publisher.history = try SiteHistory(json: Array(try #require(site["versions.json"]).utf8), file: "versions.json")
            let memory = try #require(site.state.first { $0.path == ".convene/calendars.json" })
            publisher.memory = try CalendarMemory(json: Array(memory.contents.utf8), file: "calendars.json")
        }
        return publisher.publish(agenda, gathering: g)
    }

    static func events(_ site: Site, _ path: String) throws -> [String: ICSReader.Event] {
        let reader = try ICSReader(try #require(site[path], "\(path)"))
        return Dictionary(reader.events.map { ($0.summary, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func aSecondPublishRaisesTheMovedAndCancelsTheGone() throws {
        let g = try Self.small()
        let first = try Self.publish(agenda([("a", "s1", ["r1"]), ("b", "s2", ["r1"]), ("c", "s3", ["r2"])]), g, after: nil, at: Self.t1)
        #expect(first["changes.html"] == nil)
        let second = try Self.publish(agenda([("a", "s3", ["r1"]), ("c", "s3", ["r2"])]), g, after: first, at: Self.t2)
        // b is no longer placed: its page goes, its event stays cancelled, one revision up.
        #expect(first["sessions/b.html"] != nil && second["sessions/b.html"] == nil && second["sessions/b.ics"] == nil)
        for path in ["schedule.ics", "people/ann.ics"] {
            let before = try Self.events(first, path)
            let after = try Self.events(second, path)
            #expect(after["Beta"]?.fields["STATUS"] == "CANCELLED", "\(path)")
            #expect(after["Beta"]?.fields["SEQUENCE"] == "1" && before["Beta"]?.fields["SEQUENCE"] == "0", "\(path)")
            #expect(after["Beta"]?.uid == before["Beta"]?.uid)
            // a moved: one revision up, modified by this publish; c did not move.
            #expect(after["Alpha"]?.fields["SEQUENCE"] == "1" && after["Alpha"]?.fields["LAST-MODIFIED"] == "20300107T032000Z")
            #expect(after["Alpha"]?.start == (before["Alpha"]?.start ?? 0) + 2 * 3600)
        }
        let bob = try Self.events(second, "people/bob.ics")
        #expect(bob.keys.sorted() == ["Gamma"] && bob["Gamma"]?.fields["SEQUENCE"] == "0")
        #expect(bob["Gamma"]?.fields["LAST-MODIFIED"] == "20300106T032000Z")
        // What changed, in words; ann hears of both, bob of neither.
        let changes = try #require(second["changes.html"])
        #expect(
            changes.contains(
                "“<a href=\"sessions/a.html\">Alpha</a>” moves from Mon 7 Jan 09:00–10:00 to 11:00–12:00, still in Rabb Hall.")
        )
        #expect(changes.contains("“Beta” is cancelled (it was Mon 7 Jan 10:00–11:00 in Rabb Hall)."))
        #expect(second["people/ann.html"]?.contains("What changed for you (2)") == true)
        #expect(second["people/bob.html"]?.contains("What changed for you") == false)
        // Publishing the same agenda again changes nothing: no version, the same calendars.
        let third = try Self.publish(agenda([("a", "s3", ["r1"]), ("c", "s3", ["r2"])]), g, after: second, at: Self.t3)
        #expect(third["versions.json"] == second["versions.json"])
        #expect(try Self.events(third, "people/ann.ics")["Beta"]?.fields["SEQUENCE"] == "1")
        #expect(try SiteFixture.brokenLinks(second) == [])
    }

    @Test func aCancelledSessionStaysCancelledOnceTheInputForgetsIt() throws {
        let g = try Self.small()
        let first = try Self.publish(agenda([("a", "s1", ["r1"]), ("b", "s2", ["r1"]), ("c", "s3", ["r2"])]), g, after: nil, at: Self.t1)
        // The organisers take b out of the input: nobody wants it any more, yet ann's calendar had it.
        var document = g.document
        document.sessions.removeAll { $0.id == "b" }
        for i in document.attendees.indices { document.attendees[i].interests.removeAll { $0 == "b" } }
        let without = try Gathering(document: document)
        let second = try Self.publish(agenda([("a", "s1", ["r1"]), ("c", "s3", ["r2"])]), without, after: first, at: Self.t2)
        let ann = try Self.events(second, "people/ann.ics")
        #expect(ann["Beta"]?.fields["STATUS"] == "CANCELLED" && ann["Beta"]?.fields["SEQUENCE"] == "1")
        #expect(try Self.events(second, "people/bob.ics")["Beta"] == nil)
        #expect(second["people/ann.html"]?.contains("<h2>Cancelled</h2>") == true)
    }

    @Test func locationNamesTheRoomsAndTheirBuilding() throws {
        #expect(ICSRenderer.location([("Rabb Hall", "Boston Public Library")]) == "Rabb Hall, Boston Public Library")
        #expect(ICSRenderer.location([("Rabb Hall", "Library"), ("Salon", "Library")]) == "Rabb Hall / Salon, Library")
        #expect(ICSRenderer.location([("Rabb Hall", "Library"), ("Lab", "Annex")]) == "Rabb Hall, Library; Lab, Annex")
        #expect(ICSRenderer.location([("MIT Media Lab", "MIT Media Lab"), ("Hall", nil)]) == "MIT Media Lab; Hall")
        #expect(
            ICSRenderer.location([("Cambridge Public Library, main branch", "Cambridge Public Library")])
                == "Cambridge Public Library, main branch")
        let g = try Self.small()
        let calendar = AgendaFormat.ics.render(agenda([("a", "s1", ["r2"])]), gathering: g)
        #expect(calendar.contains("LOCATION:Seminar room\\, Annex\r\n"))
    }
}
