import ArgumentParser
import Convene
import ConveneGLPK

/// `--solver`: which solver a command that solves uses.
enum SolverChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, milp, search

    /// The solver chosen, with GLPK's settings and the search's number of moves (nil: its default).
    func solver(glpk: GLPKSettings = GLPKSettings(), moves: Int? = nil) -> any AgendaSolver {
        switch self {
        case .milp: ExactSolver(settings: glpk)
        case .search: SearchSolver(moves: moves)
        case .auto: PortfolioSolver(glpk: glpk, searchMoves: moves)
        }
    }
}
