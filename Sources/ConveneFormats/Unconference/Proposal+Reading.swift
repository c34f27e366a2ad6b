import ConveneCore
import Foundation

extension Proposal {
    /// The columns of a proposals CSV, and the keys of a proposals JSON object.
    static let fields = ["title", "id", "hosts", "duration", "voters", "votes"]

    /// Reads a proposals file: CSV (RFC 4180, a header row, columns in any order) or JSON (an
    /// array of objects), told apart by the first character that is not white space (`[` or `{`
    /// is JSON).
    ///
    /// The columns or keys are `title` (required), `id`, `hosts` and `voters` (`;`-separated in a
    /// cell; a list of strings or one such string in JSON), `duration` (minutes) and `votes` (a
    /// whole number ≥ 0). Whether hosts and voters name the gathering's people and attendees is
    /// checked by ``Unconference``, which knows the gathering.
    ///
    /// - Returns: the proposals in file order, and warnings (an unknown column or key, a file
    ///   read as Latin-1).
    /// - Throws: ``DiagnosticError`` with every problem, each at its file and row and column (CSV),
    ///   line and column (a syntax error) or JSON path: no title column, an empty row, an
    ///   unterminated quote, a duration or votes that are not numbers.
    package static func read(_ file: ImportFile) throws(DiagnosticError) -> Loaded<[Proposal]> {
        let log = ImportLog()
        let proposals = read(file, log: log)
        guard !log.hasErrors else { throw DiagnosticError(log.problems) }
        return Loaded(proposals, warnings: log.problems)
    }

