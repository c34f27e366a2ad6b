import Convene
import ConveneGLPK
import ConvenePlannerAPI
import Foundation
import OpenAPIRuntime

extension PlannerAPI {
    package func listAgendas(_ input: Operations.ListAgendas.Input) async throws -> Operations.ListAgendas.Output {
        _ = try await planner.latest(input.path.gathering)
        let list = try await planner.store.agendas(of: input.path.gathering).map { record in
            Components.Schemas.AgendaSummary(
                id: PlannerID.agenda(record.id ?? 0), version: record.version, status: .init(rawValue: record.status) ?? .feasible,
                objective: record.objective, created: record.created, solver: record.solver, job: record.job.map(PlannerID.job),
                previous: record.previous.map(PlannerID.agenda))
        }
        return .ok(.init(body: .json(list)))
    }

    package func createAgenda(_ input: Operations.CreateAgenda.Input) async throws -> Operations.CreateAgenda.Output {
        let id = input.path.gathering
        let record = try await planner.latest(id)
        if let version = input.query.version, version != record.version {
            throw APIError(
                .conflict, "version \(version) is no longer the latest of \"\(id)\" (\(record.version) is); check the agenda against it",
                problems: [.init(path: "version", message: "the latest version is \(record.version)", severity: .error)])
        }
        let data = try Documents.body()
        let document: Agenda
        do {
            document = try Agenda.load(data).value
        } catch {
            throw APIError(
                .unprocessableContent, "the agenda document is not valid", problems: error.diagnostics.map(Components.Schemas.Problem.init))
        }
        let loaded = try planner.library.load(record)
        let report = loaded.checker.check(document)
        guard report.isValid else {
            let count = report.violations.count
            throw APIError(
                .unprocessableContent, "the agenda breaks \(count) rule\(count == 1 ? "" : "s"); nothing was stored",
                problems: report.violations.map { violation in
                    .init(path: Self.path(of: violation, in: document), message: violation.description, severity: .error)
                })
        }
        // Stored as the checker resolved it: placements in time order with their slots, times and costs.
        var agenda = Agenda(
            status: .feasible, solver: nil, bound: nil, assignments: report.assignments, domain: loaded.checker.domain)
        agenda.solver = document.solver
        if let bound = document.bound, bound <= report.objective {
            agenda.bound = bound
            if bound == report.objective { agenda.status = .optimal }
        }
        let number = try await planner.store.insertAgenda(
            AgendaRecord(
                id: nil, gathering: id, version: record.version, document: agenda.json, status: agenda.status.rawValue,
                objective: agenda.objective, solver: agenda.solver, job: nil, previous: nil, created: Timestamp.now()))
        let agendaID = PlannerID.agenda(number)
        return .created(
            .init(
                headers: .init(location: "/api/gatherings/\(id)/agendas/\(agendaID)"),
                body: .json(.init(id: agendaID, version: record.version, objective: report.objective))))
    }

    /// `placements[k]` for a violation that names the session placed at `k` (by its id in parentheses), else the document.
    private static func path(of violation: AgendaChecker.Violation, in agenda: Agenda) -> String {
        let k = agenda.placements.firstIndex { violation.message.contains("(\($0.session))") }
        return k.map { "placements[\($0)]" } ?? "(document)"
    }

    package func getAgenda(_ input: Operations.GetAgenda.Input) async throws -> Operations.GetAgenda.Output {
        let record = try await planner.agenda(input.path.agenda, of: input.path.gathering)
        return .ok(.init(body: .json(JSONDocument(try planner.library.agenda(record).jsonValue))))
    }

    package func whatIf(_ input: Operations.WhatIf.Input) async throws -> Operations.WhatIf.Output {
        guard case .json(let request) = input.body else { throw APIError.unreadable("the body is empty") }
        let record = try await planner.agenda(input.path.agenda, of: input.path.gathering)
        // Judged against the gathering as it is now: a room closed since the agenda was made shows, and repairing
        // the rest replans around it.
        let loaded = try planner.library.load(try await planner.latest(input.path.gathering))
        let original = WhatIf.current(try planner.library.agenda(record), in: loaded.gathering)
        let whatIf = WhatIf(
            loaded: loaded, original: original,
            originalObjective: planner.library.objective(of: record, version: loaded.version) {
                loaded.checker.check(WhatIf.unstated(original)).objective
            })
        let moves = request.moves.map { WhatIf.Move(session: $0.session, run: $0.run, start: $0.start, rooms: $0.rooms) }
        var verdict: WhatIf.Verdict
        if request.reoptimise == true {
            var options = SolveOptions(timeLimit: .milliseconds(10_000))
            if let limit = request.timeLimit {
                guard limit > 0, limit <= 3600 else {
                    throw APIError.invalidRequest("timeLimit", "a number of seconds above 0, at most 3600")
                }
                options.timeLimit = .milliseconds(Int64((limit * 1000).rounded()))
            }
            if let seed = request.seed {
                guard seed >= 0 else { throw APIError.invalidRequest("seed", "a whole number, 0 or more") }
                options.seed = UInt64(seed)
            }
            if let moves = request.searchMoves, moves < 0 { throw APIError.invalidRequest("searchMoves", "a whole number, 0 or more") }
            let solver = SolverChoice(rawValue: request.solver?.rawValue ?? "auto") ?? .auto
            verdict = try await whatIf.reoptimise(moves, using: solver.solver(moves: request.searchMoves), options: options)
        } else {
            verdict = try whatIf.judge(moves)
        }
        verdict.version = loaded.version
        return .ok(.init(body: .json(Self.document(verdict))))
    }

    private static func document(_ verdict: WhatIf.Verdict) -> JSONDocument {
        .object([
            "valid": .bool(verdict.isValid),
            "violations": .array(verdict.violations.map { .object(["rule": .int($0.rule.rawValue), "message": .string($0.message)]) }),
            "objective": .int(verdict.objective),
            "delta": .int(verdict.delta),
            "agenda": JSONDocument(verdict.agenda.jsonValue),
            "diff": JSONDocument(verdict.diff.jsonValue),
            "status": .string(verdict.status?.rawValue),
            "notes": .strings(verdict.notes),
            "seconds": .double((verdict.seconds * 1000).rounded() / 1000),
            "version": .int(verdict.version),
        ])
    }

    package func diffAgendas(_ input: Operations.DiffAgendas.Input) async throws -> Operations.DiffAgendas.Output {
        let record = try await planner.agenda(input.path.agenda, of: input.path.gathering)
        let against = try await planner.agenda(input.query.against, of: input.path.gathering)
        let loaded = try await planner.gathering(of: record)
        let diff = AgendaDiff(
            previous: try planner.library.agenda(against), new: try planner.library.agenda(record), gathering: loaded.gathering)
        return .ok(.init(body: .json(JSONDocument(diff.jsonValue))))
    }
}
