import ConveneCore
import Foundation
import Synchronization

/// Speaks the REST API of pretalx 2025.2 (API version `v1`) for one event, through a transport:
/// authenticates every request, retries what may be retried, follows pages, reads JSON, and turns
/// every failure into a ``PretalxError`` that says what to do.
///
/// An app makes one with `PretalxClient(server:event:token:)` from `ConveneURLSession`, which
/// sends the requests over `URLSession`; the transport, the retry policy and the clock are the
/// package's own (tests give recorded answers and record the waits).
///
/// Every request carries `Authorization: Token …`, `Pretalx-Version: v1` (without it pretalx
/// answers in the version stored on the token, which may be the legacy one) and
/// `Accept: application/json`; writes carry `Content-Type: application/json`. Requests are sent
/// one after another: pretalx's own server gains nothing from parallel ones.
public final class PretalxClient: Sendable {
    /// The pretalx instance, as `https://pretalx.example.org/` (its root, not its `/api/`).
    package let server: URL
    /// The event's slug, as in its address (`/democon/`).
    package let event: String
    /// When a request is tried again.
    package let retry: PretalxRetryPolicy
    private let token: String
    private let transport: any PretalxTransport
    private let sleep: @Sendable (Duration) async throws -> Void
    private let now: @Sendable () -> Date
    private let sent = Mutex(0)

    /// The most records pretalx gives in one page; a larger `page_size` is cut to it silently.
    static let pageSize = 250

    /// A client for one event.
    ///
    /// - Parameters:
    ///   - server: the instance's root address; a trailing `/api/…` is not expected.
    ///   - token: an API token of a user in a team of the event's organiser.
    ///   - sleep: how the client waits between tries (tests record the waits instead).
    ///   - now: the time, for a `Retry-After` given as a date.
    package init(
        server: URL, event: String, token: String, transport: any PretalxTransport, retry: PretalxRetryPolicy = PretalxRetryPolicy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.server = server.absoluteString.hasSuffix("/") ? server : server.appendingPathComponent("")
        self.event = event
        self.token = token
        self.transport = transport
        self.retry = retry
        self.sleep = sleep
        self.now = now
    }

    /// Requests sent so far, retries included.
    package var requestsMade: Int { sent.withLock { $0 } }

    /// The event's address in the API: `SERVER/api/events/EVENT/`.
    var eventURL: URL {
        server.appendingPathComponent("api").appendingPathComponent("events").appendingPathComponent(event).appendingPathComponent("")
    }

    /// An address under the event (`rooms/?page_size=250`).
    func url(_ path: String) -> URL { URL(string: path, relativeTo: eventURL)?.absoluteURL ?? eventURL }

    // MARK: Reading

    /// One answer of pretalx, read as JSON.
    struct Answer {
        /// Where it came from, for messages: `democon/rooms/`, `democon/submissions/?page=2`.
        var name: String
        var data: Data
        var json: JSONValue
    }

    /// The JSON answer to `GET path` (relative to the event).
    func get(_ path: String) async throws(PretalxError) -> Answer {
        let url = url(path)
        let response = try await send("GET", url)
        return try answer(response, method: "GET", url: url)
    }

    /// Every page of a list: `path` with the largest page size, then each `next`, until there is none.
    /// `next` is read for its path and query only: behind a proxy pretalx may write `http:` for an
    /// `https:` site, so scheme and host stay the client's own.
    func pages(_ path: String) async throws(PretalxError) -> [Answer] {
        var url = url(path + (path.contains("?") ? "&" : "?") + "page_size=\(Self.pageSize)")
        var answers: [Answer] = []
        var seen = Set<String>()
        while true {
            let response = try await send("GET", url)
            let answer = try answer(response, method: "GET", url: url)
            answers.append(answer)
            guard let next = SourceJSON.text(answer.json, "next") else { return answers }
            guard let following = following(next), seen.insert(following.absoluteString).inserted else {
                throw PretalxError(
                    .unexpectedAnswer, request: label("GET", url), status: response.status,
                    message: "the page's \"next\" (\(next)) is not a further page of the list")
            }
            url = following
        }
    }

    /// `next` with the client's scheme, host and port.
    private func following(_ next: String) -> URL? {
        guard let parts = URLComponents(string: next), var mine = URLComponents(url: server, resolvingAgainstBaseURL: true) else {
            return nil
        }
        mine.percentEncodedPath = parts.percentEncodedPath
        mine.percentEncodedQuery = parts.percentEncodedQuery
        return mine.url
    }

    // MARK: Writing

    /// `PATCH` or `POST` a JSON body to `path` (relative to the event); the JSON answer.
    func write(_ method: String, _ path: String, body: JSONValue) async throws(PretalxError) -> JSONValue {
        let url = url(path)
        let response = try await send(method, url, body: Data(JSONWriter.write(body).utf8))
        return try answer(response, method: method, url: url).json
    }

    // MARK: Sending, retrying, reading answers

    /// `GET /api/events/democon/rooms/?page_size=250`.
    func label(_ method: String, _ url: URL) -> String {
        let query = url.query.map { "?" + $0 } ?? ""
        return "\(method) \(url.path.hasSuffix("/") ? url.path : url.path + "/")\(query)"
    }

    /// The name of an answer for messages about its content: the event's slug and the path under it.
    private func name(_ url: URL) -> String {
        let base = eventURL.path
        var path = url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path
        while path.hasPrefix("/") { path.removeFirst() }
        let page = URLComponents(url: url, resolvingAgainstBaseURL: true)?.queryItems?.first { $0.name == "page" }?.value
        return "\(event)/\(path)\(path.isEmpty || path.hasSuffix("/") ? "" : "/")" + (page.map { "?page=\($0)" } ?? "")
    }

