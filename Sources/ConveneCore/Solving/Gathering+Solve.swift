import Foundation

extension Gathering {
    /// Builds the best agenda `solver` can find within the options' limits: the library's front
    /// door, which every command and call goes through.
    ///
    /// The agenda returned has been judged by the ``AgendaChecker``. With a previous agenda, its
    /// `stats.diff` is the ``AgendaDiff`` document: what changed, and whom to tell. When the solver's answer
    /// breaks a rule, it is refused (``SolveResult/notes`` says why) and the best agenda the
    /// solver reported earlier that the checker accepts is returned instead, or none, with status
    /// `unknown`. Cancelling the calling task stops the solver within a fraction of a second; the
    /// call then returns the best verified agenda found so far, with ``SolveResult/termination``
    /// `cancelled` (unless it is proven optimal). No thread started by the solve outlives the call.
    ///
    /// ```swift
    /// let gathering = try Gathering(contentsOf: url)
    /// let result = try await gathering.solve(using: SearchSolver(), options: .init(timeLimit: .seconds(5)))
    /// print(result.agenda.json)
    /// ```
    ///
    /// - Throws: ``SolveError`` when the options are inconsistent; whatever a solver of your own
    ///   throws.
    public func solve(using solver: some AgendaSolver, options: SolveOptions = SolveOptions()) async throws -> SolveResult {
        let started = ContinuousClock.now
        let domain: Domain
        do {
            domain = try replanningDomain(previous: options.previous, frozenUntil: options.frozenUntil, keep: options.keep)
        } catch {
            throw SolveError(error)
        }
        guard options.relativeGap >= 0, options.relativeGap.isFinite else {
            throw SolveError.invalidOption("the relative gap must be 0 or more, such as 0.01 for 1 %")
        }
        if let limit = options.timeLimit, limit < .zero { throw SolveError.invalidOption("the time limit must not be negative") }
        let stop = StopFlag()
        let board = ProgressBoard(started: started, forward: options.progress)
        var problem = SolveProblem(
            gathering: self, options: options, domain: domain, started: started,
            deadline: options.timeLimit.map { started + $0 }, stop: stop, board: board)
        // The domain's own bound, before any solver: every gathering has one, at any size.
        problem.lowerBound = domain.lowerBound { problem.shouldStop }
        board.report(solver: .custom("bound"), objective: nil, bound: problem.lowerBound.total, answer: nil)
        let attempt = try await withTaskCancellationHandler {
            try await solver.attempt(problem)
        } onCancel: {
            stop.raise()
        }
        return Verdict(domain: domain, board: board, deadline: problem.deadline, lowerBoundParts: problem.lowerBound).judge(
            attempt, cancelled: Task.isCancelled, started: started)
    }

    /// Whole seconds since 1970, as the gathering counts time. A fraction of a second rounds up:
    /// for the whole-second start `s` of a session, `s < t` exactly when `s < ⌈t⌉`.
    static func instant(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.up))
    }
}

/// The front door's judgement of a solver's answer.
private struct Verdict {
    let domain: Domain
    let board: ProgressBoard
    /// The time limit's instant, if any: a solver stopped past it was stopped by it.
    let deadline: ContinuousClock.Instant?
    /// The domain's bound, valid for every agenda whatever the solver says.
    let lowerBoundParts: LowerBound
    var lowerBound: Int { lowerBoundParts.total }

    func judge(_ attempt: SolverAttempt, cancelled: Bool, started: ContinuousClock.Instant) -> SolveResult {
        let checker = AgendaChecker(domain: domain)
        var notes: [String] = []
        var solver = attempt.solver
        var found: AgendaChecker.Report?
        var rejected: [AgendaChecker.Violation] = []
        if attempt.hasAgenda {
            let report = checker.check(document(attempt.assignments.map { .resolved($0) } ?? .document(attempt.placements ?? [])))
            if report.isValid {
                found = report
            } else {
                rejected = report.violations
                let count = report.violations.count
                notes.append(
                    "The \(attempt.solver.name) solver's agenda breaks \(count) rule\(count == 1 ? "" : "s") and was refused: "
                        + "\(report.violations[0]).")
                // The best agenda reported earlier that the checker accepts, if any.
                for (kind, answer) in board.recentAnswers {
                    let earlier = checker.check(document(answer))
                    guard earlier.isValid else { continue }
                    (found, solver) = (earlier, kind)
                    notes.append("The best earlier agenda that the checker accepts, from the \(kind.name) solver, is given instead.")
                    break
                }
            }
        } else if attempt.status == .optimal || attempt.status == .feasible {
            notes.append("The \(attempt.solver.name) solver claimed an agenda but gave none.")
        }
        var bound: Int? = max(attempt.bound ?? lowerBound, lowerBound)
        let status: Agenda.Status
        if let found {
            // A bound above the agenda's objective cannot be right; a bound equal to it proves the agenda optimal.
            if let b = bound, b > found.objective {
                notes.append("The solver's bound \(b) exceeds its agenda's objective \(found.objective), so it was dropped.")
                bound = nil
            }
            status = bound == found.objective ? .optimal : .feasible
        } else {
            status = attempt.status == .infeasible && !attempt.hasAgenda ? .infeasible : .unknown
            if status == .infeasible { bound = nil }
        }
        let elapsed = ContinuousClock.now - started
        let termination = Termination.judged(
            status: status, claimed: attempt.termination, cancelled: cancelled, timeUp: deadline.map { ContinuousClock.now >= $0 } == true,
            hasAgenda: found != nil)
        var statistics = attempt.statistics
        statistics.lowerBound = lowerBoundParts
        statistics.seconds = (elapsed.seconds * 1000).rounded() / 1000
        statistics.termination = termination
        var agenda = Agenda(
            status: status, solver: found == nil && status != .infeasible ? nil : solver, bound: bound,
            assignments: found?.assignments, domain: domain, statistics: statistics)
        // A replanned agenda says what changed, in the contract's diff document.
        if let previous = domain.previous, found != nil {
            agenda.statistics.diff = AgendaDiff(previous: previous.agenda, new: agenda, gathering: domain.gathering)
        }
        return SolveResult(
            agenda: agenda, rejected: rejected, notes: notes, wasCancelled: cancelled, termination: termination, elapsed: elapsed)
    }

    /// An answer's agenda as a document the checker can resolve.
    private func document(_ answer: ProgressBoard.Answer) -> Agenda {
        switch answer {
        case .document(let placements): Agenda(status: .feasible, placements: placements)
        case .resolved(let assignments):
            Agenda(status: .feasible, solver: nil, bound: nil, assignments: assignments, domain: domain)
        }
    }
}

extension Termination {
    /// Why the solve stopped: a proof when the status holds one; else cancellation, which the
    /// solver cannot tell from its other stops; else the solver's own reason when it is a limit
    /// or it gave up; else the time limit when it has passed; else the solver's own end.
    static func judged(status: Agenda.Status, claimed: Termination?, cancelled: Bool, timeUp: Bool, hasAgenda: Bool) -> Termination {
        switch status {
        case .optimal: return .optimal
        case .infeasible: return .infeasible
        case .feasible, .unknown: break
        }
        if cancelled { return .cancelled }
        // A claimed proof the verdict does not bear out (a refused answer) says nothing.
        if let claimed, ![.optimal, .infeasible, .cancelled].contains(claimed) { return claimed }
        if timeUp { return .timeLimit }
        return hasAgenda ? .workLimit : .noSolutionFound
    }
}
