import ConvenePlanner
import ConveneTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite(.sharesCPU) struct WebAppTests {
    private let folder = repositoryRoot.appendingPathComponent("Sources/ConvenePlanner/Web")

    @Test func everyFileOfTheAppIsServedAsItIsWithItsType() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(Set(names.map { "/" + $0 }) == Set(WebApp.files.keys), "Web/ and the served files are the same")
        try await withPlanner { client, _ in
            for name in names {
                let response = try await client.send(.get, "/" + name)
                #expect(response.status == .ok)
                #expect(Data(buffer: response.body) == (try Data(contentsOf: folder.appendingPathComponent(name))))
                let type = name.hasSuffix(".js") ? "text/javascript" : name.hasSuffix(".css") ? "text/css" : "text/html"
                #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(name)")
            }
            #expect(try await client.send(.get, "/").text.contains("<title>Convene planner</title>"))
        }
    }

    @Test func everyModuleTheAppImportsIsServed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in names where name.hasSuffix(".js") || name.hasSuffix(".html") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /(?:from |src=|href=)["']\.?(\/[A-Za-z0-9_.-]+\.(?:js|css))["']/) {
                #expect(WebApp.files[String(match.1)] != nil, "\(name) refers to \(match.1)")
            }
        }
    }

    @Test func everyControlOfThePageHasALabel() throws {
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        let labelled = Set(html.matches(of: /<label[^>]* for="([^"]+)"/).map { String($0.1) })
        for control in html.matches(of: /<(input|select|textarea)([^>]*)>/) {
            let attributes = String(control.2)
            guard !attributes.contains("type=\"hidden\""), !attributes.contains("aria-label=") else { continue }
            let id = attributes.firstMatch(of: /id="([^"]+)"/).map { String($0.1) } ?? ""
            #expect(labelled.contains(id), "<\(control.1)\(attributes)> has no label")
        }
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("name=\"viewport\""))
    }
}
