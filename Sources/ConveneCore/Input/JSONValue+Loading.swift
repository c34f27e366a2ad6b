import Foundation

extension JSONValue {
    /// Reads a document of the contract (an agenda, itineraries) with its validating reader:
    /// JSON syntax, keys repeated within an object, then `read`'s own problems, all at their paths.
    ///
    /// - Parameter what: the document's name in the syntax error (`the agenda`).
    /// - Returns: the document, with its warnings (unknown keys).
    /// - Throws: ``DiagnosticError`` with every problem when any is an error.
    package static func load<T>(
        _ data: Data, what: String, read: (JSONValue, JSONPath, ProblemLog) -> T?
    ) throws(DiagnosticError) -> Loaded<T> {
        let log = ProblemLog()
        var parser = JSONParser(Array(data))
        let value: JSONValue
        do {
            value = try parser.parseDocument()
        } catch {
            throw DiagnosticError([
                Diagnostic(at: .root, "\(what) is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
            ])
        }
        for path in parser.repeatedKeys { log.error(path, "this key appears twice in the same object; keep one of them") }
        guard let document = read(value, .root, log), !log.hasErrors else { throw DiagnosticError(log.problems) }
        return Loaded(document, warnings: log.problems)
    }
}
