/// One thing wrong (or suspicious) in an input document, with where it is and how to fix it.
public struct InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the document can be used despite the problem.
    public enum Severity: String, Sendable, Hashable {
        /// The document cannot be used as it is.
        case error
        /// The document can be used, but something in it is probably a mistake (an unknown key).
        case warning
    }

    /// Whether it stops the document from being used.
    public package(set) var severity: Severity
    /// Where it is.
    package var path: JSONPath
    /// What is wrong and what would fix it, in plain words.
    public package(set) var message: String

    package init(_ severity: Severity = .error, at path: JSONPath, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// Where it is, as a JSON path: `sessions[3].facilitators[0]`.
    public var location: String { path.description }

    /// `error: sessions[3].facilitators[0]: …`.
    public var description: String { "\(severity.rawValue): \(path): \(message)" }
}

/// Every problem found in an input document, errors and warnings alike; thrown when any is an error.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in the order they were found.
    public package(set) var problems: [InputProblem]

    package init(problems: [InputProblem]) { self.problems = problems }

    /// The problems that stop the document from being used.
    package var errors: [InputProblem] { problems.filter { $0.severity == .error } }
    /// The problems that do not.
    package var warnings: [InputProblem] { problems.filter { $0.severity == .warning } }

    /// One problem per line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while a document is read, so that all of them are reported at once.
package final class ProblemLog {
    package private(set) var problems: [InputProblem] = []

    package init() {}

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    package func error(_ path: JSONPath, _ message: String) { problems.append(InputProblem(.error, at: path, message)) }
    func warning(_ path: JSONPath, _ message: String) { problems.append(InputProblem(.warning, at: path, message)) }
    func append(contentsOf other: [InputProblem]) { problems.append(contentsOf: other) }
}
