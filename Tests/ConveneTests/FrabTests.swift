import Convene
import ConveneTestSupport
import Foundation
import FoundationXML
import Testing

/// The frab formats, element by element against what the voc/schedule XSD and the c3voc JSON
/// schema require, and the HTML page read back by an XML parser.
@Suite struct FrabTests {
    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func scheduleXMLHasEverythingTheXSDRequires() throws {
        let (agenda, g) = try GoldenTests.layout()
        let text = AgendaFormat.frabXML.render(agenda, gathering: g)
        #expect(FrabXMLRules.violations(text).isEmpty, "\(FrabXMLRules.violations(text))")
        let xml = try XMLDocument(data: Data(text.utf8))
        let root = try #require(xml.rootElement())
        #expect(root.name == "schedule")
        #expect(root.children?.compactMap(\.name) == ["version", "conference", "day", "day", "day"])
        let conference = try #require(root.elements(forName: "conference").first)
        let allowed: Set<String> = ["title", "acronym", "start", "end", "days", "timeslot_duration", "time_zone_name"]
        let present = Set(conference.children?.compactMap(\.name) ?? [])
        #expect(present.isSubset(of: allowed) && present.isSuperset(of: ["title", "acronym"]))
        #expect(conference.elements(forName: "start").first?.stringValue == "2019-09-18")
        #expect(conference.elements(forName: "end").first?.stringValue == "2019-09-20")
        var ids = Set<String>()
        var guids = Set<String>()
        var slugs = Set<String>()
        var count = 0
        for day in root.elements(forName: "day") {
            #expect(Self.matches(day.attribute(forName: "date")?.stringValue ?? "", #"^\d{4}-\d{2}-\d{2}$"#))
            for key in ["start", "end"] {
                #expect(
                    Self.matches(day.attribute(forName: key)?.stringValue ?? "", #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#))
            }
            for room in day.elements(forName: "room") {
                #expect(room.attribute(forName: "name")?.stringValue?.isEmpty == false)
                for event in room.elements(forName: "event") {
                    count += 1
                    let names = event.children?.compactMap(\.name) ?? []
                    #expect(Set(names).count == names.count, "an element appears twice")
                    let required: Set<String> = [
                        "room", "title", "type", "date", "start", "duration", "abstract", "slug", "subtitle", "track",
                    ]
                    let optional: Set<String> = ["persons", "language", "description", "recording", "links"]
                    #expect(Set(names).isSuperset(of: required) && Set(names).isSubset(of: required.union(optional)), "\(names)")
                    func value(_ name: String) -> String { event.elements(forName: name).first?.stringValue ?? "" }
                    #expect(Self.matches(value("duration"), #"^\d{1,2}:\d{2}$"#))
                    #expect(Self.matches(value("start"), #"^[0-2]\d:[0-5]\d$"#))
                    #expect(Self.matches(value("date"), #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#))
                    #expect(value("room") == room.attribute(forName: "name")?.stringValue)
                    let id = event.attribute(forName: "id")?.stringValue ?? ""
                    #expect((Int(id) ?? 0) >= 1)
                    ids.insert(id)
                    guids.insert(event.attribute(forName: "guid")?.stringValue ?? "")
                    slugs.insert(value("slug"))
                    for person in event.elements(forName: "persons").first?.elements(forName: "person") ?? [] {
                        #expect((Int(person.attribute(forName: "id")?.stringValue ?? "") ?? 0) >= 1)
                    }
                }
            }
        }
        // The open-space block uses four rooms: one event in each.
        #expect(count == agenda.placements.reduce(0) { $0 + $1.rooms.count })
        #expect(ids.count == count && guids.count == count && slugs.count == count)
        #expect(guids.allSatisfy { Self.matches($0, #"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#) })
    }

    @Test func scheduleJSONHasEverythingTheSchemaRequires() throws {
        let (agenda, g) = try GoldenTests.layout()
        let text = AgendaFormat.frabJSON.render(agenda, gathering: g)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(root.keys).isSubset(of: ["$schema", "generator", "schedule"]) && root["schedule"] != nil)
        let schedule = try #require(root["schedule"] as? [String: Any])
        #expect(schedule["version"] is String && schedule["rooms"] == nil)
        let conference = try #require(schedule["conference"] as? [String: Any])
        for key in ["title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration"] {
            #expect(conference[key] != nil, "\(key)")
        }
        let allowedConference: Set<String> = [
            "acronym", "title", "description", "start", "end", "daysCount", "timeslot_duration",
            "time_zone_name", "logo", "colors", "keywords", "url", "tracks", "rooms", "meta", "days",
        ]
        #expect(Set(conference.keys).isSubset(of: allowedConference))
        #expect(Self.matches(conference["acronym"] as? String ?? "", #"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$"#))
        #expect(Self.matches(conference["time_zone_name"] as? String ?? "", #"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$"#))
        for room in conference["rooms"] as? [[String: Any]] ?? [] {
            #expect(Set(room.keys) == ["name", "guid"])
        }
        let uuid = #"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"#
        var ids = Set<Int>()
        var guids = Set<String>()
        var slugs = Set<String>()
        let days = try #require(conference["days"] as? [[String: Any]])
        #expect(days.count == conference["daysCount"] as? Int)
        for day in days {
            #expect(Set(day.keys) == ["index", "date", "day_start", "day_end", "rooms"])
            for (_, events) in day["rooms"] as? [String: [[String: Any]]] ?? [:] {
                for event in events {
                    let required = [
                        "abstract", "date", "duration", "guid", "id", "language", "links", "persons", "room", "slug",
                        "start", "subtitle", "title", "track", "type", "url",
                    ]
                    for key in required { #expect(event.keys.contains(key), "\(key)") }
                    let allowed: Set<String> = Set(required).union([
                        "code", "logo", "description", "recording_license", "do_not_record",
                        "do_not_stream", "attachments", "answers",
                    ])
                    #expect(Set(event.keys).isSubset(of: allowed))
                    #expect(Self.matches(event["duration"] as? String ?? "", #"^[0-9]+:[0-9]{2}$"#))
                    #expect(Self.matches(event["slug"] as? String ?? "", #"^[a-z0-9_-]+[a-z0-9]$"#))
                    #expect(Self.matches(event["guid"] as? String ?? "", uuid))
                    #expect((event["url"] as? String)?.hasPrefix("urn:uuid:") == true)
                    for person in event["persons"] as? [[String: Any]] ?? [] {
                        // A Pretalx-style person (name), not also a frab one (public_name and id): the schema's oneOf.
                        #expect(person["name"] is String && person["public_name"] == nil)
                    }
                    ids.insert(event["id"] as? Int ?? 0)
                    guids.insert(event["guid"] as? String ?? "")
                    slugs.insert(event["slug"] as? String ?? "")
                }
            }
        }
        let count = agenda.placements.reduce(0) { $0 + $1.rooms.count }
        #expect(ids.count == count && guids.count == count && slugs.count == count && !ids.contains(0))
    }

    @Test func shortEventNamesAndSessionIdsStillGiveValidSlugs() throws {
        // Before: `dst-offsets-1-x`, whose first part has three characters where the XSD wants four.
        for name in ["DST offsets", "X", "", "ÜÖ 7", "Gathering"] {
            let document = InputDocument(
                event: .init(name: name, timeZone: "Europe/Berlin"),
                slots: [.init(id: "s1", start: "2025-10-26T01:00", end: "2025-10-26T03:00")], rooms: [.init(id: "r")],
                sessions: [.init(id: "x", duration: 60), .init(id: "1", duration: 30), .init(id: "ABC123", duration: 60)])
            let g = try Gathering(document: document)
            let agenda = Agenda(
                status: .feasible,
                placements: [.init(session: "x", start: "s1", rooms: ["r"])])
            var agendas = [agenda]
            agendas.append(Agenda(status: .feasible, placements: [.init(session: "1", start: "s1", rooms: ["r"])]))
            agendas.append(Agenda(status: .feasible, placements: [.init(session: "ABC123", start: "s1", rooms: ["r"])]))
            for a in agendas {
                let xml = AgendaFormat.frabXML.render(a, gathering: g)
                #expect(FrabXMLRules.violations(xml).isEmpty, "\(name): \(FrabXMLRules.violations(xml))")
                let json = AgendaFormat.frabJSON.render(a, gathering: g)
                let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                let conference = (root["schedule"] as? [String: Any])?["conference"] as? [String: Any]
                #expect(Self.matches(conference?["acronym"] as? String ?? "", #"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$"#))
                for day in conference?["days"] as? [[String: Any]] ?? [] {
                    for (_, events) in day["rooms"] as? [String: [[String: Any]]] ?? [:] {
                        for event in events { #expect(Self.matches(event["slug"] as? String ?? "", #"^[a-z0-9_-]+[a-z0-9]$"#)) }
                    }
                }
            }
        }
    }

    @Test func anImportedGuidAndCodeAreTheEventsOwn() throws {
        let guid = "0d1f6c1e-0b4b-4c6e-9d43-1c0a7d1b2e3f"
        let document = InputDocument(
            event: .init(name: "Kiez", timeZone: "Europe/Berlin"),
            slots: [.init(id: "s1", start: "2025-11-07T10:00", end: "2025-11-07T11:00")], rooms: [.init(id: "a"), .init(id: "b")],
            sessions: [.init(id: "QX7TRA", duration: 60, rooms: 2, guid: guid.uppercased())])
        let g = try Gathering(document: document)
        let agenda = Agenda(status: .feasible, placements: [.init(session: "QX7TRA", start: "s1", rooms: ["a", "b"])])
        let xml = AgendaFormat.frabXML.render(agenda, gathering: g)
        #expect(FrabXMLRules.violations(xml).isEmpty, "\(FrabXMLRules.violations(xml))")
        // In its first room the event has the imported guid and the code; in the second, a guid of its own.
        #expect(xml.contains("<event id=\"1\" guid=\"\(guid)\" code=\"QX7TRA\">"))
        #expect(xml.components(separatedBy: "code=").count == 2)
    }

    @Test func aGuidThatIsNotAUUIDOrNamesTwoSessionsIsInvalidInput() {
        let document = InputDocument(
            slots: [.init(id: "s1", start: "2025-11-07T10:00", end: "2025-11-07T11:00")], rooms: [.init(id: "a")],
            sessions: [
                .init(id: "a", duration: 60, guid: "not-a-uuid"),
                .init(id: "b", duration: 60, guid: "0d1f6c1e-0b4b-4c6e-9d43-1c0a7d1b2e3f"),
                .init(id: "c", duration: 60, guid: "0D1F6C1E-0B4B-4C6E-9D43-1C0A7D1B2E3F"),
            ])
        do {
            _ = try Gathering(document: document)
            Issue.record("expected invalid input")
        } catch {
            #expect(error.errors.map(\.path.description) == ["sessions[0].guid", "sessions[2].guid"])
            #expect(error.errors.last?.message.contains("session \"b\" has the same guid") == true)
        }
    }

    @Test func thePageIsWellFormedAndShowsEveryPlacement() throws {
        let (agenda, g) = try GoldenTests.layout()
        let html = AgendaFormat.html.render(agenda, gathering: g)
        let document = try XMLDocument(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
        let text = document.rootElement()?.stringValue ?? ""
        for p in agenda.placements {
            let s = try #require(g.sessionIndex[p.session])
            #expect(text.contains(g.sessions[s].title ?? p.session))
        }
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("<script"))
        #expect(html.contains("@media print") && html.contains("<h2>Thu 19 Sep 2019</h2>") && html.contains("scope=\"col\""))
        // Every row of a day's table covers every room exactly once (rowspans and colspans included).
        for table in try document.nodes(forXPath: "//table").compactMap({ $0 as? XMLElement }) {
            let rooms = (try table.nodes(forXPath: "thead/tr/th")).count - 1
            var covered: [Int: Int] = [:]
            for (r, row) in (try table.nodes(forXPath: "tbody/tr")).enumerated() {
                for cell in (try row.nodes(forXPath: "td")).compactMap({ $0 as? XMLElement }) {
                    let rows = Int(cell.attribute(forName: "rowspan")?.stringValue ?? "1") ?? 1
                    let columns = Int(cell.attribute(forName: "colspan")?.stringValue ?? "1") ?? 1
                    for k in r..<r + rows { covered[k, default: 0] += columns }
                }
            }
            #expect(covered.values.allSatisfy { $0 == rooms }, "\(covered)")
        }
    }
}
