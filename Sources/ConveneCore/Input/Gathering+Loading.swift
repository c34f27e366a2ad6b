import Foundation

extension Gathering {
    /// Reads, checks and resolves a JSON input document; its ``warnings`` list what was
    /// suspicious but usable.
    ///
    /// - Throws: ``InputError`` with every problem found (errors and warnings), each with its JSON path.
    public init(json data: Data) throws(InputError) {
        let log = ProblemLog()
        guard let document = DocumentReader.read(data, log: log) else { throw InputError(problems: log.problems) }
        try self.init(validating: document, shapeProblems: log.problems)
    }

    /// Reads, checks and resolves the JSON input document in a file.
    ///
    /// - Throws: ``InputError``: the file's problems, each with its JSON path, or one problem at
    ///   the root when the file cannot be read.
    public init(contentsOf url: URL) throws(InputError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(problems: [InputProblem(at: .root, "cannot read \(url.path): \(error.localizedDescription)")])
        }
        try self.init(json: data)
    }

    /// Checks and resolves a document built in code (or decoded elsewhere).
    package init(validating document: InputDocument) throws(InputError) {
        try self.init(validating: document, shapeProblems: [])
    }

    /// `shapeProblems` were found while reading the JSON; a value reported there (or inside it) was
    /// replaced by a placeholder, so what validation says about it again is left out.
    private init(validating document: InputDocument, shapeProblems: [InputProblem]) throws(InputError) {
        let log = ProblemLog()
        var validator = InputValidator(document, log: log)
        let gathering = validator.validate()
        let unreadable = shapeProblems.filter { $0.severity == .error }.map(\.path.components)
        let meaning = log.problems.filter { problem in
            !unreadable.contains { problem.path.components.starts(with: $0) }
        }
        let problems = shapeProblems + meaning
        guard var gathering, !problems.contains(where: { $0.severity == .error }) else {
            throw InputError(problems: problems)
        }
        gathering.warnings = problems
        self = gathering
    }
}
