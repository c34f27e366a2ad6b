import Convene
import Foundation
import Hummingbird

/// Browsing a published site under `/site/G/A/...`: the same files `convene publish` writes and the zip holds.
enum SiteRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, planner: Planner) {
        router.get("/site/:gathering/:agenda") { request, context -> Response in
            // The site's links are relative to its folder: `/site/G/A` must be `/site/G/A/`.
            guard request.uri.path.hasSuffix("/") else { return Response(status: .seeOther, headers: [.location: request.uri.path + "/"]) }
            return try await page("index.html", context: context, planner: planner)
        }
        router.get("/site/:gathering/:agenda/**") { _, context -> Response in
            var path = context.parameters.getCatchAll().joined(separator: "/")
            if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
            return try await page(path, context: context, planner: planner)
        }
    }

    private static func page<Context: RequestContext>(_ path: String, context: Context, planner: Planner) async throws -> Response {
        let gathering = try context.parameters.require("gathering")
        let agenda = try context.parameters.require("agenda")
        let record = try await planner.agenda(agenda, of: gathering)
        let site = try await planner.site(of: record, previous: nil, attendeePages: true)
        guard let file = site.files.first(where: { $0.path == path }) else {
            throw APIError.notFound("the page \"\(path)\" of the site of \(agenda)")
        }
        return Response(
            status: .ok, headers: [.contentType: mediaType(of: path)], body: .init(byteBuffer: ByteBuffer(string: file.contents)))
    }
}
