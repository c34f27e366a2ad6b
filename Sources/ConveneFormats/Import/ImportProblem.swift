import ConveneCore

/// Where something read by `convene import` comes from: a file, and a place in it that a person
/// can find (a JSON path, a spreadsheet row and column, or a line and column).
package struct ImportOrigin: Sendable, Hashable, CustomStringConvertible {
    package enum Place: Sendable, Hashable {
        /// The file as a whole.
        case file
        /// A value in a JSON file: `results[3].speakers[0]`.
        case json(JSONPath)
        /// A cell of a CSV file as a spreadsheet numbers it (the header is row 1; columns from 1).
        case cell(row: Int, column: Int)
        /// A position in a text file (1-based, columns in characters).
        case line(Int, column: Int)
    }

    /// The file's name as given on the command line.
    package var file: String
    /// Where in the file.
    package var place: Place

    /// A place in a file (the whole file by default).
    package init(file: String, place: Place = .file) {
        self.file = file
        self.place = place
    }

    /// The same file, one key deeper when the place is a JSON path (other places stay as they are).
    func appending(_ key: String) -> ImportOrigin {
        guard case .json(let path) = place else { return self }
        return ImportOrigin(file: file, place: .json(path / key))
    }

    func appending(_ index: Int) -> ImportOrigin {
        guard case .json(let path) = place else { return self }
        return ImportOrigin(file: file, place: .json(path / index))
    }

    /// The place alone: `results[3].duration`, `row 12, column 3 (C)`, `line 4, column 7`, or empty.
    package var description: String {
        switch place {
        case .file: ""
        case .json(let path): path.description
        case .cell(let row, let column): "row \(row), column \(column) (\(CSVTable.letter(column - 1)))"
        case .line(let line, let column): "line \(line), column \(column)"
        }
    }

    /// `file` or `file, place`, for naming an item in a sentence.
    var label: String { description.isEmpty ? file : "\(file): \(description)" }
}

/// One problem found while importing, with the file and place it concerns and a plain-words fix.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// An error stops the import; a warning says what was assumed.
    public package(set) var severity: InputProblem.Severity
    /// The file and place it concerns.
    package var origin: ImportOrigin
    /// The file it concerns, as the person named it.
    package var file: String { origin.file }
    /// The place in that file: a JSON path, or a CSV row and column (empty: the whole file).
    public var location: String { origin.description }
    /// What is wrong and what would fix it, in plain words.
    public package(set) var message: String

    /// A problem at a place.
    package init(_ severity: InputProblem.Severity, at origin: ImportOrigin, _ message: String) {
        self.severity = severity
        self.origin = origin
        self.message = message
    }

    /// `talks-2.json: error: results[4].duration: …`, the way `convene check` prints problems.
    public var description: String {
        let place = origin.description
        return "\(origin.file): \(severity.rawValue): " + (place.isEmpty ? "" : "\(place): ") + message
    }
}

/// Every problem an import found, errors and warnings alike; thrown when any is an error.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// Errors and warnings, in the order found.
    public package(set) var problems: [ImportProblem]

    /// The problems of a failed import.
    package init(problems: [ImportProblem]) { self.problems = problems }

    /// The problems that stop the import.
    package var errors: [ImportProblem] { problems.filter { $0.severity == .error } }
    /// The problems that do not.
    package var warnings: [ImportProblem] { problems.filter { $0.severity == .warning } }
    /// One problem a line, as the CLI prints them.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects the problems of one import, so that all of them are reported at once.
final class ImportLog {
    private(set) var problems: [ImportProblem] = []

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    func error(_ origin: ImportOrigin, _ message: String) { problems.append(ImportProblem(.error, at: origin, message)) }
    func warning(_ origin: ImportOrigin, _ message: String) { problems.append(ImportProblem(.warning, at: origin, message)) }
}
