import CGLPK
import ConveneCore
import ConveneMILP
import Foundation

/// GLPK's terminal output, routed to a log (or nowhere) while one GLPK call runs on this thread.
final class Terminal {
    let log: (@Sendable (String) -> Void)?

    init(log: (@Sendable (String) -> Void)?) { self.log = log }

    /// Runs `body` with GLPK's terminal hook set to this log (GLPK prints nothing itself).
    func attached<T>(_ body: () -> T) -> T {
        let unmanaged = Unmanaged.passRetained(self)
        glp_term_hook(terminalHook, unmanaged.toOpaque())
        defer {
            glp_term_hook(nil, nil)
            unmanaged.release()
        }
        return body()
    }
}

private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    guard let info, let text else { return 1 }
    Unmanaged<Terminal>.fromOpaque(info).takeUnretainedValue().log?(String(cString: text))
    return 1
}

/// This thread's GLPK environment, counted: a guard that stops the simplex frees it, and every
/// problem in it with it (GLPK's environment is per thread).
enum GLPKThread {
    private static let key = "convene.glpk.environment"

    /// How many times this thread's environment has been freed.
    static var environment: Int { Thread.current.threadDictionary[key] as? Int ?? 0 }

    static func environmentFreed() { Thread.current.threadDictionary[key] = environment + 1 }
}

/// GLPK's simplex with the stop flag read at each of its progress lines (the C guard in
/// `CGLPK/shim.h`): GLPK has no callback in its simplex, and without one a cancelled solve would
/// wait for the whole LP relaxation, seconds on large programs.
enum GuardedSimplex {
    private final class Info {
        let stop: StopFlag?
        let log: (@Sendable (String) -> Void)?
        init(stop: StopFlag?, log: (@Sendable (String) -> Void)?) {
            self.stop = stop
            self.log = log
        }
    }

    /// `glp_simplex`'s code, or nil when the stop flag ended it: the thread's GLPK environment,
    /// with every problem in it, has then been freed.
    static func run(_ lp: OpaquePointer, _ parm: inout glp_smcp, stop: StopFlag?, log: (@Sendable (String) -> Void)?) -> Int32? {
        guarded(stop: stop, log: log) { convene_guarded_simplex(lp, &parm, $0) }
    }

    /// `glp_intopt`'s code, or nil when the stop flag ended it during one of its nodes' LPs (its
    /// callback ends it anywhere else): the environment has then been freed, as above.
    static func branchAndCut(_ lp: OpaquePointer, _ parm: inout glp_iocp, stop: StopFlag?, log: (@Sendable (String) -> Void)?)
        -> Int32?
    {
        guarded(stop: stop, log: log) { convene_guarded_intopt(lp, &parm, $0) }
    }

    private static func guarded(
        stop: StopFlag?, log: (@Sendable (String) -> Void)?, _ body: (UnsafeMutablePointer<convene_guard>) -> Int32
    ) -> Int32? {
        let info = Unmanaged.passRetained(Info(stop: stop, log: log))
        defer { info.release() }
        let guardian = UnsafeMutablePointer<convene_guard>.allocate(capacity: 1)
        defer { guardian.deallocate() }
        guardian.initialize(to: convene_guard())
        guardian.pointee.info = info.toOpaque()
        guardian.pointee.stop = { info in
            guard let info else { return 0 }
            return Unmanaged<Info>.fromOpaque(info).takeUnretainedValue().stop?.isRaised == true ? 1 : 0
        }
        guardian.pointee.print = { info, text in
            guard let info, let text else { return }
            Unmanaged<Info>.fromOpaque(info).takeUnretainedValue().log?(String(cString: text))
        }
        let code = body(guardian)
        if code < 0 {
            GLPKThread.environmentFreed()
            return nil
        }
        return code
    }
}

