import ConveneFormats
import Foundation

extension PretalxClient {
    /// A client for one event of a pretalx instance, whose requests go over `URLSession`
    /// (FoundationNetworking on Linux) and follow no redirect. It retries a request that gets no
    /// answer, `429` or a `5xx` up to 5 times in all, waiting 1, 2, 4 and 8 seconds (or what
    /// `Retry-After` asks, up to two minutes).
    ///
    /// - Parameters:
    ///   - server: the instance's root address (`https://pretalx.example.org/`), not its `/api/`.
    ///   - event: the event's slug, as in its address (`democon`).
    ///   - token: an API token of a user in a team of the event's organiser.
    ///   - timeout: how long one try waits for an answer before it counts as none.
    public convenience init(server: URL, event: String, token: String, timeout: Duration = .seconds(60)) {
        self.init(server: server, event: event, token: token, transport: URLSessionTransport(timeout: timeout))
    }
}
