import ConvenePlannerAPI
import Foundation

/// A job as the API shows it: `{"id", "gathering", "version", "state", "queued", "position", "objective", "bound",
/// "gap", "agenda", "status", "solver", "created", "started", "finished", "error", "notes"}`, every key present (null
/// when unknown).
enum JobJSON {
    /// The job; `live` is the running job's best progress so far, `position` its place in the queue while it waits.
    static func document(_ view: JobView, live: JobChannel.Progress?, position: Int?) -> JSONDocument {
        let state = JobState(rawValue: view.latest.state) ?? .failed
        let objective = view.latest.objective ?? (state.isFinal ? nil : live?.objective)
        let bound = view.latest.bound ?? (state.isFinal ? nil : live?.bound)
        let gap = JobChannel.Progress(objective: objective, bound: bound, solver: "", seconds: 0).gap
        let notes = view.latest.notes.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        return .object([
            "id": .string(PlannerID.job(view.job.id ?? 0)),
            "gathering": .string(view.job.gathering),
            "version": .int(view.job.version),
            "state": .string(state == .queued ? JobState.running.rawValue : state.rawValue),
            "queued": .bool(state == .queued),
            "position": .int(position),
            "objective": .int(objective),
            "bound": .int(bound),
            "gap": .double(gap),
            "agenda": .string(view.latest.agenda.map(PlannerID.agenda)),
            "status": .string(view.latest.status),
            "solver": .string(view.job.solver),
            "created": .string(view.job.created),
            "started": .string(view.started),
            "finished": .string(state.isFinal ? view.latest.at : nil),
            "error": .string(view.latest.error),
            "notes": .strings(notes),
        ])
    }

    /// The job as compact JSON, for the `done` event.
    static func data(_ view: JobView, live: JobChannel.Progress?, position: Int?) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(document(view, live: live, position: position))) ?? Data("{}".utf8)
    }
}
