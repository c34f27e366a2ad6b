import Benchmark
import Convene
import ConveneGLPK
import Foundation

/// The instances: the P2PU fixture and generated gatherings of 25 to 1,600 sessions.
let instances: [(name: String, gathering: Gathering)] = {
    var list: [(String, Gathering)] = []
    let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/p2pu-gathering-2019.json")
    if let data = try? Data(contentsOf: fixture), let g = try? Gathering(json: data) { list.append(("p2pu", g)) }
    for (sessions, rooms, days) in [(25, 4, 1), (100, 8, 2), (400, 16, 3), (1600, 40, 5)] {
        let made = GatheringGenerator(sessions: sessions, rooms: rooms, days: days, seed: 1).make()
        if let g = try? made.gathering() { list.append(("generated-\(sessions)", g)) }
    }
    // The exact solver's target instance: 150 sessions, 8 rooms, 3 days, 200 attendees' interests.
    let made = GatheringGenerator(sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1).make()
    if let g = try? made.gathering() { list.append(("generated-150", g)) }
    return list
}()

/// Real conferences: `Fixtures/real/` and, beside the repository, `shared/instances/` (the
/// project's shared CoSPLib conversions), when that folder is there.
let realConferences: [(name: String, gathering: Gathering)] = {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var found: [String: Gathering] = [:]
    for folder in [
        root.appendingPathComponent("Fixtures/real"), root.deletingLastPathComponent().appendingPathComponent("shared/instances"),
    ] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".json") {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(name)), let g = try? Gathering(json: data) {
                found[String(name.dropLast(5))] = g
            }
        }
    }
    return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}()

/// Attendee-heavy gatherings: 65 to 165 sessions over 3 days, two attendees per session, each
/// wanting 2 to 5 sessions (the 65-session, 6-room, 130-attendee gathering first).
/// Seeds 1–3 of each, as `Benchmarks/compare/proof.py` runs them beside CP-SAT.
let attendeeHeavy: [(name: String, gathering: Gathering)] = [(65, 6), (100, 8), (130, 10), (165, 12)].flatMap { sessions, rooms in
    (UInt64(1)...3).compactMap { seed in
        let made = GatheringGenerator(sessions: sessions, rooms: rooms, days: 3, attendees: 2 * sessions, interests: 2...5, seed: seed)
            .make()
        return (try? made.gathering()).map { ("attendees-\(sessions)-seed-\(seed)", $0) }
    }
}

/// Large generated gatherings, as the scaling curve (`Benchmarks/scaling.sh`) makes them: where
/// the domain's bound is the only one within the minute.
let largeGatherings: [(name: String, gathering: Gathering)] = [(400, 16, 3), (800, 24, 4), (1_600, 40, 5)].compactMap { n, rooms, days in
    let made = GatheringGenerator(sessions: n, rooms: rooms, days: days, seed: 1).make()
    return (try? made.gathering()).map { ("generated-\(n)", $0) }
}

/// The objective and bound of a solve, as custom metrics beside its time (nil: none).
let objectiveMetric = BenchmarkMetric.custom("objective", polarity: .prefersSmaller, useScalingFactor: false)
let boundMetric = BenchmarkMetric.custom("bound", polarity: .prefersLarger, useScalingFactor: false)
/// (objective − bound) ÷ objective, in tenths of a percent (0 when proven, or when both are 0).
let gapMetric = BenchmarkMetric.custom("gap (‰)", polarity: .prefersSmaller, useScalingFactor: false)

func measured(_ result: SolveResult, _ benchmark: Benchmark) {
    if let objective = result.agenda.objective { benchmark.measurement(objectiveMetric, objective) }
    if let bound = result.agenda.bound { benchmark.measurement(boundMetric, bound) }
    if let objective = result.agenda.objective, let bound = result.agenda.bound {
        benchmark.measurement(gapMetric, objective > 0 ? (objective - bound) * 1000 / objective : 0)
    }
}

/// Tight generated gatherings (issue 11): the non-optional sessions need 72 % of the room-slots.
/// 1,000 sessions (30 rooms, 5 days × 8 slots) and 10,000 sessions (95 rooms, 16 days), seeds
/// 1–10 of each. Each is generated inside its benchmark, before the measurement starts, so that
/// the other benchmarks do not wait for them.
let tightInstances: [(sessions: Int, seed: UInt64)] = [1_000, 10_000].flatMap { n in (UInt64(1)...10).map { (n, $0) } }

