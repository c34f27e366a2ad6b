import ConveneCore

/// Why a session has no possible placement on its own: the first requirement, in the order the
/// domain applies them, that leaves it nowhere to go, in the organiser's words.
public struct ImmediateReason: Sendable, Hashable {
    /// Which requirement leaves the session nowhere to go.
    package enum Kind: String, Sendable, Hashable {
        /// Too long for any run of back-to-back slots; too long for any run of slots with its
        /// tags; its pinned slot cannot start it.
        case duration, slotTags, pinnedSlot
        /// A facilitator is never free for it; its facilitators are never free together.
        case availability, facilitatorsTogether
        /// No room has its tags; none has enough seats; too few suitable rooms for a multi-room
        /// session; its pinned room does not suit; its rooms are closed whenever it could run.
        case roomTags, capacity, roomCount, pinnedRoom, roomUnavailable
        /// A session that already ran (rule 10) cannot keep its place.
        case frozen
    }

    /// The session.
    public var session: Session.ID
    /// Which requirement leaves it nowhere to go.
    package var kind: Kind
    /// Why, in words: `'Keynote' (keynote) needs 80 seats per room; the largest is Middle room (mid), 30.`
    public var message: String

    /// The reason for every session that must be placed and whose domain is empty.
    package static func all(_ domain: Domain) -> [ImmediateReason] {
        domain.gathering.sessions.filter { domain.mustPlace($0.index) && domain.starts[$0.index].isEmpty }.map { reason(domain, $0) }
    }

    static func reason(_ domain: Domain, _ session: Session) -> ImmediateReason {
        let g = domain.gathering
        func say(_ kind: Kind, _ text: String) -> ImmediateReason {
            ImmediateReason(session: session.id, kind: kind, message: "\(session.label) \(text)")
        }
        if let place = domain.frozen[session.index] {
            let ran = "\(AgendaChecker(domain: domain).frozenSentence(session.index)), but it cannot keep that place: "
            return ImmediateReason(session: session.id, kind: .frozen, message: ran + frozenProblem(domain, session, place))
        }
        let minutes = JSONValue.format(session.durationMinutes)
        let chains = g.slots.indices.compactMap { t in domain.chain(session: session.index, start: t).map { (t, $0) } }
        if chains.isEmpty {
            let longest = g.slots.indices.map { domain.chains.longestRun(from: $0) }.max {
                $0.count == $1.count ? false : seconds($0, g) < seconds($1, g)
            }
            return say(
                .duration,
                "needs \(minutes) minutes of back-to-back slots; the longest run is \(longest.map { seconds($0, g) / 60 } ?? 0) minutes"
                    + (longest.map { " (\(g.label(slots: $0)))" } ?? "") + ".")
        }
        let tagged = chains.filter { _, chain in domain.hasSlotTags(session.index, chain) }
        if tagged.isEmpty {
            let tags = AgendaChecker.list(session.slotTags)
            let runs = taggedRuns(domain, session.index)
            let longest = runs.max { seconds($0, g) < seconds($1, g) }
            let detail =
                longest.map { "the longest such run is \(seconds($0, g) / 60) minutes (\(g.label(slots: $0)))" }
                ?? "no slot has \(session.slotTags.count == 1 ? "that tag" : "all of them")"
            return say(.slotTags, "needs \(minutes) back-to-back minutes in slots tagged \(tags); \(detail).")
        }
        let pinned = tagged.filter { t, _ in session.pinSlot.map { $0 == t } ?? true }
        if pinned.isEmpty, let pin = session.pinSlot {
            return say(
                .pinnedSlot,
                "is pinned to \(g.label(slot: pin)), but it cannot start there: it needs \(minutes) back-to-back minutes"
                    + (session.slotTags.isEmpty ? "" : " in slots tagged \(AgendaChecker.list(session.slotTags))") + ".")
        }
        for f in session.facilitatorIndices {
            if pinned.allSatisfy({ _, chain in !domain.isFree(f, chain) }) {
                return say(.availability, "cannot run while \(g.people[f].label) is available: \(availability(g.people[f], g)).")
            }
        }
        let withPeople = pinned.filter { _, chain in session.facilitatorIndices.allSatisfy { domain.isFree($0, chain) } }
        if withPeople.isEmpty {
            let names = session.facilitatorIndices.map { g.people[$0].label }
            return say(
                .facilitatorsTogether,
                "has facilitators who are never available together for \(minutes) minutes: \(names.joined(separator: " and ")).")
        }
        let tags = AgendaChecker.list(session.roomTags)
        let taggedRooms = g.rooms.filter { Domain.hasRoomTags($0, session) }
        if taggedRooms.isEmpty {
            return say(.roomTags, "needs a room tagged \(tags); no room has \(session.roomTags.count == 1 ? "that tag" : "all of them").")
        }
        let suitable = domain.suitableRooms[session.index]
        if suitable.isEmpty {
            let largest = taggedRooms.max { ($0.capacity ?? Int.max) < ($1.capacity ?? Int.max) }
            return say(
                .capacity,
                "needs \(session.seatsPerRoom) seats per room" + (session.roomTags.isEmpty ? "" : " in rooms tagged \(tags)")
                    + "; the largest is " + (largest.map { "\($0.label), \($0.capacity ?? 0)" } ?? "none") + ".")
        }
        if suitable.count < session.rooms {
            return say(
                .roomCount,
                "needs \(session.rooms) rooms at once" + (session.roomTags.isEmpty ? "" : " tagged \(tags)")
                    + (session.seatsPerRoom > 0 ? " with \(session.seatsPerRoom) seats each" : "")
                    + "; only \(suitable.count) \(suitable.count == 1 ? "has" : "have") them: "
                    + "\(suitable.map { g.rooms[$0].label }.joined(separator: ", "))."
            )
        }
        if let pin = session.pinRoom, !suitable.contains(pin) {
            let room = g.rooms[pin]
            let why =
                !Domain.hasRoomTags(room, session)
                ? "lacks the tag\(session.roomTags.subtracting(room.tags).count == 1 ? "" : "s") "
                    + "\(AgendaChecker.list(session.roomTags.subtracting(room.tags)))"
                : "holds \(room.capacity ?? 0), fewer than the \(session.seatsPerRoom) it needs"
            return say(.pinnedRoom, "is pinned to \(room.label), which \(why).")
        }
        let rooms = session.pinRoom.map { [$0] } ?? suitable
        let closed = rooms.map { "\(g.rooms[$0].label) is unavailable \(g.label(windows: g.rooms[$0].unavailable))" }
        return say(
            .roomUnavailable,
            "has no time when its facilitators are free and enough of its rooms are open: \(closed.joined(separator: "; "))."
        )
    }

