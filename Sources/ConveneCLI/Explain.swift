import ArgumentParser
import Convene
import ConveneGLPK

struct Explain: AsyncParsableCommand {
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

    @OptionGroup var replan: ReplanOptions

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds.") }
    }

    func run() async throws {
        let gathering = try Files.gathering(input)
        let previous = try replan.previousAgenda()
        let frozen = try replan.frozenDate(in: gathering)
        let limit = Duration.milliseconds(Int64(timeLimit * 1000))
        let explanation = try await ConflictExplainer(oracle: .exact(timeLimit: limit))
            .explain(gathering, previous: previous, frozenUntil: frozen)
        try Files.write(format == .json ? explanation.json() : explanation.text(gathering), to: nil)
        guard explanation.feasible else { throw ExitStatus.noAgenda.code }
        guard format == .text else { return }
        let result = try await gathering.solve(
            using: PortfolioSolver(), options: SolveOptions(timeLimit: limit, previous: previous, frozenUntil: frozen))
        guard let objective = result.objective else { return }
        print(
            "\nIts best agenda found in \(JSONValue.format(timeLimit)) s (\(result.status.rawValue), objective \(objective)) "
                + "costs this, person by person:")
        print(CostSummary.byPerson(result.costs, gathering: gathering), terminator: "")
    }
}
