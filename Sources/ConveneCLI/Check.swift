import ArgumentParser
import Convene

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates an input and, with an agenda, verifies it against every hard rule and recomputes its costs.",
        discussion: ExitStatus.summary([.success, .noAgenda, .badUsage, .invalidInput, .unreadable])
    )

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(help: "An agenda document to verify against the input.")
    var agenda: String?

    @OptionGroup var replan: ReplanOptions

    func run() throws {
        let gathering = try Files.gathering(input)
        let previous = try replan.previousAgenda()
        let checker = try AgendaChecker(gathering: gathering, previous: previous, frozenUntil: replan.frozenDate(in: gathering))
        guard let agendaPath = agenda else {
            print("\(input): valid. \(gathering.summary)")
            for note in checker.sessionsWithNowhereToGo {
                print("note: \(note) has no possible placement on its own, so no agenda exists; `convene explain` says why.")
            }
            return
        }
        let document = try Files.agenda(agendaPath)
        let report = checker.check(document)
        guard report.isValid else {
            for violation in report.violations { printError("\(agendaPath): \(violation)") }
            let count = report.violations.count
            printError("\(agendaPath): \(count) violation\(count == 1 ? "" : "s"); the agenda is not valid.")
            throw ExitStatus.noAgenda.code
        }
        print("\(agendaPath): valid. Objective \(report.objective).")
        print(CostSummary.text(report.costs, gathering: gathering), terminator: "")
    }
}
