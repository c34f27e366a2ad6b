/// What a solver found, in the gathering's terms, before it becomes an ``Agenda`` document.
public struct SolverOutcome: Sendable {
    public var status: Agenda.Status
    /// Which solver produced the agenda: `milp` or `search`.
    public var solver: String
    /// nil without an agenda (status infeasible or unknown).
    public var placements: [Assignment]?
    /// A proven lower bound on the objective.
    public var bound: Int?
    public var seconds: Double
    /// Further measurements for the agenda's `stats`, in order.
    public var details: [JSONValue.Member]

    public init(
        status: Agenda.Status, solver: String, placements: [Assignment]?, bound: Int?, seconds: Double,
        details: [JSONValue.Member] = []
    ) {
        self.status = status
        self.solver = solver
        self.placements = placements
        self.bound = bound
        self.seconds = seconds
        self.details = details
    }
}

/// A report while solving: a better agenda, or a better bound.
public struct SolverProgress: Sendable {
    public var solver: String
    /// The best agenda's objective so far.
    public var objective: Int?
    public var bound: Int?
    public var seconds: Double

    public init(solver: String, objective: Int?, bound: Int?, seconds: Double) {
        self.solver = solver
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
    }

    /// The relative gap between the objective and the bound, when both are known.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return objective == 0 ? (bound >= 0 ? 0 : 1) : Double(objective - bound) / Double(abs(objective))
    }
}

extension Agenda {
    /// The agenda document for a solver's outcome: placements in time order with their slots and
    /// times, unscheduled optional sessions, every non-zero cost, and the stats.
    public init(_ outcome: SolverOutcome, gathering g: Gathering, previous: PreviousAgenda? = nil) {
        self.init(status: outcome.status, solver: outcome.solver, bound: outcome.bound)
        stats = [.init(key: "seconds", value: .number((outcome.seconds * 1000).rounded() / 1000))] + outcome.details
        guard let placements = outcome.placements else { return }
        let zone = g.timeZone
        let sorted = placements.sorted { ($0.start, $0.rooms.first ?? 0, $0.session) < ($1.start, $1.rooms.first ?? 0, $1.session) }
        self.placements = sorted.map { p in
            Agenda.Placement(
                session: g.sessions[p.session].id, start: g.slots[p.start].id, rooms: p.rooms.map { g.rooms[$0].id },
                slots: p.slots.map { g.slots[$0].id },
                startTime: LocalTime.format(g.slots[p.slots.lowerBound].start, in: zone),
                endTime: LocalTime.format(g.slots[p.slots.upperBound - 1].end, in: zone))
        }
        let placed = Set(placements.map(\.session))
        unscheduled = g.sessions.filter { !placed.contains($0.index) }.map(\.id)
        costs = g.costs(of: placements, previous: previous)
        objective = costs.reduce(0) { $0 + $1.cost }
    }
}
