// Compares the attendees of two input documents: the same ids in the same order, each with the
// same set of interests (the contract counts a repeated name once, so order inside a list does
// not matter). Used by .ci/run after `convene import`; run as `swift .ci/same-attendees.swift A B`.
// It reads JSON, so key order, spacing and line breaks of the two files may differ.
import Foundation

func attendees(_ path: String) -> [(id: String, interests: Set<String>)] {
    guard let data = FileManager.default.contents(atPath: path),
        let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let list = root["attendees"] as? [[String: Any]]
    else {
        FileHandle.standardError.write(Data("\(path): not an input document with attendees\n".utf8))
        exit(2)
    }
    return list.map { ($0["id"] as? String ?? "", Set($0["interests"] as? [String] ?? [])) }
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: swift .ci/same-attendees.swift EXPECTED ACTUAL\n".utf8))
    exit(2)
}
let expected = attendees(arguments[1])
let actual = attendees(arguments[2])
var differences: [String] = []
if expected.map(\.id) != actual.map(\.id) {
    differences.append("attendee ids differ: \(expected.count) expected, \(actual.count) found")
}
for (e, a) in zip(expected, actual) where e.id == a.id && e.interests != a.interests {
    let missing = e.interests.subtracting(a.interests).sorted()
    let extra = a.interests.subtracting(e.interests).sorted()
    differences.append("\(e.id): missing \(missing), extra \(extra)")
}
if differences.isEmpty {
    print("\(actual.count) attendees, each with the same interests as \(arguments[1])")
} else {
    for line in differences { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    exit(1)
}
