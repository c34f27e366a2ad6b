import ArgumentParser
import Convene

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Renders a saved agenda without solving.",
        discussion:
            "Exit status: 0 rendered; 64 bad usage; 65 invalid input or agenda document; 66 unreadable file; 73 the output cannot be "
            + "written. An agenda that breaks a rule is rendered, with each broken rule on standard error. With --person, an unknown "
            + "person or attendee id exits 65."
    )

    @Argument(help: "The agenda document (JSON), or - for standard input.")
    var agenda: String

    @Option(help: "The input document the agenda was made for.")
    var input: String

    @Option(help: "Format: \(AgendaFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: AgendaFormat = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Text width for `--format text`; default: the terminal's, or 120.")
    var width: Int?

    @Option(help: "With `--format ics`: only this person's or attendee's sessions, those they facilitate marked as such.")
    var person: String?

    func validate() throws {
        if let width, width < 40 { throw ValidationError("--width must be at least 40.") }
        if person != nil && format != .ics { throw ValidationError("--person needs --format ics (a person's own calendar).") }
        if agenda == "-" && input == "-" { throw ValidationError("Only one of the agenda and the input can be read from standard input.") }
    }

    func run() throws {
        let gathering = try Files.gathering(input)
        let document = try Files.agenda(agenda)
        let report = try AgendaChecker(gathering: gathering).check(document)
        for violation in report.violations { printError("\(agenda): warning: \(violation)") }
        if let person {
            let calendar: String
            do {
                calendar = try AgendaFormat.personalCalendar(
                    document, gathering: gathering, person: person, stamp: Int(calendarStamp().timeIntervalSince1970))
            } catch {
                printError("error: --person: \(error)")
                throw ExitStatus.invalidInput.code
            }
            try Files.write(calendar, to: output)
            return
        }
        let text = format.render(document, gathering: gathering, width: width ?? terminalWidth() ?? 120, stamp: calendarStamp())
        try Files.write(text, to: output)
    }
}

extension AgendaFormat: ExpressibleByArgument {}
