/// Called on each better incumbent or bound: objective, bound, seconds since the call began.
package typealias MILPProgress = (_ objective: Double?, _ bound: Double?, _ seconds: Double) -> Void

/// Agendas shared with the rest of a solve while a backend's branch-and-cut runs, on its thread.
package struct MILPExchange {
    /// Asked at the backend's heuristic callbacks with its incumbent's objective (nil: none yet):
    /// a better point to take up, which the caller has verified (the backend does not), or nil.
    package var incoming: (_ incumbent: Double?) -> [Double]?
    /// Told each better point the backend finds itself, with its objective.
    package var found: (_ point: [Double], _ objective: Double) -> Void
    /// Branch-and-cut runs this long on its own before it takes anything up (a point that
    /// the root's bound proves optimal is taken at once): a proof within it depends on the
    /// program and the warm start alone, not on when the exchange's points arrived.
    package var delay: Duration

    package init(
        delay: Duration = .zero, incoming: @escaping (_ incumbent: Double?) -> [Double]?,
        found: @escaping (_ point: [Double], _ objective: Double) -> Void
    ) {
        self.delay = delay
        self.incoming = incoming
        self.found = found
    }
}
