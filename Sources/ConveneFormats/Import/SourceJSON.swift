import ConveneCore
import Foundation

/// Reading other tools' JSON: lenient about what they add (unknown keys are theirs, not typos),
/// strict about what Convene needs, and every problem reported at its path in the file.
enum SourceJSON {
    /// The file's JSON, or nil after logging where and why it cannot be read.
    static func parse(_ file: ImportFile, log: ImportLog) -> JSONValue? {
        var parser = JSONParser(Array(file.data))
        do {
            return try parser.parseDocument()
        } catch {
            var hint = ""
            let truncated = ["ends where", "not closed", "the end of the document"].contains { error.message.contains($0) }
            if truncated, !file.data.isEmpty { hint = "; was the file saved completely?" }
            log.error(
                ImportOrigin(file: file.name, place: .line(error.line, column: error.column)),
                "the file is not valid JSON: \(error.message)\(hint)")
            return nil
        }
    }

    /// The records of an API answer: the `results` of a page (`count`, `next`, `results`), the
    /// items of a plain list, or a single object, each with its path.
    static func records(_ value: JSONValue) -> [(value: JSONValue, path: JSONPath)] {
        if case .array(let items) = value { return items.enumerated().map { ($0.element, .root / $0.offset) } }
        if let results = member(value, "results"), case .array(let items) = results {
            return items.enumerated().map { ($0.element, .root / "results" / $0.offset) }
        }
        if case .object = value { return [(value, .root)] }
        return []
    }

    /// The member's value; nil when it is absent or null.
    static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value, let found = members.first(where: { $0.key == key }), found.value != .null else {
            return nil
        }
        return found.value
    }

    static func has(_ value: JSONValue, _ key: String) -> Bool {
        guard case .object(let members) = value else { return false }
        return members.contains { $0.key == key }
    }

    /// A text: a string, or a multilingual object (`{"en": …, "de": …}`) read in English, else in
    /// its first language; numbers are written out. Nil for anything else or an empty text.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let d): return JSONValue.format(d)
        case .object(let members):
            if let en = members.first(where: { $0.key == "en" }), let s = text(en.value) { return s }
            return members.lazy.compactMap { text($0.value) }.first
        default: return nil
        }
    }

    static func text(_ value: JSONValue, _ key: String) -> String? { text(member(value, key)) }

    /// A whole number, also when written as a numeric string.
    static func integer(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let d) where d == d.rounded() && abs(d) < 1e12: return Int(d)
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let d): return d
        case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func bool(_ value: JSONValue?) -> Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// An identifier written as a string or a number.
    static func identifier(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let d): return JSONValue.format(d)
        default: return nil
        }
    }

    static func list(_ value: JSONValue, _ key: String) -> [JSONValue] {
        if case .array(let items)? = member(value, key) { return items }
        return []
    }
}

extension JSONValue {
    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}

/// A file given to `convene import`: its name (as the person wrote it, for messages) and its bytes.
public struct ImportFile: Sendable {
    /// How the person named it, used in every message about it.
    package var name: String
    /// Its bytes.
    package var data: Data

    /// A named file.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}
