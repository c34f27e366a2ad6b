import Foundation

/// One HTTP request to pretalx, as the client builds it: everything a transport needs to send it.
package struct PretalxRequest: Sendable, Equatable {
    /// `GET`, `PATCH` or `POST`.
    package var method: String
    /// The whole address, query included.
    package var url: URL
    /// Header fields to send (`Authorization`, `Pretalx-Version`, `Accept`, `Content-Type`).
    package var headers: [String: String]
    /// The JSON body of a write.
    package var body: Data?

    /// A request as the client sends it.
    package init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// pretalx's answer to one request, as a transport received it.
package struct PretalxResponse: Sendable, Equatable {
    /// The HTTP status code.
    package var status: Int
    /// Header fields, names in lower case (`content-type`, `retry-after`).
    package var headers: [String: String]
    /// The body's bytes.
    package var body: Data

    /// An answer; header names are lower-cased here, so that the client reads them one way.
    package init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Sends one request to pretalx and returns the answer as it came, whatever its status.
///
/// `URLSessionTransport` (in `ConveneURLSession`) sends it over the network; tests give recorded
/// answers. A transport follows no redirect (pretalx answers `301` to a path without its final `/`,
/// and following one turns a `PATCH` into a `GET`), and throws only when no answer came at all
/// (no connection, a timeout, a connection lost): the client retries those.
package protocol PretalxTransport: Sendable {
    /// The answer to `request`.
    ///
    /// - Throws: Any error, when no answer arrived.
    func send(_ request: PretalxRequest) async throws -> PretalxResponse
}