    /// The proposals that could be read, every problem logged: a value that cannot be read is
    /// left out (nil), so that what is checked later is not reported twice.
    static func read(_ file: ImportFile, log: ImportLog) -> [Proposal] {
        let first = file.data.first { !" \t\r\n".utf8.contains($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? readJSON(file, log: log) : readCSV(file, log: log)
    }

    private static func readCSV(_ file: ImportFile, log: ImportLog) -> [Proposal] {
        let table: CSVTable
        do {
            table = try CSVTable.read(file.data, keepingBlankLines: true)
        } catch {
            for p in error.problems { log.error(ImportOrigin(file: file.name, place: .line(p.line, column: p.column)), p.message) }
            return []
        }
        func cell(_ row: Int, _ column: Int) -> ImportOrigin { ImportOrigin(file: file.name, place: .cell(row: row, column: column + 1)) }
        if table.readAsLatin1 {
            log.warning(ImportOrigin(file: file.name), "the file is not UTF-8 and was read as Windows Latin-1; save it as UTF-8 CSV")
        }
        for (k, heading) in table.header.enumerated() where !fields.contains(heading.trimmed.lowercased()) {
            var message =
                "the column \"\(heading)\" is not one Convene reads and is ignored; the columns are \(fields.joined(separator: ", "))"
            if let near = ObjectReader.nearest(to: heading.trimmed, among: fields) { message += "; did you mean \"\(near)\"?" }
            log.warning(cell(1, k), message)
        }
        guard let titleColumn = table.column(named: "title") else {
            var message =
                "no column is headed \"title\", and every proposal needs one; the headings are "
                + table.header.map { "\"\($0)\"" }.joined(separator: ", ")
            if let near = table.header.first(where: { ObjectReader.nearest(to: $0.trimmed, among: ["title"]) != nil }) {
                message += "; did you mean \"\(near)\" to be \"title\"?"
            }
            log.error(cell(1, 0), message)
            return []
        }
        let columns = Dictionary(uniqueKeysWithValues: fields.compactMap { name in table.column(named: name).map { (name, $0) } })
        var proposals: [Proposal] = []
        for row in table.rows {
            let at = { (name: String) in cell(row.number, columns[name] ?? titleColumn) }
            guard row.fields.contains(where: { !$0.trimmed.isEmpty }) else {
                log.error(
                    cell(row.number, titleColumn),
                    "row \(row.number) is empty; delete it, or write a proposal's title in column \(CSVTable.letter(titleColumn))")
                continue
            }
            func text(_ name: String) -> String? {
                guard let c = columns[name] else { return nil }
                let value = row[c].trimmed
                return value.isEmpty ? nil : value
            }
            var proposal = Proposal(title: text("title") ?? "")
            proposal.origins = Origins(cell(row.number, titleColumn))
            proposal.origins.id = at("id")
            proposal.origins.duration = at("duration")
            proposal.origins.votes = at("votes")
            if proposal.title.isEmpty {
                log.error(at("title"), "the title is empty; every proposal needs one")
            }
            proposal.id = text("id")
            proposal.hosts = list(text("hosts"))
            proposal.origins.hosts = proposal.hosts.map { _ in at("hosts") }
            proposal.voters = list(text("voters"))
            proposal.origins.voters = proposal.voters.map { _ in at("voters") }
            if let value = text("duration") {
                if let minutes = Double(value), minutes > 0, minutes.isFinite {
                    proposal.duration = minutes
                } else {
                    log.error(at("duration"), "the duration \"\(value)\" is not a number of minutes above 0, such as 45")
                }
            }
            if let value = text("votes") {
                if let votes = Int(value), votes >= 0 {
                    proposal.votes = votes
                } else {
                    log.error(at("votes"), "the votes \"\(value)\" are not a whole number, 0 or more, such as 12")
                }
            }
            proposals.append(proposal)
        }
        return proposals
    }

    /// `a; b;; c ` → `["a", "b", "c"]`, each name once.
    private static func list(_ cell: String?) -> [String] {
        var names: [String] = []
        for part in (cell ?? "").split(separator: ";").map({ String($0).trimmed }) where !part.isEmpty && !names.contains(part) {
            names.append(part)
        }
        return names
    }

    private static func readJSON(_ file: ImportFile, log: ImportLog) -> [Proposal] {
        guard let value = SourceJSON.parse(file, log: log) else { return [] }
        func at(_ path: JSONPath) -> ImportOrigin { ImportOrigin(file: file.name, place: .json(path)) }
        guard case .array(let items) = value else {
            log.error(at(.root), "expected a list of proposals in square brackets, found \(value.kindDescription)")
            return []
        }
        let problems = ProblemLog()
        var proposals: [Proposal] = []
        for (k, item) in items.enumerated() {
            let path = JSONPath.root / k
            guard var r = ObjectReader(item, at: path, log: problems, what: "a proposal") else { continue }
            defer { r.warnAboutUnknownKeys() }
            let title = r.string("title", required: "every proposal needs a title")?.trimmed
            var proposal = Proposal(title: title ?? "")
            proposal.origins = Origins(at(path))
            proposal.origins.title = at(path / "title")
            if title?.isEmpty == true { problems.error(path / "title", "the title is empty; every proposal needs one") }
            proposal.id = r.string("id")?.trimmed
            proposal.origins.id = at(path / "id")
            (proposal.hosts, proposal.origins.hosts) = names(&r, "hosts", at: at)
            (proposal.voters, proposal.origins.voters) = names(&r, "voters", at: at)
            proposal.duration = r.number("duration")
            proposal.origins.duration = at(path / "duration")
            if let d = proposal.duration, !(d > 0) {
                problems.error(path / "duration", "the duration must be a number of minutes above 0")
                proposal.duration = nil
            }
            proposal.votes = r.integer("votes")
            proposal.origins.votes = at(path / "votes")
            if let v = proposal.votes, v < 0 {
                problems.error(path / "votes", "the votes must be 0 or more")
                proposal.votes = nil
            }
            proposals.append(proposal)
        }
        for p in problems.problems {
            if p.severity == .error { log.error(at(p.path), p.message) } else { log.warning(at(p.path), p.message) }
        }
        return proposals
    }

    /// Hosts or voters: a list of strings, or one string separated by `;`, each name once.
    private static func names(_ r: inout ObjectReader, _ key: String, at: (JSONPath) -> ImportOrigin) -> ([String], [ImportOrigin]) {
        let path = r.path / key
        guard let value = r.value(key) else { return ([], []) }
        if case .string(let text) = value {
            let names = list(text)
            return (names, names.map { _ in at(path) })
        }
        var names: [String] = []
        var origins: [ImportOrigin] = []
        for (k, name) in r.strings(key).enumerated() where !name.trimmed.isEmpty && !names.contains(name.trimmed) {
            names.append(name.trimmed)
            origins.append(at(path / k))
        }
        return (names, origins)
    }
}
