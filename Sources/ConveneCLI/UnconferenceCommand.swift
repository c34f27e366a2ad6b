import ArgumentParser
import Convene
import Foundation

struct UnconferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unconference",
        abstract: "Fills an open-space block of the current agenda with the proposals written on the day.",
        discussion:
            "Each proposal becomes an optional one-room session that may only run in the block's slots and rooms; everything "
            + "else the current agenda places stays where it is. The diff against the current agenda goes to standard error "
            + "(with --format json, under the agenda's stats.diff). Exit status: 0 placed; 1 no agenda; 64 bad usage; 65 invalid "
            + "input, agenda or proposals, nothing written; 66 unreadable file; 73 an output cannot be written."
    )

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(help: "The current agenda, whose block is filled.")
    var agenda: String

    @Option(help: "The id of the block session (the open space) whose slots and rooms the proposals fill.")
    var block: String

    @Option(help: "The proposals: CSV with a header row (title, id, hosts, duration, voters, votes) or a JSON array.")
    var proposals: String

    @Option(
        name: .customLong("frozen-until"),
        help: ArgumentHelp("Proposals start at or after TIME (YYYY-MM-DDTHH:MM local to the event, or with an offset).", valueName: "TIME"))
    var frozenUntil: String?

    @Option(name: .customLong("output-input"), help: "Write the new input document here (atomically).")
    var outputInput: String?

    @Option(help: "Write the new agenda here (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Format of the new agenda: \(AgendaFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: AgendaFormat = .text

    @Option(help: "Which solver: \(SolverChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var solver: SolverChoice = .auto

    @Option(name: .customLong("time-limit"), help: "Seconds the solver may take.")
    var timeLimit: Double = 10

    @Option(help: "Seed for the search: the same input and seed give the same agenda.")
    var seed: UInt64 = 1

    @Option(help: "Text width for `--format text`; default: the terminal's, or 120.")
    var width: Int?

    func validate() throws {
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a number of seconds, 0 or more.") }
        if let width, width < 40 { throw ValidationError("--width must be at least 40.") }
        if [input, agenda, proposals].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Only one of the input, the agenda and the proposals can be read from standard input.")
        }
        if let outputInput, outputInput == output { throw ValidationError("--output and --output-input must name different files.") }
    }

    func run() async throws {
        let gathering = try Files.gathering(input)
        let current = try Files.agenda(agenda)
        let frozen = try ReplanOptions.frozenDate(frozenUntil, in: gathering)
        let board = ImportFile(name: proposals, data: try Files.read(proposals))
        let unconference: Unconference
        do {
            unconference = try Unconference(
                gathering: gathering, current: current, block: block, board: board, inputName: input, agendaName: agenda)
        } catch {
            throw Files.refused(error)
        }
        for warning in unconference.warnings { printError(warning.description) }
        let options = SolveOptions(timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed, frozenUntil: frozen)
        let result: SolveResult
        do {
            result = try await unconference.solve(using: solver.solver(), options: options)
        } catch let error as SolveError {
            throw Files.refused(error)
        }
        for note in result.notes { printError("note: \(note)") }
        for violation in result.rejected { printError("refused: \(violation)") }
        let new = unconference.gathering
        guard result.objective != nil else {
            let frozenPart = frozen == nil ? "" : " and starts nothing before --frozen-until"
            printError(
                result.status == .infeasible
                    ? "No agenda exists that keeps \(agenda) as it is outside the block\(frozenPart)."
                    : "No agenda found within \(JSONValue.format(timeLimit)) s. Give more time with --time-limit.")
            printError("Nothing is written.")
            throw ExitStatus.noAgenda.code
        }
        if let outputInput { try Files.write(unconference.document.json, to: outputInput) }
        try Files.write(
            format.render(result.agenda, gathering: new, width: width ?? terminalWidth() ?? 120, stamp: calendarStamp()), to: output)
        let placed = Set(result.agenda.placements.map(\.session))
        let left = unconference.proposalSessions.filter { !placed.contains($0) }
        printError(
            "Placed \(unconference.proposalSessions.count - left.count) of \(unconference.proposalSessions.count) proposals"
                + (left.isEmpty ? "." : "; left out: \(left.joined(separator: ", ")).")
                + " \(result.status.rawValue.capitalized), objective "
                + "\(result.objective ?? 0).")
        if format != .json { printError("\n" + unconference.diff(result.agenda).text(new), terminator: "") }
    }
}
