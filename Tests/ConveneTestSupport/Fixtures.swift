import Convene
import Foundation
import Synchronization

/// The repository's root, for reading fixtures.
package let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

package func fixture(_ path: String) throws -> Data {
    try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(path))
}

/// The names of the bad-input catalogue's inputs, without `.json`.
package let invalidFixtures: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Fixtures/invalid")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

/// One expected problem of the bad-input catalogue: `path :: message fragment`.
package struct ExpectedProblem: CustomStringConvertible, Sendable {
    package var path: String
    package var fragment: String
    package var description: String { "\(path) :: \(fragment)" }

    package static func load(_ name: String) throws -> [ExpectedProblem] {
        let text = String(decoding: try fixture("invalid/\(name).expected"), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: " :: ") else { return nil }
            return ExpectedProblem(path: String(line[..<range.lowerBound]), fragment: String(line[range.upperBound...]))
        }
    }
}

/// The library's seeded generator, under the name the tests use.
package typealias SplitMix = SeededGenerator

/// `2030-01-07THH:MM` for minutes after midnight.
package func clock(_ minutes: Int, day: Int = 7) -> String {
    String(format: "2030-01-%02dT%02d:%02d", day, minutes / 60, minutes % 60)
}

package enum TestFailure: Error { case invalid(String) }

/// A gathering built in code: slots of `minutes` each, back to back from 09:00 UTC on 2030-01-07,
/// unless `slots` are given.
package func gathering(
    slots: [InputDocument.Slot]? = nil, slotCount: Int = 4, minutes: Int = 60,
    rooms: [InputDocument.Room] = [.init(id: "r1"), .init(id: "r2")],
    formats: [InputDocument.Format] = [], people: [InputDocument.Person] = [],
    sessions: [InputDocument.Session], attendees: [InputDocument.Attendee] = [],
    weights: InputDocument.Weights = .init(), timeZone: String = "UTC", travelMinutes: Int? = nil
) throws -> Gathering {
    let slotList =
        slots
        ?? (0..<slotCount).map { i in
            InputDocument.Slot(id: "s\(i + 1)", start: clock(9 * 60 + i * minutes), end: clock(9 * 60 + (i + 1) * minutes))
        }
    let document = InputDocument(
        event: .init(name: "Test", timeZone: timeZone, travelMinutes: travelMinutes), slots: slotList, rooms: rooms,
        formats: formats, people: people, sessions: sessions, attendees: attendees, weights: weights)
    do {
        return try Gathering(document: document)
    } catch {
        throw TestFailure.invalid(error.description)
    }
}

/// An agenda document placing sessions by id.
package func agenda(_ placements: [(String, String, [String])], unscheduled: [String] = []) -> Agenda {
    Agenda(
        status: .feasible, placements: placements.map { Agenda.Placement(session: $0.0, start: $0.1, rooms: $0.2) },
        unscheduled: unscheduled)
}

extension AgendaChecker.Report {
    package var rules: Set<AgendaChecker.Rule> { Set(violations.map(\.rule)) }
}

/// Solves through the front door, as every command does, without a time limit: the solver's
/// own bounds (moves, nodes, rounds) end the run, so that it ends at the same point on a slow
/// machine as on a fast one. The suites' `.timeLimit` traits are the safety net; one that
/// expires fails its test.
package func solve(
    _ g: Gathering, with solver: some AgendaSolver, seed: UInt64 = 1, previous: Agenda? = nil, frozenUntil: Date? = nil,
    progress: (@Sendable (SolveProgress) -> Void)? = nil
) async throws -> SolveResult {
    try await g.solve(
        using: solver,
        options: SolveOptions(timeLimit: nil, seed: seed, previous: previous, frozenUntil: frozenUntil, progress: progress))
}

/// The checker's verdict on a solve's agenda, with the same previous agenda and frozen time.
package func verdict(_ result: SolveResult, _ g: Gathering, previous: Agenda? = nil, frozenUntil: Date? = nil) throws
    -> AgendaChecker.Report
{
    try AgendaChecker(gathering: g, previous: previous, frozenUntil: frozenUntil).check(result.agenda)
}

/// A thread-safe list of what a solve reported, for tests of progress.
package final class ProgressLog: Sendable {
    private let entries = Mutex<[SolveProgress]>([])
    package init() {}
    package func add(_ p: SolveProgress) { entries.withLock { $0.append(p) } }
    package var reports: [SolveProgress] { entries.withLock { $0 } }
}

/// The threads this process runs now (Linux: the entries of /proc/self/task); nil where that
/// cannot be read.
package func runningThreads() -> Int? {
    #if os(Linux)
        return (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.count
    #else
        return nil
    #endif
}

/// How soon a cancelled (or stopped) solve must return in a test: the "fraction of a second" the
/// library promises. Idle, the quickest of three trials returns in 10–60 ms in a debug build; on
/// a loaded 2-core machine (load average 10, four CPU hogs) the quickest of three took 170 ms,
/// where the 100 ms these tests once asked for failed. Half a second still tells a solver that
/// notices the cancellation from one that finishes its work first (seconds on these gatherings).
package let promptly = Duration.milliseconds(500)

/// Cancels `trials` solves after `after` each and keeps the one that returned soonest after its
/// cancellation: tests run side by side on few cores, and the quickest of three tells what the
/// solver can do rather than how busy the machine was. Every trial's threads are counted.
package func quickestCancelledSolve(_ g: Gathering, with solver: some AgendaSolver, trials: Int = 3) async throws
    -> (result: SolveResult, afterCancel: Duration, threadsLeft: Int)
{
    var best: (result: SolveResult, afterCancel: Duration, threadsLeft: Int)?
    var threadsLeft = 0
    for _ in 0..<trials {
        let trial = try await cancelledSolve(g, with: solver)
        threadsLeft = max(threadsLeft, trial.threadsLeft)
        if trial.afterCancel < best?.afterCancel ?? .seconds(3600) { best = trial }
    }
    guard let best else { throw TestFailure.invalid("no trial ran") }
    return (best.result, best.afterCancel, threadsLeft)
}

/// Starts a solve, cancels it after `after`, and measures how long the call takes to return
/// from the cancellation on; `threadsLeft` counts the threads the solve started that still run.
package func cancelledSolve(_ g: Gathering, with solver: some AgendaSolver, after: Duration = .milliseconds(200)) async throws
    -> (result: SolveResult, afterCancel: Duration, threadsLeft: Int)
{
    let tally = DedicatedThread.Tally()
    let task = Task {
        try await DedicatedThread.$tally.withValue(tally) {
            try await g.solve(using: solver, options: SolveOptions(timeLimit: .seconds(60)))
        }
    }
    try await Task.sleep(for: after)
    let cancelled = ContinuousClock.now
    task.cancel()
    let result = try await task.value
    return (result, ContinuousClock.now - cancelled, tally.running)
}
