import CGLPK
import Convene
import Foundation

/// Runs an ``IntegerProgram`` through GLPK 5. Each call creates, solves and deletes its problem
/// on the calling thread (GLPK's environment is per thread, and its recursion wants the large
/// stack of a ``DedicatedThread``) and checks every index and value before handing it over
/// (GLPK aborts the process on a bad argument).
package enum GLPKRunner {
    /// When a run must end: the deadline, the stop flag (checked at every callback, and every
    /// quarter second while the root LP is solved), and the relative gap that counts as proven.
    package struct Limits: Sendable {
        package var deadline: ContinuousClock.Instant?
        package var gap: Double
        package var stop: StopFlag?

        package init(deadline: ContinuousClock.Instant? = nil, gap: Double = 0, stop: StopFlag? = nil) {
            self.deadline = deadline
            self.gap = gap
            self.stop = stop
        }

        /// Milliseconds left, for GLPK's own `tm_lim`; nil without a deadline.
        var milliseconds: Int32? {
            deadline.map { Int32(min(max(0, (($0 - ContinuousClock.now) / .milliseconds(1)).rounded(.down)), Double(Int32.max))) }
        }
    }

    /// Simplex iterations in one piece of the root LP, after which the stop flag and the clock
    /// are read again. A count, not a time, so that the pieces, and the basis the LP ends at,
    /// are the same on every run, however busy the machine.
    static let lpSlice: Int32 = 100

    /// - Parameters:
    ///   - warmStart: a point to offer as the first incumbent. GLPK does not check it, so the
    ///     caller must have verified it (``ExactSolver`` judges it with the AgendaChecker).
    ///   - progress: called on each better incumbent (objective, bound, seconds), and once with
    ///     the root LP's bound.
    package static func solve(
        _ program: IntegerProgram, settings: GLPKSettings, limits: Limits, warmStart: [Double]? = nil,
        progress: ((_ objective: Double?, _ bound: Double?, _ seconds: Double) -> Void)? = nil
    ) -> GLPKResult {
        let clock = ContinuousClock.now
        func elapsed() -> Double { clock.secondsElapsed }
        if let problem = validate(program, limits: limits, warmStart: warmStart) {
            return GLPKResult(termination: .failed(problem), solution: nil, objective: nil, bound: nil, seconds: 0, warmStartUsed: false)
        }
        let context = CallbackContext(settings: settings, limits: limits, warmStart: warmStart, started: clock, progress: progress)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        glp_term_hook(terminalHook, unmanaged.toOpaque())
        defer { glp_term_hook(nil, nil) }
        guard let lp = glp_create_prob() else {
            return GLPKResult(
                termination: .failed("GLPK could not create a problem"), solution: nil, objective: nil, bound: nil, seconds: 0,
                warmStartUsed: false)
        }
        defer { glp_delete_prob(lp) }
        load(program, into: lp)

        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = settings.log == nil ? GLP_MSG_OFF : GLP_MSG_ON
        parm.mip_gap = limits.gap
        // The pump looks for a first incumbent; a warm start already is one, and on small models
        // branching finds one sooner than the pump's own LPs (P2PU: 0.04 s against 0.3 s).
        let pump = settings.feasibilityPump && warmStart == nil && program.constraints.count >= GLPKSettings.pumpMinimumRows
        parm.fp_heur = pump ? GLP_ON : GLP_OFF
        parm.ps_heur = settings.proximitySearch ? GLP_ON : GLP_OFF
        parm.gmi_cuts = settings.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parm.mir_cuts = settings.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parm.cov_cuts = settings.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        // GLPK builds its conflict graph for clique cuts before the first node, without a
        // callback; on large models that alone outlasts any time limit.
        let large = program.constraints.count > GLPKSettings.largeModelRows
        parm.clq_cuts = settings.cuts.contains(.clique) && !large ? GLP_ON : GLP_OFF
        parm.br_tech =
            switch settings.branching {
            case .firstFractional: GLP_BR_FFV
            case .lastFractional: GLP_BR_LFV
            case .mostFractional: GLP_BR_MFV
            case .driebeckTomlin: GLP_BR_DTH
            case .pseudoCost: GLP_BR_PCH
            }
        parm.bt_tech =
            switch settings.backtracking {
            case .depthFirst: GLP_BT_DFS
            case .breadthFirst: GLP_BT_BFS
            case .bestLocalBound: GLP_BT_BLB
            case .bestProjection: GLP_BT_BPH
            }
        parm.cb_func = branchAndCutCallback
        parm.cb_info = unmanaged.toOpaque()
        // A warm start must be offered on the columns the callback sees; with the MIP presolver on,
        // those are the presolved problem's. So a warm start solves the root LP here first and
        // turns the presolver off. So does a large model: the simplex honours the time limit,
        // while the MIP presolver and its root LP run without a callback.
        parm.presolve = settings.presolve && warmStart == nil && !large ? GLP_ON : GLP_OFF
        if parm.presolve == GLP_OFF {
            switch rootLP(lp, limits: limits, messages: parm.msg_lev) {
            case .solved(let bound):
                context.bound = bound
                progress?(nil, bound, elapsed())
            case .infeasible:
                return GLPKResult(
                    termination: .infeasible, solution: nil, objective: nil, bound: nil, seconds: elapsed(), warmStartUsed: false)
            case .stopped(let why):
                return GLPKResult(termination: why, solution: nil, objective: nil, bound: nil, seconds: elapsed(), warmStartUsed: false)
            }
        }
        if let ms = limits.milliseconds { parm.tm_lim = ms }
        let code = glp_intopt(lp, &parm)
        let status = glp_mip_status(lp)
        let seconds = elapsed()
        var solution: [Double]?
        var objective: Double?
        if status == GLP_OPT || status == GLP_FEAS {
            solution = (0..<program.variables.count).map { glp_mip_col_val(lp, Int32($0 + 1)) }
            objective = glp_mip_obj_val(lp)
        }
        let termination: GLPKTermination
        switch (code, status) {
        case (0, GLP_OPT): termination = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _): termination = .infeasible
        case (GLP_EMIPGAP, _): termination = .gapReached
        case (GLP_ETMLIM, _), (GLP_ESTOP, _): termination = context.stoppedForTime || code == GLP_ETMLIM ? .timeLimit : .stopped
        case (let c, _): termination = .failed("GLPK's branch-and-cut ended with code \(c)")
        }
        var bound = context.bound
        if termination == .optimal, let objective { bound = objective }
        return GLPKResult(
            termination: termination, solution: solution, objective: objective, bound: bound, seconds: seconds,
            warmStartUsed: context.warmStartUsed)
    }

    private enum RootLP {
        case solved(bound: Double)
        case infeasible
        case stopped(GLPKTermination)
    }

    /// The LP relaxation, solved by the primal simplex in slices of ``lpSlice`` iterations, each
    /// resuming from the basis the last one left, so that the stop flag and the deadline are
    /// read between them: GLPK's simplex has no callback of its own.
    private static func rootLP(_ lp: OpaquePointer, limits: Limits, messages: Int32) -> RootLP {
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = messages
        // The LP presolver would forget the basis between slices.
        smcp.presolve = GLP_OFF
        while true {
            if limits.stop?.isRaised == true { return .stopped(.stopped) }
            if let left = limits.milliseconds, left <= 0 { return .stopped(.timeLimit) }
            smcp.it_lim = lpSlice
            let code = glp_simplex(lp, &smcp)
            if code == GLP_EITLIM { continue }
            if code == GLP_ENOPFS || glp_get_status(lp) == GLP_NOFEAS { return .infeasible }
            guard code == 0, glp_get_status(lp) == GLP_OPT else {
                return .stopped(.failed("the LP relaxation did not solve (GLPK code \(code))"))
            }
            return .solved(bound: glp_get_obj_val(lp))
        }
    }

    /// What GLPK would abort on, in words; nil when the program is safe to hand over.
    static func validate(_ program: IntegerProgram, limits: Limits, warmStart: [Double]?) -> String? {
        let columns = program.variables.count
        guard columns < Int(Int32.max), program.constraints.count < Int(Int32.max), program.nonZeros < Int(Int32.max) - 1 else {
            return "the program is too large for GLPK"
        }
        for v in program.variables {
            guard v.objective.isFinite, !v.lower.isNaN, !v.upper.isNaN, v.lower <= v.upper, v.lower < .infinity, v.upper > -.infinity else {
                return "column \(v.name) has bounds \(v.lower)…\(v.upper) and cost \(v.objective)"
            }
        }
        for row in program.constraints {
            guard row.rhs.isFinite else { return "row \(row.name) has right-hand side \(row.rhs)" }
            var seen = Set<Int>()
            for term in row.terms {
                guard (0..<columns).contains(term.variable), term.coefficient.isFinite, term.coefficient != 0,
                    seen.insert(term.variable).inserted
                else {
                    return "row \(row.name) has a bad entry for column \(term.variable)"
                }
            }
        }
        guard limits.gap.isFinite, limits.gap >= 0 else { return "the relative gap must be 0 or more" }
        if let warmStart, warmStart.count != columns || warmStart.contains(where: { !$0.isFinite }) {
            return "the warm start has \(warmStart.count) values for \(columns) columns"
        }
        return nil
    }

    /// Loads rows, columns, bounds, kinds, the objective and the matrix. `validate` has run.
    private static func load(_ program: IntegerProgram, into lp: OpaquePointer) {
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
        glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
    }
}

