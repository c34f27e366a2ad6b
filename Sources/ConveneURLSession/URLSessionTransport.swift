import ConveneFormats
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends pretalx requests over `URLSession` (FoundationNetworking on Linux), following no redirect.
///
/// Its own target, so that the umbrella `Convene` links no networking: a program that talks to
/// pretalx depends on `ConveneURLSession` as well and makes its client with
/// `PretalxClient(server:event:token:timeout:)`; tests give `PretalxClient` a transport of recorded
/// answers instead.
package final class URLSessionTransport: PretalxTransport {
    private let session: URLSession

    /// A transport whose requests give up after `timeout` without an answer (the client may retry).
    package init(timeout: Duration = .seconds(60)) {
        let configuration = URLSessionConfiguration.ephemeral
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        configuration.timeoutIntervalForRequest = seconds
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Sends the request; a redirect comes back as the answer it is (`301` with its `Location`).
    package func send(_ request: PretalxRequest) async throws -> PretalxResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return PretalxResponse(status: http.statusCode, headers: headers, body: data)
    }
}

/// Following a redirect would turn a `PATCH` into a `GET` and could carry the token to another host.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
