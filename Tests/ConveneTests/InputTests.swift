import Convene
import Foundation
import Testing

@Suite struct InputTests {
    @Test func theCatalogueHasAtLeast25Kinds() {
        #expect(invalidFixtures.count >= 25)
    }

    @Test(arguments: invalidFixtures) func everyInvalidFixtureReportsItsProblem(name: String) throws {
        let expected = try ExpectedProblem.load(name)
        #expect(!expected.isEmpty, "\(name).expected names no problem")
        let data = try fixture("invalid/\(name).json")
        do {
            _ = try Gathering(json: data)
            Issue.record("\(name) loaded, but it is invalid")
        } catch {
            for e in expected {
                #expect(
                    error.errors.contains { $0.path.description == e.path && $0.message.contains(e.fragment) },
                    "\(name): expected \(e), got:\n\(error)")
            }
        }
    }

    @Test func theP2PUFixtureIsValidWithoutWarnings() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        #expect(g.warnings.isEmpty)
        #expect(g.sessions.count == 21)
        #expect(g.rooms.filter { $0.tags.contains("bpl") && $0.tags.contains("meeting") }.count == 4)
        #expect(g.attendees.count == 50)
        #expect(g.timeZone.identifier == "America/New_York")
    }

    @Test func defaultsAndInheritance() throws {
        let g = try gathering(
            formats: [.init(id: "plenary", duration: 90, rooms: 2, exclusive: true, roomTags: ["big"], slotTags: ["am"])],
            sessions: [
                .init(id: "a", format: "plenary", exclusive: false, roomTags: ["av"]),
                .init(id: "b", format: "plenary", duration: 30, rooms: 1, slotTags: ["pm"]),
                .init(id: "c", attendance: 7, duration: 45),
            ],
            attendees: [.init(id: "x", interests: ["a", "b", "a"]), .init(id: "y", interests: ["a"])])
        let (a, b, c) = (g.sessions[0], g.sessions[1], g.sessions[2])
        #expect(a.durationMinutes == 90 && a.rooms == 2 && a.exclusive == false)  // an explicit false wins
        #expect(a.roomTags == ["big", "av"] && a.slotTags == ["am"])  // tags are unions
        #expect(a.attendance == 2)  // a repeated interest counts once
        #expect(b.durationMinutes == 30 && b.rooms == 1 && b.exclusive == true && b.slotTags == ["am", "pm"])
        #expect(c.rooms == 1 && !c.exclusive && c.attendance == 7 && c.priority == 1 && c.preferenceWeight == 1)
        #expect(g.weights == InputDocument.Weights(clash: 1, preference: 1, unscheduled: 100, change: 10, trackOverlap: 0))
        #expect(g.attendees[0].interestIndices == [0, 1])
    }

    @Test func nullCountsAsOmittedAndSelfInNotConcurrentWithIsIgnored() throws {
        let json = """
            {"convene": 1, "event": null, "slots": [{"id": "s", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00", "tags": null}],
             "rooms": [{"id": "r", "capacity": null}],
             "sessions": [{"id": "a", "duration": 60, "notConcurrentWith": ["a"], "rooms": null, "priority": null}]}
            """
        let g = try Gathering(json: Data(json.utf8))
        #expect(g.sessions[0].notConcurrentWith.isEmpty)
        #expect(g.rooms[0].capacity == nil)
        #expect(g.timeZoneName == "UTC" && g.timeZone.secondsFromGMT() == 0)
    }

    @Test func unknownKeysAreWarningsWithASuggestion() throws {
        let json = """
            {"convene": 1, "slots": [], "rooms": [{"id": "r"}],
             "sessions": [{"id": "a", "duration": 60, "facilitator": ["p"]}], "wieghts": {}}
            """
        let g = try Gathering(json: Data(json.utf8))
        let warnings = g.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("sessions[0].facilitator") && $0.contains("did you mean \"facilitators\"?") })
        #expect(warnings.contains { $0.contains("wieghts") && $0.contains("did you mean \"weights\"?") })
        #expect(g.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func availableWindowsAreMergedWhereTheyTouch() throws {
        let people: [InputDocument.Person] = [
            .init(
                id: "p",
                available: [
                    .init(start: clock(600), end: clock(660)), .init(start: clock(540), end: clock(600)),
                ])
        ]
        let g = try gathering(people: people, sessions: [.init(id: "a", facilitators: ["p"], duration: 120)])
        #expect(g.people[0].available.count == 1)
        #expect(Domain(g).starts[0].map(\.slot) == [0])
    }

    @Test func localTimesWithOffsetsAndRepeatedHours() throws {
        let ny = try #require(TimeZone(identifier: "America/New_York"))
        // 2019-09-19 09:00 in New York is 13:00Z.
        #expect(LocalTime.instant("2019-09-19T09:00", in: ny) == .success(1_568_898_000))
        #expect(LocalTime.instant("2019-09-19T16:00+03:00", in: ny) == .success(1_568_898_000))
        #expect(LocalTime.instant("2019-09-19T13:00Z", in: ny) == .success(1_568_898_000))
        #expect(LocalTime.instant("2019-09-19T13:00:00Z", in: ny) == .success(1_568_898_000))
        // The repeated hour means its first occurrence (EDT, UTC−4).
        #expect(LocalTime.instant("2019-11-03T01:30", in: ny) == .success(1_572_759_000))
        #expect(LocalTime.instant("2019-03-10T02:30", in: ny) == .failure(.nonexistent))
        for bad in ["2019-09-19", "2019-09-19T9:00", "2019-13-01T09:00", "2019-09-19T24:00", "2019-09-19T09:00+3", "2019-09-19T09:00 "] {
            #expect(LocalTime.instant(bad, in: ny) == .failure(.malformed), "\(bad)")
        }
        #expect(LocalTime.format(1_568_898_000, in: ny) == "2019-09-19T09:00")
        #expect(LocalTime.format(1_568_898_030, in: ny) == "2019-09-19T09:00:30")
        #expect(LocalTime.dayLabel(1_568_898_000, in: ny) == "Thu 19 Sep")
    }

    @Test func theRemoteCallFitsOnlyTheRemoteFacilitatorsDaytime() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let domain = Domain(g)
        let call = try #require(g.sessionIndex["kenya-eu-call"])
        // Nairobi's 08:00–18:00 (UTC+3) ends at 11:00 in Boston: only the first slot of each day fits.
        #expect(domain.starts[call].map { g.slots[$0.slot].id } == ["thu-1", "fri-1"])
        let visit = try #require(g.sessionIndex["visit-media-lab"])
        #expect(domain.starts[visit].map { g.slots[$0.slot].id } == ["wed-pm1"])
        #expect(domain.starts[visit].first?.rooms.map { g.rooms[$0].id } == ["media-lab"])
    }

    @Test func decodableGoesThroughTheSameReader() throws {
        let json = Data(#"{"convene": 1, "sessions": [{"id": "a", "duration": "ninety"}]}"#.utf8)
        #expect(throws: DiagnosticError.self) { try JSONDecoder().decode(InputDocument.self, from: json) }
        let good = Data(#"{"convene": 1, "rooms": [{"id": "r"}], "sessions": [{"id": "a", "duration": 90}]}"#.utf8)
        let document = try JSONDecoder().decode(InputDocument.self, from: good)
        #expect(document.sessions.first?.duration == 90)
        #expect(try Gathering(document: document).sessions.count == 1)
    }

    @Test func jsonSyntaxErrorsGiveLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\"convene\": 1,}", "line 1, column 15"),
            ("{\n  \"a\": \"unterminated\n}", "control character"),
            ("{\"a\": 01}", "must not start with 0"),
            ("{\"a\": tru}", "strings need double quotes"),
            ("", "the document is empty"),
            ("{} {}", "after the end of the document"),
        ]
        for (text, fragment) in cases {
            let found = problems(text)
            #expect(found.count == 1 && found[0].message.contains(fragment), "\(text): \(found)")
        }
    }

    @Test func jsonStringsAndNumbersAreReadExactly() throws {
        var parser = JSONParser(Array(#"{"s": "a\"b\\c\u00e9\ud83d\ude00\n", "n": -1.5e2, "z": 0, "t": [true, false, null]}"#.utf8))
        let value = try parser.parseDocument()
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members[0].value == .string("a\"b\\cé😀\n"))
        #expect(members[1].value == .number(-150))
        #expect(members[2].value == .number(0))
        #expect(members[3].value == .array([.bool(true), .bool(false), .null]))
        #expect(JSONWriter.write(.string("a\"b\\cé😀\n\u{1}")) == "\"a\\\"b\\\\cé😀\\n\\u0001\"\n")
    }
}
