import ConveneCore
import Foundation

/// A CSV file read into a header and rows, as spreadsheets and form tools write it: RFC 4180
/// quoting (fields in double quotes, quotes doubled, line breaks inside quotes), CRLF, LF or CR line
/// ends, a UTF-8 byte order mark, and `,`, `;` or tab as the separator, whichever the first lines use.
///
/// Every row keeps where it came from, so that a reader can say "row 12, column 3" the way a
/// spreadsheet shows it (the header is row 1), or the line of the file where the row starts.
struct CSVTable: Sendable {
    /// One record after the header.
    struct Row: Sendable {
        /// The row as a spreadsheet numbers it: the header is row 1, the first record row 2.
        var number: Int
        /// The line of the file where the row starts (1-based).
        var line: Int
        /// As many fields as the header has: missing ones are empty.
        var fields: [String]

        subscript(column: Int) -> String { column < fields.count ? fields[column] : "" }
    }

    /// A problem that stops the file from being read, at a line and a column counted in characters.
    struct Problem: Error, Sendable, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Every problem found; reading stops at the first syntax error but collects the others.
    struct ReadError: Error, Sendable {
        var problems: [Problem]
    }

    var header: [String]
    var rows: [Row]
    var separator: Character
    /// True when the bytes were not UTF-8 and were read as Windows Latin-1, as older Excel writes.
    var readAsLatin1 = false

    /// The index of the first column whose heading, trimmed, equals `name` (case ignored).
    func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// The column's spreadsheet letter: 0 → A, 25 → Z, 26 → AA.
    static func letter(_ column: Int) -> String { Diagnostic.Place.letter(column) }

