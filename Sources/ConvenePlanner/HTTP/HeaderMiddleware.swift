import HTTPTypes
import Hummingbird

/// The generated code writes header values as URI components (`ETag: %223%22`); HTTP wants them as they are
/// (`ETag: "3"`). The values the API sets (versions, addresses made of ids, file names) hold no `%` of their own, so
/// decoding gives back exactly what the handler set.
struct HeaderMiddleware<Context: RequestContext>: RouterMiddleware {
    private static var names: [HTTPField.Name] { [.eTag, .location, .contentDisposition] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for name in Self.names {
            if let value = response.headers[name], value.contains("%"), let plain = value.removingPercentEncoding {
                response.headers[name] = plain
            }
        }
        return response
    }
}