/// A solve that ends without a verified agenda fails its benchmark.
struct NoAgenda: Error, CustomStringConvertible {
    var description: String
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 20)
    let solverRuns = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(20), maxIterations: 3)

    // Writing a tight gathering of 10,000 sessions (the document and its planted agenda, not the JSON).
    Benchmark("Generate tight/10000", configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 10)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(GatheringGenerator.tight(sessions: 10_000, seed: 1).make()) }
    }

    // Time to the first verified agenda: the search's construction alone, through the front door
    // (domain, construction, the checker's verdict).
    for (sessions, seed) in tightInstances {
        let large = sessions > 1_000
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(large ? 120 : 10), maxIterations: large ? 2 : 5)
        Benchmark("Tight first agenda/tight-\(sessions)-seed-\(seed)", configuration: configuration) { benchmark in
            let g = try GatheringGenerator.tight(sessions: sessions, seed: seed).make().gathering()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let result = try await g.solve(
                    using: SearchSolver(moves: 0), options: .init(timeLimit: .seconds(large ? 60 : 2), seed: seed))
                guard result.agenda.objective != nil else {
                    throw NoAgenda(description: "\(sessions) seed \(seed): \(result.status) \(result.notes)")
                }
                blackHole(result)
            }
        }
    }

    // Time to proof (or to the limit) on real conferences and attendee-heavy gatherings, with the
    // objective and bound reached.
    let proofRuns = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, objectiveMetric, boundMetric, gapMetric], maxDuration: .seconds(60),
        maxIterations: 1)
    for (name, g) in realConferences + attendeeHeavy + largeGatherings {
        Benchmark("Auto 60 s/\(name)", configuration: proofRuns) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = try await g.solve(using: PortfolioSolver(), options: .init(timeLimit: .seconds(60)))
                measured(result, benchmark)
            }
        }
    }
    for (name, g) in attendeeHeavy where name.hasSuffix("seed-1") {
        Benchmark("MILP 60 s/\(name)", configuration: proofRuns) { benchmark in
            for _ in benchmark.scaledIterations {
                let result = try await g.solve(using: ExactSolver(), options: .init(timeLimit: .seconds(60)))
                measured(result, benchmark)
            }
        }
    }

    for (name, g) in instances {
        // The domain (what is possible for each session) is what a checker is built on.
        Benchmark("Domain/\(name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try AgendaChecker(gathering: g)) }
        }
        // The integer program, written in the LP format: the program itself is the package's own,
        // so the formulation is timed with its writing.
        if name != "generated-1600" {
            Benchmark("Formulation as LP/\(name)") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(try g.lpFile()) }
            }
        }
        Benchmark("Search 20k moves/\(name)", configuration: solverRuns) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try await g.solve(using: SearchSolver(moves: 20_000), options: .init(timeLimit: .seconds(30))))
            }
        }
        if name == "generated-150" {
            Benchmark("Auto 60 s/\(name)", configuration: solverRuns) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try await g.solve(using: PortfolioSolver(), options: .init(timeLimit: .seconds(60))))
                }
            }
        }
        Benchmark("Auto 5 s/\(name)", configuration: solverRuns) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try await g.solve(using: PortfolioSolver(), options: .init(timeLimit: .seconds(5))))
            }
        }
        if ["p2pu", "generated-25", "generated-100", "generated-150"].contains(name) {
            Benchmark("MILP 5 s/\(name)", configuration: solverRuns) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try await g.solve(using: ExactSolver(), options: .init(timeLimit: .seconds(5))))
                }
            }
        }
    }

    // `convene import` on the committed fixtures: a pretalx export of three pages (72 talks) onto
    // its frame, with the 240-respondent Google Forms survey.
    let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")
    func file(_ path: String) -> ImportFile {
        ImportFile(name: path, data: (try? Data(contentsOf: folder.appendingPathComponent(path))) ?? Data())
    }
    let pages = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("pretalx").path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted().map { file("pretalx/\($0)") }
    let request = ImportRequest(
        frame: file("pretalx-frame.json"), pretalx: pages, interests: [file("survey-choices.csv")],
        survey: SurveyOptions(choicesColumn: "Which talks would you like to attend?"))
    Benchmark("Import/pretalx+survey") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Importer.run(request)) }
    }
}
