import ConveneCore

/// What Convene's exact solvers need from a MILP solver, and all they need: ``ExactSolver``,
/// the portfolio's integer side (``PortfolioSolver``), fix-and-optimise (``NeighbourhoodSearch``)
/// and the explainer's exact oracle are written against it, and GLPK (`GLPKBackend`, in
/// ConveneGLPK) is the one backend. A backend translates a solver-neutral ``IntegerProgram`` and
/// maps its answers back: columns and rows keep their indices, so a point is one value per column.
///
/// Not public: a backend's requirements speak of the stop flag and of the exchange of agendas
/// between solvers, which are the library's own business. A second backend (HiGHS, say) is a
/// target of this package that conforms; ``ExactSolver`` and ``PortfolioSolver`` hold the
/// backend they are given as `any MILPBackend`, so their public types stay as they were.
package protocol MILPBackend: Sendable {
    /// A program loaded into the backend. It belongs to the thread that loaded it: that thread
    /// solves it and lets it go (GLPK's environment is per thread).
    associatedtype Program: AnyObject

    /// The backend's name in messages ("GLPK"); lower case, it names the agenda's stats
    /// (`glpkSeconds`).
    var name: String { get }

    /// The settings every backend honours: its log, the largest program worth building.
    var settings: MILPSettings { get set }

    /// The backend fix-and-optimise solves its rounds with. A round's program has most columns
    /// fixed and is solved thousands of times, so a search for a first incumbent (GLPK's
    /// feasibility pump) costs more than it finds, and its log would drown any other.
    var forFixAndOptimise: Self { get }

    /// Loads `program`, after checking every index and value the backend would fail on.
    /// - Parameters:
    ///   - warmStart: checked too: it must have one finite value per column.
    ///   - stop: read between the steps of loading, so that a cancelled solve does not wait for
    ///     a large program to be handed over.
    func load(_ program: IntegerProgram, warmStart: [Double]?, stop: StopFlag?) throws(MILPRejection) -> Program

    /// Solves the LP relaxation of a loaded program (once: a second call gives the same answer),
    /// so that candidate formulations' bounds can be compared before one is chosen.
    func solveRelaxation(_ program: Program, limits: MILPLimits) -> MILPRelaxation

    /// Solves a loaded program to integrality within `limits`.
    /// - Parameters:
    ///   - warmStart: a point to take as the first incumbent. The backend does not check it, so
    ///     the caller must have verified it (``ExactSolver`` judges it with the AgendaChecker).
    ///   - exchange: agendas shared with the rest of the solve while the backend runs.
    ///   - progress: told each better incumbent or bound, and the relaxation's bound once.
    func solve(
        _ program: Program, limits: MILPLimits, warmStart: [Double]?, exchange: MILPExchange?, progress: MILPProgress?
    ) -> MILPResult
}

extension MILPBackend {
    /// Loads `program` and solves it in one call, on the calling thread.
    package func run(
        _ program: IntegerProgram, limits: MILPLimits, warmStart: [Double]? = nil, exchange: MILPExchange? = nil,
        progress: MILPProgress? = nil
    ) -> MILPResult {
        let loaded: Program
        do {
            loaded = try load(program, warmStart: warmStart, stop: limits.stop)
        } catch {
            return MILPResult(
                termination: error.stopped ? .stopped : .failed(error.reason), solution: nil, objective: nil, bound: nil, seconds: 0,
                warmStartUsed: false)
        }
        return solve(loaded, limits: limits, warmStart: warmStart, exchange: exchange, progress: progress)
    }
}

/// Why a backend was not given a program: what it would fail on, in words.
package struct MILPRejection: Error {
    package var reason: String
    /// The stop flag was raised while the program was being loaded: nothing was wrong with it.
    package var stopped = false

    package init(reason: String, stopped: Bool = false) {
        self.reason = reason
        self.stopped = stopped
    }
}
