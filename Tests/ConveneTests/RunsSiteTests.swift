import Convene
import Foundation
import Testing

/// The published site of a gathering with a session held twice: every run has its place on the
/// grid, the session's page, the door signs and the calendars; with itineraries each attendee
/// sees their own runs and each run its seats taken; the history follows each run on its own.
@Suite struct RunsSiteTests {
    static func site(itineraries: Bool, agenda: String = RunsFixture.agenda, history: SiteHistory? = nil) throws -> Site {
        var publisher = SitePublisher(stamp: GoldenTests.stamp)
        if itineraries { publisher.itineraries = try RunsFixture.loadItineraries() }
        publisher.history = history
        return publisher.publish(try Agenda.load(Data(agenda.utf8)).value, gathering: try RunsFixture.gathering())
    }

    static func summaries(_ calendar: String?) throws -> [String] { try ICSReader(calendar ?? "").events.map(\.summary) }

    @Test func everyRunHasItsPlaceOnTheGridTheSessionPageAndTheDoorSigns() throws {
        let site = try Self.site(itineraries: false)
        #expect(try SiteFixture.brokenLinks(site) == [])
        let index = try #require(site["index.html"])
        #expect(index.contains("Laptop lab (run 1 of 2)") && index.contains("Laptop lab (run 2 of 2)"))
        let page = try #require(site["sessions/laptops.html"])
        #expect(page.contains("id=\"run-1\"") && page.contains("id=\"run-2\""))
        #expect(page.contains("<p>Bring nothing: the laptops are there.</p>") && page.contains("<p>We build a tiny solver.</p>"))
        // Without itineraries a run says how many seats it has.
        #expect(page.contains("2 seats"))
        #expect(try Self.summaries(site["sessions/laptops.ics"]) == ["Laptop lab (run 1 of 2)", "Laptop lab (run 2 of 2)"])
        #expect(try #require(site["rooms/lab.html"]).contains("Laptop lab (run 1 of 2)"))
        #expect(try #require(site["rooms/hall.html"]).contains("Laptop lab (run 2 of 2)"))
        #expect(site.files.filter { $0.path.hasPrefix("sessions/") && $0.path.hasSuffix(".html") }.count == 2)
    }

    @Test func withoutItinerariesEveryRunOfAWantedSessionIsListed() throws {
        let site = try Self.site(itineraries: false)
        let page = try #require(site["people/a1.html"])
        #expect(page.contains("run 1 of 2") && page.contains("run 2 of 2"))
        // The talk is at the same time as run 1 only: run 2 is free, so it is no clash.
        #expect(!page.contains("id=\"clashes\""))
        #expect(
            try Self.summaries(site["people/a1.ics"]).sorted() == ["Laptop lab (run 1 of 2)", "Laptop lab (run 2 of 2)", "Opening talk"])
    }

    @Test func withItinerariesEachAttendeeSeesTheirOwnRunsAndEachRunItsSeats() throws {
        let site = try Self.site(itineraries: true)
        #expect(try SiteFixture.brokenLinks(site) == [])
        let a1 = try #require(site["people/a1.html"])
        #expect(a1.contains("run 2 of 2") && !a1.contains("run 1 of 2"))
        #expect(try Self.summaries(site["people/a1.ics"]).sorted() == ["Laptop lab (run 2 of 2)", "Opening talk"])
        #expect(try Self.summaries(site["people/a2.ics"]) == ["Laptop lab (run 1 of 2)"])
        // The facilitator runs every run.
        #expect(try Self.summaries(site["people/ada.ics"]) == ["Laptop lab (run 1 of 2)", "Laptop lab (run 2 of 2)"])
        let page = try #require(site["sessions/laptops.html"])
        #expect(page.contains("2 of 2 seats taken") && page.contains("1 of 2 seats taken"))
        #expect(try #require(site["sessions/talk.html"]).contains("1 of 40 seats taken"))
    }

    @Test func aWantedSessionWithoutASeatIsSaidSo() throws {
        var publisher = SitePublisher(stamp: GoldenTests.stamp)
        let full = RunsFixture.itineraries.replacingOccurrences(
            of: #"{"attendee": "a3", "runs": [{"session": "laptops", "run": 1}], "missed": []}"#,
            with: #"{"attendee": "a3", "runs": [], "missed": ["laptops"]}"#)
        publisher.itineraries = try Itineraries.load(Data(full.utf8)).value
        let site = publisher.publish(try RunsFixture.loadAgenda(), gathering: try RunsFixture.gathering())
        let a3 = try #require(site["people/a3.html"])
        #expect(a3.contains("No seat for you"))
        #expect(try Self.summaries(site["people/a3.ics"]) == [])
    }

    @Test func theHistoryFollowsEachRunOnItsOwn() throws {
        let first = try Self.site(itineraries: false)
        let versions = try #require(first["versions.json"])
        #expect(versions.contains("\"run\": 2"))
        let history = try SiteHistory(json: Array(versions.utf8), file: "versions.json")
        #expect(history.versions.last?.placements.map(\.run).sorted() == [1, 1, 2])
        // Run 2 moves from the hall to the lab; run 1 stays.
        let moved = RunsFixture.agenda.replacingOccurrences(
            of: #"{"session": "laptops", "run": 2, "start": "t2", "rooms": ["hall"]}"#,
            with: #"{"session": "laptops", "run": 2, "start": "t2", "rooms": ["lab"]}"#)
        let second = try Self.site(itineraries: false, agenda: moved, history: history)
        let changes = try #require(second["changes.html"])
        #expect(changes.contains("Laptop lab (run 2 of 2)"))
        #expect(!changes.contains("Laptop lab (run 1 of 2)"))
        let events = try ICSReader(try #require(second["sessions/laptops.ics"])).events
        #expect(events.map { $0.fields["SEQUENCE"] } == ["0", "1"])
    }
}
