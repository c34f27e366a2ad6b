import Foundation
@testable import Convene

/// The repository's root, for reading fixtures.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func fixture(_ path: String) throws -> Data {
    try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(path))
}

/// The problems a JSON text produces, or none when it loads.
func problems(_ json: String) -> [InputProblem] {
    do {
        return try Gathering.load(Data(json.utf8)).warnings
    } catch {
        return error.problems
    }
}

enum TestFailure: Error { case invalid(String) }

/// A gathering built in code: slots of `minutes` each, back to back from 09:00 UTC on 2030-01-07,
/// unless `slots` are given.
func gathering(
    slots: [InputDocument.Slot]? = nil, slotCount: Int = 4, minutes: Int = 60,
    rooms: [InputDocument.Room] = [.init(id: "r1"), .init(id: "r2")],
    formats: [InputDocument.Format] = [], people: [InputDocument.Person] = [],
    sessions: [InputDocument.Session], attendees: [InputDocument.Attendee] = [],
    weights: InputDocument.Weights = .init(), timeZone: String = "UTC"
) throws -> Gathering {
    let slotList = slots ?? (0..<slotCount).map { i in
        InputDocument.Slot(id: "s\(i + 1)", start: clock(9 * 60 + i * minutes), end: clock(9 * 60 + (i + 1) * minutes))
    }
    let document = InputDocument(event: .init(name: "Test", timeZone: timeZone), slots: slotList, rooms: rooms,
                                 formats: formats, people: people, sessions: sessions, attendees: attendees, weights: weights)
    do {
        return try Gathering(validating: document)
    } catch {
        throw TestFailure.invalid(error.description)
    }
}

/// `2030-01-07THH:MM` for minutes after midnight.
func clock(_ minutes: Int, day: Int = 7) -> String {
    let h = minutes / 60, m = minutes % 60
    return String(format: "2030-01-%02dT%02d:%02d", day, h, m)
}

/// An agenda document placing sessions by id.
func agenda(_ placements: [(String, String, [String])], unscheduled: [String] = []) -> Agenda {
    Agenda(status: .feasible, placements: placements.map { Agenda.Placement(session: $0.0, start: $0.1, rooms: $0.2) },
           unscheduled: unscheduled)
}

extension AgendaChecker.Report {
    var rules: Set<AgendaChecker.Rule> { Set(violations.map(\.rule)) }
}
