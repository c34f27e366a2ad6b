import ConveneCore
import ConveneExplain

extension ConflictExplainer.Oracle {
    /// The search's construction first (quick when an agenda exists, a proof when its
    /// backtracking is exhausted), then the integer program with every cost weight zero on
    /// `backend`, which proves infeasibility where the search gives up; `timeLimit` for each check.
    package static func exact(timeLimit: Duration, backend: any MILPBackend) -> Self {
        Self { domain in
            if let quick = ConflictExplainer.Oracle.search.decide(domain) { return quick }
            let plain = domain.replanning(domain.gathering.withoutCosts())
            switch ExactSolver(backend: backend).run(SolveProblem(domain: plain, timeLimit: timeLimit)).status {
            case .infeasible: return false
            case .feasible, .optimal: return true
            case .unknown: return nil
            }
        }
    }
}