    /// Reads a whole file. Blank lines between rows are skipped, unless `keepingBlankLines` (a
    /// reader that counts a blank row as a mistake then sees it as a row of empty fields).
    ///
    /// - Throws: ``ReadError`` for an empty file, an unterminated quote, or rows with more
    ///   fields than the header (each with its line and column).
    static func read(_ data: Data, keepingBlankLines: Bool = false) throws(ReadError) -> CSVTable {
        var bytes = Array(data)
        var latin1 = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let text = String(data: data, encoding: .utf16) ?? ""
            bytes = Array(text.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        } else if String(validating: bytes, as: UTF8.self) == nil {
            bytes = Array((String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)).utf8)
            latin1 = true
        }
        guard bytes.contains(where: { !CSVTable.isBlank($0) }) else {
            throw ReadError(problems: [
                Problem(line: 1, column: 1, message: "the file is empty; it needs a header row, then one row per respondent")
            ])
        }
        let separator = detectSeparator(bytes)
        var parser = Parser(bytes: bytes, separator: separator)
        var records = try parser.records()
        while let first = records.first, first.fields.allSatisfy(\.isEmpty) { records.removeFirst() }
        while let last = records.last, last.fields.allSatisfy(\.isEmpty) { records.removeLast() }
        guard let head = records.first else {
            throw ReadError(problems: [Problem(line: 1, column: 1, message: "the file has no header row")])
        }
        var problems: [Problem] = []
        var rows: [Row] = []
        for (k, record) in records.dropFirst().enumerated() {
            var fields = record.fields
            if fields.count > head.fields.count {
                if fields[head.fields.count...].contains(where: { !$0.isEmpty }) {
                    problems.append(
                        Problem(
                            line: record.line, column: 1,
                            message: "row \(k + 2) has \(fields.count) fields, but the header has \(head.fields.count); "
                                + "a separator inside a field needs the field in double quotes"))
                }
                fields.removeLast(fields.count - head.fields.count)
            } else if fields.count == 1, fields[0].isEmpty, !keepingBlankLines {
                continue  // a blank line
            }
            while fields.count < head.fields.count { fields.append("") }
            rows.append(Row(number: k + 2, line: record.line, fields: fields))
        }
        guard problems.isEmpty else { throw ReadError(problems: problems) }
        return CSVTable(header: head.fields, rows: rows, separator: Character(UnicodeScalar(separator)), readAsLatin1: latin1)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The separator the first lines agree on: the candidate found the same number of times on
    /// every line, most often; else the one found most often overall; `,` when none is found.
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts: [[Int]] = [[0], [0], [0]]
        var quoted = false
        var lines = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted, byte == 0x0A {
                lines += 1
                if lines == 10 { break }
                for c in counts.indices { counts[c].append(0) }
            } else if !quoted, let c = candidates.firstIndex(of: byte) {
                counts[c][counts[c].count - 1] += 1
            }
        }
        // A last line without content (the file's final line break) says nothing.
        let lined = counts.map { $0.count > 1 && $0.last == 0 ? Array($0.dropLast()) : $0 }
        func consistent(_ c: Int) -> Bool { Set(lined[c]).count == 1 && (lined[c].first ?? 0) > 0 }
        let score = candidates.indices.map { c in (consistent(c) ? 1 : 0, lined[c].reduce(0, +)) }
        guard let best = candidates.indices.max(by: { score[$0] < score[$1] || (score[$0] == score[$1] && $0 > $1) }),
            score[best].1 > 0
        else { return UInt8(ascii: ",") }
        return candidates[best]
    }

    /// The RFC 4180 state machine over UTF-8 bytes (separators and quotes are ASCII, so a
    /// multi-byte character never looks like one).
    private struct Parser {
        let bytes: [UInt8]
        let separator: UInt8
        var offset = 0
        var line = 1
        var lineStart = 0

        struct Record {
            var line: Int
            var fields: [String]
        }

        init(bytes: [UInt8], separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        mutating func records() throws(ReadError) -> [Record] {
            var records: [Record] = []
            while offset < bytes.count {
                records.append(try record())
            }
            return records
        }

        private mutating func record() throws(ReadError) -> Record {
            let startLine = line
            var fields: [String] = []
            while true {
                fields.append(try field())
                guard offset < bytes.count else { break }
                let byte = bytes[offset]
                if byte == separator {
                    offset += 1
                    if offset == bytes.count { fields.append("") }
                    continue
                }
                endLine()
                break
            }
            return Record(line: startLine, fields: fields)
        }

        /// Steps over one line end (CRLF, LF or CR).
        private mutating func endLine() {
            if bytes[offset] == 0x0D, offset + 1 < bytes.count, bytes[offset + 1] == 0x0A { offset += 1 }
            offset += 1
            line += 1
            lineStart = offset
        }

        private mutating func field() throws(ReadError) -> String {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                let start = offset
                while offset < bytes.count, bytes[offset] != separator, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
                return String(decoding: bytes[start..<offset], as: UTF8.self)
            }
            let openLine = line
            let openColumn = column(of: offset)
            offset += 1
            var value: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    if offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\"") {
                        value.append(byte)
                        offset += 2
                        continue
                    }
                    offset += 1
                    // Text after the closing quote is kept, as spreadsheets do (`"a"b` reads `ab`).
                    while offset < bytes.count, bytes[offset] != separator, bytes[offset] != 0x0A, bytes[offset] != 0x0D {
                        value.append(bytes[offset])
                        offset += 1
                    }
                    return String(decoding: value, as: UTF8.self)
                }
                if byte == 0x0A || (byte == 0x0D && !(offset + 1 < bytes.count && bytes[offset + 1] == 0x0A)) {
                    line += 1
                    lineStart = offset + 1
                }
                value.append(byte)
                offset += 1
            }
            throw ReadError(problems: [
                Problem(
                    line: openLine, column: openColumn,
                    message: "a quoted field is never closed: the double quote that opens it has no closing quote before the end of "
                        + "the file; close it, or double a quote meant as text (\"\")")
            ])
        }

        /// The column of a byte on its line, counted in characters (1-based).
        private func column(of position: Int) -> Int {
            String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1
        }
    }
}
