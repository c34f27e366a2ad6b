import Convene
import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneCore

/// The contract's documents as Swift values: decoded through the same readers as the command
/// line, encoded as the command line writes them.
@Suite struct CodableTests {
    /// Foundation's encoder with the settings `Gathering.json` uses.
    static func sortedEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A JSON text as a value with every object's members sorted: what two encoders agree on
    /// when one of them keeps no key order (Foundation's on Linux).
    static func canonical(_ data: Data) throws -> JSONValue {
        func sorted(_ v: JSONValue) -> JSONValue {
            switch v {
            case .array(let items): .array(items.map(sorted))
            case .object(let members): .object(members.map { .init(key: $0.key, value: sorted($0.value)) }.sorted { $0.key < $1.key })
            default: v
            }
        }
        var parser = JSONParser(Array(data))
        return sorted(try parser.parseDocument())
    }

    static let inputs = ["p2pu-gathering-2019.json", "real/gecco21-workshop.json", "real/gecco23.json", "real/or60.json"]

    /// Input documents: decode → encode → decode gives the same document, and encoding is a fixed
    /// point, byte for byte. The writer normalises (keys sorted, omitted lists written empty,
    /// `optional: false` written), so the first encoding is the file's meaning, not its bytes.
    @Test(arguments: inputs) func inputDocumentsRoundTrip(name: String) throws {
        let data = try fixture(name)
        let document = try JSONDecoder().decode(InputDocument.self, from: data)
        let encoded = try Self.sortedEncoder().encode(document)
        #expect(try JSONDecoder().decode(InputDocument.self, from: encoded) == document)
        #expect(try Self.sortedEncoder().encode(try JSONDecoder().decode(InputDocument.self, from: encoded)) == encoded)
        // A gathering decodes and validates, and encodes its document: the same bytes as `json`.
        let gathering = try JSONDecoder().decode(Gathering.self, from: data)
        let read = try Gathering(json: data)
        #expect(gathering.document == read.document && gathering.warnings == read.warnings)
        #expect(try Self.sortedEncoder().encode(gathering) + Data("\n".utf8) == read.json)
        #expect(try Gathering(json: read.json).document == read.document)
    }

    /// Every agenda the repository holds: decoded with Foundation's decoder, written by `json`
    /// byte for byte as the file is (the golden agenda, written by Convene) or as `Agenda.load`
    /// reads it (the others, written by hand in other layouts); Foundation's encoder writes the
    /// same document, keys aside (it keeps no order on Linux).
    @Test(arguments: [
        "golden/p2pu-gathering-2019.json", "p2pu-gathering-2019.hand-agenda.json", "infeasible/frozen-conflict.agenda",
        "infeasible/frozen-room-closed.agenda",
    ])
    func agendasRoundTrip(name: String) throws {
        let data = try fixture(name)
        let decoded = try JSONDecoder().decode(Agenda.self, from: data)
        let loaded = try Agenda.load(data).value
        #expect(decoded == loaded)
        if name.hasPrefix("golden/") { #expect(decoded.json == data) }
        #expect(try JSONDecoder().decode(Agenda.self, from: decoded.json) == decoded)
        #expect(try Self.canonical(JSONEncoder().encode(decoded)) == Self.canonical(decoded.json))
        #expect(try JSONDecoder().decode(Agenda.self, from: JSONEncoder().encode(decoded)) == decoded)
    }

    /// A solved, replanned agenda: its stats (seconds, termination, the search's count, the
    /// diff) are typed, and read back and written again byte for byte.
    @Test func aSolvedAgendaRoundTripsWithItsStatistics() async throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let previous = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let result = try await solve(g, with: SearchSolver(moves: 500), previous: previous)
        let stats = result.agenda.statistics
        #expect(stats.seconds != nil && stats.termination == .workLimit && stats.search?.moves == 500)
        let diff = try #require(stats.diff)
        #expect(diff == AgendaDiff(previous: previous, new: result.agenda, gathering: g))
        let text = String(decoding: result.agenda.json, as: UTF8.self)
        #expect(text.contains("\"stats\": {\n    \"seconds\": "))
        #expect(text.contains("\"termination\": \"workLimit\",\n    \"moves\": 500,\n    \"nodes\": "))
        let read = try JSONDecoder().decode(Agenda.self, from: result.agenda.json)
        #expect(read == result.agenda)
        #expect(read.json == result.agenda.json)
    }

    /// Stats this version does not know, or parts it cannot read whole, are kept as they were.
    @Test func unknownStatisticsAreKept() throws {
        let json = """
            {
              "convene": 1,
              "status": "feasible",
              "solver": "mine",
              "objective": null,
              "bound": null,
              "placements": [],
              "unscheduled": [],
              "costs": [],
              "stats": {
                "seconds": 1.5,
                "rows": 12,
                "temperature": [1, 2],
                "termination": "bored"
              }
            }

            """
        let loaded = try Agenda.load(Data(json.utf8))
        let stats = loaded.value.statistics
        #expect(stats.seconds == 1.5 && stats.termination == nil && stats.integerProgram == nil && loaded.warnings.isEmpty)
        #expect(stats.others.map(\.key) == ["rows", "temperature", "termination"])
        #expect(loaded.value.jsonText == json)
    }

