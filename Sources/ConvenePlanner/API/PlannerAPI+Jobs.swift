import Convene
import ConvenePlannerAPI
import Foundation
import OpenAPIRuntime

extension PlannerAPI {
    package func solveGathering(_ input: Operations.SolveGathering.Input) async throws -> Operations.SolveGathering.Output {
        let id = input.path.gathering
        let record = try await planner.latest(id)
        var request = Components.Schemas.SolveRequest()
        if case .json(let body)? = input.body { request = body }
        if let version = request.version, version != record.version {
            throw APIError(
                .conflict, "version \(version) is no longer the latest of \"\(id)\" (\(record.version) is); solve the latest one",
                problems: [.init(path: "version", message: "the latest version is \(record.version)", severity: .error)])
        }
        let loaded = try planner.library.load(record)
        var options = SolveOptions(timeLimit: .milliseconds(10_000))
        if let limit = request.timeLimit {
            guard limit > 0, limit <= 3600 else { throw APIError.invalidRequest("timeLimit", "a number of seconds above 0, at most 3600") }
            options.timeLimit = .milliseconds(Int64((limit * 1000).rounded()))
        }
        if let seed = request.seed {
            guard seed >= 0 else { throw APIError.invalidRequest("seed", "a whole number, 0 or more") }
            options.seed = UInt64(seed)
        }
        if let moves = request.moves, moves < 0 { throw APIError.invalidRequest("moves", "a whole number, 0 or more") }
        var previousID: Int64?
        if let previous = request.previous {
            guard let number = PlannerID.agenda(previous), let agenda = try await planner.store.agenda(number), agenda.gathering == id
            else {
                throw APIError.invalidRequest("previous", "\"\(previous)\" is not an agenda of \"\(id)\"")
            }
            options.previous = try planner.library.agenda(agenda)
            previousID = number
        }
        if let frozen = request.frozenUntil {
            guard options.previous != nil else {
                throw APIError.invalidRequest("frozenUntil", "needs previous: it freezes what the previous agenda placed before it")
            }
            switch loaded.gathering.date(fromLocalTime: frozen) {
            case .success(let date): options.frozenUntil = date
            case .failure(let problem): throw APIError.invalidRequest("frozenUntil", "\(problem)")
            }
        }
        do {
            // The front door's own checks of the options, before anything is stored.
            _ = try AgendaChecker(gathering: loaded.gathering, previous: options.previous, frozenUntil: options.frozenUntil)
        } catch {
            throw APIError.invalidRequest(options.frozenUntil == nil ? "previous" : "frozenUntil", error.description)
        }
        let solver = SolverChoice(rawValue: request.solver?.rawValue ?? "auto") ?? .auto
        var stored = request
        stored.solver = .init(rawValue: solver.rawValue)
        stored.timeLimit = Double(options.timeLimit.map { $0 / .milliseconds(1) } ?? 10_000) / 1000
        stored.version = record.version
        let job = try await planner.store.insertJob(
            JobRecord(
                id: nil, gathering: id, version: record.version, request: try JSONEncoder().encode(stored), solver: solver.rawValue,
                created: Timestamp.now()))
        await planner.jobs.submit(
            JobSpec(id: job, gathering: loaded, solver: solver, moves: request.moves, options: options, previous: previousID))
        let jobID = PlannerID.job(job)
        return .accepted(.init(headers: .init(location: "/api/jobs/\(jobID)"), body: .json(.init(job: jobID))))
    }

    package func listJobs(_ input: Operations.ListJobs.Input) async throws -> Operations.ListJobs.Output {
        _ = try await planner.latest(input.path.gathering)
        var jobs: [JSONDocument] = []
        for view in try await planner.store.jobs(of: input.path.gathering) { jobs.append(await document(view)) }
        return .ok(.init(body: .json(jobs)))
    }

    package func getJob(_ input: Operations.GetJob.Input) async throws -> Operations.GetJob.Output {
        .ok(.init(body: .json(await document(try await planner.job(input.path.job)))))
    }

    package func cancelJob(_ input: Operations.CancelJob.Input) async throws -> Operations.CancelJob.Output {
        let view = try await planner.job(input.path.job)
        if let id = view.job.id { await planner.jobs.cancel(id) }
        return .ok(.init(body: .json(await document(try await planner.job(input.path.job)))))
    }

    package func streamJobEvents(_ input: Operations.StreamJobEvents.Input) async throws -> Operations.StreamJobEvents.Output {
        let view = try await planner.job(input.path.job)
        let events: JobEvents
        if let id = view.job.id, let channel = await planner.jobs.channel(id) {
            events = channel.listen()
        } else {
            // Already ended: its last progress and `done`, then the stream closes.
            let ended = JobChannel(abandoned: {})
            if view.latest.objective != nil || view.latest.bound != nil {
                ended.report(objective: view.latest.objective, bound: view.latest.bound, solver: view.job.solver, seconds: 0)
            }
            ended.finish(job: JobJSON.data(view, live: nil, position: nil))
            events = ended.listen()
        }
        return .ok(.init(body: .textEventStream(HTTPBody(events, length: .unknown, iterationBehavior: .single))))
    }

    /// The job as the API shows it, with the live progress of a running job and the place of a waiting one.
    func document(_ view: JobView) async -> JSONDocument {
        guard let id = view.job.id, let channel = await planner.jobs.channel(id) else {
            return JobJSON.document(view, live: nil, position: nil)
        }
        return JobJSON.document(view, live: channel.latest, position: await planner.jobs.position(id))
    }
}
