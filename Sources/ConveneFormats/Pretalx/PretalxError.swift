/// Why a request to pretalx failed, after every retry the policy allows.
public struct PretalxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, by what the person can do about it.
    package enum Kind: Sendable, Equatable {
        /// No answer came (no connection, a timeout, a connection lost): try again later.
        case noAnswer
        /// pretalx answered `429` or `5xx` to every try, or asked to wait longer than the policy allows.
        case unavailable
        /// The token is unknown or expired (`401`), or lacks a permission to read (`403`).
        case tokenRefused
        /// No such event or address (`404`): check the server's address and the event's slug.
        case notFound
        /// pretalx refused a write (a `4xx` answer to `PATCH` or `POST`), saying why.
        case refused
        /// An answer that pretalx 2025.2's API does not give: a redirect, a page that is not JSON,
        /// JSON of another shape, or a read refused as malformed.
        case unexpectedAnswer
    }

    /// What went wrong.
    package var kind: Kind
    /// The request, as `PATCH /api/events/demo/slots/34/`.
    package var request: String
    /// The last answer's HTTP status, when one came.
    package var status: Int?
    /// What pretalx said, or what happened, in words.
    package var message: String

    /// A failure of one request.
    package init(_ kind: Kind, request: String, status: Int? = nil, message: String) {
        self.kind = kind
        self.request = request
        self.status = status
        self.message = message
    }

    /// `PATCH /api/events/demo/slots/34/: pretalx answered 400: room: Invalid pk "9" - object does not exist.`
    public var description: String { "\(request): \(message)" }
}
