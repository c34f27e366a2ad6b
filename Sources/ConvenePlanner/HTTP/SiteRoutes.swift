import Convene
import Foundation
import Hummingbird

/// Browsing a published site under `/site/G/A/...`: the same files `convene publish` writes and the zip holds.
enum SiteRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, planner: Planner) {
        router.get("/site/:gathering/:agenda") { request, _ -> Response in
            Response(status: .seeOther, headers: [.location: request.uri.path + "/"])
        }
        router.get("/site/:gathering/:agenda/**") { request, context -> Response in
            let gathering = try context.parameters.require("gathering")
            let agenda = try context.parameters.require("agenda")
            var path = context.parameters.getCatchAll().joined(separator: "/")
            if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
            let record = try await planner.agenda(agenda, of: gathering)
            let site = try await planner.site(of: record, previous: nil, attendeePages: true)
            guard let file = site.files.first(where: { $0.path == path }) else {
                throw APIError.notFound("the page \"\(path)\" of the site of \(agenda)")
            }
            return Response(
                status: .ok, headers: [.contentType: mediaType(of: path)], body: .init(byteBuffer: ByteBuffer(string: file.contents)))
        }
    }
}