/// State shared with GLPK's callbacks, which are C functions. It lives on the solving thread.
final class CallbackContext {
    let settings: GLPKSettings
    let limits: GLPKRunner.Limits
    let started: ContinuousClock.Instant
    var warmStart: [Double]?
    var warmStartUsed = false
    var stoppedForTime = false
    var bound: Double?
    let progress: ((Double?, Double?, Double) -> Void)?

    init(
        settings: GLPKSettings, limits: GLPKRunner.Limits, warmStart: [Double]?, started: ContinuousClock.Instant,
        progress: ((Double?, Double?, Double) -> Void)?
    ) {
        self.settings = settings
        self.limits = limits
        self.warmStart = warmStart
        self.started = started
        self.progress = progress
    }

    var seconds: Double { started.secondsElapsed }
}

private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    guard let info, let text else { return 1 }
    let context = Unmanaged<CallbackContext>.fromOpaque(info).takeUnretainedValue()
    context.settings.log?(String(cString: text))
    return 1  // GLPK prints nothing itself
}

private let branchAndCutCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    let context = Unmanaged<CallbackContext>.fromOpaque(info).takeUnretainedValue()
    if let deadline = context.limits.deadline, ContinuousClock.now >= deadline {
        context.stoppedForTime = true
        glp_ios_terminate(tree)
        return
    }
    if context.limits.stop?.isRaised == true {
        glp_ios_terminate(tree)
        return
    }
    let best = glp_ios_best_node(tree)
    if best != 0 {
        let bound = glp_ios_node_bound(tree, best)
        if bound.isFinite { context.bound = max(context.bound ?? -.infinity, bound) }
    }
    switch glp_ios_reason(tree) {
    case GLP_IHEUR:
        guard var x = context.warmStart, let problem = glp_ios_get_prob(tree), Int(glp_get_num_cols(problem)) == x.count else { return }
        context.warmStart = nil
        x.insert(0, at: 0)  // GLPK's arrays are 1-based
        context.warmStartUsed = glp_ios_heur_sol(tree, x) == 0
    case GLP_IBINGO:
        guard let problem = glp_ios_get_prob(tree), context.limits.stop?.isRaised != true else { return }
        context.progress?(glp_mip_obj_val(problem), context.bound, context.seconds)
    default:
        break
    }
}
