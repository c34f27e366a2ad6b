import ConveneCore
import Foundation

/// A small, strict reader of XML documents into a tree of elements that keep their line and
/// column, enough for the schedules conference tools export (frab's `schedule.xml`). It reads
/// elements, attributes, text, CDATA, comments, processing instructions and the predefined and
/// numeric entities; a document type declaration is skipped. Namespaces are kept in the names
/// as written. FoundationXML is not used, so that the library builds wherever Swift does.
struct XMLReader {
    /// One element: its name, attributes in document order, child elements and text.
    struct Element: Sendable {
        var name: String
        var attributes: [(name: String, value: String)]
        var children: [Element]
        /// The text directly inside the element (not inside its children), entities resolved.
        var text: String
        var line: Int
        var column: Int

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        /// The first child with this name.
        func child(_ name: String) -> Element? { children.first { $0.name == name } }

        func children(named name: String) -> [Element] { children.filter { $0.name == name } }

        /// The text of the first child with this name, trimmed; nil when there is no such child.
        func childText(_ name: String) -> String? {
            child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    /// Where and why the document is not well-formed XML.
    struct SyntaxError: Error, Sendable {
        var line: Int
        var column: Int
        var message: String
        /// True when the document ends before it is complete (a file saved or copied in part).
        var atEnd = false
    }

    private let bytes: [UInt8]
    /// The offset where each line starts, for positions in messages.
    private let lineStarts: [Int]
    private var offset = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }

    /// Reads a whole document and returns its root element.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Element {
        var reader = XMLReader(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.offset = 3 }
        try reader.skipMisc()
        guard reader.offset < bytes.count else {
            throw reader.error("the file is empty; a frab schedule starts with <schedule>")
        }
        guard reader.peek("<") else { throw reader.error("expected an element such as <schedule>, found \(reader.describeNext())") }
        let root = try reader.element()
        try reader.skipMisc()
        guard reader.offset == bytes.count else {
            throw reader.error("unexpected \(reader.describeNext()) after the end of the root element <\(root.name)>")
        }
        return root
    }

    // MARK: Structure

