import Convene
import ConvenePlannerAPI
import Foundation

extension JSONDocument {
    /// The library's own JSON (an agenda, a diff): whole numbers as integers, so that `3` stays `3`.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = d.rounded() == d && abs(d) < 9e15 ? .int(Int(d)) : .double(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONDocument.init))
        case .object(let members): self = .object(members.map { Member($0.key, JSONDocument($0.value)) })
        }
    }

    /// A stored document (JSON bytes).
    init(json data: Data) throws { self = try JSONDecoder().decode(JSONDocument.self, from: data) }

    /// An object of these keys and values, in this order; `nil` becomes `null`.
    static func object(_ fields: KeyValuePairs<String, JSONDocument?>) -> JSONDocument {
        .object(fields.map { Member($0.key, $0.value ?? .null) })
    }

    /// `nil` as `null`.
    static func string(_ value: String?) -> JSONDocument { value.map(JSONDocument.string) ?? .null }
    static func int(_ value: Int?) -> JSONDocument { value.map(JSONDocument.int) ?? .null }
    static func double(_ value: Double?) -> JSONDocument { value.map(JSONDocument.double) ?? .null }
    static func strings(_ values: [String]) -> JSONDocument { .array(values.map(JSONDocument.string)) }
}
