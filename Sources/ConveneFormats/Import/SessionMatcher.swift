import ConveneCore

/// Finds the sessions a survey names: by id, then by exact title, then by title compared without
/// case, punctuation or spacing. A name may stand for several sessions (a talk given in two
/// parts is wanted as a whole). For what it cannot find, it knows the closest title.
struct SessionMatcher {
    /// Names already looked up: a survey names the same few hundred titles in thousands of rows.
    private final class Memo {
        var found: [String: [String]?] = [:]
    }

    private let memo = Memo()
    private var byID: [String: [String]] = [:]
    private var byTitle: [String: [String]] = [:]
    private var byLooseTitle: [String: [String]] = [:]
    private let titles: [(title: String, lowered: String)]
    /// The most separator-delimited pieces any title or id has, for splitting a list of choices.
    private(set) var longestName = 1

    init(sessions: [InputDocument.Session], aliases: [String: [String]]) {
        var titles: [String] = []
        var seenTitle = Set<String>()
        for session in sessions {
            byID[session.id, default: []].append(session.id)
            if let title = session.title {
                byTitle[title, default: []].append(session.id)
                byLooseTitle[title.looseKey, default: []].append(session.id)
                if seenTitle.insert(title).inserted { titles.append(title) }
            }
        }
        for (alias, ids) in aliases.sorted(by: { $0.key < $1.key }) {
            if byID[alias] == nil && byTitle[alias] == nil {
                byTitle[alias] = ids
                byLooseTitle[alias.looseKey, default: []].append(contentsOf: ids)
                if seenTitle.insert(alias).inserted { titles.append(alias) }
            }
        }
        self.titles = titles.map { ($0, $0.lowercased()) }
        longestName = (titles + sessions.map(\.id)).map { Self.pieces($0).count }.max() ?? 1
    }

    /// The sessions `text` names, or nil. A Google Forms grid heading (`Question [Title]`) names
    /// the session in its brackets.
    func sessions(named text: String) -> [String]? {
        if let known = memo.found[text] { return known }
        let found = lookUp(text)
        memo.found[text] = found
        return found
    }

    private func lookUp(_ text: String) -> [String]? {
        let name = text.trimmed
        guard !name.isEmpty else { return nil }
        if let ids = byID[name] ?? byTitle[name] { return ids }
        let loose = name.looseKey
        if !loose.isEmpty, let ids = byLooseTitle[loose] { return Array(Set(ids)).sorted() }
        if name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
            let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if inner != name { return lookUp(inner) }
        }
        return nil
    }

    /// The title closest to `text`: the one sharing the most words with it, then the one with
    /// the fewest edits (case ignored), so that `Tour of the BPL` finds `Tour of Boston Public Library`.
    func closestTitle(to text: String) -> String? {
        let lowered = text.trimmed.lowercased()
        let words = Self.words(lowered)
        var best: (title: String, shared: Int, distance: Int)?
        for (title, candidate) in titles {
            let shared = words.intersection(Self.words(candidate)).count
            if let best, shared < best.shared { continue }
            // A length difference alone is already that many edits.
            if let best, shared == best.shared, abs(candidate.count - lowered.count) >= best.distance { continue }
            let d = ObjectReader.editDistance(lowered, candidate)
            if best.map({ shared > $0.shared || d < $0.distance }) ?? true { best = (title, shared, d) }
        }
        return best?.title
    }

    private static func words(_ text: String) -> Set<Substring> {
        Set(text.split { !($0.isLetter || $0.isNumber) })
    }

    /// A cell of a checkbox question, split into the names it lists. Items are separated by `;`
    /// or `, ` (Microsoft and Google Forms), but titles may hold `, ` themselves: the longest run of
    /// pieces that names a session is taken first. Each result is the text of one item and the
    /// sessions it names (nil: none).
    func choices(in cell: String) -> [(text: String, sessions: [String]?)] {
        let pieces = Self.pieces(cell)
        var result: [(String, [String]?)] = []
        var i = 0
        while i < pieces.count {
            var matched = false
            for j in stride(from: min(pieces.count - 1, i + longestName - 1), through: i, by: -1) {
                let text = pieces[i...j].map { $0.text + $0.separator }.joined().dropLast(pieces[j].separator.count)
                if let ids = sessions(named: String(text)) {
                    result.append((String(text).trimmed, ids))
                    i = j + 1
                    matched = true
                    break
                }
            }
            if !matched {
                let text = pieces[i].text.trimmed
                if !text.isEmpty { result.append((text, nil)) }
                i += 1
            }
        }
        return result
    }

    /// `A, B;C` → `A` + `, `, `B` + `;`, `C`: the text between separators and the separator after it.
    private static func pieces(_ text: String) -> [(text: String, separator: String)] {
        var pieces: [(String, String)] = []
        var current = ""
        var chars = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if c == ";" {
                pieces.append((current, ";"))
                current = ""
            } else if c == "," {
                let next = chars.next()
                if next == " " {
                    pieces.append((current, ", "))
                    current = ""
                } else {
                    current.append(c)
                    pending = next
                    if next == nil { break }
                }
            } else {
                current.append(c)
            }
        }
        pieces.append((current, ""))
        return pieces.filter { !$0.0.trimmed.isEmpty || $0.1.isEmpty }
    }
}
