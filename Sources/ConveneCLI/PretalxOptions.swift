import ArgumentParser
import Convene
import ConveneURLSession
import Foundation

/// Where the pretalx event is and how to reach it, shared by `import` and `push`. The token is read
/// from an environment variable, never from an option: options end up in shell histories and
/// process lists.
struct PretalxOptions: ParsableArguments {
    @Option(
        name: .customLong("pretalx-url"),
        help: ArgumentHelp("The pretalx server's root address, such as https://pretalx.com.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The event's slug, as in its address (https://pretalx.com/SLUG/).", valueName: "slug"))
    var event: String?

    @Option(
        name: .customLong("token-env"),
        help: ArgumentHelp("The environment variable that holds the API token.", valueName: "name"))
    var tokenEnv = "PRETALX_TOKEN"

    /// True when the live API is asked for.
    var isGiven: Bool { url != nil || event != nil }

    /// Checks the address and the slug; both must be given when either is.
    func validate() throws {
        guard isGiven else { return }
        guard let url, let event else { throw ValidationError("--pretalx-url and --event go together: give both.") }
        guard let address = URLComponents(string: url), ["http", "https"].contains(address.scheme?.lowercased() ?? ""),
            !(address.host ?? "").isEmpty, address.query == nil
        else {
            throw ValidationError("--pretalx-url must be an http:// or https:// address with a host, such as https://pretalx.com.")
        }
        if address.path.contains("/api") {
            throw ValidationError(
                "--pretalx-url is the server's root address, without /api/…: \(address.scheme ?? "https")://\(address.host ?? "")"
                    + " (and the event's slug in --event).")
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !event.isEmpty, event.unicodeScalars.allSatisfy(allowed.contains) else {
            throw ValidationError("--event is the event's slug, such as democon: letters, digits, '-', '_' and '.' only.")
        }
        guard !tokenEnv.isEmpty, !tokenEnv.contains("=") else { throw ValidationError("--token-env names an environment variable.") }
    }

    /// The client, with the token from the environment; exits 64 when the variable is unset or empty.
    func client() throws -> PretalxClient {
        guard let url, let event, let server = URL(string: url) else { throw ExitStatus.badUsage.code }
        let token = ProcessInfo.processInfo.environment[tokenEnv]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !token.isEmpty else {
            printError(
                "error: the environment variable \(tokenEnv) holds no pretalx API token; create one in pretalx (your account, "
                    + "\"API access\") and export \(tokenEnv)=… (or name another variable with --token-env)")
            throw ExitStatus.badUsage.code
        }
        if server.scheme?.lowercased() == "http", !["127.0.0.1", "localhost", "::1", "[::1]"].contains(server.host ?? "") {
            printError("warning: \(url) is not https://, so the token travels unencrypted")
        }
        return PretalxClient(server: server, event: event, token: token)
    }

    /// Prints a failed request and gives the exit status for it.
    func failed(_ error: PretalxError) -> ExitCode {
        printError("error: \(error)")
        let status: ExitStatus
        switch error.kind {
        case .noAnswer: status = .noAnswer
        case .unavailable, .notFound, .unexpectedAnswer: status = .unavailable
        case .tokenRefused: status = .tokenRefused
        case .refused: status = .noAgenda
        }
        if error.kind == .tokenRefused { printError("note: the token comes from the environment variable \(tokenEnv)") }
        return status.code
    }
}
