extension Agenda {
    /// The agenda document for assignments: placements in time order with their slots and
    /// times, unscheduled sessions, every non-zero cost and its objective.
    package init(
        status: Status, solver: SolverKind?, bound: Int?, assignments: [Assignment]?, domain: Domain,
        statistics: SolveStatistics = SolveStatistics()
    ) {
        self.init(status: status, solver: solver?.name, bound: bound, statistics: statistics)
        guard let assignments else { return }
        let g = domain.gathering
        let zone = g.timeZone
        let sorted = assignments.sorted {
            ($0.start, $0.rooms.first ?? 0, $0.session, $0.run) < ($1.start, $1.rooms.first ?? 0, $1.session, $1.run)
        }
        placements = sorted.map { p in
            var placement = Agenda.Placement(
                session: g.sessions[p.session].id, run: g.sessions[p.session].run, start: g.slots[p.start].id, rooms: p.rooms.map { g.rooms[$0].id },
                slots: p.slots.map { g.slots[$0].id },
                startTime: LocalTime.format(g.slots[p.slots.lowerBound].startSecond, in: zone),
                endTime: LocalTime.format(g.slots[p.slots.upperBound - 1].endSecond, in: zone))
            placement.namesRun = g.sessions[p.session].runs > 1
            return placement
        }
        let placed = Set(assignments.map(\.session))
        // Once per session of the input: its run 1 stands for it.
        unscheduled = g.sessions.filter { $0.run == 1 && !placed.contains($0.index) }.map(\.id)
        costs = g.costs(of: assignments, previous: domain.previous)
        objective = costs.reduce(0) { $0 + $1.cost }
    }
}
