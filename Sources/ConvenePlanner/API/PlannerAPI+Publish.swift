import Convene
import ConvenePlannerAPI
import Foundation
import OpenAPIRuntime

extension PlannerAPI {
    package func publishSite(_ input: Operations.PublishSite.Input) async throws -> Operations.PublishSite.Output {
        let record = try await planner.agenda(input.path.agenda, of: input.path.gathering)
        let previous = try await input.query.previous.asyncMap { try await planner.agenda($0, of: input.path.gathering) }
        let site = try await planner.site(of: record, previous: previous, attendeePages: input.query.attendeePages ?? true)
        var zip = ZipArchive()
        let folder = "\(input.path.gathering)-\(input.path.agenda)"
        let modified = (try? Date(record.created, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 315_532_800)
        for file in site.files { zip.add("\(folder)/\(file.path)", Data(file.contents.utf8), modified: modified) }
        return .ok(
            .init(
                headers: .init(contentDisposition: "attachment; filename=\"\(folder).zip\""),
                body: .applicationZip(HTTPBody(zip.bytes))))
    }

    package func importSources(_ input: Operations.ImportSources.Input) async throws -> Operations.ImportSources.Output {
        guard case .json(let request) = input.body else { throw APIError.unreadable("the body is empty") }
        func file(_ source: Components.Schemas.SourceFile, at path: String) throws(APIError) -> ImportFile {
            if let text = source.content { return ImportFile(name: source.name, data: Data(text.utf8)) }
            if let base64 = source.base64 {
                guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
                    throw .invalidRequest("\(path).base64", "is not base64")
                }
                return ImportFile(name: source.name, data: data)
            }
            throw .invalidRequest(path, "give the file's content (text) or base64 (bytes)")
        }
        var survey = SurveyOptions(
            choicesColumn: request.choicesColumn, respondentColumn: request.respondentColumn, ignoredColumns: request.ignoreColumns ?? [])
        if let rating = request.minRating { survey.minRating = rating }
        let importRequest = ImportRequest(
            frame: try request.frame.map { try file($0, at: "frame") },
            pretalx: try (request.pretalx ?? []).enumerated().map { try file($1, at: "pretalx[\($0)]") },
            sessionize: try request.sessionize.map { try file($0, at: "sessionize") }, sessionizeTrack: request.sessionizeTrack,
            frab: try request.frab.map { try file($0, at: "frab") },
            interests: try (request.interests ?? []).enumerated().map { try file($1, at: "interests[\($0)]") }, survey: survey)
        let result: ImportResult
        do {
            result = try Importer.run(importRequest)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            throw APIError(
                .unprocessableContent, "the files cannot be imported: \(errors) error\(errors == 1 ? "" : "s")",
                problems: error.diagnostics.map(Self.problem))
        }
        let g = result.gathering
        let summary =
            "Imported \(g.sessions.count) sessions, \(g.people.count) people, \(g.rooms.count) rooms, \(g.slots.count) slots, "
            + "\(g.attendees.count) attendees."
        return .ok(
            .init(
                body: .json(
                    .object([
                        "document": try Documents.document(Data(result.document.json.utf8)),
                        "warnings": .array(result.warnings.map { Self.problem($0).document }),
                        "previous": result.previous.map { JSONDocument($0.jsonValue) },
                        "summary": .string(summary),
                    ]))))
    }

    /// An import problem at its file and place: `survey.csv: row 3, column 2 (B)`.
    private static func problem(_ p: Diagnostic) -> Components.Schemas.Problem {
        .init(path: p.location.description, message: p.message, severity: p.severity == .error ? .error : .warning)
    }
}

extension Components.Schemas.Problem {
    var document: JSONDocument { .object(["path": .string(path), "message": .string(message), "severity": .string(severity?.rawValue)]) }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
