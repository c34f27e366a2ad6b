extension AgendaChecker {
    /// Rule 10: every session the previous agenda started before the frozen time, and every
    /// session held in place, keeps its start slot and room set; every other placed session starts
    /// at or after the frozen time.
    func frozenPast(_ placed: [Assignment?]) -> [Violation] {
        let until = domain.frozenUntil
        let g = gathering
        var violations: [Violation] = []
        for session in g.sessions {
            let p = placed[session.index]
            if let place = domain.frozen[session.index] {
                let kept = p.map { $0.start == place.slot && $0.rooms == place.rooms } ?? false
                if !kept {
                    let now = p.map { " It is \(g.label(slots: $0.slots)) in \(roomNames($0.rooms))." } ?? " It is not placed."
                    violations.append(
                        Violation(rule: .frozen, message: "\(frozenSentence(session.index)); it must keep that place.\(now)"))
                }
            } else if let p, let until, g.slots[p.start].startSecond < until {
                violations.append(
                    Violation(
                        rule: .frozen,
                        message: "\(session.label) starts \(g.label(slots: p.slots)), before the frozen time "
                            + "\(LocalTime.dayLabel(until, in: g.timeZone)) \(LocalTime.clock(until, in: g.timeZone)); only sessions "
                            + "that already ran may start before it."))
            }
        }
        return violations
    }

    /// `'Workshopping failures' (failures) already ran on Fri 20 Sep 09:00 in Rabb Hall`, or for a
    /// session held in place `… is held at Fri 20 Sep 09:00 in Rabb Hall`.
    package func frozenSentence(_ s: Int) -> String {
        let session = gathering.sessions[s]
        guard let place = domain.frozenPlaceText(s) else { return "\(session.label) is free to move" }
        return "\(session.label) \(place)"
    }

    private func roomNames(_ rooms: [Int]) -> String { domain.roomNames(rooms) }
}

extension Domain {
    /// `already ran on Fri 20 Sep 09:00 in Rabb Hall` (or `is held at …` for a session held in
    /// place): where and when a frozen session is, as the previous agenda has it; nil for a session
    /// that is free to move.
    package func frozenPlaceText(_ s: Int) -> String? {
        let g = gathering
        guard let place = frozen[s] else { return nil }
        let when: String
        if let slot = place.slot {
            let start = g.slots[slot].startSecond
            when = "\(LocalTime.dayLabel(start, in: g.timeZone)) \(LocalTime.clock(start, in: g.timeZone))"
        } else {
            when = place.entry.startTime ?? place.entry.start
        }
        let rooms = place.rooms.map(roomNames) ?? place.entry.rooms.sorted().joined(separator: ", ")
        return "\(place.isKept ? "is held at" : "already ran on") \(when) in \(rooms)"
    }

    /// `Rabb Hall, Commonwealth Salon`: rooms by name.
    func roomNames(_ rooms: [Int]) -> String {
        rooms.map { gathering.rooms[$0].name ?? gathering.rooms[$0].id }.joined(separator: ", ")
    }
}

extension AgendaChecker {
    /// Labels of the sessions that must be placed and have no possible placement on their own:
    /// no agenda can exist while there is one.
    package var sessionsWithNowhereToGo: [String] {
        gathering.sessions.filter { domain.mustPlace($0.index) && domain.starts[$0.index].isEmpty }.map(\.label)
    }
}
