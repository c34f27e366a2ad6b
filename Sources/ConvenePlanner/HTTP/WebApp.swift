import Foundation
import HTTPTypes
import Hummingbird

/// The web app's files, compiled into the binary (`Web/`, embedded by SwiftPM): plain HTML, CSS and JavaScript modules,
/// with no build step.
package enum WebApp {
    /// Each file at the path it is served from.
    package static let files: [String: (bytes: [UInt8], type: String)] = [
        "/index.html": (PackageResources.index_html, "text/html; charset=utf-8"),
        "/planner.css": (PackageResources.planner_css, "text/css; charset=utf-8"),
        "/main.js": (PackageResources.main_js, "text/javascript; charset=utf-8"),
        "/api.js": (PackageResources.api_js, "text/javascript; charset=utf-8"),
        "/dom.js": (PackageResources.dom_js, "text/javascript; charset=utf-8"),
        "/editor.js": (PackageResources.editor_js, "text/javascript; charset=utf-8"),
        "/solve.js": (PackageResources.solve_js, "text/javascript; charset=utf-8"),
        "/grid.js": (PackageResources.grid_js, "text/javascript; charset=utf-8"),
        "/versions.js": (PackageResources.versions_js, "text/javascript; charset=utf-8"),
        "/transfer.js": (PackageResources.transfer_js, "text/javascript; charset=utf-8"),
    ]

    /// Whether `path` is the app itself (`/` or one of its files), which needs no token.
    package static func isAppFile(_ path: String) -> Bool { path == "/" || files[path] != nil }

    /// Serves `/` and every file.
    static func register<Context: RequestContext>(on router: Router<Context>) {
        for path in ["/"] + files.keys.sorted() {
            router.get(RouterPath(path)) { _, _ -> Response in
                guard let file = files[path == "/" ? "/index.html" : path] else { throw HTTPError(.notFound) }
                return Response(
                    status: .ok,
                    headers: [.contentType: file.type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
                    body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
            }
        }
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
}
