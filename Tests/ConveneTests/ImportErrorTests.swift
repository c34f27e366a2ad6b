import Convene
import Foundation
import Testing

/// Bad input to `convene import`: each problem is an error with its file and its place (JSON
/// path, row and column, or line and column), and a fix in plain words.
@Suite struct ImportErrorTests {
    static let event = #"{"name": "E", "slug": "e", "date_from": "2030-01-07", "date_to": "2030-01-08", "timezone": "UTC"}"#

    /// The errors, as the CLI prints them.
    func errors(_ request: ImportRequest) -> [String] {
        let (succeeded, problems) = importProblems(request)
        #expect(!succeeded, "the import should fail")
        return problems.filter { $0.severity == .error }.map(\.description)
    }

    /// Each problem's place is typed: a file with a JSON path, a spreadsheet cell, or a line and
    /// column; `description` is what `convene import` prints.
    @Test func everyProblemHasATypedLocation() throws {
        let talks =
            #"{"results": [{"code": "QXRT7B", "title": "Untimed", "speakers": [], "submission_type": {"en": "Hands-on"}, "#
            + #""state": "confirmed", "duration": null}]}"#
        let json = importProblems(ImportRequest(pretalx: [inlineFile("talks.json", talks), inlineFile("event.json", Self.event)]))
        let duration: JSONPath = JSONPath.root.appending("results").appending(0).appending("duration")
        let expected: [Diagnostic.Location] = [.file("talks.json", .json(duration))]
        #expect(json.problems.filter { $0.severity == .error }.map(\.location) == expected)
        let csv = "Email,Packaging Pyton at scale\nada@example.org,x\n"
        let cell = importProblems(
            ImportRequest(
                frame: try importFile("import/pretalx-frame.json"), pretalx: try importFiles("import/pretalx"),
                interests: [inlineFile("survey.csv", csv)]))
        let survey = try #require(cell.problems.first { $0.severity == .error })
        #expect(survey.location == .file("survey.csv", .cell(row: 1, column: 2)))
        #expect(survey.location.description == "survey.csv: row 1, column 2 (B)")
        #expect(survey.description.hasPrefix("survey.csv: error: row 1, column 2 (B): the column"))
        let xml = importProblems(ImportRequest(frab: inlineFile("schedule.xml", "<schedule>\n  <day>\n</schedule>\n")))
        let line = try #require(xml.problems.first)
        guard case .file("schedule.xml", .line(let number, _)) = line.location else {
            Issue.record("not at a line: \(line.location)")
            return
        }
        #expect(number >= 2 && line.severity == .error)
    }

    @Test func truncatedJSONSaysWhereItEnds() throws {
        let text = String(decoding: try fixture("import/pretalx/submissions-2.json"), as: UTF8.self)
        let cut = String(text.prefix(text.count / 2))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false).count
        let found = errors(ImportRequest(pretalx: [inlineFile("submissions-2.json", cut)]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("submissions-2.json: error: line \(lines), column ") == true, "\(found)")
        #expect(found.first?.contains("the file is not valid JSON") == true && found.first?.contains("saved completely") == true)
    }

