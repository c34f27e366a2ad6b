import ArgumentParser
import Convene
import ConveneGLPK

/// `--solver`: which solver a command that solves uses.
enum SolverChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, milp, search

    /// The solver chosen, with GLPK and its settings and the search's number of moves (nil: its
    /// default).
    func solver(glpk: GLPKBackend = GLPKBackend(), moves: Int? = nil) -> any AgendaSolver {
        switch self {
        case .milp: ExactSolver(backend: glpk)
        case .search: SearchSolver(moves: moves)
        case .auto: PortfolioSolver(backend: glpk, searchMoves: moves)
        }
    }
}
