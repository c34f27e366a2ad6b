import Foundation
import Hummingbird

/// With a token, every request but the web app's own files needs `Authorization: Bearer TOKEN` (else 401). The pages
/// of a published site (`/site/...`) may carry it instead in the `convene_token` cookie that the web app sets, since a
/// browser's links cannot send a header; that cookie opens nothing else.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if request.method == .get || request.method == .head, WebApp.isAppFile(path) { return try await next(request, context) }
        var offered: String?
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            offered = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        } else if path.hasPrefix("/site/"), let cookie = request.cookies["convene_token"]?.value {
            offered = cookie.removingPercentEncoding ?? cookie
        }
        guard let offered, TokenComparison.same(Array(offered.utf8), token) else {
            throw APIError(
                .unauthorized, "this server needs its token: send the header Authorization: Bearer TOKEN",
                headers: [.wwwAuthenticate: "Bearer realm=\"convene\""])
        }
        return try await next(request, context)
    }

}

/// Comparing a token offered with the server's.
package enum TokenComparison {
    /// Compares in time that depends on the lengths only, never on where the first difference is.
    package static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
