import Foundation
import GRDB

/// Gatherings, their versions, agendas and jobs, in one SQLite database (`planner.sqlite` in the data folder).
///
/// Nothing stored is ever changed: a change to a gathering is a new version, a job's life is a list of states. The
/// database runs in WAL mode with `synchronous = FULL`, so a write the API has acknowledged is on disk and survives the
/// process being killed at any moment. Every change is one write transaction: its checks (the version still the latest)
/// and its inserts happen together or not at all.
package final class PlannerStore: Sendable {
    /// The database file's name inside the data folder.
    package static let fileName = "planner.sqlite"

    private let pool: DatabasePool

    /// Opens (or creates) the database in `directory`, creating the folder, and brings its schema up to date.
    package init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // WAL (the pool's default) with a sync at every commit: an acknowledged version is on disk.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: directory.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try PlannerMigrations.migrator.migrate(pool)
    }

    // MARK: Gatherings and their versions

    /// What a new version is: its document and the counts shown in lists.
    package struct NewVersion: Sendable {
        package var document: Data
        package var name: String
        package var sessions, rooms, slots, people, attendees: Int

        package init(document: Data, name: String, sessions: Int, rooms: Int, slots: Int, people: Int, attendees: Int) {
            self.document = document
            self.name = name
            self.sessions = sessions
            self.rooms = rooms
            self.slots = slots
            self.people = people
            self.attendees = attendees
        }
    }

    /// Stores a new gathering as version 1, under an id made from its name (numbered when taken).
    package func createGathering(_ new: NewVersion) async throws -> (id: String, version: Int) {
        let base = Self.slug(new.name)
        let now = Timestamp.now()
        return try await write { db in
            var id = base
            var n = 1
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM gathering WHERE id = ?", arguments: [id]) == true {
                n += 1
                id = "\(base)-\(n)"
            }
            try db.execute(sql: "INSERT INTO gathering (id, created) VALUES (?, ?)", arguments: [id, now])
            try Self.record(new, gathering: id, version: 1, created: now).insert(db)
            return (id, 1)
        }
    }

    /// What became of a change to a gathering.
    package enum UpdateOutcome: Sendable, Equatable {
        case stored(version: Int)
        /// The version the change was made from is not the latest.
        case stale(latest: Int)
        case noSuchGathering
    }

    /// Stores the next version of a gathering when `expected` (nil: whichever) is still its latest version; the check
    /// and the insert are one transaction, so of two changes made from the same version exactly one is stored.
    package func addVersion(gathering id: String, expected: Int?, _ new: NewVersion) async throws -> UpdateOutcome {
        let now = Timestamp.now()
        return try await write { db in
            guard let latest = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM gatheringVersion WHERE gathering = ?", arguments: [id])
            else { return .noSuchGathering }
            if let expected, expected != latest { return .stale(latest: latest) }
            try Self.record(new, gathering: id, version: latest + 1, created: now).insert(db)
            return .stored(version: latest + 1)
        }
    }

    /// The latest version of a gathering, nil when there is no such gathering.
    package func latestVersion(of gathering: String) async throws -> GatheringVersionRecord? {
        try await read { db in
            try GatheringVersionRecord.fetchOne(
                db, sql: "SELECT * FROM gatheringVersion WHERE gathering = ? ORDER BY version DESC LIMIT 1", arguments: [gathering])
        }
    }

    /// One version of a gathering.
    package func version(_ version: Int, of gathering: String) async throws -> GatheringVersionRecord? {
        try await read { db in
            try GatheringVersionRecord.fetchOne(
                db, sql: "SELECT * FROM gatheringVersion WHERE gathering = ? AND version = ?", arguments: [gathering, version])
        }
    }

    /// Every version of a gathering, newest first, without their documents; empty when there is no such gathering.
    package func versions(of gathering: String) async throws -> [GatheringVersionRecord] {
        try await read { db in
            try GatheringVersionRecord.fetchAll(
                db,
                sql: """
                    SELECT gathering, version, X'' AS document, name, sessions, rooms, slots, people, attendees, created
                    FROM gatheringVersion WHERE gathering = ? ORDER BY version DESC
                    """, arguments: [gathering])
        }
    }

    /// A gathering in the list: its latest version and how many agendas it has.
    package struct GatheringListing: Sendable {
        package var latest: GatheringVersionRecord
        package var agendas: Int
    }

    /// Every gathering, the most recently changed first.
    package func gatherings() async throws -> [GatheringListing] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.gathering, v.version, X'' AS document, v.name, v.sessions, v.rooms, v.slots, v.people, v.attendees,
                           v.created, (SELECT COUNT(*) FROM agenda a WHERE a.gathering = v.gathering) AS agendas
                    FROM gatheringVersion v
                    WHERE v.version = (SELECT MAX(version) FROM gatheringVersion w WHERE w.gathering = v.gathering)
                    ORDER BY v.created DESC, v.gathering
                    """)
            return try rows.map { GatheringListing(latest: try GatheringVersionRecord(row: $0), agendas: $0["agendas"]) }
        }
    }

    // MARK: Agendas

    /// Stores an agenda (already judged by the checker) and returns its id.
    package func insertAgenda(_ agenda: AgendaRecord) async throws -> Int64 {
        try await write { db in
            var record = agenda
            try record.insert(db)
            return record.id ?? db.lastInsertedRowID
        }
    }

    /// One agenda, with its document.
    package func agenda(_ id: Int64) async throws -> AgendaRecord? {
        try await read { db in try AgendaRecord.fetchOne(db, key: id) }
    }

    /// A gathering's agendas, newest first, without their documents.
    package func agendas(of gathering: String) async throws -> [AgendaRecord] {
        try await read { db in
            try AgendaRecord.fetchAll(
                db,
                sql: """
                    SELECT id, gathering, version, X'' AS document, status, objective, solver, job, previous, created
                    FROM agenda WHERE gathering = ? ORDER BY id DESC
                    """, arguments: [gathering])
        }
    }

    // MARK: Jobs

    /// Stores a job and its first state, `queued`, and returns its id.
    package func insertJob(_ job: JobRecord) async throws -> Int64 {
        try await write { db in
            var record = job
            try record.insert(db)
            let id = record.id ?? db.lastInsertedRowID
            try JobStateRecord(job: id, seq: 1, state: JobState.queued.rawValue, at: record.created).insert(db)
            return id
        }
    }

    /// Appends a state to a job's life; with `agenda`, stores that agenda first (in the same transaction) and names it
    /// in the state. Returns the agenda's id, if one was stored.
    @discardableResult
    package func appendJobState(_ state: JobStateRecord, storing agenda: AgendaRecord? = nil) async throws -> Int64? {
        try await write { db in
            var agendaID: Int64?
            if var agenda {
                try agenda.insert(db)
                agendaID = agenda.id ?? db.lastInsertedRowID
            }
            var state = state
            state.agenda = agendaID ?? state.agenda
            state.seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM jobState WHERE job = ?", arguments: [state.job]) ?? 0) + 1
            try state.insert(db)
            return agendaID
        }
    }

    /// A job with its latest state.
    package func job(_ id: Int64) async throws -> JobView? {
        try await read { db in
            guard let job = try JobRecord.fetchOne(db, key: id) else { return nil }
            return try Self.view(job, db)
        }
    }

    /// A gathering's jobs, newest first.
    package func jobs(of gathering: String) async throws -> [JobView] {
        try await read { db in
            try JobRecord.fetchAll(db, sql: "SELECT * FROM job WHERE gathering = ? ORDER BY id DESC", arguments: [gathering])
                .compactMap { try Self.view($0, db) }
        }
    }

    /// Jobs a server that stopped left queued or running: they end as failed, saying so. Called when the server starts.
    package func endInterruptedJobs() async throws -> Int {
        let now = Timestamp.now()
        return try await write { db in
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT s.job FROM jobState s
                    WHERE s.seq = (SELECT MAX(seq) FROM jobState t WHERE t.job = s.job) AND s.state IN ('queued', 'running')
                    """)
            for id in ids {
                let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM jobState WHERE job = ?", arguments: [id]) ?? 0) + 1
                try JobStateRecord(
                    job: id, seq: seq, state: JobState.failed.rawValue, error: "the server stopped before the job ended", at: now
                ).insert(db)
            }
            return ids.count
        }
    }

    // MARK: Helpers

    /// A write transaction that the caller's cancellation does not abandon: a job cancelled by its client still stores
    /// how it ended (GRDB's async access gives up when the calling task is cancelled).
    private func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Task { try await pool.write(updates) }.value
    }

    private func read<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Task { try await pool.read(value) }.value
    }

    private static func view(_ job: JobRecord, _ db: Database) throws -> JobView? {
        guard let id = job.id,
            let latest = try JobStateRecord.fetchOne(
                db, sql: "SELECT * FROM jobState WHERE job = ? ORDER BY seq DESC LIMIT 1", arguments: [id])
        else { return nil }
        let started = try String.fetchOne(
            db, sql: "SELECT at FROM jobState WHERE job = ? AND state = 'running' ORDER BY seq LIMIT 1", arguments: [id])
        return JobView(job: job, latest: latest, started: started)
    }

    private static func record(_ new: NewVersion, gathering: String, version: Int, created: String) -> GatheringVersionRecord {
        GatheringVersionRecord(
            gathering: gathering, version: version, document: new.document, name: new.name, sessions: new.sessions, rooms: new.rooms,
            slots: new.slots, people: new.people, attendees: new.attendees, created: created)
    }

    /// `p2pu-gathering-2019` from "P2PU Gathering 2019": lower-case letters and digits joined by `-`, at most 40 characters.
    package static func slug(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words {
            guard slug.isEmpty || slug.count + 1 + word.count <= 40 else { break }
            slug += (slug.isEmpty ? "" : "-") + word
        }
        return slug.isEmpty ? "gathering" : String(slug.prefix(40))
    }
}

/// The states a job goes through, as stored. The API shows `queued` as `running` with `queued: true`.
package enum JobState: String, Sendable {
    case queued, running, done, cancelled, failed

    /// Whether the job has ended.
    package var isFinal: Bool { self == .done || self == .cancelled || self == .failed }
}

/// Times as stored and shown: RFC 3339 in UTC, to the millisecond.
package enum Timestamp {
    package static func now() -> String { string(Date()) }
    package static func string(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
}
