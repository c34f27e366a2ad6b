import ArgumentParser
import Convene
import ConveneGLPK
import Foundation
import Synchronization

struct Solve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the best agenda for an input.",
        discussion: ExitStatus.summary([.success, .noAgenda, .badUsage, .invalidInput, .unreadable, .cannotWrite])
            + " An agenda is printed only once the checker has accepted it; a solver's answer that breaks a rule is refused, "
            + "with the broken rule on standard error."
    )

    /// The agenda formats, plus `lp` (the integer program instead of an agenda).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, csv, ics, html, lp
        case frabXML = "frab-xml"
        case frabJSON = "frab-json"
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

    @OptionGroup var replan: ReplanOptions

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
        // The exact solver has no local search: a count of moves would be ignored, so it is refused.
        if moves != nil, solver == .milp {
            throw ValidationError("--moves counts the search's moves; --solver milp runs no search (use auto or search).")
        }
    }

    func run() async throws {
        let gathering = try Files.gathering(input)
        let previous = try replan.previousAgenda()
        let frozen = try replan.frozenDate(in: gathering)
        if format == .lp {
            try Files.write(try gathering.lpFile(previous: previous, frozenUntil: frozen), to: output)
            return
        }
        var glpk = GLPKBackend()
        if verbose { glpk.settings.log = { text in FileHandle.standardError.write(Data(text.utf8)) } }
        let line = ProgressLine(enabled: !quiet && (progress || isatty(STDERR_FILENO) == 1))
        let options = SolveOptions(
            timeLimit: .milliseconds(Int64(timeLimit * 1000)), seed: seed, relativeGap: gap, previous: previous, frozenUntil: frozen,
            progress: { line.show($0) })
        let result: SolveResult
        do {
            result = try await gathering.solve(using: solver.solver(glpk: glpk, moves: moves), options: options)
        } catch let error as SolveError {
            line.finish()
            throw Files.refused(error)
        }
        line.finish()
        if verbose || line.enabled {
            printError(
                "[\(solver.rawValue)] stopped after \(String(format: "%.2f", result.elapsed.seconds)) s: \(result.termination.sentence)")
        }
        for note in result.notes { printError("note: \(note)") }
        for violation in result.rejected { printError("refused: \(violation)") }
        let agenda = result.agenda
        if let agendaFormat = AgendaFormat(rawValue: format.rawValue) {
            var text = agendaFormat.render(agenda, gathering: gathering, width: width ?? terminalWidth() ?? 120, stamp: calendarStamp())
            if agendaFormat == .text, let previous, agenda.objective != nil {
                text += "\n" + AgendaDiff(previous: previous, new: agenda, gathering: gathering).text(gathering)
            }
            try Files.write(text, to: output)
        }
        guard agenda.objective != nil else {
            switch agenda.status {
            case .infeasible:
                printError("No agenda exists for \(input): the hard rules cannot all hold together.")
                let reasons = try ConflictExplainer.immediateReasons(gathering, previous: previous, frozenUntil: frozen)
                for reason in reasons { printError("  - \(reason.message)") }
                printError(
                    reasons.isEmpty
                        ? "Run `convene explain \(input)` for the smallest set of requirements that conflict."
                        : "Run `convene explain \(input)` for the whole explanation.")
            default:
                if let why = agenda.statistics.integerProgramSkipped {
                    printError("No agenda: GLPK was \(why).")
                } else if result.rejected.isEmpty {
                    printError("No agenda found within \(JSONValue.format(timeLimit)) s. Give more time with --time-limit.")
                } else {
                    printError("No agenda: the solver's answer broke a rule and no earlier agenda was valid.")
                }
            }
            throw ExitStatus.noAgenda.code
        }
    }
}

/// A one-line display of the solver's progress on standard error; solvers report from their
/// own threads, so what it shows is kept under a lock.
final class ProgressLine: Sendable {
    /// Whether the line is shown.
    let enabled: Bool
    private let shown = Mutex(false)

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: SolveProgress) {
        guard enabled else { return }
        var text = "\r\u{1B}[2K[\(p.solver.name)] \(String(format: "%.2f", p.elapsed.seconds)) s"
        if let o = p.objective { text += "  objective \(o)" }
        if let b = p.bound { text += "  bound \(b)" }
        if let gap = p.gap { text += String(format: "  gap %.1f %%", gap * 100) }
        shown.withLock { shown in
            FileHandle.standardError.write(Data(text.utf8))
            shown = true
        }
    }

    func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// When a calendar is made: `SOURCE_DATE_EPOCH` when set (for reproducible output), else now.
func calendarStamp() -> Date {
    if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) {
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
    return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
}

/// The terminal's width, when standard output is one.
func terminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

extension Termination {
    /// Why the solve stopped, in words, for `--verbose` and the progress line.
    var sentence: String {
        switch self {
        case .optimal: "the agenda is proven optimal"
        case .gapReached: "the agenda is proven within --gap of the optimum"
        case .infeasible: "it is proven that no agenda exists"
        case .timeLimit: "the time limit passed"
        case .workLimit: "the solvers' work ran out (the search's moves, GLPK's nodes, fix-and-optimise's rounds)"
        case .cancelled: "it was interrupted"
        case .noSolutionFound: "the solver gave up without an agenda of its own"
        }
    }
}
