// Lists the public surface of the modules whose symbol graphs are given: one line per public
// symbol (module, kind, path, declaration) and one per public conformance (module, type,
// protocol), sorted, so that a change to the surface, or a symbol moving between modules, shows
// as a diff of docs/public-api.txt. The module is the one that declares the symbol (for an
// extension of another module's type, the extending module). Default implementations a type
// inherits from a protocol (synthesized symbols) are left out: its conformance line stands for
// them.
// Run by .ci/api as `swift .ci/public-api.swift FILE.symbols.json...`; the summary goes to stderr.
import Foundation

struct Graph: Decodable {
    struct Module: Decodable { let name: String }
    struct Fragment: Decodable { let spelling: String }
    struct Kind: Decodable { let identifier: String }
    struct Identifier: Decodable { let precise: String }
    struct Symbol: Decodable {
        let kind: Kind
        let identifier: Identifier
        let pathComponents: [String]
        let declarationFragments: [Fragment]?
        let accessLevel: String
    }
    struct Relationship: Decodable {
        let kind: String
        let source: String
        let target: String
        let targetFallback: String?
    }
    let module: Module
    let symbols: [Symbol]
    let relationships: [Relationship]
}

var lines: Set<String> = []
var symbolCount = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path),
        let graph = try? JSONDecoder().decode(Graph.self, from: data)
    else {
        FileHandle.standardError.write(Data("\(path): not a symbol graph\n".utf8))
        exit(2)
    }
    var names: [String: String] = [:]
    for symbol in graph.symbols { names[symbol.identifier.precise] = symbol.pathComponents.joined(separator: ".") }
    for symbol in graph.symbols
    where symbol.accessLevel == "public" || symbol.accessLevel == "open" {
        if symbol.identifier.precise.contains("::SYNTHESIZED::") { continue }
        let declaration = (symbol.declarationFragments ?? []).map(\.spelling).joined()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let kind = symbol.kind.identifier.replacingOccurrences(of: "swift.", with: "")
        let path = symbol.pathComponents.joined(separator: ".")
        if lines.insert("\(graph.module.name) \(kind) \(path): \(declaration)").inserted { symbolCount += 1 }
    }
    for relation in graph.relationships where relation.kind == "conformsTo" {
        guard let type = names[relation.source] else { continue }
        let proto = names[relation.target] ?? relation.targetFallback ?? relation.target
        if !["Swift.Copyable", "Swift.Escapable", "Swift.SendableMetatype"].contains(proto) {
            lines.insert("\(graph.module.name) conformance \(type): \(proto)")
        }
    }
}
print(lines.sorted().joined(separator: "\n"))
FileHandle.standardError.write(Data("\(symbolCount) public symbols, \(lines.count - symbolCount) conformances\n".utf8))
