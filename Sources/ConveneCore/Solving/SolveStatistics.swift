/// What a solve measured: the agenda document's `stats`, typed. Each count is nil when the solver
/// that measures it did not run (or, for an agenda read back, when the document does not hold it).
///
/// What an app prints is public: how long the solve took, why it stopped, the search's moves and
/// nodes, and the size of the integer program. The rest of the document's `stats` (each thread's
/// time in a portfolio, the candidate programs, GLPK's hand-overs, fix-and-optimise's rounds, the
/// replanning's diff) is the package's own: `convene solve --format json` writes all of it.
///
/// The document writes it as one flat `stats` object with the keys Convene has always written
/// (`seconds`, `termination`, `moves`, `nodes`, `searchSeconds`, `modelSize`, `milpSeconds`,
/// `rows`, `columns`, `nonZeros`, `roomClasses`, `concurrency`, `candidates`,
/// `formulationSeconds`, `relaxationSeconds`, `glpkSeconds`, `warmStartUsed`, `agendasTakenUp`,
/// `afterHandOver`, `glpk`, `rejected`, `milp`, `method`, `rounds`, `improvements`,
/// `agendasAdopted`, `lowerBound`, `diff`), in that order. Members it does not know (written by another tool)
/// are kept as they were read and written back after these.
public struct SolveStatistics: Sendable, Equatable {
    /// How long the solve took, the checker's verdict included; nil for an agenda no solve made.
    public var elapsed: Duration? { seconds.map { .seconds($0) } }
    /// ``elapsed`` in seconds, as the document writes it.
    package var seconds: Double?
    /// Why the solve stopped; nil for an agenda no solve made, or one written before Convene said.
    public package(set) var termination: Termination?
    /// The search's own count, when its answer is the one returned or it ran alone.
    package var search: Search?
    /// The portfolio's (`--solver auto`): its two threads and whether GLPK ran.
    package var portfolio: Portfolio?
    /// The integer program's, when one was built and solved.
    package var integerProgram: IntegerProgram?
    /// Why no integer program was solved (`milp` in the document): it would have had more columns
    /// than the backend's limit, or was too large for the time limit.
    package var integerProgramSkipped: String?
    /// Fix-and-optimise's, when the portfolio ran it.
    package var fixAndOptimise: FixAndOptimise?
    /// The domain's bound, part by part (`lowerBound` in the document), when the front door computed one.
    package var lowerBound: LowerBound?
    /// With a previous agenda and an agenda found: what changed, and whom to tell.
    package var diff: AgendaDiff?
    /// Members this version of Convene does not know, as they were read.
    package var others: [JSONValue.Member] = []

    /// Local search moves the search made (``SearchSolver``), when its answer is the one returned
    /// or it ran alone; nil when it did not run, or its construction found no agenda.
    public var moves: Int? { search?.moves }
    /// Nodes of the search's complete backtracking, when it ran.
    public var nodes: Int? { search?.nodes }
    /// The integer program's rows, when one was built and solved.
    public var rows: Int? { integerProgram?.rows }
    /// The integer program's columns.
    public var columns: Int? { integerProgram?.columns }
    /// The integer program's non-zero coefficients.
    public var nonZeros: Int? { integerProgram?.nonZeros }

    /// The search's (``SearchSolver``) count.
    package struct Search: Sendable, Equatable {
        /// Local search moves made; nil when the construction found no agenda.
        package var moves: Int?
        /// Nodes of the construction's complete backtracking.
        package var nodes: Int

        package init(moves: Int?, nodes: Int) {
            self.moves = moves
            self.nodes = nodes
        }
    }

    /// The portfolio's threads.
    package struct Portfolio: Sendable, Equatable {
        /// Time on the search's thread: the search, then fix-and-optimise.
        package var searchTime: Duration { .seconds(searchSeconds) }
        /// ``searchTime`` in seconds, as the document writes it.
        package var searchSeconds: Double
        /// The estimated rows of the smallest integer program, which decides whether GLPK runs.
        package var modelSize: Int
        /// Time on GLPK's thread; nil when GLPK was skipped.
        package var milpTime: Duration? { milpSeconds.map { .seconds($0) } }
        /// ``milpTime`` in seconds, as the document writes it.
        package var milpSeconds: Double?

        package init(searchSeconds: Double, modelSize: Int, milpSeconds: Double?) {
            self.searchSeconds = searchSeconds
            self.modelSize = modelSize
            self.milpSeconds = milpSeconds
        }
    }

    /// How the integer program charges clashes and track overlaps (the README's "The exact solver").
    package enum Concurrency: String, Sendable, CaseIterable {
        /// Per slot, one of the listed patterns of costly sessions.
        case patterns
        /// A pair indicator per costly pair, one row per pair and shared slot, and group cuts.
        case pairs
        /// Per group (an attendee's interests, a track) and slot: exact, with no pair columns.
        case groups
        /// Per session, the cost of its concurrent partners: the fewest rows, the weakest bound.
        case stars
    }

