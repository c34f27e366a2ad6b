import Convene
import Foundation
import Testing

@testable import ConveneFormats

/// The CSV reader the survey import uses (and the unconference proposals will): RFC 4180 and the
/// ways spreadsheets and form tools bend it.
@Suite struct CSVTableTests {
    func read(_ text: String) throws(CSVTable.ReadError) -> CSVTable { try CSVTable.read(Data(text.utf8)) }

    @Test func quotesDoubledQuotesAndLineBreaksInsideFields() throws {
        let table = try read("a,b,c\r\n1,\"two, too\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",,x\r\n")
        #expect(table.header == ["a", "b", "c"] && table.separator == ",")
        #expect(table.rows.map(\.fields) == [["1", "two, too", "say \"hi\""], ["multi\r\nline", "", "x"]])
        #expect(table.rows.map(\.number) == [2, 3] && table.rows.map(\.line) == [2, 3])
    }

    @Test func aRowAfterAQuotedLineBreakKeepsItsLine() throws {
        let table = try read("a,b\n\"one\ntwo\nthree\",1\nx,2\n")
        #expect(table.rows.map(\.line) == [2, 5] && table.rows.map(\.number) == [2, 3])
    }

    @Test func byteOrderMarkSemicolonsAndCRLine() throws {
        let table = try CSVTable.read(Data([0xEF, 0xBB, 0xBF]) + Data("Name;Wahl, bitte;Z\r1;a, b;2\r".utf8))
        #expect(table.separator == ";")
        #expect(table.header == ["Name", "Wahl, bitte", "Z"] && table.rows.first?.fields == ["1", "a, b", "2"])
    }

    @Test func tabsAreASeparatorToo() throws {
        #expect(try read("a\tb\n1\t2\n").rows.first?.fields == ["1", "2"])
    }

    @Test func theSeparatorEveryLineAgreesOnWins() throws {
        // The header has as many commas as semicolons; the rows say `;`.
        let table = try read("Name;Which one, if any?\nAda;x\nBo;y\n")
        #expect(table.separator == ";" && table.header == ["Name", "Which one, if any?"])
    }

    @Test func shortRowsArePaddedAndBlankLinesSkipped() throws {
        let table = try read("a,b,c\n1\n\n2,3\n\n")
        #expect(table.rows.map(\.fields) == [["1", "", ""], ["2", "3", ""]])
        #expect(table.rows.map(\.number) == [2, 4])
    }

    @Test func aTrailingSeparatorIsAnEmptyField() throws {
        #expect(try read("a;b\n1;\n").rows.first?.fields == ["1", ""])
    }

    @Test func anUnterminatedQuoteIsReportedWhereItOpens() {
        #expect(throws: CSVTable.ReadError.self) { try read("a,b\n1,\"open\n2,3\n") }
        do {
            _ = try read("a,b\nxy,ä,\"open\n2,3\n")
        } catch {
            #expect(
                error.problems == [
                    .init(
                        line: 2, column: 6,
                        message:
                            "a quoted field is never closed: the double quote that opens it has no closing quote before the end of the "
                            + "file; close it, or double a quote meant as text (\"\")")
                ])
        }
    }

    @Test func extraFieldsAreAnErrorWithTheirRow() {
        do {
            _ = try read("a,b\n1,2\n3,4,5\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.line) == [3])
            #expect(error.problems.first?.message.hasPrefix("row 3 has 3 fields, but the header has 2") == true)
        }
    }

    @Test func anEmptyFileIsAnError() {
        for text in ["", "\n\r\n", "\u{FEFF}"] {
            #expect(throws: CSVTable.ReadError.self) { try read(text) }
        }
    }

    @Test func latin1FromOldSpreadsheetsIsRead() throws {
        let table = try CSVTable.read(Data([0x4E, 0x61, 0x6D, 0x65, 0x0A, 0x4A, 0xF6, 0x72, 0x67, 0x0A]))
        #expect(table.readAsLatin1 && table.rows.first?.fields == ["Jörg"])
    }

    @Test func columnsAreFoundByHeadingAndNamedByLetter() throws {
        let table = try read(" Email Address ,x\n")
        #expect(table.column(named: "email address") == 0 && table.column(named: "y") == nil)
        #expect([0, 1, 25, 26, 27, 701, 702].map(CSVTable.letter) == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"])
    }
}
