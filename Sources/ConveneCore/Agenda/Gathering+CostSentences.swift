extension Gathering {
    /// One cost term in plain words, naming sessions by title and id.
    package func sentence(for cost: Agenda.Cost) -> String {
        let named = cost.sessions.map { id in sessionIndex[id].map { sessions[$0].label } ?? "'\(id)'" }
        let first = named.first ?? "a session"
        let second = named.dropFirst().first ?? "another session"
        switch cost.kind {
        case .clash:
            let who = cost.attendees.count == 1 ? "1 attendee wants" : "\(cost.attendees.count) attendees want"
            return "\(first) and \(second) run at the same time; \(who) both: \(cost.attendees.joined(separator: ", "))"
        case .preference:
            guard let s = cost.sessions.first.flatMap({ sessionIndex[$0] }) else { return "\(first) misses its preferred slots" }
            return "\(first) is not in slots tagged \(AgendaChecker.list(sessions[s].preferredSlotTags)) as it prefers"
        case .personPreference:
            guard let id = cost.person, let person = people.first(where: { $0.id == id }) else {
                return "\(first) is outside a facilitator's preferred hours"
            }
            return "\(first) is outside the hours \(person.label) prefers (\(label(windows: person.preferred)))"
        case .unscheduled:
            return "\(first) is optional and not scheduled"
        case .change:
            return "\(first) moved from where the previous agenda had it"
        case .roomChange:
            return "\(first) keeps its time but is in other rooms than the previous agenda had it"
        case .trackOverlap:
            return "\(first) and \(second) are in the same track and run at the same time"
        }
    }
}
