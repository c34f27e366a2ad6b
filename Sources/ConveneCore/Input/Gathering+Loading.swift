import Foundation

extension Gathering {
    /// Reads, checks and resolves a JSON input document; its ``warnings`` list what was
    /// suspicious but usable.
    ///
    /// - Throws: ``DiagnosticError`` with every problem found (errors and warnings), each with its JSON path.
    public init(json data: Data) throws(DiagnosticError) {
        let log = ProblemLog()
        guard let document = DocumentReader.read(data, log: log) else { throw DiagnosticError(log.problems) }
        try self.init(validating: document, shapeProblems: log.problems)
    }

    /// Reads, checks and resolves the JSON input document in a file.
    ///
    /// - Throws: ``DiagnosticError``: the file's problems, each with its JSON path, or one problem at
    ///   the root when the file cannot be read.
    public init(contentsOf url: URL) throws(DiagnosticError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError([Diagnostic(at: .root, "cannot read \(url.path): \(error.localizedDescription)")])
        }
        try self.init(json: data)
    }

    /// Checks and resolves an input document decoded elsewhere (`InputDocument` is `Decodable`)
    /// or edited from a gathering's `document`.
    ///
    /// - Throws: `DiagnosticError` with every problem found, each at its JSON path.
    package init(document: InputDocument) throws(DiagnosticError) {
        try self.init(validating: document, shapeProblems: [])
    }

    /// `shapeProblems` were found while reading the JSON; a value reported there (or inside it) was
    /// replaced by a placeholder, so what validation says about it again is left out.
    private init(validating document: InputDocument, shapeProblems: [Diagnostic]) throws(DiagnosticError) {
        let log = ProblemLog()
        var validator = InputValidator(document, log: log)
        let gathering = validator.validate()
        let unreadable = shapeProblems.filter { $0.severity == .error }.map(\.path.components)
        let meaning = log.problems.filter { problem in
            !unreadable.contains { problem.path.components.starts(with: $0) }
        }
        let problems = shapeProblems + meaning
        guard var gathering, !problems.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(problems)
        }
        gathering.warnings = problems
        self = gathering
    }
}

extension Gathering: Codable {
    /// Decodes an input document and validates it, as ``init(json:)`` does: its ``warnings`` list
    /// what was suspicious but usable.
    ///
    /// - Throws: ``DiagnosticError`` with every problem found, each at its JSON path.
    public init(from decoder: Decoder) throws {
        let log = ProblemLog()
        guard let document = DocumentReader.read(try JSONValue(from: decoder), log: log) else { throw DiagnosticError(log.problems) }
        try self.init(validating: document, shapeProblems: log.problems)
    }

    /// Encodes the gathering as its input document, as ``json`` writes it: decoding that gives the
    /// same gathering back.
    public func encode(to encoder: Encoder) throws { try document.encode(to: encoder) }
}
