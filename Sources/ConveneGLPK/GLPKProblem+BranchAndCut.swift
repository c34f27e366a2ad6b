import CGLPK
import ConveneCore
import ConveneMILP

extension GLPKProblem {
    /// GLPK's branch-and-cut. Without the presolver it starts from the LP relaxation's basis
    /// (solved here first when it is not yet), so that its callback sees the program's own columns:
    /// a warm start and the exchange's points are offered there. It stops as soon as its bound,
    /// rounded up (costs are whole numbers), reaches its incumbent, whether GLPK found that
    /// incumbent or took it up from the exchange.
    /// - Parameter presolve: GLPK's MIP presolver; only without a warm start or an exchange.
    package func branchAndCut(
        settings: GLPKSettings, limits: MILPLimits, presolve: Bool = false, warmStart: [Double]? = nil,
        exchange: MILPExchange? = nil, progress: MILPProgress? = nil
    ) -> MILPResult {
        let clock = ContinuousClock.now
        func result(_ termination: MILPTermination, _ solution: [Double]? = nil, bound: Double? = nil, used: Bool = false) -> MILPResult {
            let objective = solution.map(program.objectiveValue)
            return MILPResult(
                termination: termination, solution: solution, objective: objective, bound: bound, seconds: clock.secondsElapsed,
                warmStartUsed: used)
        }
        guard limits.gap.isFinite, limits.gap >= 0 else { return result(.failed("the relative gap must be 0 or more")) }
        guard alive else { return result(.stopped) }
        // A better point from the exchange, which the relaxation may prove optimal at once.
        var offered: [Double]?
        if !presolve {
            let fresh = relaxation == nil
            switch solveRelaxation(limits: limits) {
            case .solved(let bound):
                if fresh { progress?(nil, bound, clock.secondsElapsed) }
                if let warmStart, MILPBound.proves(bound, optimal: program.objectiveValue(warmStart)) {
                    return result(.optimal, warmStart, bound: program.objectiveValue(warmStart), used: true)
                }
                offered = exchange?.incoming(warmStart.map(program.objectiveValue))
                if let offered, MILPBound.proves(bound, optimal: program.objectiveValue(offered)) {
                    var proven = result(.optimal, offered, bound: program.objectiveValue(offered))
                    (proven.afterHandOver, proven.takenUp) = (true, 1)
                    return proven
                }
            case .infeasible: return result(.infeasible)
            case .stopped(let why): return result(why)
            }
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        // Progress lines are where the guard reads the stop flag while a node's LP is re-solved
        // (the callback is not called then): at once, and every 20 ms between nodes.
        parm.msg_lev = GLP_MSG_ON
        parm.out_dly = 0
        parm.out_frq = Self.stopCheckMilliseconds
        parm.mip_gap = limits.gap
        // The pump looks for a first incumbent; a warm start already is one, and on small models
        // branching finds one sooner than the pump's own LPs (P2PU: 0.04 s against 0.3 s).
        let pump = settings.feasibilityPump && warmStart == nil && program.constraints.count >= GLPKSettings.pumpMinimumRows
        parm.fp_heur = pump ? GLP_ON : GLP_OFF
        parm.ps_heur = settings.proximitySearch ? GLP_ON : GLP_OFF
        // GLPK generates cuts and solves the root's LP again after each round of them without a
        // callback, and builds its conflict graph for clique cuts before the first node: on large
        // programs that outlasts any time limit (an attendee-heavy 130-session gathering: 35 s
        // past a minute). Their bound comes from the formulation anyway.
        let large = program.constraints.count > GLPKSettings.cutModelRows
        func cut(_ kind: GLPKSettings.Cut) -> Int32 { settings.cuts.contains(kind) && !large ? GLP_ON : GLP_OFF }
        parm.gmi_cuts = cut(.gomory)
        parm.mir_cuts = cut(.mixedIntegerRounding)
        parm.cov_cuts = cut(.cover)
        parm.clq_cuts = cut(.clique)
        let estimates = program.constraints.count <= GLPKSettings.estimateBranchingRows
        parm.br_tech =
            switch estimates ? settings.branching : .mostFractional {
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
        // With the presolver on, the callback would see the presolved problem's columns.
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        let context = CallbackContext(
            limits: limits, columns: program.variables.count, warmStart: presolve ? nil : warmStart, exchange: presolve ? nil : exchange,
            started: clock, progress: progress)
        context.pending = offered
        context.nodeLimit = settings.nodeLimit
        context.bound = relaxation
        context.reportedBound = relaxation.map(MILPBound.integer)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        parm.cb_func = branchAndCutCallback
        parm.cb_info = unmanaged.toOpaque()
        if let ms = limits.milliseconds { parm.tm_lim = ms }
        guard let code = GuardedSimplex.branchAndCut(lp, &parm, stop: limits.stop, log: terminal.log) else {
            // Stopped inside a node's LP: the problem is gone with the thread's environment, but
            // not its incumbent, which the callback kept.
            var stopped = result(.stopped, context.incumbent ?? (context.warmStartUsed ? warmStart : nil), bound: context.bound)
            stopped.warmStartUsed = context.warmStartUsed
            return stopped
        }
        let status = glp_mip_status(lp)
        var solution: [Double]?
        if status == GLP_OPT || status == GLP_FEAS {
            solution = (0..<program.variables.count).map { glp_mip_col_val(lp, Int32($0 + 1)) }
        }
        let termination: MILPTermination
        switch (code, status) {
        case (0, GLP_OPT): termination = .optimal
        case (GLP_ESTOP, GLP_FEAS) where context.provenByBound: termination = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _): termination = .infeasible
        case (GLP_EMIPGAP, _): termination = .gapReached
        case (GLP_ESTOP, _) where context.stoppedAtNodeLimit: termination = .nodeLimit
        case (GLP_ETMLIM, _), (GLP_ESTOP, _): termination = context.stoppedForTime || code == GLP_ETMLIM ? .timeLimit : .stopped
        case (let c, _): termination = .failed("GLPK's branch-and-cut ended with code \(c)")
        }
        var bound = context.bound
        let objective = solution.map { _ in glp_mip_obj_val(lp) }
        if termination == .optimal, let objective { bound = objective }
        return MILPResult(
            termination: termination, solution: solution, objective: objective, bound: bound, seconds: clock.secondsElapsed,
            warmStartUsed: context.warmStartUsed, afterHandOver: context.afterHandOver, takenUp: context.takenUp)
    }
}
