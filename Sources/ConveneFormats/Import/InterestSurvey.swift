import ConveneCore
import Foundation

/// How to read an interest survey: which column lists choices, which names the respondent, and
/// from which rating a session counts as wanted.
public struct SurveyOptions: Sendable, Equatable {
    /// The checkbox question listing chosen sessions (the *choices* layout); nil: the *wide* layout,
    /// one column per session.
    package var choicesColumn: String?
    /// The column that gives attendee ids; nil: the first column called email, name or id.
    package var respondentColumn: String?
    /// In the wide layout, a number at least this high means wanted.
    package var minRating: Double
    /// Columns of the wide layout that are not sessions (comments, dietary needs…).
    package var ignoredColumns: [String]

    /// The wide layout, respondents found by their email, name or id column, any rating wanted.
    public init(choicesColumn: String? = nil, respondentColumn: String? = nil, minRating: Double = 1, ignoredColumns: [String] = []) {
        self.choicesColumn = choicesColumn
        self.respondentColumn = respondentColumn
        self.minRating = minRating
        self.ignoredColumns = ignoredColumns
    }
}

/// Reads attendees' interests from a survey or registration form exported as CSV, in the two
/// layouts form tools write: *wide* (one column per session, a mark or a rating in each cell) and
/// *choices* (one column listing the chosen sessions, as Google Forms and Microsoft Forms export a
/// checkbox question).
struct InterestSurvey {
    /// One respondent's answer: the attendee id and the sessions wanted, in the order first named.
    struct Answer {
        var attendee: String
        var interests: [String]
        var origin: ImportOrigin
    }

    /// Headings that name who answered, in the order they are looked for (compared loosely).
    static let respondentHeadings = ["email", "emailaddress", "youremail", "youremailaddress", "name", "fullname", "yourname", "id"]
    /// Headings form tools add that are never sessions (compared loosely).
    static let metadataHeadings: Set<String> = [
        "timestamp", "submittedat", "submissiondate", "starttime", "completiontime", "lastmodifiedtime", "email", "emailaddress",
        "youremail", "name", "fullname", "yourname", "id", "respondentid", "score", "totalpoints",
    ]
    static let yes: Set<String> = ["x", "yes", "y", "true", "✓", "✔", "✔️", "☑"]
    static let no: Set<String> = ["", "no", "n", "false", "-", "–"]

    let file: String
    let options: SurveyOptions
    let matcher: SessionMatcher
    let log: ImportLog

    /// Every answer in the file, or nothing after logging why it cannot be read.
    static func read(_ file: ImportFile, options: SurveyOptions, matcher: SessionMatcher, log: ImportLog) -> [Answer] {
        let table: CSVTable
        do {
            table = try CSVTable.read(file.data)
        } catch {
            for p in error.problems { log.error(ImportOrigin(file: file.name, place: .line(p.line, column: p.column)), p.message) }
            return []
        }
        if table.readAsLatin1 {
            log.warning(ImportOrigin(file: file.name), "the file is not UTF-8 and was read as Windows Latin-1; save it as UTF-8 CSV")
        }
        let survey = InterestSurvey(file: file.name, options: options, matcher: matcher, log: log)
        guard let respondent = survey.respondentColumn(table) else { return [] }
        if let name = options.choicesColumn {
            guard let column = survey.column(name, in: table, option: "--choices-column") else { return [] }
            return survey.choices(table, column: column, respondent: respondent)
        }
        return survey.wide(table, respondent: respondent)
    }

    private func cell(_ row: Int, _ column: Int) -> ImportOrigin { ImportOrigin(file: file, place: .cell(row: row, column: column + 1)) }

    private func column(_ name: String, in table: CSVTable, option: String) -> Int? {
        if let c = table.column(named: name) { return c }
        var message = "no column is headed \"\(name)\" (\(option)); the headings are "
        message += table.header.map { "\"\($0)\"" }.joined(separator: ", ")
        if let near = ObjectReader.nearest(to: name, among: table.header) { message += "; did you mean \"\(near)\"?" }
        log.error(ImportOrigin(file: file, place: .cell(row: 1, column: 1)), message)
        return nil
    }

