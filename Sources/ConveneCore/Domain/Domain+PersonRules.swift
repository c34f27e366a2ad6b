/// Rules 11 (travel between sites) and 12 (daily load), which concern a person's sessions
/// together: the tests every solver and the checker use.
extension Domain {
    /// Whether rule 11 can ever bind: a travel time, and rooms at more than one site.
    package var travelMatters: Bool { travelSeconds > 0 && siteNames.count > 1 }

    /// Whether rule 11 or rule 12 can ever bind: travel matters, or someone has a daily limit.
    package var hasPersonRules: Bool { travelMatters || gathering.people.contains { $0.maxPerDay != nil } }

    /// The sites of a room set, as sorted indices into ``siteNames``, each once.
    package func sites(_ rooms: [Int]) -> [Int] {
        var found: [Int] = []
        for r in rooms where !found.contains(siteOf[r]) { found.append(siteOf[r]) }
        return found.sorted()
    }

    /// Rule 11's test for two placements of one person's sessions: they do not share a slot
    /// (rule 5 judges those), their sets of sites differ, and the later starts less than the
    /// travel time after the earlier ends.
    package func tooCloseToTravel(_ a: Range<Int>, _ sitesA: [Int], _ b: Range<Int>, _ sitesB: [Int]) -> Bool {
        sitesA != sitesB && tooClose(a, b)
    }

    /// Rule 11's time part: the two runs of slots do not overlap, and the later starts less than
    /// the travel time after the earlier ends.
    package func tooClose(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard travelSeconds > 0, !a.overlaps(b) else { return false }
        let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
        let slots = gathering.slots
        return slots[second.lowerBound].startSecond - slots[first.upperBound - 1].endSecond < travelSeconds
    }

    /// Whether rule 11 applies to person `p` at all.
    package func travels(_ p: Int) -> Bool { travelMatters && !relaxations.travel.contains(p) }

    /// Whether rule 5 keeps person `p` in one session at a time (only the explainer lifts it).
    package func isOneAtATime(_ p: Int) -> Bool { oneAtATime[p] }

    /// Rule 12: the most sessions person `p` facilitates that start on one day; nil for no limit.
    package func dailyLimit(_ p: Int) -> Int? { gathering.people[p].maxPerDay }

    /// `MIT Media Lab`, `Boston Public Library and MIT Media Lab`, or `the default site`.
    package func siteLabel(_ sites: [Int]) -> String {
        let names = sites.map { siteNames[$0].isEmpty ? "the default site" : siteNames[$0] }
        return names.joinedInWords
    }
}

extension Gathering {
    /// The facilitators of a session whose preferred windows do not hold all of `occupied`: one
    /// `personPreference` cost each.
    package func outsidePreferredHours(_ session: Session, _ occupied: Range<Int>) -> [Int] {
        session.facilitatorIndices.filter { p in occupied.contains { !people[p].prefers(slots[$0]) } }
    }
}
