import Convene
import Foundation

/// What moving sessions of a stored agenda would break, cost and change: the checker alone, or with the other sessions
/// solved again around the moved ones.
package struct WhatIf: Sendable {
    /// One session moved: to another start slot and rooms, or off the agenda (`start` nil).
    package struct Move: Sendable {
        package var session: String
        /// Which run of the session (1 … its `runs`); nil: run 1.
        package var run: Int?
        package var start: String?
        /// nil: the rooms it has now.
        package var rooms: [String]?

        package init(session: String, run: Int? = nil, start: String?, rooms: [String]? = nil) {
            self.session = session
            self.run = run
            self.start = start
            self.rooms = rooms
        }
    }

    /// The answer: the agenda with the moves (or repaired), what it breaks and costs, and what changed from the original.
    package struct Verdict: Sendable {
        package var violations: [AgendaChecker.Violation]
        package var objective: Int?
        package var delta: Int?
        package var agenda: Agenda
        package var diff: AgendaDiff
        /// With a re-solve: what it found.
        package var status: Agenda.Status?
        package var notes: [String] = []
        package var seconds: Double = 0
        /// The version of the gathering that judged it.
        package var version: Int?
        package var isValid: Bool { violations.isEmpty }
    }

    package let loaded: LoadedGathering
    /// The agenda moved from.
    package let original: Agenda
    /// Its objective as the checker counts it with no previous agenda (no change costs).
    package let originalObjective: Int

    package init(loaded: LoadedGathering, original: Agenda, originalObjective: Int? = nil) {
        self.loaded = loaded
        self.original = original
        self.originalObjective = originalObjective ?? loaded.checker.check(Self.unstated(original)).objective
    }

    private var gathering: Gathering { loaded.gathering }

    /// The original with the moves applied, in order (a later move of the same session wins). Throws 422, at the move's
    /// path, for an unknown session, slot or room, a run other than the first, or a session placed anew without rooms.
    package func moved(_ moves: [Move]) throws(APIError) -> Agenda {
        var placements = original.placements
        for (i, move) in moves.enumerated() {
            let at = "moves[\(i)]"
            guard let s = gathering.sessionIndex[move.session] else {
                throw .invalidRequest("\(at).session", "no session has the id \"\(move.session)\"")
            }
            let runs = gathering.sessions[s].runs
            let run = move.run ?? 1
            guard (1...runs).contains(run) else {
                throw .invalidRequest(
                    "\(at).run", runs == 1 ? "\"\(move.session)\" takes place once: its only run is 1" : "a run of \"\(move.session)\" is 1 to \(runs)")
            }
            if let start = move.start, gathering.slotIndex[start] == nil {
                throw .invalidRequest("\(at).start", "no slot has the id \"\(start)\"")
            }
            for (k, room) in (move.rooms ?? []).enumerated() where gathering.roomIndex[room] == nil {
                throw .invalidRequest("\(at).rooms[\(k)]", "no room has the id \"\(room)\"")
            }
            let index = placements.firstIndex { $0.session == move.session && $0.run == run }
            guard let start = move.start else {
                if let index { placements.remove(at: index) }
                continue
            }
            guard let rooms = move.rooms ?? index.map({ placements[$0].rooms }) else {
                throw .invalidRequest("\(at).rooms", "give its rooms: \"\(move.session)\" is not placed in this agenda")
            }
            let placement = Agenda.Placement(session: move.session, run: run, start: start, rooms: rooms)
            if let index { placements[index] = placement } else { placements.append(placement) }
        }
        return document(placements.map { Agenda.Placement(session: $0.session, run: $0.run, start: $0.start, rooms: $0.rooms) })
    }

    /// The checker's verdict on the moved agenda: no solve.
    package func judge(_ moves: [Move]) throws(APIError) -> Verdict {
        let agenda = try moved(moves)
        let report = loaded.checker.check(agenda)
        var judged = agenda
        judged.costs = report.costs
        judged.objective = report.objective
        return Verdict(
            violations: report.violations, objective: report.objective, delta: report.objective - originalObjective, agenda: judged,
            diff: AgendaDiff(previous: original, new: judged, gathering: gathering))
    }

    /// The moved sessions held where the moves put them, every other session solved again with the moved agenda as the
    /// previous one: a session that moves costs `weights.change` (another room at the same time `weights.roomChange`),
    /// so the solver changes only what pays for itself. The agenda returned is judged again without a previous agenda,
    /// so that it can be stored as it is; its diff is against the original.
    package func reoptimise(_ moves: [Move], using solver: some AgendaSolver, options: SolveOptions) async throws -> Verdict {
        let start = ContinuousClock.now
        let checked = try judge(moves)
        var options = options
        options.previous = Self.unstated(checked.agenda)
        options.keep = Set(moves.filter { $0.start != nil }.map(\.session))
        let result = try await gathering.solve(using: solver, options: options)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        guard result.agenda.objective != nil else {
            var verdict = checked
            verdict.status = result.status
            verdict.notes = result.notes
            if result.status == .infeasible {
                verdict.notes.append("No agenda holds the moved sessions where the moves put them: the hard rules cannot all hold.")
            } else {
                verdict.notes.append("No agenda was found in the time given.")
            }
            verdict.seconds = seconds
            return verdict
        }
        let report = loaded.checker.check(Self.unstated(result.agenda))
        var repaired = document(report.assignments, solver: result.agenda.solver)
        repaired.costs = report.costs
        repaired.objective = report.objective
        return Verdict(
            violations: report.violations, objective: report.objective, delta: report.objective - originalObjective, agenda: repaired,
            diff: AgendaDiff(previous: original, new: repaired, gathering: gathering), status: result.status, notes: result.notes,
            seconds: seconds)
    }

    /// An agenda document of these placements, each with its slots and times where its start has a run of slots, and
    /// every session it does not place listed as unscheduled.
    private func document(_ placements: [Agenda.Placement]) -> Agenda {
        let zone = gathering.timeZone
        let filled = placements.map { p -> Agenda.Placement in
            guard let s = gathering.sessionIndex[p.session], let t = gathering.slotIndex[p.start],
                let chain = loaded.checker.domain.chain(session: s, start: t)
            else { return p }
            return Agenda.Placement(
                session: p.session, run: p.run, start: p.start, rooms: p.rooms, slots: chain.map { gathering.slots[$0].id },
                startTime: LocalTime.format(gathering.slots[chain.lowerBound].startSecond, in: zone),
                endTime: LocalTime.format(gathering.slots[chain.upperBound - 1].endSecond, in: zone))
        }
        let placed = Set(placements.map(\.session))
        return Agenda(status: .feasible, placements: filled, unscheduled: gathering.sessions.map(\.id).filter { !placed.contains($0) })
    }

    private func document(_ assignments: [Assignment], solver: String?) -> Agenda {
        var agenda = Agenda(status: .feasible, solver: nil, bound: nil, assignments: assignments, domain: loaded.checker.domain)
        agenda.solver = solver
        return agenda
    }

    /// A stored agenda as the gathering is now: placements of sessions it no longer holds are left out (they were
    /// cancelled; the diff lists them as such).
    package static func current(_ agenda: Agenda, in gathering: Gathering) -> Agenda {
        var copy = agenda
        copy.placements = agenda.placements.filter { gathering.sessionIndex[$0.session] != nil }
        copy.unscheduled = agenda.unscheduled.filter { gathering.sessionIndex[$0] != nil }
        return copy
    }

    /// The agenda without its stated objective and status claims, so that the checker judges its placements alone.
    package static func unstated(_ agenda: Agenda) -> Agenda {
        var copy = agenda
        copy.objective = nil
        copy.status = .feasible
        copy.bound = nil
        return copy
    }
}
