import Convene
import Foundation
import OpenAPIRuntime

extension OpenAPIObjectContainer {
    /// A JSON object from the library's own JSON (an agenda, a diff), nulls kept.
    init(_ value: JSONValue) {
        guard case .object = value, let object = value.openAPIValue as? [String: (any Sendable)?],
            let container = try? OpenAPIObjectContainer(unvalidatedValue: object)
        else {
            self.init()
            return
        }
        self = container
    }

    /// A JSON object from stored bytes.
    init(json data: Data) throws { self = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: data) }
}

extension JSONValue {
    /// The value as the OpenAPI runtime holds JSON: whole numbers as `Int`, so that `3` stays `3`.
    var openAPIValue: (any Sendable)? {
        switch self {
        case .null: return nil
        case .bool(let b): return b
        case .number(let d):
            if d.rounded() == d, abs(d) < 9e15 { return Int(d) }
            return d
        case .string(let s): return s
        case .array(let items): return items.map(\.openAPIValue)
        case .object(let members):
            var object: [String: (any Sendable)?] = [:]
            for member in members { object.updateValue(member.value.openAPIValue, forKey: member.key) }
            return object
        }
    }
}
