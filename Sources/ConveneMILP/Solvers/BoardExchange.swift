import ConveneCore

/// GLPK's side of a portfolio's exchange of agendas, through the progress board that every
/// solver of the solve reports to: a cheaper agenda on the board (the search's, fix-and-optimise's)
/// becomes GLPK's incumbent once the AgendaChecker accepts it and it encodes to a point of the
/// program that breaks no row; each better agenda GLPK finds goes on the board, judged first.
package final class BoardExchange {
    let model: ScheduleFormulation
    let problem: SolveProblem
    let checker: AgendaChecker
    /// The board's serial number of the last agenda looked at.
    private var seen = 0

    /// Branch-and-cut's time on its own before it takes up the board's agendas: P2PU's optimum is
    /// proven in a tenth of a second from the construction alone, so that its agenda does not
    /// depend on how far the search had got; on large programs a second is little.
    package static let delay = Duration.seconds(1)

    let delay: Duration

    init(model: ScheduleFormulation, problem: SolveProblem, checker: AgendaChecker, delay: Duration = BoardExchange.delay) {
        self.model = model
        self.problem = problem
        self.checker = checker
        self.delay = delay
    }

    var exchange: MILPExchange {
        MILPExchange(delay: delay, incoming: { [self] in incoming($0) }, found: { [self] in found($0, $1) })
    }

    /// The board's best agenda as a point, when it is new, cheaper than `incumbent` and valid.
    private func incoming(_ incumbent: Double?) -> [Double]? {
        guard let best = problem.board.best, best.serial != seen else { return nil }
        seen = best.serial
        guard Double(best.objective) < (incumbent ?? .infinity) - 0.5, let agenda = checker.valid(best.answer),
            let x = model.encode(agenda), model.program.violations(x).isEmpty,
            model.program.objectiveValue(x) < (incumbent ?? .infinity) - 0.5
        else { return nil }
        return x
    }

    /// Puts an agenda GLPK found on the board, once the checker accepts it.
    private func found(_ point: [Double], _ objective: Double) {
        guard let agenda = model.decode(point) else { return }
        let report = checker.check(agenda)
        guard report.isValid else { return }
        problem.report(.milp, objective: report.objective, assignments: agenda)
    }
}

extension AgendaChecker {
    /// The agenda of a board's answer, by index, when it breaks no rule; nil otherwise.
    func valid(_ answer: ProgressBoard.Answer) -> [Assignment]? {
        let report =
            switch answer {
            case .resolved(let agenda): check(agenda)
            case .document(let placements): check(Agenda(status: .feasible, placements: placements))
            }
        return report.isValid ? report.assignments : nil
    }
}
