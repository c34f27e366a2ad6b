import Foundation
import Synchronization

@testable import ConveneFormats

/// A transport that gives the answers it is told, in order (the last one again when they run
/// out), and remembers every request; and a sleeper that remembers every wait instead of waiting.
final class ScriptedTransport: PretalxTransport {
    enum Step: Sendable {
        case answer(PretalxResponse)
        case noAnswer
    }

    /// What was sent and waited, kept in an object of its own so that the sleeper can hold it.
    private final class Log: Sendable {
        let sent = Mutex<[PretalxRequest]>([])
        let waited = Mutex<[Duration]>([])
    }

    private let steps: Mutex<[Step]>
    private let log = Log()

    init(_ steps: [Step]) { self.steps = Mutex(steps) }

    /// Answers with these recorded fixtures (`Fixtures/import/pretalx-api/NAME.json`), as JSON with their status.
    convenience init(fixtures: [(String, Int)]) throws {
        self.init(try fixtures.map { name, status in .answer(try Self.recorded(name, status: status)) })
    }

    static func recorded(_ name: String, status: Int = 200, headers: [String: String] = [:]) throws -> PretalxResponse {
        PretalxResponse(
            status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a },
            body: try fixture("import/pretalx-api/\(name).json"))
    }

    static func page(_ status: Int, _ text: String, headers: [String: String] = [:]) -> PretalxResponse {
        PretalxResponse(status: status, headers: headers.merging(["Content-Type": "text/html"]) { a, _ in a }, body: Data(text.utf8))
    }

    var requests: [PretalxRequest] { log.sent.withLock { $0 } }
    var waits: [Duration] { log.waited.withLock { $0 } }

    func send(_ request: PretalxRequest) async throws -> PretalxResponse {
        log.sent.withLock { $0.append(request) }
        let step = steps.withLock { steps in steps.count > 1 ? steps.removeFirst() : steps[0] }
        switch step {
        case .answer(let response): return response
        case .noAnswer: throw URLError(.timedOut)
        }
    }

    /// A client of this transport for `https://pretalx.example.org`, event `democon`, whose waits are recorded.
    func client(retry: PretalxRetryPolicy = PretalxRetryPolicy(), now: Date = Date(timeIntervalSince1970: 0)) -> PretalxClient {
        PretalxClient(
            server: URL(string: "https://pretalx.example.org")!, event: "democon", token: "secret", transport: self, retry: retry,
            sleep: { [log] duration in log.waited.withLock { $0.append(duration) } }, now: { now })
    }
}
