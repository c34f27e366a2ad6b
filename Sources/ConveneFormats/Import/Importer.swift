import ConveneCore
import Foundation

/// What `convene import` reads: a frame, the organiser's sources and their interest surveys.
public struct ImportRequest: Sendable {
    /// A partial input document with what the sources do not have (event, slots, formats, weights,
    /// and any extra rooms, people or sessions). Imported items are added to it.
    package var frame: ImportFile?
    /// Files saved from pretalx's REST API (several pages are several files).
    package var pretalx: [ImportFile]
    /// Sessionize's "All" JSON view.
    package var sessionize: ImportFile?
    /// The Sessionize category group whose items become tracks.
    package var sessionizeTrack: String?
    /// A frab `schedule.xml`.
    package var frab: ImportFile?
    /// Interest surveys as CSV.
    package var interests: [ImportFile]
    /// How the surveys are read.
    package var survey: SurveyOptions

    /// What to import; every source is optional.
    public init(
        frame: ImportFile? = nil, pretalx: [ImportFile] = [], sessionize: ImportFile? = nil, sessionizeTrack: String? = nil,
        frab: ImportFile? = nil, interests: [ImportFile] = [], survey: SurveyOptions = SurveyOptions()
    ) {
        self.frame = frame
        self.pretalx = pretalx
        self.sessionize = sessionize
        self.sessionizeTrack = sessionizeTrack
        self.frab = frab
        self.interests = interests
        self.survey = survey
    }
}

/// A successful import: the input document, validated, and the schedule the sources already had.
public struct ImportResult: Sendable {
    /// The complete input document; ``gathering`` is it validated.
    package var document: InputDocument
    /// The document validated, as `convene check` sees it; its ``Gathering/json`` is what
    /// `convene import` writes.
    public package(set) var gathering: Gathering
    /// The sources' existing schedule as an agenda document (for `--previous`), when they have one.
    public package(set) var previous: Agenda?
    /// What was suspicious or assumed (a derived grid of slots, speakers without availabilities…).
    public package(set) var warnings: [Diagnostic]
}

/// Turns what organisers have (pretalx, Sessionize, frab, survey CSVs) into one contract input
/// document that `convene check` accepts.
public enum Importer {
    /// Reads every source and survey onto the frame and validates the result.
    ///
    /// - Throws: ``DiagnosticError`` with every problem found, each with its file and place; nothing
    ///   is returned when any problem is an error.
    public static func run(_ request: ImportRequest) throws(DiagnosticError) -> ImportResult {
        let log = ImportLog()
        var frame = InputDocument()
        if let file = request.frame { frame = readFrame(file, log: log) ?? InputDocument() }
        var sources: [ImportedSource] = []
        if !request.pretalx.isEmpty, let s = PretalxReader.read(request.pretalx, log: log) { sources.append(s) }
        if let file = request.sessionize, let s = SessionizeReader.read(file, trackGroup: request.sessionizeTrack, log: log) {
            sources.append(s)
        }
        if let file = request.frab, let s = FrabReader.read(file, log: log) { sources.append(s) }

        var assembly = ImportAssembly(frame: frame, frameName: request.frame?.name, log: log)
        assembly.settleEvent(sources)
        for source in sources { assembly.add(source) }
        assembly.finishSchedule(sources)
        let matcher = SessionMatcher(sessions: assembly.document.sessions, aliases: assembly.aliases)
        for file in request.interests {
            let answers = InterestSurvey.read(file, options: request.survey, matcher: matcher, log: log)
            assembly.add(answers)
        }
        let gathering = assembly.validate()
        guard let gathering, !log.hasErrors else { throw DiagnosticError(log.problems) }
        let previous = assembly.previousAgenda()
        return ImportResult(
            document: assembly.document, gathering: gathering, previous: previous, warnings: log.problems.filter { $0.severity == .warning }
        )
    }

    /// The frame as a document; a frame may leave out `"convene": 1`.
    static func readFrame(_ file: ImportFile, log: ImportLog) -> InputDocument? {
        let problems = ProblemLog()
        let document = DocumentReader.read(file.data, log: problems)
        for problem in problems.problems {
            if problem.path == JSONPath.root / "convene", problem.message.hasPrefix("is missing") { continue }
            var origin = ImportOrigin(file: file.name, place: .json(problem.path))
            var message = problem.message
            if problem.path == .root, let range = message.range(of: #" \(line \d+, column \d+\)"#, options: .regularExpression) {
                let numbers = message[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                origin.place = .line(numbers.first ?? 1, column: numbers.last ?? 1)
                message.removeSubrange(range)
            }
            if problem.severity == .error { log.error(origin, message) } else { log.warning(origin, message) }
        }
        guard var document else { return nil }
        if document.convene == 0 { document.convene = 1 }
        return document
    }
}
