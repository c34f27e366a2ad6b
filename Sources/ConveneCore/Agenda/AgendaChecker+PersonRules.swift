extension AgendaChecker {
    /// Rules 11 and 12, which concern each person's placed sessions together: travel time
    /// between sessions at different sites, and the most sessions started in one day.
    func personRules(_ placements: [Assignment]) -> [Violation] {
        let g = gathering
        var violations: [Violation] = []
        var placed = [Assignment?](repeating: nil, count: g.sessions.count)
        for p in placements { placed[p.session] = p }
        for person in g.people {
            let mine = g.facilitated[person.index].compactMap { placed[$0] }.sorted { ($0.start, $0.session) < ($1.start, $1.session) }
            if domain.travels(person.index) {
                for (i, a) in mine.enumerated() {
                    for b in mine[(i + 1)...] where domain.whyNotBoth(person.index, a, b).contains(.travel(person.index)) {
                        violations.append(Violation(rule: .travel, message: sentence(.travel(person.index), a, b, slot: a.start)))
                    }
                }
            }
            if let most = domain.dailyLimit(person.index) {
                var byDay: [Int: [Assignment]] = [:]
                for p in mine { byDay[domain.dayOf[p.start], default: []].append(p) }
                for (_, here) in byDay.sorted(by: { $0.key < $1.key }) where here.count > most {
                    let day = LocalTime.dayLabel(g.slots[here[0].start].startSecond, in: g.timeZone)
                    let listed = here.map { g.sessions[$0.session].label }.joinedInWords
                    violations.append(
                        Violation(
                            rule: .dailyLoad,
                            message: "\(person.label) facilitates \(here.count) sessions starting on \(day) (\(listed)); they "
                                + "facilitate at most \(most) a day."))
                }
            }
        }
        return violations
    }

    /// `p3 facilitates 'A' at MIT Media Lab until 14:30 and 'B' at Boston Public Library from
    /// 14:45; they need 30 minutes to travel.` (`a` starts first.)
    func travelSentence(_ person: Person, _ a: Assignment, _ sa: [Int], _ b: Assignment, _ sb: [Int]) -> String {
        let g = gathering
        let zone = g.timeZone
        let ends = g.slots[a.slots.upperBound - 1].endSecond
        let starts = g.slots[b.start].startSecond
        let sameDay = LocalTime.dayLabel(ends, in: zone) == LocalTime.dayLabel(starts, in: zone)
        func at(_ instant: Int) -> String {
            (sameDay ? "" : LocalTime.dayLabel(instant, in: zone) + " ") + LocalTime.clock(instant, in: zone)
        }
        return "\(person.label) facilitates \(g.sessions[a.session].label) at \(domain.siteLabel(sa)) until \(at(ends)) and "
            + "\(g.sessions[b.session].label) at \(domain.siteLabel(sb)) from \(at(starts)); they need \(g.travelMinutes) minutes "
            + "to travel."
    }
}
