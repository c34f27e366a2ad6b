import Foundation
import Hummingbird
import OpenAPIRuntime

/// The bytes of the request being handled, exactly as received. The generated API code decodes bodies into its own
/// types; documents are validated from these bytes instead, so that every problem keeps its JSON path (a key written
/// twice, `2.0` for a whole number) as `convene check` reports it.
package enum RequestBody {
    @TaskLocal package static var bytes = Data()
    /// Bodies above this size are refused with 413 before they are read further.
    package static let limit = 20 * 1024 * 1024
}

/// Reads each request's body (at most ``RequestBody/limit`` bytes, else 413) and keeps it for the handlers.
struct RequestBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch else {
            return try await next(request, context)
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > RequestBody.limit { throw Self.tooLarge }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: RequestBody.limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge
        }
        // A request without a body, nor a content type, is taken as `{}`: a solve with every default.
        if buffer.readableBytes == 0 && request.headers[.contentType] == nil {
            request.body = .init(buffer: ByteBuffer(string: "{}"))
        }
        let bytes = Data(buffer: buffer)
        do {
            return try await RequestBody.$bytes.withValue(bytes) { try await next(request, context) }
        } catch let error as ServerError {
            // The generated code could not decode the body: say where, from the bytes as received.
            guard let decoding = error.underlyingError as? DecodingError else { throw error }
            throw APIError.decoding(decoding, body: bytes)
        }
    }

    private static var tooLarge: APIError { APIError(.contentTooLarge, "the body is over 20 MB") }
}
