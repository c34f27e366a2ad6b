import ArgumentParser

/// The command's documented exit statuses (sysexits.h values beyond 0 and 1).
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// No agenda (infeasible, or none found in time), or the agenda breaks a rule.
    case noAgenda = 1
    case badUsage = 64
    case invalidInput = 65
    case unreadable = 66
    /// pretalx cannot serve the request: no such event, errors or overload after every retry, an
    /// answer that is not pretalx's.
    case unavailable = 69
    case cannotWrite = 73
    /// No answer from pretalx after every retry: try again later.
    case noAnswer = 75
    /// pretalx refuses the token, or the token may not read the event.
    case tokenRefused = 77

    var meaning: String {
        switch self {
        case .success: "success"
        case .noAgenda: "no agenda, or the agenda breaks a rule"
        case .badUsage: "bad usage"
        case .invalidInput: "invalid input"
        case .unreadable: "unreadable file"
        case .cannotWrite: "the output cannot be written"
        case .unavailable: "pretalx cannot serve the request (no such event, errors after every retry)"
        case .noAnswer: "no answer from pretalx after every retry"
        case .tokenRefused: "pretalx refuses the token"
        }
    }

    /// The status to exit with.
    var code: ExitCode { ExitCode(rawValue) }

    /// `0 success, 1 …, 73 the output cannot be written`, for `--help`.
    static func summary(_ statuses: [ExitStatus] = allCases) -> String {
        "Exit status: " + statuses.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}
