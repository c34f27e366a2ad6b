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
let agenda = try Agenda.load(Data(contentsOf: URL(fileURLWithPath: agendaPath))).value
let options = ItineraryOptions(timeLimit: .milliseconds(Int64(seconds * 1000)))

func report(_ name: String, _ result: ItineraryResult) {
    let d = result.itineraries
    let s = d.statistics
    var line = "\(name): served \(d.served) of \(d.wanted), bound \(d.bound.map(String.init) ?? "none"), \(d.status.rawValue), "
    let elapsed = Double(result.elapsed.components.seconds) + Double(result.elapsed.components.attoseconds) / 1e18
    line += "\(String(format: "%.3f", elapsed)) s (termination \(result.termination.rawValue)"
    if let nodes = s.nodes { line += ", nodes \(nodes)" }
    if let a = s.augmentations { line += ", augmentations \(a)" }
    if let columns = s.columns { line += ", program \(s.rows ?? 0) rows × \(columns) columns, GLPK \(s.milpElapsed ?? .zero)" }
    if let skipped = s.integerProgramSkipped { line += ", milp \(skipped)" }
    print(line + ")")
}

report("fast", try await gathering.itineraries(through: agenda, using: FastItineraryPlanner(), options: options))
report("milp", try await gathering.itineraries(through: agenda, using: ExactItineraryPlanner(), options: options))
