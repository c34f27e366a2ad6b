import Convene
import Foundation
import FoundationXML
import Testing

/// The published site of the P2PU agenda: every page well-formed and accessible, every link
/// resolving, every session, room and person with its page, every calendar true to the agenda.
@Suite struct SiteTests {
    @Test func everyPageIsWellFormedWithOneHeadingAndLandmarks() throws {
        let (site, _, _) = try SiteFixture.p2pu()
        let pages = site.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 50)
        for page in pages {
            let document = try SiteFixture.document(page.contents)
            #expect(try document.nodes(forXPath: "//h1").count == 1, "\(page.path)")
            for landmark in ["//header", "//nav", "//main", "//footer"] {
                #expect(try document.nodes(forXPath: landmark).count >= 1, "\(page.path) has no \(landmark)")
            }
            #expect(try document.nodes(forXPath: "//*[@src] | //link").isEmpty, "\(page.path) loads something")
            #expect(!page.contents.contains("http://") && !page.contents.contains("https://"), "\(page.path)")
            #expect(page.contents.contains("<meta name=\"viewport\""))
        }
    }

    @Test func everyLinkResolvesToAFileOfTheSite() throws {
        var listing = SitePublisher(stamp: GoldenTests.stamp)
        listing.listAttendees = true
        for publisher in [SitePublisher(stamp: GoldenTests.stamp), listing] {
            let (site, _, g) = try SiteFixture.p2pu(publisher)
            #expect(try SiteFixture.brokenLinks(site) == [])
            let index = try #require(site["index.html"])
            let links = Set(try SiteFixture.attributes("//a", "href", in: index))
            let attendees = Set(g.attendees.filter { $0.personIndex == nil }.map { "people/\($0.id).html" })
            for path in site.files.map(\.path) where !path.hasSuffix(".ics") && path != "index.html" {
                // Attendees' pages are listed only when asked for.
                #expect(links.contains(path) == (publisher.listAttendees || !attendees.contains(path)), "\(path)")
            }
        }
    }

    @Test func everyPlacedSessionHasItsPageAndCalendar() throws {
        let (site, agenda, g) = try SiteFixture.p2pu()
        for p in agenda.placements {
            let s = try #require(g.sessionIndex[p.session])
            let page = try #require(site["sessions/\(p.session).html"], "\(p.session)")
            let h1 = try SiteFixture.document(page).nodes(forXPath: "//h1").first?.stringValue
            #expect(h1 == g.sessions[s].title)
            #expect(page.contains("href=\"\(p.session).ics\""))
            let events = try ICSReader(try #require(site["sessions/\(p.session).ics"])).events
            #expect(events.count == 1)
            #expect(events.first?.start == g.slots[g.slotIndex[p.start] ?? 0].startSecond)
        }
        #expect(site.files.filter { $0.path.hasPrefix("sessions/") && $0.path.hasSuffix(".html") }.count == agenda.placements.count)
    }

    /// A person's sessions: those they facilitate, those wanted by the attendees who are them (an
    /// attendee who is no person: their interests), and the exclusive ones, which are everyone's.
    /// Computed here from the input, not by the site.
    static func sessions(of page: String, _ g: Gathering) -> Set<String>? {
        let id = String(page.dropFirst("people/".count).dropLast(".html".count))
        let everyone = g.sessions.filter(\.exclusive).map(\.id)
        if let person = g.people.first(where: { $0.id == id }) {
            let facilitated = g.sessions.filter { $0.facilitatorIndices.contains(person.index) }.map(\.id)
            let wanted = g.attendees.filter { $0.personIndex == person.index }.flatMap { $0.interestIndices.map { g.sessions[$0].id } }
            return Set(facilitated + wanted + everyone)
        }
        return g.attendees.first { $0.id == id }.map { Set($0.interestIndices.map { g.sessions[$0].id } + everyone) }
    }

    @Test func eachPersonPageListsExactlyTheirSessions() throws {
        let (site, _, g) = try SiteFixture.p2pu()
        let pages = site.files.filter { $0.path.hasPrefix("people/") && $0.path.hasSuffix(".html") }
        #expect(pages.count == g.people.count + g.attendees.filter { $0.person == nil }.count)
        for page in pages {
            let expected = try #require(Self.sessions(of: page.path, g), "\(page.path) is nobody's")
            let listed = try SiteFixture.attributes("//li[@data-session]", "data-session", in: page.contents)
            #expect(Set(listed) == expected && listed.count == expected.count, "\(page.path)")
        }
    }

    @Test func clashesAreMarkedOnThePersonPageAndSummarisedOnce() throws {
        let (site, agenda, g) = try SiteFixture.p2pu()
        var pairs: [String: [[String]]] = [:]
        for cost in agenda.costs where cost.kind == .clash {
            for attendee in cost.attendees { pairs[attendee, default: []].append(cost.sessions) }
        }
        for (attendee, clashes) in pairs {
            let page = try #require(site["people/\(attendee).html"])
            let document = try SiteFixture.document(page)
            let items = try document.nodes(forXPath: "//li[@data-session]").compactMap { $0 as? XMLElement }
            for session in Set(clashes.flatMap { $0 }) {
                let item = items.first { $0.attribute(forName: "data-session")?.stringValue == session }
                #expect(item?.attribute(forName: "class")?.stringValue?.contains("clashing") == true, "\(attendee): \(session)")
                #expect(try item?.nodes(forXPath: "a[@class='clash' and @href='#clashes']").count == 1, "\(attendee): \(session)")
            }
            // Each clash is told once, in the summary, with both titles.
            let summary = try document.nodes(forXPath: "//section[@id='clashes']//li").compactMap(\.stringValue)
            for pair in clashes {
                let titles = pair.compactMap { g.sessionIndex[$0].flatMap { g.sessions[$0].title } }
                #expect(summary.filter { line in titles.allSatisfy { line.contains($0) } }.count == 1, "\(attendee): \(pair)")
            }
        }
        let calm = try #require(g.attendees.first { pairs[$0.id] == nil })
        #expect(site["people/\(calm.id).html"]?.contains("id=\"clashes\"") == false)
    }

    @Test func everyCalendarHasTheAgendasInstants() throws {
        let (site, agenda, g) = try SiteFixture.p2pu()
        var instants: [String: (Int, Int)] = [:]
        for p in agenda.placements {
            guard let s = g.sessionIndex[p.session], let first = g.slotIndex[p.slots?.first ?? ""],
                let last = g.slotIndex[p.slots?.last ?? ""]
            else { continue }
            instants[g.sessions[s].title ?? p.session] = (g.slots[first].startSecond, g.slots[last].endSecond)
        }
        let calendars = site.files.filter { $0.path.hasSuffix(".ics") }
        #expect(calendars.count == 1 + agenda.placements.count + g.people.count + g.attendees.count)
        for calendar in calendars {
            let events = try ICSReader(calendar.contents).events
            for event in events {
                let expected = try #require(instants[event.summary], "\(calendar.path): \(event.summary)")
                #expect(event.start == expected.0 && event.end == expected.1, "\(calendar.path): \(event.summary)")
            }
            if calendar.path.hasPrefix("people/") {
                let page = calendar.path.replacingOccurrences(of: ".ics", with: ".html")
                let placed = (Self.sessions(of: page, g) ?? []).filter { id in agenda.placements.contains { $0.session == id } }
                #expect(events.count == placed.count, "\(calendar.path)")
            }
        }
        #expect(try ICSReader(try #require(site["schedule.ics"])).events.count == agenda.placements.count)
    }

    @Test func theDownloadsAreTheRenderersOutput() throws {
        let (site, agenda, g) = try SiteFixture.p2pu()
        // The site's calendar is the renderer's with each event's revisions (a first version: none).
        let revisions = try #require(site["schedule.ics"]).components(separatedBy: "\r\n")
        #expect(revisions.filter { $0 == "SEQUENCE:0" }.count == agenda.placements.count)
        let plain = revisions.filter { !$0.hasPrefix("SEQUENCE:") && !$0.hasPrefix("LAST-MODIFIED:") }.joined(separator: "\r\n")
        #expect(plain == AgendaFormat.ics.render(agenda, gathering: g, stamp: GoldenTests.stamp))
        #expect(site["schedule.xml"] == AgendaFormat.frabXML.render(agenda, gathering: g))
        #expect(site["schedule.json"] == AgendaFormat.frabJSON.render(agenda, gathering: g))
        #expect(site["agenda.csv"] == AgendaFormat.csv.render(agenda, gathering: g))
        #expect(site["index.html"]?.contains("Costs") == false)
    }

    @Test func aFacilitatedSessionSaysSoInThePersonalCalendar() throws {
        let (site, _, g) = try SiteFixture.p2pu()
        let calendar = try #require(site["people/p2pu-director.ics"])
        let reader = try ICSReader(calendar)
        // The three the director facilitates, and the other exclusive sessions: everyone's.
        let director = try #require(g.people.first { $0.id == "p2pu-director" })
        let others = g.sessions.filter { $0.exclusive && !$0.facilitatorIndices.contains(director.index) }.count
        #expect(reader.events.count == 3 + others && others > 0)
        #expect(reader.lines.filter { $0.hasPrefix("DESCRIPTION:You facilitate this session.") }.count == 3)
        #expect(reader.lines.contains("X-WR-CALNAME:P2PU Gathering 2019: P2PU executive director"))
        let attendee = try #require(site["people/attendee-01.ics"])
        #expect(!attendee.contains("You facilitate"))
    }

    @Test func withoutAttendeePagesOnlyFacilitatorsArePublished() throws {
        let (site, _, g) = try SiteFixture.p2pu(SitePublisher(attendeePages: false))
        let people = site.files.filter { $0.path.hasPrefix("people/") }.map(\.path)
        #expect(people.count == 2 * g.people.count)
        #expect(!people.contains { $0.contains("attendee") })
        #expect(!(site["index.html"] ?? "").contains("attendee-01"))
        #expect(try SiteFixture.brokenLinks(site) == [])
    }

    @Test func theBaseURLGoesIntoCalendarsOnly() throws {
        let (site, _, _) = try SiteFixture.p2pu(SitePublisher(baseURL: "https://example.org/p2pu"))
        let calendar = try #require(site["schedule.ics"])
        #expect(calendar.contains("URL:https://example.org/p2pu/sessions/update.html\r\n"))
        #expect(site["sessions/update.ics"]?.contains("URL:https://example.org/p2pu/sessions/update.html") == true)
        #expect(site["index.html"]?.contains("webcal://example.org/p2pu/schedule.ics") == true)
        #expect(try SiteFixture.brokenLinks(site) == [])
        #expect(SitePublisher.isSiteAddress("https://example.org/"))
        #expect(!SitePublisher.isSiteAddress("example.org") && !SitePublisher.isSiteAddress("https:///x"))
    }
}
