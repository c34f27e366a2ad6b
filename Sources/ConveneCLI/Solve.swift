import ArgumentParser
import Convene
import ConveneGLPK
import Foundation

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the best agenda for an input.",
        discussion: """
            Exit status: 0 an agenda was printed; 1 no agenda (proven infeasible, or none found within the \
            time limit); 64 bad usage; 65 invalid input; 66 unreadable file.
            """
    )

    /// The agenda formats, plus `lp` (the integer program instead of an agenda).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, csv, ics, html, lp
        case frabXML = "frab-xml"
        case frabJSON = "frab-json"
    }

    enum SolverChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, milp, search
    }

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(
        help:
            ArgumentHelp(
                "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")). `lp` writes the integer program "
                    + "in CPLEX LP format instead of solving.")
    )
    var format: Format = .text

    @Option(help: "Which solver: \(SolverChoice.allCases.map(\.rawValue).joined(separator: ", ")).")
    var solver: SolverChoice = .auto

    @Option(help: "Seed for the search: the same input and seed give the same agenda.")
    var seed: UInt64 = 1

    @Option(help: "Local search moves (default: 20,000 per session); the time limit still applies.")
    var moves: Int?

    @Option(name: .customLong("time-limit"), help: "Seconds the solver may take.")
    var timeLimit: Double = 10

    @Option(help: "Stop once the agenda is proven within this relative gap of the optimum (0.01 = 1 %).")
    var gap: Double = 0

    @Option(help: "The previous agenda: moving a session from where it was costs `weights.change`.")
    var previous: String?

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Text width for `--format text`; default: the terminal's, or 120.")
    var width: Int?

    @Flag(help: "Show a progress line on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Show no progress line.")
    var quiet = false

    @Flag(help: "Copy GLPK's own log to standard error.")
    var verbose = false

    func validate() throws {
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a number of seconds, 0 or more.") }
        guard gap >= 0, gap.isFinite else { throw ValidationError("--gap must be 0 or more (0.01 means 1 %).") }
        if let width, width < 40 { throw ValidationError("--width must be at least 40.") }
        if let moves, moves < 0 { throw ValidationError("--moves must be 0 or more.") }
        if progress && quiet { throw ValidationError("--progress and --quiet contradict each other; give one.") }
    }

    func run() throws {
        let gathering = try Files.gathering(input)
        let previousAgenda = try previous.map { PreviousAgenda(try Files.agenda($0)) }
        let domain = Domain(gathering)
        if format == .lp {
            let model = ScheduleFormulation(domain: domain, previous: previousAgenda)
            try Files.write(LPFileWriter.write(model.program), to: output)
            return
        }
        var settings = GLPKSettings(timeLimit: timeLimit, relativeGap: gap)
        if verbose { settings.log = { text in FileHandle.standardError.write(Data(text.utf8)) } }
        let line = ProgressLine(enabled: !quiet && (progress || isatty(STDERR_FILENO) == 1))
        let outcome: SolverOutcome
        switch solver {
        case .milp:
            outcome = ExactSolver(settings: settings).solve(domain, previous: previousAgenda) { line.show($0) }
        case .search:
            let search = SearchSolver(settings: .init(seed: seed, timeLimit: timeLimit, moves: moves))
            outcome = search.solve(domain, previous: previousAgenda) { line.show($0) }
        case .auto:
            var portfolio = Portfolio(glpk: settings, seed: seed)
            portfolio.searchMoves = moves
            outcome = portfolio.solve(domain, previous: previousAgenda) { line.show($0) }
        }
        line.finish()
        let agenda = Agenda(outcome, gathering: gathering, previous: previousAgenda)
        if let agendaFormat = AgendaFormat(rawValue: format.rawValue) {
            let text = agendaFormat.render(agenda, gathering: gathering, width: width ?? terminalWidth() ?? 120, stamp: calendarStamp())
            try Files.write(text, to: output)
        }
        guard outcome.placements != nil else {
            switch outcome.status {
            case .infeasible:
                printError("No agenda exists for \(input): the hard rules cannot all hold together.")
                let reasons = ImmediateReason.all(domain)
                for reason in reasons { printError("  - \(reason.message)") }
                printError(
                    reasons.isEmpty
                        ? "Run `convene explain \(input)` for the smallest set of requirements that conflict."
                        : "Run `convene explain \(input)` for the whole explanation.")
            default:
                if case .string(let why)? = outcome.details.first(where: { $0.key == "milp" })?.value {
                    printError("No agenda: GLPK was \(why).")
                } else {
                    printError("No agenda found within \(JSONValue.format(timeLimit)) s. Give more time with --time-limit.")
                }
            }
            throw Exit.noAgenda
        }
    }
}

/// A one-line display of the solver's progress on standard error.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: SolverProgress) {
        guard enabled else { return }
        var text = "\r\u{1B}[2K[\(p.solver)] \(String(format: "%.2f", p.seconds)) s"
        if let o = p.objective { text += "  objective \(o)" }
        if let b = p.bound { text += "  bound \(b)" }
        if let gap = p.gap { text += String(format: "  gap %.1f %%", gap * 100) }
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// When a calendar is made: `SOURCE_DATE_EPOCH` when set (for reproducible output), else now.
func calendarStamp() -> Int {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return seconds }
    return Int(Date().timeIntervalSince1970)
}

/// The terminal's width, when standard output is one.
func terminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}
