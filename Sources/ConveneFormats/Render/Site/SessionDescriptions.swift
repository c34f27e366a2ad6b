import ConveneCore

/// `sessions[].description` of an input document, by session id. The input format will carry
/// descriptions (with runs); until it does, the publisher reads them from the document itself.
package enum SessionDescriptions {
    /// The descriptions the document gives (strings only); none when it cannot be read.
    package static func read(_ json: [UInt8]) -> [String: String] {
        var parser = JSONParser(json)
        guard let root = try? parser.parseDocument(), case .object(let top) = root,
            case .array(let sessions)? = top.first(where: { $0.key == "sessions" })?.value
        else { return [:] }
        var out: [String: String] = [:]
        for case .object(let fields) in sessions {
            guard case .string(let id)? = fields.first(where: { $0.key == "id" })?.value,
                case .string(let text)? = fields.first(where: { $0.key == "description" })?.value
            else { continue }
            out[id] = text
        }
        return out
    }

    /// Whether an input problem is the warning about `sessions[N].description`, a key the
    /// publisher reads.
    package static func isDescriptionWarning(_ problem: Diagnostic) -> Bool {
        problem.severity == .warning && problem.location.description.hasPrefix("sessions[")
            && problem.location.description.hasSuffix("].description")
    }
}
