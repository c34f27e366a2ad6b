import Convene
import Foundation
import Synchronization

/// A stored version of a gathering, validated and ready: the checker (and its domain) is built once per version.
package final class LoadedGathering: Sendable {
    package let id: String
    package let version: Int
    package let gathering: Gathering
    /// Judges agendas of this version with no previous agenda.
    package let checker: AgendaChecker

    init(id: String, version: Int, gathering: Gathering) throws {
        self.id = id
        self.version = version
        self.gathering = gathering
        checker = try AgendaChecker(gathering: gathering)
    }
}

/// Versions and agendas as the library reads them, kept for the next request: what-if answers in milliseconds only if
/// the gathering is not read and its domain not built again each time. Stored versions and agendas never change, so
/// nothing kept goes stale; the least recently used are let go beyond `capacity`.
package final class GatheringLibrary: Sendable {
    private struct Cache {
        var gatherings: [String: (value: LoadedGathering, used: Int)] = [:]
        var agendas: [Int64: (value: Agenda, used: Int)] = [:]
        var objectives: [String: Int] = [:]
        var clock = 0
    }

    private let cache = Mutex(Cache())
    private let capacity: Int

    package init(capacity: Int = 64) { self.capacity = capacity }

    /// The version read and validated (it was valid when stored).
    package func load(_ record: GatheringVersionRecord) throws -> LoadedGathering {
        let key = "\(record.version)@\(record.gathering)"
        if let hit = cache.withLock({ c -> LoadedGathering? in
            c.clock += 1
            c.gatherings[key]?.used = c.clock
            return c.gatherings[key]?.value
        }) {
            return hit
        }
        let loaded = try LoadedGathering(id: record.gathering, version: record.version, gathering: Gathering(json: record.document))
        cache.withLock { c in
            c.gatherings[key] = (loaded, c.clock)
            if c.gatherings.count > capacity, let oldest = c.gatherings.min(by: { $0.value.used < $1.value.used })?.key {
                c.gatherings[oldest] = nil
            }
        }
        return loaded
    }

    /// The stored agenda's objective against a version of its gathering as `compute` counts it, computed once.
    package func objective(of record: AgendaRecord, version: Int, _ compute: () -> Int) -> Int {
        guard let id = record.id else { return compute() }
        let key = "\(id)@\(version)"
        if let known = cache.withLock({ $0.objectives[key] }) { return known }
        let value = compute()
        cache.withLock { c in
            if c.objectives.count > capacity * 16 { c.objectives = [:] }
            c.objectives[key] = value
        }
        return value
    }

    /// The stored agenda's document, read.
    package func agenda(_ record: AgendaRecord) throws -> Agenda {
        guard let id = record.id else { return try Agenda.load(record.document).value }
        if let hit = cache.withLock({ c -> Agenda? in
            c.clock += 1
            c.agendas[id]?.used = c.clock
            return c.agendas[id]?.value
        }) {
            return hit
        }
        let agenda = try Agenda.load(record.document).value
        cache.withLock { c in
            c.agendas[id] = (agenda, c.clock)
            if c.agendas.count > capacity * 4, let oldest = c.agendas.min(by: { $0.value.used < $1.value.used })?.key {
                c.agendas[oldest] = nil
            }
        }
        return agenda
    }
}
