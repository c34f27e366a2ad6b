import Convene
import Foundation

/// A fixture under `Fixtures/`, named as the CLI would name it.
func importFile(_ path: String) throws -> ImportFile {
    ImportFile(name: "Fixtures/\(path)", data: try fixture(path))
}

/// Every `.json` file of a fixture folder, in name order (or reversed: pages may come in any order).
func importFiles(_ folder: String, reversed: Bool = false) throws -> [ImportFile] {
    let url = repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }.sorted()
    return try (reversed ? names.reversed() : names).map { try importFile("\(folder)/\($0)") }
}

func inlineFile(_ name: String, _ text: String) -> ImportFile { ImportFile(name: name, data: Data(text.utf8)) }

/// The problems an import reports: its errors when it fails, its warnings when it succeeds.
func importProblems(_ request: ImportRequest) -> (succeeded: Bool, problems: [Diagnostic]) {
    do {
        return (true, try Importer.run(request).warnings)
    } catch {
        return (false, error.diagnostics)
    }
}

/// Runs an import that must succeed, failing the test with every problem otherwise.
func imported(_ request: ImportRequest) throws -> ImportResult {
    do {
        return try Importer.run(request)
    } catch {
        throw TestFailure.invalid(error.description)
    }
}

/// The one place that calls a solver for the import tests: the search, seed 1, 500 moves and no
/// time limit (a valid agenda is what these tests need, and it is the same on any machine).
func solveForTest(_ g: Gathering, previous: Agenda? = nil) async throws -> Agenda {
    try await solve(g, with: SearchSolver(moves: 500), seed: 1, previous: previous).agenda
}

let pretalxChoicesQuestion = "Which talks would you like to attend?"
let p2puChoicesQuestion = "Which sessions would you like to attend?"
