// Checks what `convene unconference` did, from the diff of its agenda against the current one
// (`convene diff CURRENT NEW --input NEW-INPUT --format json`): the block session is the only one
// gone, nothing else moved or changed rooms, and every proposal added starts in one of the
// block's slots, each of which holds at least one. Used by .ci/run; run as
// `swift .ci/unconference-result.swift DIFF.json BLOCK SLOT...`.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 4, let data = FileManager.default.contents(atPath: arguments[1]),
    let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
    let changes = root["changes"] as? [[String: Any]]
else {
    FileHandle.standardError.write(Data("usage: swift .ci/unconference-result.swift DIFF.json BLOCK SLOT...\n".utf8))
    exit(2)
}
let block = arguments[2]
let slots = Set(arguments[3...])
var problems: [String] = []
var filled = Set<String>()
for change in changes {
    let session = change["session"] as? String ?? "?"
    let kind = change["kind"] as? String ?? "?"
    let start = (change["after"] as? [String: Any])?["start"] as? String
    switch kind {
    case "cancelled" where session == block: continue
    case "added":
        if let start, slots.contains(start) { filled.insert(start) } else { problems.append("\(session) is added outside the block") }
    default: problems.append("\(session): \(kind), outside the block")
    }
}
if !changes.contains(where: { $0["session"] as? String == block && $0["kind"] as? String == "cancelled" }) {
    problems.append("the block \(block) is still there")
}
for slot in slots.subtracting(filled).sorted() { problems.append("no proposal starts in \(slot)") }
if problems.isEmpty {
    print("the block's slots hold \(changes.count - 1) proposals; nothing outside the block moved")
} else {
    for p in problems { FileHandle.standardError.write(Data("\(p)\n".utf8)) }
    exit(1)
}
