import ConveneExplain
import ConveneMILP

// The solvers with GLPK as their backend: what `import ConveneGLPK` gives a program.

extension ExactSolver {
    /// An exact solver with GLPK's default settings.
    public init() { self.init(backend: GLPKBackend()) }
}

extension PortfolioSolver {
    /// A portfolio with GLPK's default settings; `searchMoves` bounds the search's local search
    /// (nil: its default effort).
    public init(searchMoves: Int? = nil) { self.init(backend: GLPKBackend(), searchMoves: searchMoves) }
}

extension ConflictExplainer.Oracle {
    /// The exact oracle with GLPK's default settings; `timeLimit` for each check.
    package static func exact(timeLimit: Duration) -> Self { .exact(timeLimit: timeLimit, backend: GLPKBackend()) }
}

extension ConflictExplainer {
    /// An explainer that decides feasibility with the search, then with GLPK where the search
    /// cannot tell: the smallest conflicting sets, proven; `timeLimit` for each check.
    public static func exact(timeLimit: Duration) -> ConflictExplainer { ConflictExplainer(oracle: .exact(timeLimit: timeLimit)) }
}
