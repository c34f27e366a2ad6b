/// The rules between sessions, as questions the domain answers: may a session start here, may
/// two sessions ever run at the same time, may two placements share a slot, may one person do
/// both of two placements, and if not, why not. The checker, the search, the integer program and
/// the explainer all ask these; none of them derives a rule of its own.
extension Domain {
    /// Why two sessions, or two placements, may not go together: the rule and what it concerns.
    /// The checker and the explainer turn it into words.
    package enum Reason: Sendable, Hashable {
        /// Rule 4: both are in this room (an index) in a slot they share.
        case sameRoom(Int)
        /// Rule 5: this person (an index) facilitates both and is in one session at a time.
        case sameFacilitator(Int)
        /// Rule 6: this session (an index, one of the two) is exclusive: nothing runs beside it.
        case exclusive(Int)
        /// Rule 8: the two must not run at the same time.
        case apart
        /// Rule 11: this person facilitates both, at different sites, without the time to travel.
        case travel(Int)
        /// Rule 12: this person facilitates at most one session a day, and both start on one day.
        case dailyLoad(Int)
    }

    /// Rules 2, 3, 5 (availability), 9 and 10 for one session on its own: whether it may start at
    /// `slot` (with some room set).
    package func mayStart(_ s: Int, at slot: Int) -> Bool { startIndex(s, at: slot) != nil }

    /// Rule 3: every slot of `run` has the tags session `s` needs.
    package func hasSlotTags(_ s: Int, _ run: Range<Int>) -> Bool {
        let tags = gathering.sessions[s].slotTags
        return tags.isEmpty || run.allSatisfy { tags.isSubset(of: gathering.slots[$0].tags) }
    }

    /// Rule 5's availability: person `p` can be there for every slot of `run`.
    package func isFree(_ p: Int, _ run: Range<Int>) -> Bool { run.allSatisfy { personFree[p][$0] } }

    /// Rule 2: the rooms that suit session `s` (tags, seats) and are open for every slot of `run`.
    package func openRooms(_ s: Int, _ run: Range<Int>) -> [Int] {
        suitableRooms[s].filter { r in run.allSatisfy { roomOpen[r][$0] } }
    }

    /// The index into `starts[s]` of its start at `slot`, nil when it may not start there.
    package func startIndex(_ s: Int, at slot: Int) -> Int? {
        let list = starts[s]
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle].slot < slot { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].slot == slot ? low : nil
    }

    /// Rule 7's test: a session starting at slot `start` starts at or after the end of a session
    /// occupying `earlier`.
    package func startsAfter(_ start: Int, _ earlier: Range<Int>) -> Bool {
        let slots = gathering.slots
        return slots[start].startSecond >= slots[earlier.upperBound - 1].endSecond
    }

    /// Rules 5, 6 and 8, which hold whatever the times: whether sessions `a` and `b` (two
    /// different sessions) may ever share a slot. Allocates nothing: the integer program asks it
    /// for every costly pair.
    package func mayRunTogether(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (gathering.sessions[a], gathering.sessions[b])
        guard !x.exclusive, !y.exclusive, !x.notConcurrentWith.contains(b) else { return false }
        for p in busyFacilitators[a] where busyFacilitators[b].contains(p) { return false }
        return true
    }

    /// Why sessions `a` and `b` may never share a slot (rules 5, 6, 8): each facilitator of both
    /// who is in one session at a time (by index), then the exclusive one (`a` if both are), then
    /// the rule 8 pair; empty when they may.
    package func whyNeverTogether(_ a: Int, _ b: Int) -> [Reason] {
        let (x, y) = (gathering.sessions[a], gathering.sessions[b])
        var reasons = busyFacilitators[a].filter(busyFacilitators[b].contains).sorted().map(Reason.sameFacilitator)
        if x.exclusive || y.exclusive { reasons.append(.exclusive(x.exclusive ? a : b)) }
        if x.notConcurrentWith.contains(b) { reasons.append(.apart) }
        return reasons
    }

    /// Rules 4, 5, 6 and 8 for two placements: why they may not both run where they are, given
    /// that they share a slot (each room both use, by index, then ``whyNeverTogether(_:_:)``);
    /// empty when they share no slot or may share it.
    package func whyNotConcurrent(_ a: Assignment, _ b: Assignment) -> [Reason] {
        guard a.isConcurrent(with: b) else { return [] }
        return a.rooms.filter(b.rooms.contains).map(Reason.sameRoom) + whyNeverTogether(a.session, b.session)
    }

    /// Whether two placements may both be in an agenda as far as rules 4, 5, 6 and 8 go.
    package func mayBeConcurrent(_ a: Assignment, _ b: Assignment) -> Bool { whyNotConcurrent(a, b).isEmpty }

    /// Rules 5, 11 and 12 for person `p` and two placements of sessions they facilitate: why they
    /// cannot facilitate both (one session at a time; the time to travel between sites; a daily
    /// limit of one); empty when they can. A daily limit above one is a count, not a pair:
    /// ``dailyLimit(_:)`` and ``dayOf``.
    package func whyNotBoth(_ p: Int, _ a: Assignment, _ b: Assignment) -> [Reason] {
        var reasons: [Reason] = []
        if oneAtATime[p] && a.isConcurrent(with: b) { reasons.append(.sameFacilitator(p)) }
        if travels(p) && tooCloseToTravel(a.slots, sites(a.rooms), b.slots, sites(b.rooms)) { reasons.append(.travel(p)) }
        if dailyLimit(p) == 1 && dayOf[a.start] == dayOf[b.start] { reasons.append(.dailyLoad(p)) }
        return reasons
    }

    /// Whether person `p` can facilitate both placements (rules 5, 11 and a daily limit of one).
    package func mayFacilitateBoth(_ p: Int, _ a: Assignment, _ b: Assignment) -> Bool { whyNotBoth(p, a, b).isEmpty }
}
