import ArgumentParser
import Convene

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Says what changed between two agendas of a gathering, and whom to tell.",
        discussion:
            "Each changed session is added, moved (another start slot), roomChanged (same start, other rooms), unscheduled (still "
            + "in the input, no longer placed) or cancelled (no longer in the input), with the people it concerns; then a notice "
            + "per person, with any clash the new agenda creates among the sessions they want. Exit status: 0 compared (with "
            + "--exit-code: nothing changed); 1 with --exit-code, something changed; 64 bad usage; 65 invalid input or agenda "
            + "document; 66 unreadable file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: "The earlier agenda document (JSON), or - for standard input.")
    var previous: String

    @Argument(help: "The new agenda document (JSON), or - for standard input.")
    var new: String

    @Option(help: "The input document the new agenda was made for.")
    var input: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when something changed, like `diff` and `git diff --exit-code`.")
    var exitCode = false

    func validate() throws {
        if [previous, new, input].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Only one of the agendas and the input can be read from standard input.")
        }
    }

    func run() throws {
        let gathering = try Files.gathering(input)
        let before = try Files.agenda(previous)
        let after = try Files.agenda(new)
        // The new agenda must be one of this input; a rule it breaks is only worth a warning here,
        // and its objective may count changes from an agenda this command does not know.
        var placements = after
        placements.objective = nil
        let report = try AgendaChecker(gathering: gathering).check(placements)
        for violation in report.violations {
            printError("\(new): \(violation.rule == .document ? "error" : "warning"): \(violation)")
        }
        guard !report.violations.contains(where: { $0.rule == .document }) else {
            printError("\(new): the agenda does not match \(input); compare agendas of the input the new one was made for.")
            throw ExitStatus.invalidInput.code
        }
        let diff = AgendaDiff(previous: before, new: after, gathering: gathering)
        switch format {
        case .text: try Files.write(diff.text(gathering), to: nil)
        case .markdown: try Files.write(diff.markdown(gathering), to: nil)
        case .json: try Files.write(diff.json, to: nil)
        }
        if exitCode && !diff.isEmpty { throw ExitStatus.noAgenda.code }
    }
}
