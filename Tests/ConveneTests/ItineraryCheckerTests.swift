import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneCore

/// The itinerary checker accepts a valid document and catches each kind of problem, naming the
/// attendee, the session and the run.
@Suite struct ItineraryCheckerTests {
    static let input = ItineraryFixture.input
    static let agenda = ItineraryFixture.agenda

    typealias Visit = Itineraries.Visit

    static func setUp() throws -> (ItineraryChecker, Itineraries) {
        let gathering = try Gathering(json: Data(input.utf8))
        let agenda = try Agenda.load(Data(agenda.utf8)).value
        let checker = try ItineraryChecker(gathering: gathering, agenda: agenda)
        let valid = Itineraries(
            status: .feasible, served: 6, wanted: 9, bound: nil,
            itineraries: [
                .init(
                    attendee: "a1", runs: [Visit(session: "lab", run: 1), Visit(session: "fac", run: 1, facilitates: true)],
                    missed: ["talk"]),
                .init(attendee: "a2", runs: [Visit(session: "talk", run: 1), Visit(session: "lab", run: 2)], missed: ["walk"]),
                .init(attendee: "a3", runs: [Visit(session: "talk", run: 1), Visit(session: "walk", run: 1)], missed: ["lab"]),
            ],
            runs: [
                .init(session: "lab", run: 1, seats: 1, taken: 1), .init(session: "lab", run: 2, seats: 1, taken: 1),
                .init(session: "talk", run: 1, seats: 2, taken: 2), .init(session: "walk", run: 1, seats: 1, taken: 1),
                .init(session: "fac", run: 1, seats: 1, taken: 0),
            ])
        return (checker, valid)
    }

    @Test func aValidDocumentPasses() throws {
        let (checker, valid) = try Self.setUp()
        let report = checker.check(valid)
        #expect(report.isValid, "\(report.violations)")
        #expect(report.served == 6)
        #expect(report.wanted == 9)
    }

    /// Each tampering, the rule it must break, and words the message must hold.
    @Test func eachKindOfViolationIsCaught() throws {
        let (checker, valid) = try Self.setUp()
        func expect(_ rule: ItineraryChecker.Rule, _ words: [String], _ change: (inout Itineraries) -> Void) {
            var document = valid
            change(&document)
            let report = checker.check(document)
            let found = report.violations.filter { $0.rule == rule }
            #expect(!found.isEmpty, "expected \(rule), got \(report.violations)")
            #expect(found.contains { v in words.allSatisfy(v.message.contains) }, "\(rule): \(found) should name \(words)")
        }
        expect(.unwanted, ["a1", "walk"]) { $0.itineraries[0].runs.append(Visit(session: "walk", run: 1)) }
        expect(.oneRun, ["a2", "lab"]) { $0.itineraries[1].runs.append(Visit(session: "lab", run: 1)) }
        expect(.facilitating, ["a1", "fac"]) { $0.itineraries[0].runs.removeLast() }
        expect(.concurrent, ["a3", "lab", "run 1", "talk"]) { $0.itineraries[2].runs.append(Visit(session: "lab", run: 1)) }
        expect(.seats, ["lab", "run 1", "2 go"]) { $0.itineraries[2].runs.append(Visit(session: "lab", run: 1)) }
        expect(.travel, ["a2", "lab", "run 2", "walk", "30 minutes"]) { $0.itineraries[1].runs.append(Visit(session: "walk", run: 1)) }
        expect(.document, ["6", "7"]) { $0.served = 7 }
        expect(.document, ["9"]) { $0.wanted = 8 }
        expect(.document, ["a2", "walk"]) { $0.itineraries[1].missed = [] }
        expect(.document, ["talk", "3"]) { $0.runs[2].taken = 3 }
        expect(.document, ["walk", "no limit"]) { $0.runs[3].seats = nil }
        expect(.document, ["leaves out", "fac"]) { $0.runs.removeLast() }
        expect(.document, ["a9"]) { $0.itineraries[0].attendee = "a9" }
        expect(.document, ["a3", "no itinerary"]) { $0.itineraries.removeLast() }
        expect(.document, ["lab", "run 3"]) { $0.itineraries[2].runs.append(Visit(session: "lab", run: 3)) }
        expect(.document, ["bound 5"]) { $0.bound = 5 }
        expect(.document, ["optimal"]) { $0.status = .optimal }
        expect(.document, ["a1", "fac", "marked"]) { $0.itineraries[0].runs[1].facilitates = false }
    }

    @Test func anAgendaThatBreaksARuleIsRefused() throws {
        let gathering = try Gathering(json: Data(Self.input.utf8))
        let broken = Self.agenda.replacingOccurrences(of: #""session": "walk", "start": "t3""#, with: #""session": "walk", "start": "t1""#)
        let agenda = try Agenda.load(Data(broken.utf8)).value
        #expect(throws: ItineraryError.self) { try ItineraryChecker(gathering: gathering, agenda: agenda) }
    }

    @Test func theDocumentReadsBackAsWritten() throws {
        let (_, valid) = try Self.setUp()
        let read = try Itineraries.load(valid.json).value
        #expect(read == valid)
        #expect(try Itineraries.load(valid.json).value == valid)
    }
}
