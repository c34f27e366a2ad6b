import ConvenePlanner
import ConveneTestSupport
import Foundation
import Testing

@Suite struct DocumentationTests {
    /// Every path of the OpenAPI document is in the README's table, with the README's letters for its parameters.
    @Test func theReadmeListsEveryPathOfTheAPI() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let letters = ["{gathering}": "G", "{agenda}": "A", "{job}": "J", "{version}": "V"]
        for path in APIRoutes().paths {
            var written = path
            for (parameter, letter) in letters { written = written.replacingOccurrences(of: parameter, with: letter) }
            // The path itself, not the start of a longer one.
            let pattern = try NSRegularExpression(
                pattern: "[` ]" + NSRegularExpression.escapedPattern(for: written) + "(?![A-Za-z0-9/._-])")
            let found = pattern.firstMatch(in: readme, range: NSRange(readme.startIndex..., in: readme)) != nil
            #expect(found, "README: \(written)")
        }
    }
}
