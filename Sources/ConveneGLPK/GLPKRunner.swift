import CGLPK
import Convene
import Foundation

/// Runs an ``IntegerProgram`` through GLPK 5. Each call creates, solves and deletes its problem
/// on the calling thread (GLPK's environment is per thread) and checks every index and value
/// before handing it over (GLPK aborts the process on a bad argument).
public enum GLPKRunner {
    /// - Parameters:
    ///   - warmStart: a point to offer as the first incumbent. GLPK does not check it, so the
    ///     caller must have verified it (``ExactSolver`` judges it with the AgendaChecker).
    ///   - progress: called on each better incumbent (objective, bound, seconds).
    ///   - cancel: checked at every callback; once set, the search stops at the next one.
    public static func solve(
        _ program: IntegerProgram, settings: GLPKSettings, warmStart: [Double]? = nil,
        cancel: Cancellation? = nil,
        progress: ((_ objective: Double, _ bound: Double?, _ seconds: Double) -> Void)? = nil
    ) -> GLPKResult {
        let clock = ContinuousClock.now
        func elapsed() -> Double { clock.secondsElapsed }
        if let problem = validate(program, settings: settings, warmStart: warmStart) {
            return GLPKResult(termination: .failed(problem), solution: nil, objective: nil, bound: nil, seconds: 0, warmStartUsed: false)
        }
        let context = CallbackContext(settings: settings, warmStart: warmStart, started: clock, cancel: cancel, progress: progress)
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
        parm.mip_gap = settings.relativeGap
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
        if let limit = settings.timeLimit { parm.tm_lim = Int32(min(limit * 1000, Double(Int32.max)).rounded(.down)) }
        parm.cb_func = branchAndCutCallback
        parm.cb_info = unmanaged.toOpaque()
        // A warm start must be offered on the columns the callback sees; with the MIP presolver on,
        // those are the presolved problem's. So a warm start solves the root LP here first and
        // turns the presolver off. So does a large model: the simplex honours the time limit,
        // while the MIP presolver and its root LP run without a callback.
        parm.presolve = settings.presolve && warmStart == nil && !large ? GLP_ON : GLP_OFF
        if parm.presolve == GLP_OFF {
            var smcp = glp_smcp()
            glp_init_smcp(&smcp)
            smcp.msg_lev = parm.msg_lev
            smcp.presolve = GLP_ON
            if let limit = settings.timeLimit { smcp.tm_lim = Int32(min(limit * 1000, Double(Int32.max)).rounded(.down)) }
            let lpStatus = glp_simplex(lp, &smcp)
            if lpStatus == GLP_ENOPFS || glp_get_status(lp) == GLP_NOFEAS {
                return GLPKResult(
                    termination: .infeasible, solution: nil, objective: nil, bound: nil, seconds: elapsed(), warmStartUsed: false)
            }
            if lpStatus != 0 || glp_get_status(lp) != GLP_OPT {
                let timedOut = lpStatus == GLP_ETMLIM
                return GLPKResult(
                    termination: timedOut ? .timeLimit : .failed("the LP relaxation did not solve (GLPK code \(lpStatus))"),
                    solution: nil, objective: nil, bound: nil, seconds: elapsed(), warmStartUsed: false)
            }
        }
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
        case (GLP_ETMLIM, _), (GLP_ESTOP, _): termination = context.stoppedForTime || code == GLP_ETMLIM ? .timeLimit : .failed("stopped")
        case (let c, _): termination = .failed("GLPK's branch-and-cut ended with code \(c)")
        }
        var bound = context.bound
        if termination == .optimal, let objective { bound = objective }
        return GLPKResult(
            termination: termination, solution: solution, objective: objective, bound: bound, seconds: seconds,
            warmStartUsed: context.warmStartUsed)
    }

    /// What GLPK would abort on, in words; nil when the program is safe to hand over.
    static func validate(_ program: IntegerProgram, settings: GLPKSettings, warmStart: [Double]?) -> String? {
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
        if let limit = settings.timeLimit, !(limit >= 0) { return "the time limit must be 0 or more seconds" }
        guard settings.relativeGap.isFinite, settings.relativeGap >= 0 else { return "the relative gap must be 0 or more" }
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

/// State shared with GLPK's callbacks, which are C functions.
final class CallbackContext {
    let settings: GLPKSettings
    let deadline: ContinuousClock.Instant?
    let started: ContinuousClock.Instant
    var warmStart: [Double]?
    var warmStartUsed = false
    var stoppedForTime = false
    var bound: Double?
    let cancel: Cancellation?
    let progress: ((Double, Double?, Double) -> Void)?

    init(
        settings: GLPKSettings, warmStart: [Double]?, started: ContinuousClock.Instant, cancel: Cancellation?,
        progress: ((Double, Double?, Double) -> Void)?
    ) {
        self.settings = settings
        self.warmStart = warmStart
        self.started = started
        self.cancel = cancel
        self.progress = progress
        deadline = settings.timeLimit.map { started + .milliseconds(Int64(($0 * 1000).rounded(.down))) }
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
    if let deadline = context.deadline, ContinuousClock.now >= deadline {
        context.stoppedForTime = true
        glp_ios_terminate(tree)
        return
    }
    if context.cancel?.isCancelled == true {
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
        guard let problem = glp_ios_get_prob(tree), context.cancel?.isCancelled != true else { return }
        context.progress?(glp_mip_obj_val(problem), context.bound, context.seconds)
    default:
        break
    }
}

/// A flag another thread sets to stop a solve at GLPK's next callback.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