    /// Every stats part in the order the solvers have always written them, read and written back.
    @Test func everyStatisticsPartRoundTrips() throws {
        let json = """
            {
              "convene": 1,
              "status": "unknown",
              "solver": null,
              "objective": null,
              "bound": null,
              "placements": [],
              "unscheduled": [],
              "costs": [],
              "stats": {
                "seconds": 2.25,
                "termination": "gapReached",
                "moves": 10,
                "nodes": 3,
                "searchSeconds": 1.5,
                "modelSize": 900,
                "milpSeconds": 2.125,
                "rows": 40,
                "columns": 30,
                "nonZeros": 200,
                "roomClasses": 2,
                "concurrency": "groups",
                "candidates": [
                  {
                    "concurrency": "groups",
                    "rows": 40,
                    "bound": 3
                  },
                  {
                    "concurrency": "stars",
                    "rows": 20,
                    "bound": null
                  }
                ],
                "formulationSeconds": 0.5,
                "relaxationSeconds": 0.25,
                "glpkSeconds": 1,
                "warmStartUsed": true,
                "agendasTakenUp": 2,
                "afterHandOver": false,
                "glpk": "failed",
                "rejected": "no",
                "method": "fix-and-optimise",
                "rounds": 7,
                "improvements": 1,
                "agendasAdopted": 0
              }
            }

            """
        let agenda = try Agenda.load(Data(json.utf8)).value
        let s = agenda.statistics
        #expect(s.termination == .gapReached && s.search == .init(moves: 10, nodes: 3))
        #expect(s.portfolio == .init(searchSeconds: 1.5, modelSize: 900, milpSeconds: 2.125))
        let p = try #require(s.integerProgram)
        #expect(p.rows == 40 && p.concurrency == .groups && p.candidates.count == 2 && p.candidates[1].bound == nil)
        #expect(p.backendSeconds == 1 && p.warmStartUsed == true && p.agendasTakenUp == 2 && p.failure == "failed")
        #expect(s.fixAndOptimise == .init(rounds: 7, improvements: 1, agendasAdopted: 0))
        #expect(s.others.isEmpty)
        #expect(agenda.jsonText == json)
    }

    /// The contract's diff document: typed changes and notices, read and written back.
    @Test func theDiffDocumentIsTyped() throws {
        let json = """
            {
              "convene": 1,
              "changes": [
                {
                  "session": "funding",
                  "kind": "roomChanged",
                  "before": {
                    "start": "fri-2",
                    "rooms": ["commonwealth"],
                    "startTime": "2019-09-20T10:30",
                    "endTime": "2019-09-20T12:00"
                  },
                  "after": {
                    "start": "fri-2",
                    "rooms": ["rabb"],
                    "startTime": "2019-09-20T10:30",
                    "endTime": "2019-09-20T12:00"
                  },
                  "people": ["funder-rep", "attendee-02"]
                },
                {
                  "session": "old",
                  "kind": "cancelled",
                  "before": {
                    "start": "thu-1",
                    "rooms": ["rabb"],
                    "startTime": null,
                    "endTime": null
                  },
                  "after": null,
                  "people": []
                }
              ],
              "notices": [
                {
                  "person": "attendee-02",
                  "sessions": ["funding"],
                  "newClashes": [
                    ["funding", "tech"]
                  ]
                }
              ]
            }

            """
        let diff = try AgendaDiff.load(Data(json.utf8)).value
        #expect(diff.changes.map(\.kind) == [.roomChanged, .cancelled])
        #expect(diff.changes[0].before?.rooms == ["commonwealth"] && diff.changes[0].after?.rooms == ["rabb"])
        #expect(diff.changes[1].after == nil && diff.changes[1].before?.startTimeText == nil)
        #expect(diff.notices.first?.newClashes == [["funding", "tech"]])
        #expect(String(decoding: diff.json, as: UTF8.self) == json)
        #expect(try AgendaDiff.load(diff.json).value == diff)
    }

    /// A bad diff or agenda fails with every problem at its path, as the command line reads it.
    @Test func decodingReportsEveryProblemWithItsPath() throws {
        let diff = #"{"convene": 1, "changes": [{"session": "a", "kind": "shuffled", "before": {"rooms": []}}], "notices": [{}]}"#
        let error = try #require(throws: DiagnosticError.self) { try AgendaDiff.load(Data(diff.utf8)) }
        #expect(Set(error.errors.map(\.location.description)) == ["changes[0].kind", "changes[0].before.start", "notices[0].person"])
        let agenda = #"{"convene": 1, "status": "great", "placements": [{"session": "a", "rooms": "r1"}]}"#
        let bad = try #require(throws: DiagnosticError.self) { try JSONDecoder().decode(Agenda.self, from: Data(agenda.utf8)) }
        let placement: JSONPath = JSONPath.root.appending("placements").appending(0)
        let status: JSONPath = JSONPath.root.appending("status")
        let expected: [Diagnostic.Location] = [
            .document(status), .document(placement.appending("start")), .document(placement.appending("rooms")),
        ]
        #expect(bad.diagnostics.map(\.location) == expected)
        let input = #"{"convene": 1, "slots": [{"id": "s", "start": "2019-09-19T09:00", "end": 5}]}"#
        let invalid = try #require(throws: DiagnosticError.self) { try JSONDecoder().decode(Gathering.self, from: Data(input.utf8)) }
        #expect(invalid.description.contains("error: slots[0].end: expected a string"), "\(invalid)")
    }
}