    @Test func aSubmissionWithoutDurationOrFormatDefaultIsAnError() {
        let talks =
            #"{"count": 1, "next": null, "previous": null, "results": [{"code": "QXRT7B", "title": "Untimed", "#
            + #""speakers": [], "submission_type": {"en": "Hands-on"}, "state": "confirmed", "duration": null}]}"#
        let found = errors(ImportRequest(pretalx: [inlineFile("talks.json", talks), inlineFile("event.json", Self.event)]))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("talks.json: error: results[0].duration: the session \"QXRT7B\" has no duration") == true)
        #expect(found.first?.contains(#"{"formats": [{"id": "hands-on", "duration": 30}]}"#) == true)
    }

    @Test func aSpeakerCodeNoFileDefinesIsAnError() {
        let talks =
            #"[{"code": "QXRT7B", "title": "T", "speakers": ["SPKR1", "SPKR9"], "submission_type": "Talk", "#
            + #""state": "confirmed", "duration": 30}]"#
        let speakers = #"[{"code": "SPKR1", "name": "Ada Abara", "biography": "", "submissions": ["QXRT7B"], "availabilities": []}]"#
        let found = errors(
            ImportRequest(pretalx: [
                inlineFile("talks.json", talks), inlineFile("speakers.json", speakers), inlineFile("e.json", Self.event),
            ]))
        #expect(
            found == [
                "talks.json: error: [0].speakers[1]: no file defines the speaker \"SPKR9\"; add pretalx's /speakers/ export (every page "
                    + "of it) to --pretalx (did you mean \"SPKR1\"?)"
            ])
    }

    @Test func anUnmatchedSurveyColumnNamesEveryHeadingWithTheClosestTitle() throws {
        let csv = "Email,Packaging Pyton at scale,Reproducible bilds in practice,Lunch\nada@example.org,x,,x\n"
        let found = errors(
            ImportRequest(
                frame: try importFile("import/pretalx-frame.json"), pretalx: try importFiles("import/pretalx"),
                interests: [inlineFile("survey.csv", csv)]))
        #expect(found.count == 3, "\(found)")
        #expect(found[0].hasPrefix("survey.csv: error: row 1, column 2 (B): the column \"Packaging Pyton at scale\" names no session"))
        #expect(found[0].contains("did you mean \"Packaging Python at scale\"?"))
        #expect(found[1].hasPrefix("survey.csv: error: row 1, column 3 (C): the column \"Reproducible bilds in practice\""))
        #expect(found[2].contains("row 1, column 4 (D): the column \"Lunch\" names no session"))
    }

    @Test func anUnmatchedChoiceIsAnErrorAtItsFirstCell() throws {
        let csv = "Name,Pick\nattendee-01,\"Workshopping failures, Tour of the BPL\"\nattendee-02,Tour of the BPL\n"
        let found = errors(
            ImportRequest(
                frame: try importFile("import/p2pu-frame.json"), interests: [inlineFile("survey.csv", csv)],
                survey: SurveyOptions(choicesColumn: "pick")))
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("survey.csv: error: row 2, column 2 (B): the choice \"Tour of the BPL\" names no session (in 2 rows)")
                == true)
        #expect(found.first?.contains("did you mean \"Tour of Boston Public Library\"?") == true)
    }

    @Test func aCSVWithAnUnterminatedQuoteSaysWhereTheQuoteOpens() throws {
        let csv = "Name,Pick\nattendee-01,\"Workshopping failures\nattendee-02,Tour of Boston Public Library\n"
        let found = errors(
            ImportRequest(
                frame: try importFile("import/p2pu-frame.json"), interests: [inlineFile("survey.csv", csv)],
                survey: SurveyOptions(choicesColumn: "Pick")))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("survey.csv: error: line 2, column 13: a quoted field is never closed") == true, "\(found)")
    }

    @Test(arguments: ["pretalx.json", "sessionize.json", "schedule.xml", "survey.csv", "frame.json"])
    func anEmptyFileIsAnError(name: String) throws {
        let empty = inlineFile(name, "")
        var request = ImportRequest(frame: try importFile("import/p2pu-frame.json"))
        switch name {
        case "pretalx.json": request.pretalx = [empty]
        case "sessionize.json": request.sessionize = empty
        case "schedule.xml": request.frab = empty
        case "survey.csv": request.interests = [empty]
        default: request.frame = empty
        }
        let found = errors(request)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("\(name): error: line 1, column 1: ") == true, "\(found)")
        #expect(found.first?.contains("empty") == true, "\(found)")
    }

    @Test func aTruncatedScheduleXMLSaysWhatIsNotClosed() throws {
        let text = String(decoding: try fixture("import/frab-schedule.xml"), as: UTF8.self)
        let found = errors(ImportRequest(frab: inlineFile("schedule.xml", String(text.prefix(5_000)))))
        #expect(found.count == 1)
        #expect(found.first?.contains("the file is not well-formed XML") == true && found.first?.contains("saved completely") == true)
    }

    @Test func pretalxAnsweringWithoutDataIsSaid() {
        let found = errors(
            ImportRequest(pretalx: [inlineFile("talks.json", #"{"detail": "Authentication credentials were not provided."}"#)]))
        #expect(
            found == [
                "talks.json: error: (document): pretalx answered \"Authentication credentials were not provided.\" instead of data; "
                    + "save the export again with an API token"
            ])
    }

    @Test func aSourceWhoseSessionBreaksTheContractIsReportedAtItsPlace() {
        // A room with a negative capacity, read from pretalx, validated with the whole document.
        let rooms = #"[{"id": 1, "name": "Hall", "capacity": -5, "position": 0}]"#
        let talks = #"[{"code": "QXRT7B", "title": "T", "speakers": [], "submission_type": "Talk", "state": "confirmed", "duration": 0}]"#
        let found = errors(
            ImportRequest(pretalx: [inlineFile("rooms.json", rooms), inlineFile("talks.json", talks), inlineFile("e.json", Self.event)]))
        #expect(found.contains("rooms.json: error: [0].capacity: expected a whole number of seats, found -5"), "\(found)")
        #expect(found.contains("talks.json: error: [0].duration: expected a number of minutes above 0, found 0"), "\(found)")
    }

    @Test func aFrameThatIsNotAnInputDocumentIsReportedWithItsPaths() throws {
        let frame = inlineFile("frame.json", #"{"slots": [{"id": "s1", "start": "2030-01-07T09:00"}], "weights": {"clash": -1}}"#)
        let found = errors(ImportRequest(frame: frame, pretalx: [inlineFile("e.json", Self.event)]))
        #expect(found.contains { $0.hasPrefix("frame.json: error: slots[0].end: is missing") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("frame.json: error: weights.clash: weight is -1") }, "\(found)")
    }

    @Test func valuesOfTheWrongKindAreErrorsAtTheirPaths() {
        let talks = #"[{"code": "QX7TRA", "title": "T", "speakers": "ABC", "state": "confirmed", "duration": "abc", "slot_count": -1}, 7]"#
        let found = errors(ImportRequest(pretalx: [inlineFile("talks.json", talks), inlineFile("e.json", Self.event)]))
        #expect(found.contains("talks.json: error: [0].speakers: expected a list of speaker codes or objects, found \"ABC\""), "\(found)")
        #expect(found.contains("talks.json: error: [0].duration: expected a number of minutes above 0, found \"abc\""), "\(found)")
        #expect(found.contains("talks.json: error: [0].slot_count: expected a whole number of 1 or more, found -1"), "\(found)")
        #expect(found.contains("talks.json: error: [1]: expected a pretalx record (an object in braces), found a number"), "\(found)")
        let sessionize = #"{"sessions": [{"id": "1", "startsAt": "2025-13-45T00:00:00", "speakers": [{"x": 1}], "roomId": 99}]}"#
        let more = errors(ImportRequest(sessionize: inlineFile("s.json", sessionize)))
        #expect(more.contains { $0.hasPrefix("s.json: error: sessions[0].startsAt: cannot read the time \"2025-13-45T00:00:00\"") })
        #expect(more.contains("s.json: error: sessions[0].speakers[0]: expected a speaker's id, found {…}"), "\(more)")
        #expect(more.contains("s.json: error: sessions[0].roomId: no room in the file has the id 99"), "\(more)")
    }
}
