import Convene
import Foundation
import FoundationXML
import Testing

@testable import ConveneFormats

/// The site's grid, golden pages, "What changed", file names and colours.
@Suite struct SiteLayoutTests {
    /// Reads a day's table back: the room of each column, and for each session the (row, room)
    /// cells it covers, rowspans and colspans included.
    static func cells(_ table: XMLElement) throws -> (rooms: [String], covered: [String: Set<[Int]>], perRow: [Int: Int]) {
        let rooms = try table.nodes(forXPath: "thead/tr/th").dropFirst().map { try $0.nodes(forXPath: "a").first?.stringValue ?? "" }
        var taken: Set<[Int]> = []
        var covered: [String: Set<[Int]>] = [:]
        var perRow: [Int: Int] = [:]
        for (r, row) in try table.nodes(forXPath: "tbody/tr").enumerated() {
            var c = 0
            for cell in try row.nodes(forXPath: "td").compactMap({ $0 as? XMLElement }) {
                while taken.contains([r, c]) { c += 1 }
                let rows = Int(cell.attribute(forName: "rowspan")?.stringValue ?? "1") ?? 1
                let columns = Int(cell.attribute(forName: "colspan")?.stringValue ?? "1") ?? 1
                for i in r..<r + rows {
                    for j in c..<c + columns {
                        taken.insert([i, j])
                        perRow[i, default: 0] += 1
                        if let id = cell.attribute(forName: "data-session")?.stringValue { covered[id, default: []].insert([i, j]) }
                    }
                }
                c += columns
            }
        }
        return (rooms, covered, perRow)
    }

