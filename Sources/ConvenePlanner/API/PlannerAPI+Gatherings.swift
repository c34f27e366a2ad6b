import Convene
import ConvenePlannerAPI
import Foundation
import OpenAPIRuntime

extension PlannerAPI {
    package func validateDocument(_ input: Operations.ValidateDocument.Input) async throws -> Operations.ValidateDocument.Output {
        let data = try Documents.body()
        let problems: [Components.Schemas.Problem]
        var summary: String?
        do {
            let gathering = try Gathering(json: data)
            let domain = try? AgendaChecker(gathering: gathering).domain
            let nowhere = gathering.sessions.filter { domain?.mustPlace($0.index) == true && domain?.starts[$0.index].isEmpty == true }
            problems =
                gathering.warnings.map(Components.Schemas.Problem.init)
                + nowhere.map {
                    .init(
                        path: "sessions[\($0.index)]",
                        message: "\($0.label) has no possible placement on its own, so no agenda exists; `convene explain` says why",
                        severity: .warning)
                }
            summary = gathering.summary
        } catch {
            problems = error.diagnostics.map(Components.Schemas.Problem.init)
        }
        let valid = !problems.contains { $0.severity == .error }
        return .ok(.init(body: .json(.init(valid: valid, problems: problems, summary: summary))))
    }

    package func listGatherings(_ input: Operations.ListGatherings.Input) async throws -> Operations.ListGatherings.Output {
        let list = try await planner.store.gatherings().map { listing in
            Components.Schemas.GatheringSummary(
                id: listing.latest.gathering, name: listing.latest.name, version: listing.latest.version, updated: listing.latest.created,
                sessions: listing.latest.sessions, agendas: listing.agendas)
        }
        return .ok(.init(body: .json(list)))
    }

    package func createGathering(_ input: Operations.CreateGathering.Input) async throws -> Operations.CreateGathering.Output {
        let (data, gathering) = try Documents.gathering()
        let (id, version) = try await planner.store.createGathering(Documents.newVersion(data, gathering))
        return .created(
            .init(
                headers: .init(location: "/api/gatherings/\(id)", eTag: Documents.etag(version)),
                body: .json(.init(id: id, version: version))))
    }

    package func getGathering(_ input: Operations.GetGathering.Input) async throws -> Operations.GetGathering.Output {
        let record = try await planner.latest(input.path.gathering)
        return .ok(
            .init(
                headers: .init(eTag: Documents.etag(record.version)),
                body: .json(try Documents.document(record.document))))
    }

    package func updateGathering(_ input: Operations.UpdateGathering.Input) async throws -> Operations.UpdateGathering.Output {
        let id = input.path.gathering
        let latest = try await planner.latest(id).version
        guard let ifMatch = input.headers.ifMatch else {
            throw APIError(
                .preconditionRequired, "send If-Match with the version this change was made from, such as If-Match: \"\(latest)\"")
        }
        let expected = try Self.version(ifMatch: ifMatch, latest: latest)
        let (data, gathering) = try Documents.gathering()
        switch try await planner.store.addVersion(gathering: id, expected: expected, Documents.newVersion(data, gathering)) {
        case .stored(let version):
            return .ok(.init(headers: .init(eTag: Documents.etag(version)), body: .json(.init(id: id, version: version))))
        case .stale(let latest):
            throw Self.stale(ifMatch, latest: latest)
        case .noSuchGathering:
            throw APIError.notFound("gathering \"\(id)\"")
        }
    }

    /// The version `If-Match` names (nil for `*`); 412 when it names none, or not the latest.
    private static func version(ifMatch: String, latest: Int) throws(APIError) -> Int? {
        let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if tags.contains("*") { return nil }
        // Weak tags never match (If-Match compares strongly).
        let versions = tags.compactMap { tag -> Int? in
            guard tag.hasPrefix("\""), tag.hasSuffix("\""), tag.count > 2 else { return nil }
            return Int(tag.dropFirst().dropLast())
        }
        guard versions.contains(latest) else { throw stale(ifMatch, latest: latest) }
        return latest
    }

    private static func stale(_ ifMatch: String, latest: Int) -> APIError {
        APIError(
            .preconditionFailed,
            "If-Match: \(ifMatch) is not the latest version, \"\(latest)\"; nothing was stored. Read the latest version, apply the "
                + "change to it and send it again", headers: [.eTag: Documents.etag(latest)])
    }

    package func listVersions(_ input: Operations.ListVersions.Input) async throws -> Operations.ListVersions.Output {
        let versions = try await planner.store.versions(of: input.path.gathering)
        guard !versions.isEmpty else { throw APIError.notFound("gathering \"\(input.path.gathering)\"") }
        return .ok(
            .init(
                body: .json(
                    versions.map {
                        .init(
                            version: $0.version, created: $0.created, name: $0.name, sessions: $0.sessions, rooms: $0.rooms,
                            slots: $0.slots, people: $0.people, attendees: $0.attendees)
                    })))
    }

    package func getVersion(_ input: Operations.GetVersion.Input) async throws -> Operations.GetVersion.Output {
        guard let record = try await planner.store.version(input.path.version, of: input.path.gathering) else {
            throw APIError.notFound("version \(input.path.version) of gathering \"\(input.path.gathering)\"")
        }
        return .ok(
            .init(
                headers: .init(eTag: Documents.etag(record.version)),
                body: .json(try Documents.document(record.document))))
    }
}