/// State shared with GLPK's branch-and-cut callback, a C function. It lives on the solving thread.
final class CallbackContext {
    let limits: MILPLimits
    /// The program's columns: a point is offered only to a problem that has them all.
    let columns: Int
    let started: ContinuousClock.Instant
    let progress: MILPProgress?
    let exchange: MILPExchange?
    var warmStart: [Double]?
    var warmStartUsed = false
    /// GLPK's latest incumbent (the program's own columns), kept here because a stop inside a
    /// node's LP frees GLPK's copy with its environment.
    var incumbent: [Double]?
    /// A point from the exchange, held until the exchange's delay has passed.
    var pending: [Double]?
    /// Points taken up from the exchange.
    var takenUp = 0
    /// Whether the incumbent is, or was found after, a point taken up from the exchange.
    var afterHandOver = false
    /// When the exchange's points may be taken up.
    let handOverFrom: ContinuousClock.Instant
    var stoppedForTime = false
    /// Branch-and-cut stops once it has created more nodes than this (nil: no limit).
    var nodeLimit: Int?
    var stoppedAtNodeLimit = false
    /// Set when the bound, rounded up, reached the incumbent: branch-and-cut was stopped proven.
    var provenByBound = false
    var bound: Double?
    /// The last whole bound reported, so that each better one is reported once.
    var reportedBound: Int?

    init(
        limits: MILPLimits, columns: Int, warmStart: [Double]?, exchange: MILPExchange?, started: ContinuousClock.Instant,
        progress: MILPProgress?
    ) {
        self.limits = limits
        self.columns = columns
        self.warmStart = warmStart
        self.exchange = exchange
        self.started = started
        self.progress = progress
        handOverFrom = .now + (exchange?.delay ?? .zero)
    }

    var seconds: Double { started.secondsElapsed }

    /// Offers a point at a heuristic callback; true when GLPK took it as its new incumbent.
    func offer(_ point: [Double], to tree: OpaquePointer) -> Bool {
        var x = point
        x.insert(0, at: 0)  // GLPK's arrays are 1-based
        return glp_ios_heur_sol(tree, x) == 0
    }
}

/// Reads the stop flag and the deadline at every call, keeps the best bound (reporting each
/// better whole one), stops once the bound proves the incumbent optimal, offers the warm start
/// and then the exchange's better points before and after each node's LP, and shares GLPK's own
/// incumbents.
let branchAndCutCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
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
    if let limit = context.nodeLimit {
        var created: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &created)
        if Int(created) > limit {
            context.stoppedAtNodeLimit = true
            glp_ios_terminate(tree)
            return
        }
    }
    let best = glp_ios_best_node(tree)
    if best != 0 {
        let bound = glp_ios_node_bound(tree, best)
        // GLPK writes "no bound yet" as -DBL_MAX.
        if bound.isFinite, bound > -1e15 { context.bound = max(context.bound ?? -.infinity, bound) }
    }
    guard let problem = glp_ios_get_prob(tree) else { return }
    func incumbent() -> Double? { glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil }
    func provenNow() -> Bool {
        guard let bound = context.bound, let objective = incumbent(), MILPBound.proves(bound, optimal: objective) else { return false }
        context.provenByBound = true
        glp_ios_terminate(tree)
        return true
    }
    if provenNow() { return }
    if let bound = context.bound, MILPBound.integer(bound) > context.reportedBound ?? Int.min {
        context.reportedBound = MILPBound.integer(bound)
        context.progress?(incumbent(), bound, context.seconds)
    }
    switch glp_ios_reason(tree) {
    case GLP_IPREPRO, GLP_IHEUR:
        // Before each node's LP (the root's first: the warm start is the first incumbent) and after it.
        guard Int(glp_get_num_cols(problem)) == context.columns else { return }
        if let warm = context.warmStart {
            context.warmStart = nil
            context.warmStartUsed = context.offer(warm, to: tree)
        } else if ContinuousClock.now >= context.handOverFrom, let point = context.pending ?? context.exchange?.incoming(incumbent()) {
            context.pending = nil
            if context.offer(point, to: tree) {
                context.takenUp += 1
                context.afterHandOver = true
            }
        }
        _ = provenNow()
    case GLP_IBINGO:
        context.afterHandOver = context.takenUp > 0
        guard context.limits.stop?.isRaised != true, let objective = incumbent() else { return }
        if Int(glp_get_num_cols(problem)) == context.columns {
            let point = (0..<context.columns).map { glp_mip_col_val(problem, Int32($0 + 1)) }
            context.incumbent = point
            context.exchange?.found(point, objective)
        }
        context.progress?(objective, context.bound, context.seconds)
    default:
        break
    }
}
