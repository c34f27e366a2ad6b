import Convene
import ConveneGLPK
import Foundation

// Itineraries through an agenda, timed, with each planner:
// `swift run -c release ItineraryTiming INPUT AGENDA [SECONDS]` prints, for the fast planner and
// the exact one (fast, then GLPK), the pairs served out of those wanted, the bound, the status
// and the seconds the front door took (the checker's verdicts included).

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ItineraryTiming INPUT AGENDA [SECONDS]\n".utf8))
    exit(64)
}
let input = arguments[arguments.startIndex]
let agendaPath = arguments[arguments.startIndex + 1]
let seconds = arguments.count > 2 ? Double(arguments[arguments.startIndex + 2]) ?? 60 : 60
let gathering = try Gathering(json: Data(contentsOf: URL(fileURLWithPath: input)))
let agenda = try JSONDecoder().decode(Agenda.self, from: Data(contentsOf: URL(fileURLWithPath: agendaPath)))
let limit = Duration.milliseconds(Int64(seconds * 1000))

/// The itineraries document as the library writes it: the typed value says who goes where, the
/// document also holds the bound and what the planning measured (`stats`).
func document(_ d: Itineraries) -> [String: Any] { (try? JSONSerialization.jsonObject(with: d.json) as? [String: Any]) ?? [:] }

func report(_ name: String, _ run: () async throws -> ItineraryResult) async throws {
    let started = ContinuousClock.now
    let result = try await run()
    let took = ContinuousClock.now - started
    let d = result.itineraries
    let all = document(d)
    let s = all["stats"] as? [String: Any] ?? [:]
    let bound = (all["bound"] as? Int).map(String.init) ?? "none"
    var line = "\(name): served \(d.served) of \(d.wanted), bound \(bound), \(d.status.rawValue), "
    let elapsed = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
    line += "\(String(format: "%.3f", elapsed)) s (termination \(result.termination.rawValue)"
    if let nodes = s["nodes"] { line += ", nodes \(nodes)" }
    if let a = s["augmentations"] { line += ", augmentations \(a)" }
    if let columns = s["columns"] { line += ", program \(s["rows"] ?? 0) rows × \(columns) columns, GLPK \(s["milpSeconds"] ?? 0) s" }
    if let skipped = s["milp"] { line += ", milp \(skipped)" }
    print(line + ")")
}

try await report("fast") { try await gathering.itineraries(through: agenda, using: .fast, timeLimit: limit) }
try await report("milp") { try await gathering.itineraries(through: agenda, using: .exact, timeLimit: limit) }
