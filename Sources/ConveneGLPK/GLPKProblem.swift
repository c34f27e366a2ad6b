import CGLPK
import ConveneCore
import ConveneMILP

/// An ``IntegerProgram`` loaded into GLPK. The thread that creates it must solve and release it
/// (GLPK's environment is per thread). Every index and value is checked before GLPK sees it:
/// GLPK aborts the process on a bad argument.
///
/// Solving has two steps that a caller may take apart: the LP relaxation
/// (``solveRelaxation(limits:)``), whose bound can be compared between formulations before one is
/// chosen, then branch-and-cut from its basis (``branchAndCut(settings:limits:warmStart:exchange:progress:)``).
package final class GLPKProblem {
    package let program: IntegerProgram
    let lp: OpaquePointer
    let terminal: Terminal
    /// The thread's GLPK environment this problem lives in; when a guard has freed it since, the
    /// problem is gone and must not be touched.
    private let environment = GLPKThread.environment
    var alive: Bool { GLPKThread.environment == environment }
    /// The LP relaxation's optimum, once solved: a lower bound on every integer point.
    package private(set) var relaxation: Double?

    /// Loads `program` into a new GLPK problem on the calling thread.
    /// - Parameters:
    ///   - warmStart: checked too: it must have one finite value per column.
    ///   - stop: read between the steps of loading (about 20 ms each on 40,000 rows), so that a
    ///     cancelled solve does not wait for a large program to be handed over.
    package init(
        _ program: IntegerProgram, log: (@Sendable (String) -> Void)? = nil, warmStart: [Double]? = nil, stop: StopFlag? = nil
    ) throws(MILPRejection) {
        let stopped = MILPRejection(reason: "stopped", stopped: true)
        if stop?.isRaised == true { throw stopped }
        if let problem = Self.validate(program, warmStart: warmStart) { throw MILPRejection(reason: problem) }
        if stop?.isRaised == true { throw stopped }
        guard let lp = glp_create_prob() else { throw MILPRejection(reason: "GLPK could not create a problem") }
        guard Self.load(program, into: lp, stop: stop) else {
            glp_delete_prob(lp)
            throw stopped
        }
        self.program = program
        self.lp = lp
        terminal = Terminal(log: log)
    }

    deinit { if alive { glp_delete_prob(lp) } }

    /// Solves the program: with GLPK's MIP presolver when nothing needs the original columns (no
    /// warm start, no exchange) and the model is small enough for the presolver's uninterruptible
    /// root LP; otherwise the LP relaxation in slices, then branch-and-cut from its basis.
    package func solve(
        settings: GLPKSettings, limits: MILPLimits, warmStart: [Double]? = nil, exchange: MILPExchange? = nil,
        progress: MILPProgress? = nil
    ) -> MILPResult {
        let large = program.constraints.count > GLPKSettings.largeModelRows
        if settings.presolve, warmStart == nil, exchange == nil, !large, relaxation == nil {
            return branchAndCut(settings: settings, limits: limits, presolve: true, warmStart: nil, exchange: nil, progress: progress)
        }
        return branchAndCut(settings: settings, limits: limits, warmStart: warmStart, exchange: exchange, progress: progress)
    }

    /// How often GLPK's simplex prints its progress, in milliseconds: the stop flag is read then.
    static let stopCheckMilliseconds: Int32 = 20

    /// Solves the LP relaxation by the primal simplex from GLPK's advanced (triangular) starting
    /// basis, in one call: GLPK's own time limit ends it at the deadline, and the stop flag is read
    /// at each progress line (``GuardedSimplex``). An earlier version solved it in slices of a
    /// hundred iterations with the flag read between them, which took up to three times as long
    /// (each slice restarts GLPK's factorisation and pricing weights: the GECCO 2021 workshops'
    /// 15,000-row program needed 12 s in slices, 4 s in one call).
    package func solveRelaxation(limits: MILPLimits) -> MILPRelaxation {
        if let relaxation { return .solved(bound: relaxation) }
        guard alive, limits.stop?.isRaised != true else { return .stopped(.stopped) }
        let left = limits.milliseconds ?? Int32.max
        if left <= 0 { return .stopped(.timeLimit) }
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = GLP_MSG_ON  // progress lines are where the stop flag is read
        smcp.out_frq = Self.stopCheckMilliseconds
        // The LP presolver would lose the basis that branch-and-cut starts from.
        smcp.presolve = GLP_OFF
        smcp.tm_lim = left
        if glp_get_num_rows(lp) > 0, glp_get_num_cols(lp) > 0 { terminal.attached { glp_adv_basis(lp, 0) } }
        if limits.stop?.isRaised == true { return .stopped(.stopped) }
        let code = GuardedSimplex.run(lp, &smcp, stop: limits.stop, log: terminal.log)
        guard let code else { return .stopped(.stopped) }  // the environment, and this problem with it, is gone
        if code == GLP_ETMLIM { return .stopped(.timeLimit) }
        if code == GLP_ENOPFS || glp_get_status(lp) == GLP_NOFEAS { return .infeasible }
        guard code == 0, glp_get_status(lp) == GLP_OPT else {
            return .stopped(.failed("the LP relaxation did not solve (GLPK code \(code))"))
        }
        relaxation = glp_get_obj_val(lp)
        return .solved(bound: glp_get_obj_val(lp))
    }
}

