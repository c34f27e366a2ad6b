import Convene
import Foundation
import FoundationXML
import Testing

@testable import ConveneFormats

/// The small XML reader of the frab import, against FoundationXML on the same documents.
@Suite struct XMLReaderTests {
    func parse(_ text: String) throws(XMLReader.SyntaxError) -> XMLReader.Element { try XMLReader.parse(Array(text.utf8)) }

    @Test func elementsAttributesTextAndEntities() throws {
        let root = try parse(
            """
            <?xml version='1.0' encoding='utf-8' ?>
            <!DOCTYPE schedule [ <!ELEMENT schedule ANY> ]>
            <!-- made by hand -->
            <schedule a="1" b='two &amp; &quot;three&quot;'>
              <title>Caf&#233; &lt;&#x263A;&gt;</title>
              <empty/>
              <code><![CDATA[<not> & parsed]]></code>
            </schedule>
            """)
        #expect(root.name == "schedule" && root.attribute("a") == "1" && root.attribute("b") == "two & \"three\"")
        #expect(root.children.map(\.name) == ["title", "empty", "code"])
        #expect(root.childText("title") == "Café <☺>" && root.childText("code") == "<not> & parsed")
        #expect(root.child("empty")?.children.isEmpty == true && root.childText("missing") == nil)
        #expect(root.line == 4 && root.column == 1 && root.child("title")?.line == 5 && root.child("title")?.column == 3)
    }

    @Test func theFrabFixtureReadsAsFoundationXMLReadsIt() throws {
        let data = try fixture("import/frab-schedule.xml")
        let ours = try XMLReader.parse(Array(data))
        let theirs = try #require(try XMLDocument(data: data).rootElement())
        func compare(_ a: XMLReader.Element, _ b: XMLElement) {
            #expect(a.name == b.name)
            for attribute in b.attributes ?? [] { #expect(a.attribute(attribute.name ?? "") == attribute.stringValue) }
            let children = b.children?.compactMap { $0 as? XMLElement } ?? []
            #expect(a.children.count == children.count)
            if children.isEmpty { #expect(a.text == (b.stringValue ?? "")) }
            for (x, y) in zip(a.children, children) { compare(x, y) }
        }
        compare(ours, theirs)
    }

    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>, which opens on line 1, column 4"),
        ("<a x=1/>", "the value of the attribute \"x\" needs quotes"),
        ("<a x='1' x='2'/>", "the attribute \"x\" appears twice"),
        ("<a>&nbsp;</a>", "unknown entity &nbsp;"),
        ("<a>fish & chips</a>", "'&' starts no entity"),
        ("<a></a><b/>", "after the end of the root element <a>"),
        ("<a>", "the element <a> (line 1) is never closed"),
        ("", "the file is empty"),
        ("<a><!-- open", "a comment is never closed"),
    ])
    func malformedDocumentsSayWhatIsWrong(text: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("\(text) should not parse")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.line == 1)
        }
    }

    @Test func positionsCountLinesAndCharacters() {
        do {
            _ = try parse("<a>\n  <é>\n    <b x=\"1\" x=\"2\"/>\n</a>")
        } catch {
            #expect(error.line == 3 && error.column == 15, "\(error)")
        }
    }
}
