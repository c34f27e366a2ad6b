import Convene
import ConveneGLPK
import Foundation
import Logging

/// Which solver a job uses, by the API's name for it.
package enum SolverChoice: String, Sendable, CaseIterable {
    case auto, milp, search

    /// The solver, through the library's front door: `PortfolioSolver`, `ExactSolver` or `SearchSolver`.
    package func solver(moves: Int?) -> any AgendaSolver {
        switch self {
        case .auto: PortfolioSolver(searchMoves: moves)
        case .milp: ExactSolver()
        case .search: SearchSolver(moves: moves)
        }
    }
}

/// What a job solves: a stored version of a gathering, with the request's options.
package struct JobSpec: Sendable {
    package var id: Int64
    package var gathering: LoadedGathering
    package var solver: SolverChoice
    package var moves: Int?
    package var options: SolveOptions
    /// The stored agenda replanned, when there is one.
    package var previous: Int64?
}

/// The solves waiting and running: at most `limit` run at once, the others wait in the order they came.
///
/// Cancelling (DELETE, or the last listener leaving) takes a waiting job off the queue, or cancels a running job's task:
/// the library's front door then returns the best verified agenda found so far within a fraction of a second, and the
/// job ends `cancelled` with that agenda stored.
package actor JobQueue {
    private let limit: Int
    private let store: PlannerStore
    private var waiting: [JobSpec] = []
    private var running: [Int64: Task<Void, Never>] = [:]
    private var channels: [Int64: JobChannel] = [:]
    private var cancelled: Set<Int64> = []
    private var endings: [Int64: [CheckedContinuation<Void, Never>]] = [:]
    private let logger = Logger(label: "convene.jobs")

    package init(limit: Int, store: PlannerStore) {
        self.limit = max(1, limit)
        self.store = store
    }

    /// Queues a job (already stored as `queued`) and starts it when a solver is free.
    package func submit(_ spec: JobSpec) {
        channels[spec.id] = JobChannel(abandoned: { [weak self] in
            Task { await self?.cancel(spec.id) }
        })
        waiting.append(spec)
        startWaiting()
    }

    /// The live channel of a job that has not ended, nil for one that has (or never was).
    package func channel(_ id: Int64) -> JobChannel? { channels[id] }

    /// The position of a waiting job in the queue (1 is next), nil when it is not waiting.
    package func position(_ id: Int64) -> Int? { waiting.firstIndex { $0.id == id }.map { $0 + 1 } }

    /// Cancels a job and returns once it has ended (at once for a job that already had).
    package func cancel(_ id: Int64) async {
        if let index = waiting.firstIndex(where: { $0.id == id }) {
            waiting.remove(at: index)
            cancelled.insert(id)
            await end(id, state: JobStateRecord(job: id, state: JobState.cancelled.rawValue, at: Timestamp.now()))
            return
        }
        guard let task = running[id] else { return }
        cancelled.insert(id)
        task.cancel()
        await withCheckedContinuation { continuation in endings[id, default: []].append(continuation) }
    }

    /// Cancels every job (the server is stopping) and waits for the running ones to end.
    package func cancelAll() async {
        for id in waiting.map(\.id) + Array(running.keys) { await cancel(id) }
    }

    private func startWaiting() {
        while running.count < limit, !waiting.isEmpty {
            let spec = waiting.removeFirst()
            let channel = channels[spec.id]
            running[spec.id] = Task { [store] in
                let final = await JobRun(spec: spec, store: store, channel: channel).run()
                await self.end(spec.id, state: final.state, agenda: final.agenda)
            }
        }
    }

    /// Stores the job's last state (and agenda), tells its listeners, wakes whoever waits for its end, and starts the
    /// next waiting job.
    private func end(_ id: Int64, state: JobStateRecord, agenda: AgendaRecord? = nil) async {
        var state = state
        if cancelled.contains(id), state.state == JobState.done.rawValue { state.state = JobState.cancelled.rawValue }
        if let error = state.error { logger.warning("job \(PlannerID.job(id)) \(state.state): \(error)") }
        do {
            try await store.appendJobState(state, storing: agenda)
        } catch {
            logger.error("job \(PlannerID.job(id)): its end could not be stored: \(error)")
            _ = try? await store.appendJobState(
                JobStateRecord(job: id, state: JobState.failed.rawValue, error: "could not be stored: \(error)", at: Timestamp.now()))
        }
        if let channel = channels.removeValue(forKey: id) {
            let job = (try? await store.job(id)).map { JobJSON.data($0, live: nil, position: nil) } ?? Data("{}".utf8)
            channel.finish(job: job)
        }
        running[id] = nil
        cancelled.remove(id)
        for continuation in endings.removeValue(forKey: id) ?? [] { continuation.resume() }
        startWaiting()
    }
}

/// One job's solve: marks it running, solves through the front door with its progress forwarded, and says how it ended.
struct JobRun {
    let spec: JobSpec
    let store: PlannerStore
    let channel: JobChannel?

    func run() async -> (state: JobStateRecord, agenda: AgendaRecord?) {
        let id = spec.id
        _ = try? await store.appendJobState(JobStateRecord(job: id, state: JobState.running.rawValue, at: Timestamp.now()))
        var options = spec.options
        let channel = channel
        options.progress = { progress in
            channel?.report(
                objective: progress.objective, bound: progress.bound, solver: progress.solver.name,
                seconds: Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18)
        }
        let result: SolveResult
        do {
            result = try await spec.gathering.gathering.solve(using: spec.solver.solver(moves: spec.moves), options: options)
        } catch {
            return (JobStateRecord(job: id, state: JobState.failed.rawValue, error: "\(error)", at: Timestamp.now()), nil)
        }
        let agenda = result.agenda
        let notes = String(decoding: (try? JSONEncoder().encode(result.notes)) ?? Data("[]".utf8), as: UTF8.self)
        let state = JobStateRecord(
            job: id, state: (result.wasCancelled ? JobState.cancelled : JobState.done).rawValue, objective: agenda.objective,
            bound: agenda.objective != nil ? agenda.bound : channel?.latest?.bound, status: agenda.status.rawValue, notes: notes,
            at: Timestamp.now())
        // Only an agenda the front door's checker accepted has an objective; that is the one stored.
        guard agenda.objective != nil else { return (state, nil) }
        let record = AgendaRecord(
            id: nil, gathering: spec.gathering.id, version: spec.gathering.version, document: agenda.json,
            status: agenda.status.rawValue, objective: agenda.objective, solver: agenda.solver, job: id, previous: spec.previous,
            created: state.at)
        return (state, record)
    }
}