    /// One candidate program measured before one was chosen (`candidates` in the document).
    package struct Candidate: Sendable, Equatable {
        /// How it charges concurrency.
        package var concurrency: Concurrency
        /// Its rows.
        package var rows: Int
        /// The whole bound of its LP relaxation; nil when it was not solved in time.
        package var bound: Int?

        package init(concurrency: Concurrency, rows: Int, bound: Int?) {
            self.concurrency = concurrency
            self.rows = rows
            self.bound = bound
        }
    }

    /// The integer program GLPK solved.
    package struct IntegerProgram: Sendable, Equatable {
        /// Its rows.
        package var rows: Int
        /// Its columns.
        package var columns: Int
        /// Its non-zero coefficients.
        package var nonZeros: Int
        /// Classes of interchangeable rooms that placements count.
        package var roomClasses: Int
        /// How it charges concurrency.
        package var concurrency: Concurrency
        /// Each candidate measured, when there were several.
        package var candidates: [Candidate] = []
        /// Time spent building the program (and its candidates).
        package var formulationTime: Duration { .seconds(formulationSeconds) }
        /// ``formulationTime`` in seconds, as the document writes it.
        package var formulationSeconds: Double
        /// Time spent solving the candidates' LP relaxations; nil when none was measured.
        package var relaxationTime: Duration? { relaxationSeconds.map { .seconds($0) } }
        /// ``relaxationTime`` in seconds, as the document writes it.
        package var relaxationSeconds: Double?
        /// The backend's name, lower case: its seconds are `glpkSeconds`, its failure `glpk`.
        package var backend = "glpk"
        /// Time in the backend's branch-and-cut.
        package var backendTime: Duration { .seconds(backendSeconds) }
        /// ``backendTime`` in seconds, as the document writes it (`glpkSeconds`).
        package var backendSeconds: Double
        /// Whether the backend took the warm start given to it; nil when none was given.
        package var warmStartUsed: Bool?
        /// In a portfolio: agendas of the other thread the backend took up as incumbents.
        package var agendasTakenUp: Int?
        /// In a portfolio: whether the backend's answer came after it took one up.
        package var afterHandOver: Bool?
        /// Why the backend failed, when it did.
        package var failure: String?
        /// Why its solution was refused (it broke a rule after decoding), when it was.
        package var rejected: String?

        package init(
            rows: Int, columns: Int, nonZeros: Int, roomClasses: Int, concurrency: Concurrency, formulationSeconds: Double,
            backendSeconds: Double
        ) {
            self.rows = rows
            self.columns = columns
            self.nonZeros = nonZeros
            self.roomClasses = roomClasses
            self.concurrency = concurrency
            self.formulationSeconds = formulationSeconds
            self.backendSeconds = backendSeconds
        }
    }

    /// Fix-and-optimise's rounds: a few sessions freed around a cost term, solved exactly.
    package struct FixAndOptimise: Sendable, Equatable {
        /// Rounds run.
        package var rounds: Int
        /// Rounds that found a cheaper agenda.
        package var improvements: Int
        /// In a portfolio: better agendas of GLPK's it took up between rounds.
        package var agendasAdopted: Int?

        package init(rounds: Int, improvements: Int, agendasAdopted: Int?) {
            self.rounds = rounds
            self.improvements = improvements
            self.agendasAdopted = agendasAdopted
        }
    }

    package init(
        search: Search? = nil, portfolio: Portfolio? = nil, integerProgram: IntegerProgram? = nil, integerProgramSkipped: String? = nil,
        fixAndOptimise: FixAndOptimise? = nil
    ) {
        self.search = search
        self.portfolio = portfolio
        self.integerProgram = integerProgram
        self.integerProgramSkipped = integerProgramSkipped
        self.fixAndOptimise = fixAndOptimise
    }

    /// These statistics with every part `other` has and these lack.
    package func merging(_ other: SolveStatistics?) -> SolveStatistics {
        guard let other else { return self }
        var merged = self
        merged.seconds = seconds ?? other.seconds
        merged.termination = termination ?? other.termination
        merged.search = search ?? other.search
        merged.portfolio = portfolio ?? other.portfolio
        merged.integerProgram = integerProgram ?? other.integerProgram
        merged.integerProgramSkipped = integerProgramSkipped ?? other.integerProgramSkipped
        merged.fixAndOptimise = fixAndOptimise ?? other.fixAndOptimise
        merged.lowerBound = lowerBound ?? other.lowerBound
        merged.diff = diff ?? other.diff
        merged.others = others + other.others
        return merged
    }
}
