import ArgumentParser
import ConvenePlanner
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serves the planner: a web app at / and a JSON API under /api/ (described at /api/openapi.json).",
        discussion: """
            Gatherings, their versions, agendas and solves are kept in one SQLite database in the data folder; nothing is \
            ever overwritten, and a version the API has acknowledged survives the process being killed. Solves run as jobs, \
            a few at once (--jobs), the others waiting their turn; a job stops when it is cancelled (DELETE /api/jobs/J) or \
            when the last client following its events goes away. Request bodies over 20 MB get 413. Listening on an address \
            other than loopback needs --token (or CONVENE_TOKEN); with a token every request but the web app's own files \
            needs "Authorization: Bearer TOKEN". Stop it with Ctrl-C (SIGINT) or SIGTERM: running jobs are cancelled and \
            keep their best agenda. Exit status: 0 stopped; 64 bad usage (also a host other than loopback without a \
            token); 69 the address cannot be listened on; 73 the data folder cannot be created or opened.
            """
    )

    @Option(help: "The folder holding the planner's database (created when missing).")
    var data = "./convene-data"

    @Option(help: "The address to listen on; one other than loopback (127.0.0.1, ::1, localhost) needs --token.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "A secret every request must carry as Authorization: Bearer TOKEN (default: $CONVENE_TOKEN, if set).")
    var token: String?

    @Option(help: "How many solves run at once; the others wait in a queue.")
    var jobs = 2

    /// The token given, by option or environment.
    private var secret: String? {
        token ?? ProcessInfo.processInfo.environment["CONVENE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more.") }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty.") }
        if secret == nil && !PlannerConfiguration.isLoopback(host) {
            throw ValidationError(
                "--host \(host) is not a loopback address: anyone who can reach it could change your gatherings. Give --token SECRET "
                    + "(or set CONVENE_TOKEN), or listen on 127.0.0.1.")
        }
    }

    func run() async throws {
        let configuration = PlannerConfiguration(
            data: URL(fileURLWithPath: data, isDirectory: true), host: host, port: port, token: secret, jobs: jobs)
        let planner: Planner
        do {
            planner = try await Planner(data: configuration.data, jobs: jobs)
        } catch {
            printError("error: cannot open the planner's data in \(data): \(error)")
            throw ExitStatus.cannotWrite.code
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        do {
            let application = try PlannerServer.application(planner: planner, configuration: configuration) { port in
                printError("Convene planner on http://\(shown):\(port)/ (data in \(data)); stop it with Ctrl-C")
            }
            try await application.runService()
        } catch {
            await planner.jobs.cancelAll()
            printError("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(69)
        }
        await planner.jobs.cancelAll()
    }
}
