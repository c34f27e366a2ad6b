import Convene
import ConveneGLPK
import Foundation

// How long a cancelled solve takes to return: each input is solved by the search, the MILP and
// the portfolio, the calling task is cancelled after each delay in turn, and the time from
// `cancel()` to the call's return is printed, with the worst case per solver.
//
//     cd Benchmarks && swift run -c release CancelLatency INPUT...
//
// DELAYS (milliseconds, comma-separated) and SOLVERS (search,milp,auto) narrow the runs.
let environment = ProcessInfo.processInfo.environment
let delays = (environment["DELAYS"] ?? "50,120,200,300,400,500,700,1000,1500,2000,3000")
    .split(separator: ",").compactMap { Int($0) }
let wanted = (environment["SOLVERS"] ?? "search,milp,auto").split(separator: ",").map(String.init)
let solvers: [(name: String, solver: any AgendaSolver)] = [
    ("search", SearchSolver()), ("milp", ExactSolver()), ("auto", PortfolioSolver()),
].filter { wanted.contains($0.name) }

func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
}

let paths = CommandLine.arguments.dropFirst()
if paths.isEmpty { print("usage: CancelLatency INPUT...") }
for path in paths {
    let gathering = try Gathering(contentsOf: URL(fileURLWithPath: path))
    for solver in solvers {
        var times: [Double] = []
        for delay in delays {
            let made = solver.solver
            let task = Task { try await gathering.solve(using: made, options: SolveOptions(timeLimit: .seconds(60))) }
            try await Task.sleep(for: .milliseconds(delay))
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = try await task.value
            let after = ContinuousClock.now - cancelled
            // A solve that ended before the cancellation took nothing to stop.
            times.append(result.termination == .cancelled ? milliseconds(after) : 0)
        }
        let list = times.map { String(format: "%.1f", $0) }.joined(separator: " ")
        let worst = String(format: "%.1f", times.max() ?? 0)
        print("\(URL(fileURLWithPath: path).lastPathComponent) \(solver.name): \(list) ms; worst \(worst) ms")
    }
}
