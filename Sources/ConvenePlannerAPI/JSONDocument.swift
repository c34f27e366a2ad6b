/// A JSON value for what the API passes on whole (input and agenda documents, diffs, jobs, what-if answers): every
/// null kept (the contract writes `"bound": null`), and encoded without the dynamic casts of the runtime's generic
/// containers, which took most of a what-if's time on a 400-session gathering.
package indirect enum JSONDocument: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONDocument])
    case object([Member])

    /// One key and its value, in the order written.
    package struct Member: Hashable, Sendable {
        package var key: String
        package var value: JSONDocument

        package init(_ key: String, _ value: JSONDocument) {
            self.key = key
            self.value = value
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        if let container = try? decoder.singleValueContainer() {
            if container.decodeNil() {
                self = .null
                return
            }
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
                return
            }
            if let value = try? container.decode(Int.self) {
                self = .int(value)
                return
            }
            if let value = try? container.decode(Double.self) {
                self = .double(value)
                return
            }
            if let value = try? container.decode(String.self) {
                self = .string(value)
                return
            }
        }
        if var items = try? decoder.unkeyedContainer() {
            var array: [JSONDocument] = []
            while !items.isAtEnd { array.append(try items.decode(JSONDocument.self)) }
            self = .array(array)
            return
        }
        let object = try decoder.container(keyedBy: Key.self)
        self = .object(try object.allKeys.map { Member($0.stringValue, try object.decode(JSONDocument.self, forKey: $0)) })
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(member.value, forKey: Key(stringValue: member.key)) }
        }
    }
}
