import Convene
import Foundation
import Testing

@testable import ConveneFormats

/// Each source and layout of `convene import`, on the fixtures of `Fixtures/import`.
@Suite struct ImportSourceTests {
    @Test func pretalxPagesBecomeSessionsPeopleAndRooms() throws {
        let result = try imported(ImportRequest(pretalx: try importFiles("import/pretalx")))
        let d = result.document
        let g = result.gathering
        #expect(d.event.name == "Harbour Open Source Days 2025" && d.event.timeZone == "Europe/Berlin")
        // 72 confirmed or accepted submissions, three of them in two parts; 18 others left out.
        #expect(g.sessions.count == 75)
        let warnings = result.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("18 submissions are not on the programme") })
        #expect(warnings.contains { $0.contains("1 hidden room is left out") })
        #expect(warnings.contains { $0.contains("15 of 50 speakers give no availabilities") })
        #expect(warnings.contains { $0.contains("a grid of 30 minutes") && $0.contains("on 3 days (2025-09-18 to 2025-09-20)") })
        #expect(d.rooms.map(\.name) == ["Main Hall", "Room A", "Room B", "Room C", "Workshop Room"])
        #expect(d.rooms.map(\.capacity) == [400, 150, 100, 60, 40])
        // Room C is open 08:00–20:00 on the first two days only.
        let roomC = try #require(d.rooms.first { $0.id == "room-c" })
        #expect(
            roomC.unavailable == [
                .init(start: "2025-09-18T00:00", end: "2025-09-18T08:00"), .init(start: "2025-09-18T20:00", end: "2025-09-19T08:00"),
                .init(start: "2025-09-19T20:00", end: "2025-09-21T00:00"),
            ])
        #expect(Set(d.formats.map(\.id)) == ["talk", "workshop", "lightning-talk", "panel"])
        #expect(d.formats.first { $0.id == "workshop" }?.duration == 90)
        // Parts of a two-slot workshop run in order and share the talk's speakers.
        let parts = d.sessions.filter { $0.id.hasSuffix("-2") }
        #expect(parts.count == 3)
        for part in parts {
            let code = String(part.id.dropLast(2))
            let first = try #require(d.sessions.first { $0.id == code + "-1" })
            #expect(part.after == [code + "-1"] && part.facilitators == first.facilitators && part.format == "workshop")
            #expect(part.title?.hasSuffix("(part 2 of 2)") == true)
        }
        // Availabilities become available windows, written in the event's local time.
        let speakers = try #require(try JSONSerialization.jsonObject(with: fixture("import/pretalx/speakers-1.json")) as? [String: Any])
        let first = try #require((speakers["results"] as? [[String: Any]])?.first)
        let person = try #require(d.people.first { $0.id == first["code"] as? String })
        #expect(person.available.count == (first["availabilities"] as? [Any])?.count)
        #expect(person.available.allSatisfy { $0.start.hasSuffix("T09:00") || $0.start.hasSuffix("T12:00") })
    }

    @Test func pagesInAnyOrderGiveTheSameDocument() throws {
        let forward = try imported(ImportRequest(pretalx: try importFiles("import/pretalx")))
        let backward = try imported(ImportRequest(pretalx: try importFiles("import/pretalx", reversed: true)))
        #expect(Set(forward.document.sessions.map(\.id)) == Set(backward.document.sessions.map(\.id)))
        #expect(forward.document.rooms == backward.document.rooms)
    }

    @Test func theLegacyNestedShapeAndItsScheduleAreRead() throws {
        let result = try imported(
            ImportRequest(pretalx: try importFiles("import/pretalx-legacy")))
        let d = result.document
        #expect(d.sessions.count == 12 && d.people.count == 10)
        // Room names are multilingual ({"en": "Main Hall", "de": …}) or plain, matched to the rooms export.
        #expect(d.rooms.map(\.name) == ["Main Hall", "Room 2", "Workshop Room"])
        #expect(d.rooms.map(\.capacity) == [300, 80, 30])
        #expect(d.sessions.allSatisfy { $0.track != nil && $0.format != nil && $0.duration != nil })
        // No event file: the fixed offset +02:00 gives the zone, said in a warning.
        #expect(d.event.timeZone == "Etc/GMT-2")
        #expect(result.warnings.contains { $0.message.contains("offset of Etc/GMT-2") })
        let previous = try #require(result.previous)
        #expect(previous.placements.count == 10)
        let report = try AgendaChecker(gathering: result.gathering).check(previous)
        // The two talks pretalx has not scheduled yet are the only rule broken.
        #expect(report.rules == [.placedOnce], "\(report.violations)")
        #expect(report.violations.count == 2)
    }

    @Test func multilingualTextsAreReadInEnglishElseInTheirFirstLanguage() {
        func object(_ pairs: [(String, String)]) -> JSONValue { .object(pairs.map { .init(key: $0.0, value: .string($0.1)) }) }
        #expect(SourceJSON.text(.string("Talk")) == "Talk")
        #expect(SourceJSON.text(object([("de", "Vortrag"), ("en", "Talk")])) == "Talk")
        #expect(SourceJSON.text(object([("de", "Vortrag"), ("fr", "Exposé")])) == "Vortrag")
        #expect(SourceJSON.text(object([("en", ""), ("de", "Vortrag")])) == "Vortrag")
        #expect(SourceJSON.text(.null) == nil)
    }

    @Test func sessionizeServiceSessionsArePinnedAndPlenumSessionsExclusive() throws {
        let frame = inlineFile("oslo.json", #"{"event": {"name": "Fjord DevDays 2025", "timeZone": "Europe/Oslo"}}"#)
        let result = try imported(
            ImportRequest(frame: frame, sessionize: try importFile("import/sessionize-all.json"), sessionizeTrack: "track"))
        let d = result.document
        #expect(d.event.timeZone == "Europe/Oslo" && d.rooms.count == 4 && d.people.count == 30)
        let service = d.sessions.filter { $0.title == "Lunch" || $0.title == "Registration and coffee" }
        #expect(service.count == 4)
        #expect(service.allSatisfy { $0.exclusive == true && $0.pin?.slot != nil })
        let lunch = try #require(service.first { $0.title == "Lunch" })
        #expect(d.slots.first { $0.id == lunch.pin?.slot }?.start == "2025-06-12T12:30" && lunch.duration == 60)
        let keynotes = d.sessions.filter { $0.exclusive == true && $0.pin == nil }
        #expect(keynotes.count == 2)
        #expect(Set(d.sessions.compactMap(\.track)) == ["Cloud", "Web", "Data", "Practices"])
        #expect(
            Set(d.formats.map { "\($0.name ?? ""):\(JSONValue.format($0.duration ?? 0))" }) == [
                "Session (45 min):45", "Workshop (2 hours):120", "Lightning talk (15 min):15",
            ])
        let previous = try #require(result.previous)
        #expect(previous.placements.count == 48)
        #expect(result.warnings.contains { $0.message.contains("a grid of 45 minutes") && $0.message.contains("08:30–16:45") })
        // Sessionize's own schedule keeps every rule but leaves its room-less service sessions unplaced.
        let report = try AgendaChecker(gathering: result.gathering).check(previous)
        #expect(report.rules == [.placedOnce] && report.violations.count == 4, "\(report.violations)")
    }

    @Test func anUnknownSessionizeTrackGroupIsAnErrorWithTheGroups() throws {
        let (succeeded, problems) = importProblems(
            ImportRequest(sessionize: try importFile("import/sessionize-all.json"), sessionizeTrack: "Tracks"))
        #expect(!succeeded)
        let error = try #require(problems.first { $0.severity == .error })
        #expect(error.description.contains("categories: no category group is called \"Tracks\""))
        #expect(error.message.contains("\"Track\", \"Session format\", \"Level\"") && error.message.contains("did you mean \"Track\"?"))
    }

    @Test func frabScheduleBecomesAnInputAndThePreviousAgenda() throws {
        let result = try imported(ImportRequest(frab: try importFile("import/frab-schedule.xml")))
        let d = result.document
        #expect(d.event.name == "Kiezkonferenz 2025" && d.event.timeZone == "Europe/Berlin")
        #expect(d.rooms.map(\.name) == ["Kesselhaus", "Maschinenhalle", "Werkstatt"])
        #expect(d.sessions.count == 24 && d.people.count == 24)
        // pretalx gave one submission two slots: one code, two sessions.
        let repeated = d.sessions.filter { $0.id.hasSuffix("-1") || $0.id.hasSuffix("-2") }
        #expect(repeated.count == 2 && Set(repeated.map { $0.id.dropLast(2) }).count == 1)
        #expect(d.sessions.allSatisfy { $0.guid != nil })
        #expect(Set(d.sessions.compactMap(\.guid)).count == 24)
        #expect(Set(d.formats.map(\.name)) == ["Talk", "Workshop"])
        #expect(d.sessions.filter { $0.track == "Stadt & Netz" }.count == 12)
        let previous = try #require(result.previous)
        let report = try AgendaChecker(gathering: result.gathering).check(previous)
        #expect(report.isValid && report.objective == 0, "\(report.violations)")
    }

    @Test func theChoicesLayoutReadsAGoogleFormsExport() throws {
        let result = try imported(
            ImportRequest(
                pretalx: try importFiles("import/pretalx"), interests: [try importFile("import/survey-choices.csv")],
                survey: SurveyOptions(choicesColumn: pretalxChoicesQuestion)))
        let d = result.document
        #expect(d.attendees.count == 240)
        #expect(d.attendees.allSatisfy { $0.id.hasSuffix("@example.net") && $0.interests.count >= 4 })
        // Three respondents answered twice: merged, with one warning at the first repeated row.
        let merged = result.warnings.filter { $0.message.contains("answer again") }
        #expect(merged.count == 1)
        #expect(merged.first?.description.contains("survey-choices.csv: warning: row 242, column 2 (B): 3 rows answer again") == true)
        // A choice names a talk by title; a two-part workshop's title stands for both parts.
        let parts = Set(d.sessions.filter { $0.id.hasSuffix("-1") }.map(\.id))
        for attendee in d.attendees {
            for s in attendee.interests where parts.contains(s) { #expect(attendee.interests.contains(String(s.dropLast()) + "2")) }
        }
    }

    @Test func theWideLayoutReadsRatingsCodesAndLooselyWrittenTitles() throws {
        let pretalx = try importFiles("import/pretalx")
        let wide = try importFile("import/survey-wide.csv")
        let all = try imported(ImportRequest(pretalx: pretalx, interests: [wide], survey: SurveyOptions()))
        let keen = try imported(ImportRequest(pretalx: pretalx, interests: [wide], survey: SurveyOptions(minRating: 4)))
        #expect(all.document.attendees.count == 210 && keen.document.attendees.count == 210)
        let total = { (r: ImportResult) in r.document.attendees.reduce(0) { $0 + $1.interests.count } }
        #expect(total(keen) < total(all))
        #expect(keen.document.attendees.allSatisfy { $0.id.hasSuffix("@example.com") })
    }

    @Test func wideMarksRatingsAndTheRespondentColumn() throws {
        let frame = inlineFile(
            "frame.json",
            #"""
            {"slots": [{"id": "s1", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"}],
             "rooms": [{"id": "r1"}, {"id": "r2"}],
             "sessions": [{"id": "git", "title": "Intro to Git!", "duration": 60},
                          {"id": "rust", "title": "Rust, safely", "duration": 60},
                          {"id": "maps", "title": "Offline maps", "duration": 60}]}
            """#)
        // Semicolons, a byte order mark, CRLF, a quoted line break, a heading by id, one in another case.
        let csv =
            "\u{FEFF}Timestamp;Badge;Name;\"Rust, safely\";intro to git;maps;Comments\r\n"
            + "1;a1;Ada;x;5;;\"fine\r\nthanks\"\r\n" + "2;a2;Bo;no;2;TRUE;\r\n" + "3;a3;Cy;;3;1;\r\n"
        let request = ImportRequest(
            frame: frame, interests: [inlineFile("s.csv", csv)],
            survey: SurveyOptions(respondentColumn: "badge", minRating: 3, ignoredColumns: ["comments"]))
        let d = try imported(request).document
        #expect(d.attendees.map(\.id) == ["a1", "a2", "a3"])
        #expect(d.attendees.map(\.interests) == [["rust", "git"], ["maps"], ["git"]])
    }

    @Test func choicesSplitOnSeparatorsButNotInsideTitles() throws {
        let sessions = ["Rust, safely", "Intro to Git", "Maps; offline", "Data"].enumerated().map {
            InputDocument.Session(id: "s\($0.offset)", title: $0.element)
        }
        let matcher = SessionMatcher(sessions: sessions, aliases: [:])
        #expect(matcher.choices(in: "Rust, safely, Intro to Git").map(\.sessions) == [["s0"], ["s1"]])
        #expect(matcher.choices(in: "Intro to Git;Maps; offline;").map(\.sessions) == [["s1"], ["s2"]])
        #expect(matcher.choices(in: "data, INTRO TO GIT, s0").map(\.sessions) == [["s3"], ["s1"], ["s0"]])
        let unmatched = matcher.choices(in: "Intro to Gti, Data")
        #expect(unmatched.map(\.text) == ["Intro to Gti", "Data"] && unmatched.first?.sessions == nil)
        #expect(matcher.closestTitle(to: "Intro to Gti") == "Intro to Git")
        #expect(matcher.sessions(named: "Which talks? [Rust, safely]") == ["s0"])
    }

    @Test func theP2PUSurveyImportsToExactlyTheFixturesAttendees() throws {
        let result = try imported(
            ImportRequest(
                frame: try importFile("import/p2pu-frame.json"), interests: [try importFile("import/p2pu-survey.csv")],
                survey: SurveyOptions(choicesColumn: p2puChoicesQuestion)))
        let original = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let g = result.gathering
        #expect(g.attendees.map(\.id) == original.attendees.map(\.id))
        for (a, b) in zip(g.attendees, original.attendees) {
            #expect(Set(a.interestIndices.map { g.sessions[$0].id }) == Set(b.interestIndices.map { original.sessions[$0].id }), "\(a.id)")
        }
        #expect(g.sessions.map(\.attendance) == original.sessions.map(\.attendance))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func withoutAFrameTheDocumentIsCompleteAndWithOneItemsAreAdded() throws {
        let pretalx = try importFiles("import/pretalx")
        let bare = try imported(ImportRequest(pretalx: pretalx)).document
        #expect(!bare.slots.isEmpty && bare.event.timeZone != nil && !bare.rooms.isEmpty)
        #expect(bare.slots.first?.start == "2025-09-18T09:00" && bare.slots.last?.end == "2025-09-20T18:00")
        let framed = try imported(ImportRequest(frame: try importFile("import/pretalx-frame.json"), pretalx: pretalx)).document
        let frame = try Gathering(json: try fixture("import/pretalx-frame.json"))
        #expect(framed.slots.map(\.id) == frame.slots.map(\.id))
        #expect(framed.weights.trackOverlap == 1 && framed.sessions.count == bare.sessions.count)
    }

    @Test func anIdInBothTheFrameAndASourceIsAnErrorNamingBoth() throws {
        let frame = inlineFile("frame.json", #"{"rooms": [{"id": "main-hall", "name": "Main Hall"}]}"#)
        let (succeeded, problems) = importProblems(ImportRequest(frame: frame, pretalx: try importFiles("import/pretalx")))
        #expect(!succeeded)
        let clash = try #require(problems.first { $0.severity == .error })
        #expect(clash.description.hasPrefix("Fixtures/import/pretalx/rooms.json: error: results[0]: the room \"main-hall\""))
        #expect(clash.message.contains("frame.json: rooms[0]"))
    }

    @Test func aFrameFormatGivesTheDefaultDurationASourceLacks() throws {
        let talks =
            #"[{"code": "AAAAAA", "title": "T", "speakers": [], "submission_type": "Talk", "state": "confirmed", "duration": null}]"#
        let frame = inlineFile("frame.json", #"{"formats": [{"id": "talk", "duration": 25}]}"#)
        let result = try imported(
            ImportRequest(frame: frame, pretalx: [inlineFile("talks.json", talks), inlineFile("event.json", Self.event)]))
        #expect(result.document.formats.map(\.id) == ["talk"] && result.gathering.sessions.first?.durationMinutes == 25)
    }

    static let event = #"{"name": "E", "slug": "e", "date_from": "2030-01-07", "date_to": "2030-01-07", "timezone": "UTC"}"#
}