    private func respondentColumn(_ table: CSVTable) -> Int? {
        if let name = options.respondentColumn { return column(name, in: table, option: "--respondent-column") }
        let loose = table.header.map(\.looseKey)
        for heading in Self.respondentHeadings {
            if let c = loose.firstIndex(of: heading) { return c }
        }
        log.error(
            ImportOrigin(file: file, place: .cell(row: 1, column: 1)),
            "no column says who answered (one headed email, name or id); name it with --respondent-column (the headings are "
                + table.header.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ") + (table.header.count > 6 ? ", …" : "") + ")")
        return nil
    }

    /// The attendee id of a row, or nil (with a warning) for a row that gives none.
    private func attendee(_ row: CSVTable.Row, _ respondent: Int, heading: String) -> String? {
        let id = row[respondent].trimmed
        if id.isEmpty {
            log.warning(cell(row.number, respondent), "the row gives no respondent (\"\(heading)\" is empty) and is left out")
            return nil
        }
        return id
    }

    // MARK: Layouts

    private func choices(_ table: CSVTable, column: Int, respondent: Int) -> [Answer] {
        var unmatched: [String: (origin: ImportOrigin, rows: Int)] = [:]
        var order: [String] = []
        var answers: [Answer] = []
        for row in table.rows {
            guard let id = attendee(row, respondent, heading: table.header[respondent]) else { continue }
            var interests: [String] = []
            for (text, sessions) in matcher.choices(in: row[column]) {
                guard let sessions else {
                    if unmatched[text] == nil {
                        unmatched[text] = (cell(row.number, column), 0)
                        order.append(text)
                    }
                    unmatched[text]?.rows += 1
                    continue
                }
                interests.append(contentsOf: sessions)
            }
            answers.append(Answer(attendee: id, interests: interests, origin: cell(row.number, respondent)))
        }
        for text in order {
            guard let (origin, rows) = unmatched[text] else { continue }
            var message = "the choice \"\(text)\" names no session"
            if rows > 1 { message += " (in \(rows) rows)" }
            if let near = matcher.closestTitle(to: text) { message += "; did you mean \"\(near)\"?" }
            log.error(origin, message + " Choices match a session's id or title")
        }
        return answers
    }

    private func wide(_ table: CSVTable, respondent: Int) -> [Answer] {
        let ignored = Set(options.ignoredColumns.map(\.looseKey))
        var columns: [(column: Int, sessions: [String])] = []
        for (c, heading) in table.header.enumerated() where c != respondent {
            let loose = heading.looseKey
            if loose.isEmpty || Self.metadataHeadings.contains(loose) || ignored.contains(loose) { continue }
            guard let sessions = matcher.sessions(named: heading) else {
                var message = "the column \"\(heading)\" names no session"
                if let near = matcher.closestTitle(to: heading) { message += "; did you mean \"\(near)\"?" }
                message += " Columns match a session's id or title; leave other columns out with --ignore-column"
                log.error(cell(1, c), message)
                continue
            }
            columns.append((c, sessions))
        }
        var unreadable: [Int: (origin: ImportOrigin, value: String, rows: Int)] = [:]
        var answers: [Answer] = []
        for row in table.rows {
            guard let id = attendee(row, respondent, heading: table.header[respondent]) else { continue }
            var interests: [String] = []
            for (c, sessions) in columns {
                let raw = row[c]
                if raw.isEmpty { continue }
                let value = raw.trimmed.lowercased()
                if Self.yes.contains(value) {
                    interests.append(contentsOf: sessions)
                } else if let rating = Double(value) ?? Double(value.replacingOccurrences(of: ",", with: ".")) {
                    if rating >= options.minRating { interests.append(contentsOf: sessions) }
                } else if !Self.no.contains(value) {
                    if unreadable[c] == nil { unreadable[c] = (cell(row.number, c), row[c], 0) }
                    unreadable[c]?.rows += 1
                }
            }
            answers.append(Answer(attendee: id, interests: interests, origin: cell(row.number, respondent)))
        }
        for (_, bad) in unreadable.sorted(by: { $0.key < $1.key }) {
            log.error(
                bad.origin,
                "cannot read \"\(bad.value)\" as a mark (x, yes, true) or a rating (a number, wanted from --min-rating "
                    + "\(JSONValue.format(options.minRating)))" + (bad.rows > 1 ? " (\(bad.rows) rows of this column)" : ""))
        }
        return answers
    }
}
