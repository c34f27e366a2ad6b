import Convene
import Foundation
import FoundationXML
import Testing

/// The P2PU site and ways to read it back.
enum SiteFixture {
    /// The site of the P2PU fixture's hand-made agenda, calendars stamped at the golden stamp.
    static func p2pu(_ publisher: SitePublisher = SitePublisher(stamp: GoldenTests.stamp)) throws -> (Site, Agenda, Gathering) {
        let (agenda, g) = try GoldenTests.layout()
        return (publisher.publish(agenda, gathering: g), agenda, g)
    }

    /// A page parsed as XML (it must be well-formed).
    static func document(_ html: String) throws -> XMLDocument {
        try XMLDocument(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
    }

    /// Every relative link of every page that does not lead to a file of the site, or to an
    /// element with the fragment's id.
    static func brokenLinks(_ site: Site) throws -> [String] {
        var ids: [String: Set<String>] = [:]
        var documents: [String: XMLDocument] = [:]
        for file in site.files where file.path.hasSuffix(".html") {
            let document = try document(file.contents)
            documents[file.path] = document
            ids[file.path] = Set(try document.nodes(forXPath: "//*[@id]/@id").compactMap(\.stringValue))
        }
        let paths = Set(site.files.map(\.path))
        var broken: [String] = []
        for (path, document) in documents {
            for href in try document.nodes(forXPath: "//*[@href]/@href").compactMap(\.stringValue) {
                if href.range(of: "^[a-z][a-z0-9+.-]*:", options: .regularExpression) != nil { continue }
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : resolve(parts[0], from: path)
                if !paths.contains(target) {
                    broken.append("\(path): \(href)")
                } else if parts.count == 2, !(ids[target]?.contains(parts[1]) ?? false) {
                    broken.append("\(path): \(href) (no such id)")
                }
            }
        }
        return broken.sorted()
    }

    /// `../rooms/rabb.html` seen from `sessions/update.html` is `rooms/rabb.html`.
    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/").map(String.init) {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() } else { parts.append("..") }
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The values of `attribute` on the elements of `page` that match `xpath`.
    static func attributes(_ xpath: String, _ attribute: String, in page: String) throws -> [String] {
        try document(page).nodes(forXPath: xpath).compactMap { ($0 as? XMLElement)?.attribute(forName: attribute)?.stringValue }
    }
}