    @Test func eachSessionsCellsCoverExactlyItsRoomsAndSlots() throws {
        let (site, agenda, g) = try SiteFixture.p2pu()
        let document = try SiteFixture.document(try #require(site["index.html"]))
        let tables = try document.nodes(forXPath: "//table").compactMap { $0 as? XMLElement }
        #expect(tables.count == 3)
        var seen: Set<String> = []
        for table in tables {
            let (rooms, covered, perRow) = try Self.cells(table)
            let slots = try table.nodes(forXPath: "tbody/tr/th").map { $0.stringValue ?? "" }
            #expect(perRow.values.allSatisfy { $0 == rooms.count }, "every row covers every room once")
            for (id, cells) in covered {
                let p = try #require(agenda.placements.first { $0.session == id })
                let names = Set(p.rooms.compactMap { g.roomIndex[$0].map { g.rooms[$0].name ?? "" } })
                #expect(Set(cells.map { rooms[$0[1]] }) == names, "\(id)")
                let times = (p.slots ?? []).compactMap { g.slotIndex[$0] }.map {
                    AgendaLayout(agenda: agenda, gathering: g).clock($0..<$0 + 1)
                }
                #expect(Set(cells.map { slots[$0[0]] }) == Set(times), "\(id)")
                #expect(cells.count == names.count * times.count, "\(id)")
                seen.insert(id)
            }
        }
        #expect(seen == Set(agenda.placements.map(\.session)))
        // The open space is in four rooms out of Friday's five: the bowling alley stays apart.
        let friday = try Self.cells(tables[2])
        #expect(Set(friday.covered["open-space"]?.map { $0[1] } ?? []).count == 4 && friday.rooms.count == 5)
    }

    @Test func roomsThatAreNotSideBySideGetOneBlockEach() throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "a"), .init(id: "b"), .init(id: "c")],
            sessions: [.init(id: "wide", duration: 60, rooms: 2), .init(id: "middle", duration: 60)])
        let site = SitePublisher().publish(agenda([("wide", "s1", ["a", "c"]), ("middle", "s1", ["b"])]), gathering: g)
        let index = try #require(site["index.html"])
        let table = try #require(try SiteFixture.document(index).nodes(forXPath: "//table").first as? XMLElement)
        let (rooms, covered, _) = try Self.cells(table)
        #expect(Set(covered["wide"]?.map { rooms[$0[1]] } ?? []) == ["a", "c"])
        #expect(try table.nodes(forXPath: "tbody/tr/td[@data-session='wide']").count == 2)
    }

    @Test(arguments: ["index.html", "sessions/open-space.html", "rooms/rabb.html", "people/p2pu-community.html"])
    func pagesMatchTheirGoldenFiles(path: String) throws {
        let (site, _, _) = try SiteFixture.p2pu()
        let text = try #require(site[path])
        let url = repositoryRoot.appendingPathComponent("Fixtures/golden/site/\(path)")
        if ProcessInfo.processInfo.environment["CONVENE_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(path) differs from Fixtures/golden/site; if on purpose, run with CONVENE_UPDATE_GOLDENS=1")
    }

    @Test func aPreviousAgendaGivesWhatChangedAndMarksEachChange() throws {
        let (agenda, g) = try GoldenTests.layout()
        var previous = agenda
        previous.placements = agenda.placements.map { p in
            var p = p
            if p.session == "tour" { p.start = "fri-4a" }
            if p.session == "mooc" { p.rooms = ["commonwealth"] }
            return p
        }
        previous.placements.append(Agenda.Placement(session: "retired", start: "fri-4a", rooms: ["rabb"]))
        let site = SitePublisher(previous: previous, stamp: GoldenTests.stamp).publish(agenda, gathering: g)
        let changes = try #require(site["changes.html"])
        let items = try SiteFixture.document(changes).nodes(forXPath: "//main//li").compactMap(\.stringValue)
        #expect(items.count == 3)
        // In titles and words, never ids; a change of room alone is a move to another room.
        let tour = try #require(items.first { $0.contains("Tour of Boston Public Library") })
        #expect(tour.hasPrefix("Moved “Tour of Boston Public Library” moves from Fri 20 Sep 14:30–16:00 to Thu 19 Sep 14:30–16:00"))
        #expect(tour.contains(", still in Central Library lobby (tour meeting point)."))
        let mooc = try #require(items.first { $0.contains("MOOC providers") })
        #expect(mooc.contains("moves from Commonwealth Salon to ") && mooc.contains(", same time (Fri 20 Sep "))
        #expect(items.contains("Cancelled “retired” is cancelled (it was Fri 20 Sep 14:30 in Rabb Hall)."))
        #expect(!changes.contains("(tour)") && !changes.contains("'retired'"))
        #expect(changes.contains("href=\"sessions/tour.html\"") && !changes.contains("retired.html"))
        #expect(site["sessions/tour.html"]?.contains("<span class=\"badge\">Moved</span>") == true)
        #expect(site["sessions/mooc.html"]?.contains("<span class=\"badge\">New room</span>") == true)
        #expect(site["sessions/update.html"]?.contains("class=\"badge\"") == false)
        let index = try #require(site["index.html"])
        #expect(index.contains("href=\"changes.html\"") && index.contains("3 changes"))
        #expect(changes.contains("Version 2, Sun 8 Sep 2019, 23:33 EDT") && changes.contains("Version 1: the agenda before this site"))
        // attendee-02 wants the tour: their page says what changed for them.
        #expect(site["people/attendee-02.html"]?.contains("What changed for") == true)
        #expect(try SiteFixture.brokenLinks(site) == [])
    }

    @Test func fileNamesAreSafeUniqueAndStable() throws {
        let ids = ["a b", "a-b", "A B", "", "日本", "con", "a-b-2", "../../etc/passwd", String(repeating: "x", count: 300)]
        let names = SiteNames.unique(ids, fallback: "session")
        #expect(names == SiteNames.unique(ids, fallback: "session"))
        #expect(Set(names).count == ids.count)
        #expect(
            names.allSatisfy { $0.count <= 64 && !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
        #expect(Array(names.prefix(4)) == ["a-b", "a-b-2", "a-b-3", "session"])
        #expect(names[5] != "con" && names[7] == "etc-passwd")
        // A site whose ids are awkward still links every page.
        let g = try gathering(
            rooms: [.init(id: "Room 1/2"), .init(id: "room-1-2")], people: [.init(id: "p?"), .init(id: "P!")],
            sessions: [.init(id: "<s>", facilitators: ["p?"], duration: 60), .init(id: "&s", facilitators: ["P!"], duration: 60)],
            attendees: [.init(id: "p?", interests: ["<s>", "&s"])])
        let site = SitePublisher().publish(agenda([("<s>", "s1", ["Room 1/2"]), ("&s", "s1", ["room-1-2"])]), gathering: g)
        #expect(try SiteFixture.brokenLinks(site) == [])
        #expect(Set(site.files.map(\.path)).count == site.files.count)
        #expect(site.files.filter { $0.path.hasPrefix("people/") && $0.path.hasSuffix(".html") }.count == 3)
    }

    @Test func anAgendaThatBreaksRulesStillPublishesOnePagePerSession() throws {
        let g = try gathering(sessions: [.init(id: "a", duration: 60, exclusive: true), .init(id: "b", duration: 120)])
        let broken = agenda([("a", "s1", ["r1"]), ("a", "s2", ["r2"]), ("b", "s1", ["r1"]), ("ghost", "s1", ["r2"])])
        let site = SitePublisher().publish(broken, gathering: g)
        #expect(Set(site.files.map(\.path)).count == site.files.count)
        #expect(
            site.files.filter { $0.path.hasPrefix("sessions/") }.map(\.path) == [
                "sessions/a.html", "sessions/a.ics", "sessions/b.html", "sessions/b.ics",
            ])
        #expect(try SiteFixture.brokenLinks(site) == [])
        let empty = SitePublisher().publish(agenda([]), gathering: g)
        #expect(empty["index.html"]?.contains("Nothing is scheduled yet") == true)
    }

    /// WCAG's contrast ratio of two `#rrggbb` colours.
    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF].map { Double($0) / 255 }
            let linear = channels.map { $0 <= 0.039_28 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyTextHasContrastOfAtLeastFourAndAHalf() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        for pair in SiteStyle.pairs {
            #expect(Self.contrast(pair.text, pair.background) >= 4.5, "\(pair.text) on \(pair.background)")
        }
        #expect(SiteStyle.pairs.count > 30)
    }
}