    /// Sends until an answer that is not to be retried, or the policy says stop.
    private func send(_ method: String, _ url: URL, body: Data? = nil) async throws(PretalxError) -> PretalxResponse {
        var headers = ["Authorization": "Token \(token)", "Pretalx-Version": "v1", "Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        let request = PretalxRequest(method: method, url: url, headers: headers, body: body)
        // A release (POST) is not repeated when pretalx may have made it: only after 429 and 503,
        // which say the request was not served.
        let repeatable = method != "POST"
        var attempt = 1
        while true {
            sent.withLock { $0 += 1 }
            var response: PretalxResponse?
            var failure = ""
            do {
                response = try await transport.send(request)
            } catch {
                failure = Self.words(error)
            }
            guard let response else {
                if repeatable, let wait = retry.wait(after: attempt, retryAfter: nil, now: now()) {
                    try await pause(wait, method, url)
                    attempt += 1
                    continue
                }
                let tries = attempt == 1 ? "" : " (\(attempt) tries)"
                var message = "no answer from pretalx\(tries): \(failure)"
                if !repeatable { message += "; it may or may not have been done: see the schedule's versions in pretalx" }
                throw PretalxError(.noAnswer, request: label(method, url), message: message)
            }
            let status = response.status
            guard status == 429 || status == 503 || (repeatable && (500...599).contains(status)) else { return response }
            let asked = response.headers["retry-after"]
            if let wait = retry.wait(after: attempt, retryAfter: asked, now: now()) {
                try await pause(wait, method, url)
                attempt += 1
                continue
            }
            var message = "pretalx answered \(status)" + (attempt == 1 ? "" : " (\(attempt) tries)")
            if let asked, let seconds = PretalxRetryPolicy.seconds(asked, now: now()), .seconds(seconds) > retry.longestWait {
                message += " and asks to wait \(seconds) s, longer than Convene waits (\(retry.longestWait.components.seconds) s)"
            }
            throw PretalxError(.unavailable, request: label(method, url), status: status, message: message + Self.said(response))
        }
    }

    private func pause(_ wait: Duration, _ method: String, _ url: URL) async throws(PretalxError) {
        do {
            try await sleep(wait)
        } catch {
            throw PretalxError(.noAnswer, request: label(method, url), message: "stopped while waiting to try again")
        }
    }

    /// Reads a final answer: JSON for a success, a ``PretalxError`` for anything else.
    private func answer(_ response: PretalxResponse, method: String, url: URL) throws(PretalxError) -> Answer {
        let request = label(method, url)
        let status = response.status
        let isJSON = response.headers["content-type"]?.lowercased().contains("json") ?? false
        let write = method != "GET"
        switch status {
        case 200...299:
            var parser = JSONParser(Array(response.body))
            guard isJSON, let json = try? parser.parseDocument() else {
                throw PretalxError(
                    .unexpectedAnswer, request: request, status: status,
                    message: "the answer is not JSON\(Self.said(response)); is \(server.absoluteString) a pretalx server?")
            }
            return Answer(name: name(url), data: response.body, json: json)
        case 300...399:
            let location = response.headers["location"].map { " to \($0)" } ?? ""
            throw PretalxError(
                .unexpectedAnswer, request: request, status: status,
                message: "pretalx redirects\(location); give the address it redirects to (https://…, with its path)")
        case 401:
            throw PretalxError(.tokenRefused, request: request, status: status, message: "pretalx refuses the token" + Self.said(response))
        case 403 where !write:
            throw PretalxError(
                .tokenRefused, request: request, status: status,
                message: "the token may not read this" + Self.said(response)
                    + "; it needs list and retrieve on submissions, speakers, rooms, tracks, submission types, schedules and slots")
        case 404 where !write:
            throw PretalxError(.notFound, request: request, status: status, message: "pretalx has nothing at this address (404)")
        case 400...499 where write:
            throw PretalxError(.refused, request: request, status: status, message: "pretalx refused it (\(status))" + Self.said(response))
        default:
            throw PretalxError(
                .unexpectedAnswer, request: request, status: status, message: "pretalx answered \(status)" + Self.said(response))
        }
    }

    /// `: room: Invalid pk "9" - object does not exist.`: what a JSON error says (`detail`, or each
    /// field's messages), else the title or first line of a page; empty when there is nothing.
    static func said(_ response: PretalxResponse) -> String {
        var parser = JSONParser(Array(response.body))
        if let json = try? parser.parseDocument() {
            if let detail = SourceJSON.text(json, "detail") { return ": " + detail }
            if case .object(let members) = json {
                let fields = members.map { member in
                    let messages: [String] =
                        if case .array(let items) = member.value { items.compactMap { SourceJSON.text($0) } } else {
                            [SourceJSON.text(member.value)].compactMap { $0 }
                        }
                    return "\(member.key): \(messages.joined(separator: " "))"
                }
                if !fields.isEmpty { return ": " + fields.joined(separator: "; ") }
            }
        }
        let text = String(decoding: response.body.prefix(4096), as: UTF8.self)
        if let open = text.range(of: "<title>", options: .caseInsensitive),
            let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        {
            let title = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !title.isEmpty { return ": " + title }
        }
        let line = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return line.isEmpty ? "" : ": " + String(line.prefix(200))
    }

    /// What a transport's error says, without Foundation's domain and code noise where it can.
    static func words(_ error: any Error) -> String {
        let nsError = error as NSError
        if let description = nsError.userInfo[NSLocalizedDescriptionKey] as? String, !description.isEmpty { return description }
        return String(describing: error)
    }
}
