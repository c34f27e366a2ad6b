import ConvenePlannerAPI
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

/// How `convene serve` runs: where the data lives, where it listens, who may use it.
package struct PlannerConfiguration: Sendable {
    package var data: URL
    package var host: String
    package var port: Int
    /// With a token, every request but the web app's files needs `Authorization: Bearer TOKEN`.
    package var token: String?
    /// How many solves run at once.
    package var jobs: Int

    package init(data: URL, host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, jobs: Int = 2) {
        self.data = data
        self.host = host
        self.port = port
        self.token = token
        self.jobs = jobs
    }

    /// Whether `host` is a loopback address (where no token is needed).
    package static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// The planner's HTTP application: the web app at `/`, the API under `/api/`, published sites under `/site/`.
package enum PlannerServer {
    /// The router: errors as JSON, the token check, bodies up to 20 MB, then the routes.
    package static func router(planner: Planner, token: String?) throws -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: ErrorMiddleware(routes: APIRoutes()))
        router.add(middleware: HeaderMiddleware())
        if let token { router.add(middleware: TokenMiddleware(token: Array(token.utf8))) }
        router.add(middleware: RequestBodyMiddleware())
        WebApp.register(on: router)
        SiteRoutes.register(on: router, planner: planner)
        try PlannerAPI(planner: planner).registerHandlers(
            // Compact, keys in order: the same answer byte for byte every time, and a what-if's large agenda written fast.
            on: router, configuration: Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
        return router
    }

    /// The application, ready to run (`runService()` serves until SIGINT or SIGTERM); `listening` is told the port it
    /// listens on (the one chosen by the system for port 0).
    package static func application(
        planner: Planner, configuration: PlannerConfiguration, listening: @escaping @Sendable (Int) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        // Warnings and errors only (a job that failed, a fault of the server); LOG_LEVEL=info or debug says more.
        var logger = Logger(label: "convene.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return Application(
            router: try router(planner: planner, token: configuration.token),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "convene"),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}
