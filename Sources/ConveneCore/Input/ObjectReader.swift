/// Reads one JSON object member by member, checking each value's type, reporting every
/// problem to a shared log, and warning about the keys it was never asked for.
package struct ObjectReader {
    package let path: JSONPath
    let log: ProblemLog
    private let members: [JSONValue.Member]
    private var asked: [String] = []

    /// Reads `value` as an object, or reports what was found instead and returns nil.
    package init?(_ value: JSONValue, at path: JSONPath, log: ProblemLog, what: String) {
        guard case .object(let members) = value else {
            log.error(path, "expected \(what) (a JSON object in braces), found \(value.kindDescription)")
            return nil
        }
        self.members = members
        self.path = path
        self.log = log
    }

    /// The member's value, or nil when it is absent or `null` (the contract counts null as omitted).
    package mutating func value(_ key: String) -> JSONValue? {
        asked.append(key)
        guard let member = members.first(where: { $0.key == key }), member.value != .null else { return nil }
        return member.value
    }

    package mutating func string(_ key: String, required what: String? = nil) -> String? {
        guard let value = value(key) else {
            if let what { log.error(path / key, "is missing: \(what)") }
            return nil
        }
        return ObjectReader.string(value, at: path / key, log: log)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let b) = value else {
            log.error(path / key, "expected true or false, found \(value.kindDescription) (\(value.excerpt))")
            return nil
        }
        return b
    }

    /// A whole number, such as a count of rooms; `2.0` is accepted, `2.5` is not.
    package mutating func integer(_ key: String, required what: String? = nil) -> Int? {
        guard let value = value(key) else {
            if let what { log.error(path / key, "is missing: \(what)") }
            return nil
        }
        guard case .number(let d) = value else {
            log.error(
                path / key,
                "expected a whole number, found \(value.kindDescription) (\(value.excerpt))"
                    + (value.isNumericString ? "; write it without quotes" : ""))
            return nil
        }
        guard d == d.rounded(), abs(d) <= 1e12 else {
            log.error(path / key, "expected a whole number, found \(value.excerpt)")
            return nil
        }
        return Int(d)
    }

    package mutating func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let d) = value else {
            log.error(
                path / key,
                "expected a number, found \(value.kindDescription) (\(value.excerpt))"
                    + (value.isNumericString ? "; write it without quotes" : ""))
            return nil
        }
        return d
    }

    /// A list of strings; a single string is reported (it is a common slip for a one-item list).
    package mutating func strings(_ key: String) -> [String] {
        list(key, of: "strings") { value, path, log in ObjectReader.string(value, at: path, log: log) ?? "" }
    }

    /// A list read item by item. `read` reports an unreadable item and returns a placeholder for it,
    /// so that every item keeps its index and later problems are reported at the right path.
    mutating func list<T>(_ key: String, of what: String, _ read: (JSONValue, JSONPath, ProblemLog) -> T) -> [T] {
        guard let value = value(key) else { return [] }
        guard case .array(let items) = value else {
            var hint = ""
            if case .string(let s) = value { hint = "; for one item write [\"\(s)\"]" }
            log.error(path / key, "expected a list of \(what) in square brackets, found \(value.kindDescription)\(hint)")
            return []
        }
        return items.enumerated().map { read($0.element, path / key / $0.offset, log) }
    }

    mutating func object<T>(_ key: String, what: String, _ read: (inout ObjectReader) -> T) -> T? {
        guard let value = value(key), var reader = ObjectReader(value, at: path / key, log: log, what: what) else { return nil }
        let result = read(&reader)
        reader.warnAboutUnknownKeys()
        return result
    }

    /// Warns about every member no one asked for, suggesting the nearest known key.
    package func warnAboutUnknownKeys() {
        for member in members where !asked.contains(member.key) {
            var message = "unknown key \"\(member.key)\" is ignored"
            if let near = ObjectReader.nearest(to: member.key, among: asked) { message += "; did you mean \"\(near)\"?" }
            log.warning(path / member.key, message)
        }
    }

    static func string(_ value: JSONValue, at path: JSONPath, log: ProblemLog) -> String? {
        guard case .string(let s) = value else {
            log.error(path, "expected a string in double quotes, found \(value.kindDescription) (\(value.excerpt))")
            return nil
        }
        return s
    }

    /// The known key within edit distance 2 of `key` (or differing only in case), if any.
    package static func nearest(to key: String, among known: [String]) -> String? {
        let lower = key.lowercased()
        return
            known
            .map { ($0, editDistance(lower, $0.lowercased())) }
            .filter { $0.1 <= max(2, key.count / 4) }
            .min { $0.1 < $1.1 }?.0
    }

    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension JSONValue {
    var isNumericString: Bool {
        if case .string(let s) = self { return Double(s) != nil }
        return false
    }
}
