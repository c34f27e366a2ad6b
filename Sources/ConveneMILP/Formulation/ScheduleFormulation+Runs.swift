import ConveneCore

extension Builder {
    /// The rules and costs of sessions with several runs that are not links between sessions
    /// (those are in the domain's gathering: ``Gathering/splittingRuns()``).
    ///
    /// - An optional session has all of its runs placed or none: `u[run r] = u[run 1]`.
    /// - A clash between a session `A` with runs `A₁ … A_k` and a session `B` with one run costs
    ///   when every run of `A` is concurrent with `B`. One row per start `τ` of `B`:
    ///   `z ≥ y[B,τ] + Σᵢ Σ_{σ of Aᵢ overlapping τ} y[Aᵢ,σ] − k`. Each inner sum is 0 or 1 (a run
    ///   takes one start), so the right side is 1 exactly when `B` starts at `τ` and every run
    ///   overlaps it, and at most 0 otherwise. It needs no indicator per run, and it is tighter than
    ///   rows per shared slot: a run's starts counted against `τ` are all those overlapping any of
    ///   its slots, not only those occupying one. (Two sessions that both have several runs never
    ///   clash: their runs would have to interleave.)
    mutating func addRuns() {
        guard let runsOf = g.runsOf else { return }
        for runs in runsOf where runs.count > 1 {
            guard let first = unplacedColumn[runs[0]] else { continue }
            for r in runs.dropFirst() {
                guard let u = unplacedColumn[r] else { continue }
                program.addConstraint("all-runs(\(g.sessions[r].id),\(g.sessions[r].run))", [.init(u, 1), .init(first, -1)], .equal, 0)
            }
        }
        for clash in g.runClashes() where clash.weight > 0 {
            let b = clash.other
            guard clash.runs.allSatisfy({ domain.mayRunTogether($0, b) }) else { continue }
            var rows: [[IntegerProgram.Term]] = []
            for (i, tau) in domain.starts[b].enumerated() {
                var row = [IntegerProgram.Term(startColumn[b][i], -1)]
                var all = true
                for a in clash.runs {
                    let overlapping = domain.starts[a].indices.filter { domain.starts[a][$0].slots.overlaps(tau.slots) }
                    if overlapping.isEmpty { all = false }
                    row += overlapping.map { .init(startColumn[a][$0], -1) }
                }
                if all { rows.append(row) }
            }
            guard !rows.isEmpty else { continue }
            let names = "\(g.sessions[clash.runs[0]].id),\(g.sessions[b].id)"
            let z = program.addVariable("zruns(\(names))", .continuous, lower: 0, upper: 1, objective: Double(clash.weight))
            runClashColumns.append((clash, z))
            for (n, row) in rows.enumerated() {
                program.addConstraint("clash-runs(\(names),\(n))", [.init(z, 1)] + row, .greaterOrEqual, -Double(clash.runs.count))
            }
        }
    }
}
