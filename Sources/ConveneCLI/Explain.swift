import ArgumentParser
import Convene
import ConveneGLPK

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Says why no agenda exists, as a smallest set of conflicting requirements; or, when one does, what each of its costs is.",
        discussion: "Exit status: 0 an agenda exists; 1 explained infeasibility; 64 bad usage; 65 invalid input; 66 unreadable file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(name: .customLong("time-limit"), help: "Seconds each feasibility check may take, and the solve of a feasible input.")
    var timeLimit: Double = 10

    @Option(help: "The previous agenda, for the change costs of a feasible input.")
    var previous: String?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds.") }
    }

    func run() throws {
        let gathering = try Files.gathering(input)
        let previousAgenda = try previous.map { PreviousAgenda(try Files.agenda($0)) }
        let explanation = ConflictExplainer(oracle: ExactSolver.feasibilityOracle(timeLimit: timeLimit)).explain(gathering)
        if format == .json {
            try Files.write(explanation.json(gathering), to: nil)
        } else {
            try Files.write(explanation.text(gathering), to: nil)
        }
        guard explanation.feasible else { throw Exit.noAgenda }
        guard format == .text else { return }
        let outcome = Portfolio(glpk: GLPKSettings(timeLimit: timeLimit)).solve(Domain(gathering), previous: previousAgenda)
        guard outcome.placements != nil else { return }
        let agenda = Agenda(outcome, gathering: gathering, previous: previousAgenda)
        print(
            "\nIts best agenda found in \(JSONValue.format(timeLimit)) s (\(agenda.status.rawValue), objective \(agenda.objective ?? 0)) "
                + "costs this, person by person:"
        )
        print(CostSummary.byPerson(agenda.costs, gathering: gathering), terminator: "")
    }
}
