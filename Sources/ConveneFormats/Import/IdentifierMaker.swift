/// Readable, unique ids made from names (`Main Hall` → `main-hall`, then `main-hall-2`), for the
/// things a source names but does not identify in a way people can read (rooms, formats).
struct IdentifierMaker {
    private var used: Set<String>

    /// A maker that never gives one of the `reserved` ids (those already taken).
    init(reserved: Set<String> = []) { used = reserved }

    /// Takes `id` as it is; false when it is already taken.
    mutating func claim(_ id: String) -> Bool { used.insert(id).inserted }

    /// The slug of `name` (or `fallback` when the name has no letters or digits), made unique.
    mutating func make(_ name: String, fallback: String) -> String {
        let base = name.slug().isEmpty ? fallback : name.slug()
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}

extension String {
    /// Without white space or line breaks at either end; a survey has a million cells, and
    /// Foundation's trimming goes through NSString.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard first != scalars.startIndex || scalars.last?.properties.isWhitespace == true else { return self }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }

    /// Lower case, letters and digits only: how titles and headings are compared when case,
    /// punctuation and spacing differ (`Intro to Git!` and `intro to git` match).
    var looseKey: String {
        String(
            String.UnicodeScalarView(lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }
}