    private mutating func element() throws(SyntaxError) -> Element {
        let (line, column) = position(offset)
        offset += 1
        let name = try self.name()
        depth += 1
        if depth > 256 { throw error("elements are nested more than 256 deep") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard offset < bytes.count else { throw error("the document ends inside the start tag <\(name)>") }
            if peek("/>") {
                offset += 2
                depth -= 1
                return Element(name: name, attributes: attributes, children: [], text: "", line: line, column: column)
            }
            if peek(">") {
                offset += 1
                break
            }
            let attribute = try self.name()
            if attributes.contains(where: { $0.name == attribute }) {
                throw error("the attribute \"\(attribute)\" appears twice in <\(name)>")
            }
            skipSpace()
            guard peek("=") else { throw error("expected '=' after the attribute \"\(attribute)\", found \(describeNext())") }
            offset += 1
            skipSpace()
            guard peek("\"") || peek("'") else {
                throw error("the value of the attribute \"\(attribute)\" needs quotes, found \(describeNext())")
            }
            let quote = bytes[offset]
            offset += 1
            let start = offset
            while offset < bytes.count, bytes[offset] != quote {
                if bytes[offset] == UInt8(ascii: "<") { throw error("'<' is not allowed inside an attribute value; write &lt;") }
                offset += 1
            }
            guard offset < bytes.count else { throw error("the value of the attribute \"\(attribute)\" is never closed") }
            let value = try resolve(bytes[start..<offset], at: start)
            offset += 1
            attributes.append((attribute, value))
        }
        var children: [Element] = []
        var text: [UInt8] = []
        while true {
            guard offset < bytes.count else { throw error("the element <\(name)> (line \(line)) is never closed") }
            if peek("</") {
                offset += 2
                let closing = try self.name()
                guard closing == name else {
                    throw error("</\(closing)> closes <\(name)>, which opens on line \(line), column \(column)")
                }
                skipSpace()
                guard peek(">") else { throw error("expected '>' to end </\(closing)>, found \(describeNext())") }
                offset += 1
                depth -= 1
                let resolved = String(decoding: text, as: UTF8.self)
                return Element(name: name, attributes: attributes, children: children, text: resolved, line: line, column: column)
            }
            if peek("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if peek("<![CDATA[") {
                offset += 9
                let start = offset
                try skip(past: "]]>", what: "a CDATA section")
                text.append(contentsOf: bytes[start..<offset - 3])
            } else if peek("<?") {
                try skip(past: "?>", what: "a processing instruction")
            } else if peek("<") {
                children.append(try element())
            } else {
                let start = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                text.append(contentsOf: Array(try resolve(bytes[start..<offset], at: start).utf8))
            }
        }
    }

    private mutating func name() throws(SyntaxError) -> String {
        let start = offset
        while offset < bytes.count {
            let b = bytes[offset]
            let isNameByte =
                b >= 0x80 || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (offset > start
                    && ((b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
            guard isNameByte else { break }
            offset += 1
        }
        guard offset > start else { throw error("expected a name, found \(describeNext())") }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Skips the prolog and what may follow the root: white space, comments, processing
    /// instructions and a document type declaration.
    private mutating func skipMisc() throws(SyntaxError) {
        while true {
            skipSpace()
            if peek("<?") {
                try skip(past: "?>", what: "the XML declaration")
            } else if peek("<!--") {
                try skip(past: "-->", what: "a comment")
            } else if peek("<!DOCTYPE") {
                var nesting = 0
                while offset < bytes.count {
                    let b = bytes[offset]
                    offset += 1
                    if b == UInt8(ascii: "[") { nesting += 1 }
                    if b == UInt8(ascii: "]") { nesting -= 1 }
                    if b == UInt8(ascii: ">"), nesting <= 0 { break }
                }
            } else {
                return
            }
        }
    }

    private mutating func skip(past end: String, what: String) throws(SyntaxError) {
        let start = offset
        let marker = Array(end.utf8)
        while offset + marker.count <= bytes.count {
            if bytes[offset] == marker[0], Array(bytes[offset..<offset + marker.count]) == marker {
                offset += marker.count
                return
            }
            offset += 1
        }
        offset = start
        throw error("\(what) is never closed with \(end)")
    }

    // MARK: Text

    /// Text with its entity and character references replaced.
    private func resolve(_ slice: ArraySlice<UInt8>, at start: Int) throws(SyntaxError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var i = slice.startIndex
        var run = i
        while i < slice.endIndex {
            guard slice[i] == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            out.append(contentsOf: String(decoding: slice[run..<i], as: UTF8.self).unicodeScalars)
            guard let semicolon = slice[i...].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 10 else {
                throw error("'&' starts no entity; write &amp; for an ampersand", at: i)
            }
            let entity = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "amp": out.append("&")
            case "lt": out.append("<")
            case "gt": out.append(">")
            case "quot": out.append("\"")
            case "apos": out.append("'")
            default:
                var code: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    code = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    code = UInt32(entity.dropFirst())
                }
                guard let code, let scalar = Unicode.Scalar(code) else {
                    throw error("unknown entity &\(entity); (XML knows &amp; &lt; &gt; &quot; &apos; and &#NN;)", at: i)
                }
                out.append(scalar)
            }
            i = semicolon + 1
            run = i
        }
        out.append(contentsOf: String(decoding: slice[run..<slice.endIndex], as: UTF8.self).unicodeScalars)
        return String(out)
    }

    // MARK: Helpers

    private mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private func peek(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return offset + utf8.count <= bytes.count && bytes[offset..<offset + utf8.count].elementsEqual(utf8)
    }

    private func describeNext() -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let b = bytes[offset]
        return b >= 0x20 && b < 0x7F ? "'\(String(UnicodeScalar(b)))'" : "a byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    /// The 1-based line and character column of a byte offset.
    private func position(_ at: Int) -> (line: Int, column: Int) {
        let at = min(at, bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= at { low = middle } else { high = middle - 1 }
        }
        return (low + 1, String(decoding: bytes[lineStarts[low]..<at], as: UTF8.self).count + 1)
    }

    private func error(_ message: String, at: Int? = nil) -> SyntaxError {
        let (line, column) = position(at ?? offset)
        return SyntaxError(line: line, column: column, message: message, atEnd: offset >= bytes.count)
    }
}
