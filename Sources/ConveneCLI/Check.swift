import ArgumentParser
import Convene

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates an input and, with an agenda, verifies it against every hard rule and recomputes its costs.",
        discussion: "Exit status: 0 valid; 1 the agenda breaks a rule; 65 invalid input or agenda document; 66 unreadable file."
    )

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(help: "An agenda document to verify against the input.")
    var agenda: String?

    @Option(help: "The previous agenda, for the `change` cost.")
    var previous: String?

    func run() throws {
        let gathering = try Files.gathering(input)
        let domain = Domain(gathering)
        guard let agendaPath = agenda else {
            let placements = domain.starts.reduce(0) { $0 + $1.count }
            print(
                "\(input): valid. \(gathering.sessions.count) sessions, \(gathering.slots.count) slots, \(gathering.rooms.count) rooms, "
                    + "\(gathering.people.count) people, \(gathering.attendees.count) attendees; \(placements) possible starts."
            )
            for session in gathering.sessions where domain.starts[session.index].isEmpty && !session.optional {
                print("note: \(session.label) has no possible placement on its own, so no agenda exists; `convene explain` says why.")
            }
            return
        }
        let document = try Files.agenda(agendaPath)
        let previousAgenda = try previous.map { PreviousAgenda(try Files.agenda($0)) }
        let report = AgendaChecker(domain: domain).check(document, previous: previousAgenda)
        guard report.isValid else {
            for violation in report.violations { printError("\(agendaPath): \(violation)") }
            let count = report.violations.count
            printError("\(agendaPath): \(count) violation\(count == 1 ? "" : "s"); the agenda is not valid.")
            throw Exit.noAgenda
        }
        print("\(agendaPath): valid. Objective \(report.objective).")
        print(CostSummary.text(report.costs, gathering: gathering), terminator: "")
    }
}
