import Convene
import Foundation

/// The planner's state behind the API: the store, the versions and agendas read so far, and the job queue.
package final class Planner: Sendable {
    package let store: PlannerStore
    package let library: GatheringLibrary
    package let jobs: JobQueue
    /// Published sites recently browsed under `/site/`, by agenda.
    let sites = SiteCache()

    /// Opens the data folder; jobs a stopped server left unfinished are marked failed.
    ///
    /// - Parameters:
    ///   - data: the folder holding the database (created when missing).
    ///   - jobs: how many solves run at once; the others wait.
    package init(data: URL, jobs: Int = 2) async throws {
        store = try PlannerStore(directory: data)
        library = GatheringLibrary()
        self.jobs = JobQueue(limit: jobs, store: store)
        _ = try await store.endInterruptedJobs()
    }

    /// The latest version of a gathering; 404 when there is none.
    package func latest(_ gathering: String) async throws -> GatheringVersionRecord {
        guard let record = try await store.latestVersion(of: gathering) else { throw APIError.notFound("gathering \"\(gathering)\"") }
        return record
    }

    /// A stored agenda of a gathering; 404 when the id is unknown or the agenda belongs to another gathering.
    package func agenda(_ id: String, of gathering: String) async throws -> AgendaRecord {
        guard let number = PlannerID.agenda(id), let record = try await store.agenda(number), record.gathering == gathering else {
            throw APIError.notFound("agenda \"\(id)\" of gathering \"\(gathering)\"")
        }
        return record
    }

    /// A job with its latest state; 404 when the id is unknown.
    package func job(_ id: String) async throws -> JobView {
        guard let number = PlannerID.job(id), let view = try await store.job(number) else { throw APIError.notFound("job \"\(id)\"") }
        return view
    }

    /// The version an agenda was made for, read and ready.
    package func gathering(of agenda: AgendaRecord) async throws -> LoadedGathering {
        guard let record = try await store.version(agenda.version, of: agenda.gathering) else {
            throw APIError.notFound("version \(agenda.version) of gathering \"\(agenda.gathering)\"")
        }
        return try library.load(record)
    }
}

/// The ids the API shows: `a12` for agenda 12, `j3` for job 3 (a gathering's id is made from its name).
package enum PlannerID {
    package static func agenda(_ number: Int64) -> String { "a\(number)" }
    package static func job(_ number: Int64) -> String { "j\(number)" }
    package static func agenda(_ id: String) -> Int64? { number(id, prefix: "a") }
    package static func job(_ id: String) -> Int64? { number(id, prefix: "j") }

    private static func number(_ id: String, prefix: Character) -> Int64? {
        guard id.first == prefix, let n = Int64(id.dropFirst()), n > 0, "\(prefix)\(n)" == id else { return nil }
        return n
    }
}