    /// Why a frozen session's one placement is impossible now: a slot or room gone, or the rules
    /// its place breaks on its own, as the checker words them.
    static func frozenProblem(_ domain: Domain, _ session: Session, _ place: Domain.FrozenPlace) -> String {
        let g = domain.gathering
        guard let slot = place.slot else { return "the input no longer has slot \"\(place.entry.start)\"." }
        guard let rooms = place.rooms else {
            let gone = place.entry.rooms.filter { g.roomIndex[$0] == nil }.sorted().map { "\"\($0)\"" }
            return "the input no longer has room\(gone.count == 1 ? "" : "s") \(gone.joined(separator: ", "))."
        }
        if rooms.count != session.rooms { return "it now uses \(session.rooms) room\(session.rooms == 1 ? "" : "s"), not \(rooms.count)." }
        guard let chain = domain.chain(session: session.index, start: slot) else {
            return "it no longer fits there: it needs \(JSONValue.format(session.durationMinutes)) minutes of back-to-back slots."
        }
        let alone = AgendaChecker(domain: domain).check([Assignment(session: session.index, start: slot, slots: chain, rooms: rooms)])
        let broken = alone.violations.filter { $0.rule != .placedOnce && $0.rule != .frozen }.map(\.message)
        return broken.isEmpty ? "it breaks a rule there." : broken.joined(separator: " ")
    }

    static func seconds(_ run: Range<Int>, _ g: Gathering) -> Int { g.slots[run].reduce(0) { $0 + $1.seconds } }

    /// Maximal runs of back-to-back slots (the domain's chain rule) that all carry the tags
    /// session `s` needs (rule 3).
    static func taggedRuns(_ domain: Domain, _ s: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var k = 0
        while k < domain.gathering.slots.count {
            guard domain.hasSlotTags(s, k..<k + 1) else {
                k += 1
                continue
            }
            let run = domain.chains.longestRun(from: k)
            let end = run.first { !domain.hasSlotTags(s, $0..<$0 + 1) } ?? run.upperBound
            runs.append(k..<end)
            k = end
        }
        return runs
    }

    static func availability(_ person: Person, _ g: Gathering) -> String {
        var parts: [String] = []
        if !person.available.isEmpty { parts.append("only " + g.label(windows: person.available)) }
        if !person.unavailable.isEmpty { parts.append("not " + g.label(windows: person.unavailable)) }
        return parts.isEmpty ? "always" : parts.joined(separator: ", and ")
    }
}
