import ConveneCore

extension CostSummary {
    /// The costs told per person: which attendees lose which session to which, then every other
    /// kind (unmet preferences, facilitators' hours, unscheduled sessions, changes, track
    /// overlaps); attendees who lose most first.
    package static func byPerson(_ costs: [Agenda.Cost], gathering g: Gathering) -> String {
        var lost: [String: [(String, String)]] = [:]
        for cost in costs where cost.kind == .clash && cost.sessions.count == 2 {
            for attendee in cost.attendees { lost[attendee, default: []].append((cost.sessions[0], cost.sessions[1])) }
        }
        func title(_ id: String) -> String { g.sessionIndex[id].map { g.sessions[$0].label } ?? "'\(id)'" }
        var out = ""
        if !lost.isEmpty {
            out += "Attendees who cannot go to everything they want (\(lost.count)):\n"
            for (attendee, pairs) in lost.sorted(by: {
                $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
            }) {
                let weight = pairs.count * g.weights.clash
                out += "  \(attendee) (cost \(weight)): " + pairs.map { "\(title($0.0)) or \(title($0.1))" }.joined(separator: "; ") + "\n"
            }
        }
        for kind in Agenda.CostKind.allCases where kind != .clash {
            let terms = sorted(costs, kind: kind)
            guard !terms.isEmpty else { continue }
            out += "\(headings[kind] ?? kind.rawValue) (\(terms.reduce(0) { $0 + $1.cost })):\n"
            for term in terms { out += "  " + String(term.cost).leftPadded(4) + "  " + g.sentence(for: term) + "\n" }
        }
        return out.isEmpty ? "Nothing costs anything: every attendee can go to every session they want.\n" : out
    }
}
