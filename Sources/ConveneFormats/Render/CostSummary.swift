import ConveneCore

/// The costs of an agenda in plain words, grouped by kind, the largest first.
package enum CostSummary {
    package static let headings: [Agenda.CostKind: String] = [
        .clash: "Clashes", .preference: "Unmet preferences", .personPreference: "Outside facilitators' preferred hours",
        .unscheduled: "Unscheduled sessions", .change: "Changes from the previous agenda",
        .roomChange: "Room changes from the previous agenda", .trackOverlap: "Track overlaps",
    ]

    /// Cost terms of one kind, largest first, ties in session order (then person order).
    package static func sorted(_ costs: [Agenda.Cost], kind: Agenda.CostKind) -> [Agenda.Cost] {
        costs.filter { $0.kind == kind }
            .sorted {
                if $0.cost != $1.cost { return $0.cost > $1.cost }
                if $0.sessions != $1.sessions { return $0.sessions.lexicographicallyPrecedes($1.sessions) }
                return ($0.person ?? "") < ($1.person ?? "")
            }
    }

    package static func text(_ costs: [Agenda.Cost], gathering: Gathering) -> String {
        let total = costs.reduce(0) { $0 + $1.cost }
        if costs.isEmpty { return "Objective 0: nobody misses a session they want, and every preference is met.\n" }
        var out = "Costs (objective \(total))\n"
        for kind in Agenda.CostKind.allCases {
            let terms = sorted(costs, kind: kind)
            guard !terms.isEmpty else { continue }
            out += "  \(headings[kind] ?? kind.rawValue): \(terms.reduce(0) { $0 + $1.cost })\n"
            for term in terms {
                out += "    " + String(term.cost).leftPadded(4) + "  " + gathering.sentence(for: term) + "\n"
            }
        }
        return out
    }
}
