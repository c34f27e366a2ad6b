import Foundation

/// Where a value sits in a JSON document, printed as `sessions[3].facilitators[0]`, or
/// `(document)` for the document as a whole.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    package var components: [Component] = []

    package init(_ components: [Component] = []) { self.components = components }

    package static let root = JSONPath()

    package func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    package func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }
    package static func / (path: JSONPath, key: String) -> JSONPath { path.appending(key) }
    package static func / (path: JSONPath, index: Int) -> JSONPath { path.appending(index) }

    /// `sessions[3].facilitators[0]`; a key that is not a plain name in brackets and quotes.
    public var description: String {
        if components.isEmpty { return "(document)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let i): text += "[\(i)]"
            case .key(let k):
                if JSONPath.isPlain(k) {
                    text += text.isEmpty ? k : "." + k
                } else {
                    text += "[\"" + k.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
                }
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
