import ConvenePlannerAPI
import Foundation
import HTTPTypes

/// The API's paths and methods, read from the OpenAPI document itself: which methods a path allows (for 405 and
/// `Allow`), and whether a path is the API's at all.
package struct APIRoutes: Sendable {
    private let templates: [(segments: [String], methods: [HTTPRequest.Method])]

    package init(document: [UInt8] = OpenAPIDocument.bytes) {
        let root = (try? JSONSerialization.jsonObject(with: Data(document))) as? [String: Any]
        let paths = root?["paths"] as? [String: Any] ?? [:]
        templates = paths.keys.sorted().map { template in
            let operations = paths[template] as? [String: Any] ?? [:]
            let methods = operations.keys.compactMap { HTTPRequest.Method($0.uppercased()) }
            return (template.split(separator: "/").map(String.init), methods)
        }
    }

    /// The methods the document gives for `path` (a `{parameter}` matches any one segment), nil when it names no such path.
    package func methods(at path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let matching = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { t, s in (t.hasPrefix("{") && t.hasSuffix("}")) || t == s }
        }
        guard !matching.isEmpty else { return nil }
        return matching.flatMap(\.methods)
    }

    /// Every path template of the document, such as `/api/gatherings/{gathering}`.
    package var paths: [String] { templates.map { "/" + $0.segments.joined(separator: "/") } }
}