extension GLPKProblem {
    /// What GLPK would abort on, in words; nil when the program is safe to hand over.
    static func validate(_ program: IntegerProgram, warmStart: [Double]?) -> String? {
        let columns = program.variables.count
        guard columns < Int(Int32.max), program.constraints.count < Int(Int32.max), program.nonZeros < Int(Int32.max) - 1 else {
            return "the program is too large for GLPK"
        }
        for v in program.variables {
            guard v.objective.isFinite, !v.lower.isNaN, !v.upper.isNaN, v.lower <= v.upper, v.lower < .infinity, v.upper > -.infinity else {
                return "column \(v.name) has bounds \(v.lower)…\(v.upper) and cost \(v.objective)"
            }
        }
        // `lastRow[j]`: the last row seen to use column j, to find a column twice in one row.
        var lastRow = [Int](repeating: -1, count: columns)
        for (i, row) in program.constraints.enumerated() {
            guard row.rhs.isFinite else { return "row \(row.name) has right-hand side \(row.rhs)" }
            for term in row.terms {
                guard (0..<columns).contains(term.variable), term.coefficient.isFinite, term.coefficient != 0,
                    lastRow[term.variable] != i
                else {
                    return "row \(row.name) has a bad entry for column \(term.variable)"
                }
                lastRow[term.variable] = i
            }
        }
        if let warmStart, warmStart.count != columns || warmStart.contains(where: { !$0.isFinite }) {
            return "the warm start has \(warmStart.count) values for \(columns) columns"
        }
        return nil
    }

    /// Loads rows, columns, bounds, kinds, the objective and the matrix. `validate` has run.
    /// Returns false, with the problem half loaded, when `stop` was raised between steps.
    static func load(_ program: IntegerProgram, into lp: OpaquePointer, stop: StopFlag? = nil) -> Bool {
        glp_set_obj_dir(lp, GLP_MIN)
        if !program.constraints.isEmpty { glp_add_rows(lp, Int32(program.constraints.count)) }
        if !program.variables.isEmpty { glp_add_cols(lp, Int32(program.variables.count)) }
        for (j, v) in program.variables.enumerated() {
            let column = Int32(j + 1)
            switch v.kind {
            case .binary: glp_set_col_kind(lp, column, GLP_BV)
            case .integer: glp_set_col_kind(lp, column, GLP_IV)
            case .continuous: glp_set_col_kind(lp, column, GLP_CV)
            }
            switch (v.lower.isFinite, v.upper.isFinite) {
            case (true, true): glp_set_col_bnds(lp, column, v.lower == v.upper ? GLP_FX : GLP_DB, v.lower, v.upper)
            case (true, false): glp_set_col_bnds(lp, column, GLP_LO, v.lower, 0)
            case (false, true): glp_set_col_bnds(lp, column, GLP_UP, 0, v.upper)
            case (false, false): glp_set_col_bnds(lp, column, GLP_FR, 0, 0)
            }
            glp_set_obj_coef(lp, column, v.objective)
        }
        if stop?.isRaised == true { return false }
        var ia: [Int32] = [0]
        var ja: [Int32] = [0]
        var ar: [Double] = [0]
        ia.reserveCapacity(program.nonZeros + 1)
        ja.reserveCapacity(program.nonZeros + 1)
        ar.reserveCapacity(program.nonZeros + 1)
        for (i, row) in program.constraints.enumerated() {
            let r = Int32(i + 1)
            switch row.sense {
            case .lessOrEqual: glp_set_row_bnds(lp, r, GLP_UP, 0, row.rhs)
            case .greaterOrEqual: glp_set_row_bnds(lp, r, GLP_LO, row.rhs, 0)
            case .equal: glp_set_row_bnds(lp, r, GLP_FX, row.rhs, row.rhs)
            }
            for term in row.terms {
                ia.append(r)
                ja.append(Int32(term.variable + 1))
                ar.append(term.coefficient)
            }
        }
        if stop?.isRaised == true { return false }
        glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
        return true
    }
}
