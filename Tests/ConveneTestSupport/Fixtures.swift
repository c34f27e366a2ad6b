import Convene
import Foundation

/// The repository's root, for reading fixtures.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

public func fixture(_ path: String) throws -> Data {
    try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(path))
}

/// The names of the bad-input catalogue's inputs, without `.json`.
public let invalidFixtures: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Fixtures/invalid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

/// One expected problem of the bad-input catalogue: `path :: message fragment`.
public struct ExpectedProblem: CustomStringConvertible, Sendable {
    public var path: String
    public var fragment: String
    public var description: String { "\(path) :: \(fragment)" }

    public static func load(_ name: String) throws -> [ExpectedProblem] {
        let text = String(decoding: try fixture("invalid/\(name).expected"), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: " :: ") else { return nil }
            return ExpectedProblem(path: String(line[..<range.lowerBound]), fragment: String(line[range.upperBound...]))
        }
    }
}

/// The library's seeded generator, under the name the tests use.
public typealias SplitMix = SeededGenerator

/// `2030-01-07THH:MM` for minutes after midnight.
public func clock(_ minutes: Int, day: Int = 7) -> String {
    String(format: "2030-01-%02dT%02d:%02d", day, minutes / 60, minutes % 60)
}

public enum TestFailure: Error { case invalid(String) }

/// A gathering built in code: slots of `minutes` each, back to back from 09:00 UTC on 2030-01-07,
/// unless `slots` are given.
public func gathering(
    slots: [InputDocument.Slot]? = nil, slotCount: Int = 4, minutes: Int = 60,
    rooms: [InputDocument.Room] = [.init(id: "r1"), .init(id: "r2")],
    formats: [InputDocument.Format] = [], people: [InputDocument.Person] = [],
    sessions: [InputDocument.Session], attendees: [InputDocument.Attendee] = [],
    weights: InputDocument.Weights = .init(), timeZone: String = "UTC"
) throws -> Gathering {
    let slotList =
        slots
        ?? (0..<slotCount).map { i in
            InputDocument.Slot(id: "s\(i + 1)", start: clock(9 * 60 + i * minutes), end: clock(9 * 60 + (i + 1) * minutes))
        }
    let document = InputDocument(
        event: .init(name: "Test", timeZone: timeZone), slots: slotList, rooms: rooms,
        formats: formats, people: people, sessions: sessions, attendees: attendees, weights: weights)
    do {
        return try Gathering(validating: document)
    } catch {
        throw TestFailure.invalid(error.description)
    }
}

/// An agenda document placing sessions by id.
public func agenda(_ placements: [(String, String, [String])], unscheduled: [String] = []) -> Agenda {
    Agenda(
        status: .feasible, placements: placements.map { Agenda.Placement(session: $0.0, start: $0.1, rooms: $0.2) },
        unscheduled: unscheduled)
}

extension AgendaChecker.Report {
    public var rules: Set<AgendaChecker.Rule> { Set(violations.map(\.rule)) }
}
