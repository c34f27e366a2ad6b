import Foundation
import GRDB

/// One stored version of a gathering's input document: never changed once written.
package struct GatheringVersionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "gatheringVersion"
    package var gathering: String
    package var version: Int
    /// The document exactly as it was received.
    package var document: Data
    /// The event's name, and how many of each thing the document holds, for lists.
    package var name: String
    package var sessions: Int
    package var rooms: Int
    package var slots: Int
    package var people: Int
    package var attendees: Int
    package var created: String
}

/// One stored agenda: it passed the AgendaChecker against its gathering's version.
package struct AgendaRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "agenda"
    package var id: Int64?
    package var gathering: String
    package var version: Int
    /// The contract's agenda document (JSON).
    package var document: Data
    package var status: String
    package var objective: Int?
    package var solver: String?
    /// The job that made it; nil for an agenda posted to the API.
    package var job: Int64?
    /// The agenda it replanned, when it did.
    package var previous: Int64?
    package var created: String

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A solve asked for: what was asked, never changed; its life is in ``JobStateRecord``s.
package struct JobRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "job"
    package var id: Int64?
    package var gathering: String
    package var version: Int
    /// The solve request as the API received it (JSON), with its defaults applied.
    package var request: Data
    package var solver: String
    package var created: String

    package init(id: Int64?, gathering: String, version: Int, request: Data, solver: String, created: String) {
        self.id = id
        self.gathering = gathering
        self.version = version
        self.request = request
        self.solver = solver
        self.created = created
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One step in a job's life (queued, running, then done, cancelled or failed), appended, never updated.
package struct JobStateRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "jobState"
    package var job: Int64
    /// Its place in the job's life; set when it is stored.
    package var seq: Int = 0
    package var state: String
    package var objective: Int?
    package var bound: Int?
    package var agenda: Int64?
    package var status: String?
    package var error: String?
    /// The solve's notes, a JSON array of strings.
    package var notes: String?
    package var at: String
}

/// A job with its latest state.
package struct JobView: Sendable {
    package var job: JobRecord
    package var latest: JobStateRecord
    /// When it started running, if it has.
    package var started: String?
}
