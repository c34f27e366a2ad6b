import ConveneCore
import ConveneMILP

/// GLPK 5 as Convene's MILP backend: a program is loaded into a ``GLPKProblem`` on the calling
/// thread (GLPK's environment is per thread, and its recursion wants the large stack of a
/// ``DedicatedThread``), solved there, and deleted with it.
package struct GLPKBackend: MILPBackend {
    /// The log and the column limit.
    package var settings: MILPSettings
    /// GLPK's own knobs: cuts, branching, presolver, heuristics.
    package var glpk: GLPKSettings

    /// GLPK with its default settings.
    package init(settings: MILPSettings = MILPSettings(), glpk: GLPKSettings = GLPKSettings()) {
        self.settings = settings
        self.glpk = glpk
    }

    package var name: String { "GLPK" }

    /// GLPK's defaults without the feasibility pump, and silent.
    package var forFixAndOptimise: GLPKBackend {
        var rounds = GLPKBackend()
        rounds.glpk.feasibilityPump = false
        return rounds
    }

    package func load(_ program: IntegerProgram, warmStart: [Double]?, stop: StopFlag?) throws(MILPRejection) -> GLPKProblem {
        try GLPKProblem(program, log: settings.log, warmStart: warmStart, stop: stop)
    }

    package func solveRelaxation(_ program: GLPKProblem, limits: MILPLimits) -> MILPRelaxation { program.solveRelaxation(limits: limits) }

    package func solve(
        _ program: GLPKProblem, limits: MILPLimits, warmStart: [Double]?, exchange: MILPExchange?, progress: MILPProgress?
    ) -> MILPResult {
        program.solve(settings: glpk, limits: limits, warmStart: warmStart, exchange: exchange, progress: progress)
    }
}
