import Foundation
import OpenAPIRuntime

/// A job as the API shows it: `{"id", "gathering", "version", "state", "queued", "objective", "bound", "gap", "agenda",
/// "status", "solver", "created", "started", "finished", "error", "notes"}`, every key present (null when unknown).
enum JobJSON {
    /// The job; `live` is the running job's best progress so far, `position` its place in the queue while it waits.
    static func object(_ view: JobView, live: JobChannel.Progress?, position: Int?) -> [String: (any Sendable)?] {
        let state = JobState(rawValue: view.latest.state) ?? .failed
        let objective = view.latest.objective ?? (state.isFinal ? nil : live?.objective)
        let bound = view.latest.bound ?? (state.isFinal ? nil : live?.bound)
        let gap = JobChannel.Progress(objective: objective, bound: bound, solver: "", seconds: 0).gap
        let notes = view.latest.notes.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
        let fields: [(String, (any Sendable)?)] = [
            ("id", PlannerID.job(view.job.id ?? 0)),
            ("gathering", view.job.gathering),
            ("version", view.job.version),
            ("state", state == .queued ? JobState.running.rawValue : state.rawValue),
            ("queued", state == .queued),
            ("position", position),
            ("objective", objective),
            ("bound", bound),
            ("gap", gap),
            ("agenda", view.latest.agenda.map(PlannerID.agenda)),
            ("status", view.latest.status),
            ("solver", view.job.solver),
            ("created", view.job.created),
            ("started", view.started),
            ("finished", state.isFinal ? view.latest.at : nil),
            ("error", view.latest.error),
            ("notes", notes.map { $0 as (any Sendable)? }),
        ]
        var object: [String: (any Sendable)?] = [:]
        for (key, value) in fields { object.updateValue(value, forKey: key) }
        return object
    }

    static func container(_ view: JobView, live: JobChannel.Progress?, position: Int?) -> OpenAPIObjectContainer {
        (try? OpenAPIObjectContainer(unvalidatedValue: object(view, live: live, position: position))) ?? OpenAPIObjectContainer()
    }

    /// The job as compact JSON, for the `done` event.
    static func data(_ view: JobView, live: JobChannel.Progress?, position: Int?) -> Data {
        (try? JSONEncoder().encode(container(view, live: live, position: position))) ?? Data("{}".utf8)
    }
}
