import Convene
import ConveneGLPK
import Foundation

// Reads an input document, solves it with both solvers at once for up to 10 seconds, and
// prints the verified agenda as Markdown.
let path = CommandLine.arguments.dropFirst().first ?? "Fixtures/p2pu-gathering-2019.json"
let gathering = try Gathering(contentsOf: URL(fileURLWithPath: path))
let result = try await gathering.solve(using: PortfolioSolver(), options: SolveOptions(timeLimit: .seconds(10)))
print("\(result.status.rawValue): objective \(result.agenda.objective ?? 0), bound \(result.agenda.bound ?? 0)")
print(AgendaFormat.markdown.render(result.agenda, gathering: gathering))
