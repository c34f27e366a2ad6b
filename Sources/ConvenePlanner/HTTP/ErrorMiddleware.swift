import ConvenePlannerAPI
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime

/// Turns every error into the contract's JSON shape: `{"error": "...", "problems": [{"path", "message"}]}`, with the
/// status that fits (400 unreadable JSON, 404, 405 with `Allow`, 413, 415, 422 with paths, 500 for a fault of the server).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: APIRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = explain(error, request: request)
            if answer.status == .internalServerError {
                context.logger.error("\(request.method) \(request.uri.path): \(String(reflecting: error))")
            }
            var headers = answer.headers
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: answer.status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: answer.body)))
        }
    }

    private func explain(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as ServerError: return explain(server: error)
        case let error as HTTPError:
            if error.status == .notFound {
                let path = request.uri.path
                if let allowed = routes.methods(at: path), !allowed.contains(request.method) {
                    let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                    return APIError(
                        .methodNotAllowed, "\(request.method) is not allowed on \(path); use \(allow)", headers: [.allow: allow])
                }
                return APIError(.notFound, "nothing is at \(path)")
            }
            return APIError(error.status, error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            return APIError(error.status, error.status.reasonPhrase)
        default:
            return APIError(.internalServerError, "the server failed: \(error)")
        }
    }

    /// An error from the generated code: a handler's own, or the request not matching the document.
    private func explain(server error: ServerError) -> APIError {
        switch error.underlyingError {
        case let inner as APIError: return inner
        case let decoding as DecodingError: return .decoding(decoding, body: RequestBody.bytes)
        default:
            let status = error.httpStatus
            if status == .internalServerError { return APIError(.internalServerError, "the server failed: \(error.underlyingError)") }
            let message =
                switch status {
                case .unsupportedMediaType: "the body must be application/json"
                case .notAcceptable: "the answer is JSON; accept application/json"
                default: "\(error.underlyingError)"
                }
            return APIError(status, message)
        }
    }
}
