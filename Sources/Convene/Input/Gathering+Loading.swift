import Foundation

extension Gathering {
    /// Reads, checks and resolves a JSON input document.
    ///
    /// - Throws: ``InputError`` with every problem found (errors and warnings), each with its JSON path.
    /// - Returns: the gathering, whose ``warnings`` list what was suspicious but usable.
    public static func load(_ data: Data) throws(InputError) -> Gathering {
        let log = ProblemLog()
        guard let document = DocumentReader.read(data, log: log) else { throw InputError(problems: log.problems) }
        return try Gathering(validating: document, shapeProblems: log.problems)
    }

    /// Checks and resolves a document built in code (or decoded elsewhere).
    public init(validating document: InputDocument) throws(InputError) {
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
