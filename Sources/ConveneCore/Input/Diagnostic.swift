/// One problem found in what Convene read or was given: an input document, an agenda document,
/// the files of an import, a board of proposals, or a gathering built with ``GatheringBuilder``.
/// It says where the problem is, whether it stops the work, and what would fix it, in plain words.
///
/// Every reader reports all its problems at once, as ``DiagnosticError`` when any is an error;
/// warnings of a successful read come with what was read (``Gathering/warnings``,
/// ``Unconference/warnings``, ``ImportResult/warnings``).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Whether what was read can be used despite the problem.
    public enum Severity: String, Sendable, Hashable {
        /// What was read cannot be used as it is.
        case error
        /// What was read can be used, but something in it is probably a mistake (an unknown key),
        /// or something was assumed (a derived grid of slots).
        case warning
    }

    /// Where a problem is.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        /// A value in the JSON document being read (an input or an agenda document), which the
        /// reader knows by its contents only: the command line puts the file's name in front.
        case document(JSONPath)
        /// A place in a file whose name the reader was given (an import's sources, a board of
        /// proposals, the input an unconference writes).
        case file(String, Place)
        /// A field of a gathering being built in code, in the builder's own terms:
        /// `session("stories").facilitators[0]`, `slot("thu-1").end`, `person("p1").available[0].start`.
        case field(String)

        /// The JSON path, `file` or `file: place`, or the builder's field.
        public var description: String {
            switch self {
            case .document(let path): path.description
            case .file(let file, .file): file
            case .file(let file, let place): "\(file): \(place)"
            case .field(let field): field
            }
        }
    }

    /// A place in a file.
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        /// The file as a whole.
        case file
        /// A value in a JSON file: `results[3].speakers[0]`.
        case json(JSONPath)
        /// A cell of a CSV file as a spreadsheet numbers it: the header is row 1, columns count from 1.
        case cell(row: Int, column: Int)
        /// A position in a text file, such as XML (both from 1; columns in characters).
        case line(Int, column: Int)

        /// `results[3].duration`, `row 12, column 3 (C)`, `line 4, column 7`, or empty for the whole file.
        public var description: String {
            switch self {
            case .file: ""
            case .json(let path): path.description
            case .cell(let row, let column): "row \(row), column \(column) (\(Self.letter(column - 1)))"
            case .line(let line, let column): "line \(line), column \(column)"
            }
        }

        /// A column's spreadsheet letter, counting from 0: 0 → A, 25 → Z, 26 → AA.
        package static func letter(_ column: Int) -> String {
            var n = column + 1
            var text = ""
            while n > 0 {
                let digit = (n - 1) % 26
                text = String(UnicodeScalar(UInt8(65 + digit))) + text
                n = (n - 1) / 26
            }
            return text
        }
    }

    /// Whether it stops what was read from being used.
    public package(set) var severity: Severity
    /// Where it is.
    public package(set) var location: Location
    /// What is wrong and what would fix it, in plain words.
    public package(set) var message: String

    /// A problem at `location`.
    package init(_ severity: Severity, at location: Location, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// A problem in the document being read, at a JSON path.
    package init(_ severity: Severity = .error, at path: JSONPath, _ message: String) {
        self.init(severity, at: .document(path), message)
    }

    /// The JSON path of a problem in a JSON document or file; the root for other places.
    package var path: JSONPath {
        switch location {
        case .document(let path), .file(_, .json(let path)): path
        default: .root
        }
    }

    /// The way `convene` prints it: `error: sessions[3].facilitators[0]: …` in a document (the
    /// command line puts the file's name in front), `talks.json: error: results[4].duration: …`
    /// in a named file, `error: session("tech").duration: …` for a builder's field.
    public var description: String {
        switch location {
        case .document(let path): "\(severity.rawValue): \(path): \(message)"
        case .file(let file, .file): "\(file): \(severity.rawValue): \(message)"
        case .file(let file, let place): "\(file): \(severity.rawValue): \(place): \(message)"
        case .field(let field): "\(severity.rawValue): \(field): \(message)"
        }
    }
}

/// Every problem found in what was read or built, errors and warnings alike, in the order they
/// were found: thrown when any of them is an error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every problem, errors and warnings, in the order found.
    public package(set) var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The problems that stop what was read from being used.
    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The problems that do not.
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// One problem per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// What a reader gives back: the value read, and the warnings about it (unknown keys, something
/// assumed) that did not stop it from being read.
package struct Loaded<Value: Sendable>: Sendable {
    /// What was read.
    package let value: Value
    /// Problems that did not stop it from being read, in the order found.
    package let warnings: [Diagnostic]

    package init(_ value: Value, warnings: [Diagnostic]) {
        self.value = value
        self.warnings = warnings
    }
}

/// Collects problems while a document is read, so that all of them are reported at once.
package final class ProblemLog {
    package private(set) var problems: [Diagnostic] = []

    package init() {}

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    package func error(_ path: JSONPath, _ message: String) { problems.append(Diagnostic(.error, at: path, message)) }
    func warning(_ path: JSONPath, _ message: String) { problems.append(Diagnostic(.warning, at: path, message)) }
    func append(contentsOf other: [Diagnostic]) { problems.append(contentsOf: other) }
}
