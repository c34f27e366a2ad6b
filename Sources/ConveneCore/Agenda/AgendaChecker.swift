import Foundation

/// The one judge of an agenda: verifies the contract's hard rules and recomputes every cost
/// term, independently of any solver. Every agenda a solve returns has passed it, and the tests
/// judge every solver's result with it.
public struct AgendaChecker: Sendable {
    /// Which rule a violation breaks.
    public enum Rule: Int, Sendable, Hashable {
        /// The document itself is inconsistent: unknown ids, a start with no chain, a wrong number
        /// of rooms, derived fields (`slots`, times, `objective`) that disagree with the input.
        case document = 0
        case placedOnce = 1
        case rooms, slotTags, roomClash, facilitators, exclusive, after, notConcurrent, pins
        /// Rule 10: the frozen past.
        case frozen
        /// Rule 11: travel time between sites.
        case travel
        /// Rule 12: the most sessions a person facilitates in a day.
        case dailyLoad

        /// `rule 5`, or `agenda` for the document itself, as messages name it.
        package var label: String { self == .document ? "agenda" : "rule \(rawValue)" }
    }

    /// One broken rule, in plain words.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// The rule it breaks.
        public var rule: Rule
        /// A plain sentence naming the sessions, rooms, people and times involved.
        public var message: String
        /// `rule 9: 'Session 383' (s383) is not in Room 29 (r29), the room it is pinned to.`
        public var description: String { "\(rule.label): \(message)" }
    }

    /// The verdict on an agenda: what it breaks and what it costs.
    public struct Report: Sendable {
        /// Every broken rule, by rule number; empty when the agenda is valid.
        public var violations: [Violation]
        /// Recomputed, every non-zero term.
        public var costs: [Agenda.Cost]
        /// The placements the document resolves to (the first of each session).
        package var assignments: [Assignment]
        /// The sum of the costs.
        package var objective: Int { costs.reduce(0) { $0 + $1.cost } }
        /// Whether the agenda breaks no rule.
        public var isValid: Bool { violations.isEmpty }
    }

    package let domain: Domain
    /// The gathering agendas are checked against.
    package var gathering: Gathering { domain.gathering }

    package init(domain: Domain) { self.domain = domain }

    /// A checker for agendas of `gathering`; with `previous` it also charges the change costs,
    /// with `frozenUntil` it checks the frozen past (rule 10), and with `keep` that those sessions
    /// keep the place `previous` gives them (as ``SolveOptions/keep`` asks of a solve).
    ///
    /// - Throws: ``ReplanningError/frozenWithoutPrevious`` when a frozen time comes without a
    ///   previous agenda, ``ReplanningError/keptWithoutPrevious`` likewise for `keep`, and
    ///   ``ReplanningError/keptSessionUnknown(_:)`` or ``ReplanningError/keptSessionUnplaced(_:)``
    ///   for a kept session the gathering lacks or `previous` does not place.
    public init(gathering: Gathering, previous: Agenda? = nil, frozenUntil: Date? = nil, keep: Set<Session.ID> = []) throws(ReplanningError)
    {
        domain = try gathering.replanningDomain(previous: previous, frozenUntil: frozenUntil, keep: keep)
    }

    /// Checks an agenda document: resolves its ids, then checks the placements it names.
    public func check(_ agenda: Agenda) -> Report {
        var violations: [Violation] = []
        func flag(_ rule: Rule, _ message: String) { violations.append(Violation(rule: rule, message: message)) }
        var placements: [Assignment] = []
        var seen = Set<Int>()
        for (k, entry) in agenda.placements.enumerated() {
            let what = "placements[\(k)]"
            guard let first = gathering.sessionIndex[entry.session] else {
                flag(.document, "\(what) names session \"\(entry.session)\", which is not in the input.")
                continue
            }
            let runs = gathering.runs(of: first)
            guard runs.indices.contains(entry.run - 1) else {
                let times = runs.count == 1 ? "once" : "\(runs.count) times"
                flag(
                    .document,
                    "\(what) is run \(entry.run) of \(gathering.sessions[first].label), which takes place \(times); its runs are "
                        + "numbered 1\(runs.count == 1 ? "" : " to \(runs.count)").")
                continue
            }
            let s = runs[entry.run - 1]
            let session = gathering.sessions[s]
            guard seen.insert(s).inserted else {
                flag(
                    .placedOnce,
                    "\(session.label) is placed more than once (again at \(what)); every session\(runs.count > 1 ? "'s run" : "") is "
                        + "placed at most once.")
                continue
            }
            guard let start = gathering.slotIndex[entry.start] else {
                flag(.document, "\(session.label) starts at slot \"\(entry.start)\", which is not in the input.")
                continue
            }
            guard let chain = domain.chain(session: s, start: start) else {
                let run = domain.chains.longestRun(from: start)
                let minutes = gathering.slots[run].reduce(0) { $0 + $1.seconds } / 60
                flag(
                    .document,
                    "\(session.label) cannot start at \(gathering.label(slot: start)): it needs "
                        + "\(Self.minutes(session.durationMinutes)) minutes of back-to-back slots, and from there they last only "
                        + "\(minutes) minutes (\(gathering.label(slots: run))).")
                continue
            }
            var rooms: [Int] = []
            for id in entry.rooms {
                if let r = gathering.roomIndex[id] {
                    if rooms.contains(r) { flag(.document, "\(session.label) lists room \"\(id)\" twice.") } else { rooms.append(r) }
                } else {
                    flag(.document, "\(session.label) is in room \"\(id)\", which is not in the input.")
                }
            }
            if entry.rooms.count != session.rooms {
                flag(
                    .document,
                    "\(session.label) is in \(entry.rooms.count) room\(entry.rooms.count == 1 ? "" : "s"); it uses exactly "
                        + "\(session.rooms)."
                )
            }
            let slotIDs = chain.map { gathering.slots[$0].id }
            if let listed = entry.slots, listed != slotIDs {
                flag(
                    .document,
                    "\(session.label) lists slots \(listed.joined(separator: ", ")), but starting at \(entry.start) it occupies "
                        + "\(slotIDs.joined(separator: ", "))."
                )
            }
            let zone = gathering.timeZone
            for (given, instant, name) in [
                (entry.startTime, gathering.slots[chain.lowerBound].startSecond, "startTime"),
                (entry.endTime, gathering.slots[chain.upperBound - 1].endSecond, "endTime"),
            ] {
                guard let given else { continue }
                if case .success(let t) = LocalTime.instant(given, in: zone), t == instant { continue }
                flag(.document, "\(session.label) gives \(name) \(given), but its slots put it at \(LocalTime.format(instant, in: zone)).")
            }
            placements.append(Assignment(session: s, run: session.run, start: start, slots: chain, rooms: rooms))
        }
        let placedIDs = Set(placements.map { gathering.sessions[$0.session].id })
        for id in agenda.unscheduled where placedIDs.contains(id) {
            flag(.document, "\"\(id)\" is listed as unscheduled but is placed.")
        }
        var report = check(placements)
        report.violations = violations + report.violations
        if let stated = agenda.objective, stated != report.objective, agenda.status != .infeasible, agenda.status != .unknown {
            report.violations.append(
                Violation(rule: .document, message: "the agenda states objective \(stated), but its costs add up to \(report.objective)."))
        }
        return report
    }

    /// Checks resolved placements against the hard rules (a repeated session is reported) and
    /// recomputes the costs.
    package func check(_ placements: [Assignment]) -> Report {
        var violations: [Violation] = []
        func flag(_ rule: Rule, _ message: String) { violations.append(Violation(rule: rule, message: message)) }
        let g = gathering
        var placed = [Assignment?](repeating: nil, count: g.sessions.count)
        for p in placements {
            if placed[p.session] != nil {
                flag(.placedOnce, "\(g.sessions[p.session].label) is placed more than once.")
            } else {
                placed[p.session] = p
            }
        }
        let unique = placed.compactMap { $0 }
        // Rule 1
        for session in g.sessions where !session.optional && placed[session.index] == nil {
            flag(.placedOnce, "\(session.label) is not placed; it is not optional, so it must be.")
        }
        for runs in g.runsOf ?? [] where g.sessions[runs[0]].optional {
            let count = runs.filter { placed[$0] != nil }.count
            guard count > 0, count < runs.count else { continue }
            let session = g.sessions[runs[0]]
            let name = session.title.map { "'\($0)' (\(session.id))" } ?? "'\(session.id)'"
            flag(
                .placedOnce,
                "\(name) has \(count) of its \(runs.count) runs placed; an optional session has all of its runs placed or none.")
        }
        violations += frozenPast(placed)
        violations += personRules(unique)
        var bySlot = [[Int]](repeating: [], count: g.slots.count)
        for p in unique {
            let session = g.sessions[p.session]
            let when = g.label(slots: p.slots)
            for slot in p.slots { bySlot[slot].append(p.session) }
            // Rule 2
            for r in p.rooms {
                let room = g.rooms[r]
                let missing = session.roomTags.subtracting(room.tags)
                if !missing.isEmpty {
                    flag(
                        .rooms,
                        "\(session.label) is in \(room.label), which lacks the tag\(missing.count == 1 ? "" : "s") \(Self.list(missing)) "
                            + "it needs."
                    )
                }
                if let capacity = room.capacity, capacity < session.seatsPerRoom {
                    flag(
                        .rooms,
                        "\(session.label) needs \(session.seatsPerRoom) seats per room (\(session.attendance) people in "
                            + (session.runs > 1 ? "\(session.runs) runs of " : "")
                            + "\(session.rooms) room\(session.rooms == 1 ? "" : "s")), but \(room.label) holds \(capacity)."
                    )
                }
                let closed = p.slots.filter { !domain.roomOpen[r][$0] }
                if !closed.isEmpty {
                    flag(
                        .rooms,
                        "\(session.label) is in \(room.label) at \(closed.map { g.label(slot: $0) }.joined(separator: ", ")), when the "
                            + "room is unavailable."
                    )
                }
            }
            // Rule 3
            for slot in p.slots {
                let missing = session.slotTags.subtracting(g.slots[slot].tags)
                if !missing.isEmpty {
                    flag(
                        .slotTags,
                        "\(session.label) occupies \(g.label(slot: slot)), which lacks the tag\(missing.count == 1 ? "" : "s") "
                            + "\(Self.list(missing)) it needs."
                    )
                }
            }
            // Rule 5, availability
            for f in session.facilitatorIndices {
                let away = p.slots.filter { !domain.personFree[f][$0] }
                if !away.isEmpty {
                    flag(
                        .facilitators,
                        "\(g.people[f].label) facilitates \(session.label) at \(away.map { g.label(slot: $0) }.joined(separator: ", ")), "
                            + "when they are not available."
                    )
                }
            }
            // Rule 7, and rule 1's order of runs (each run lists the one before it in `after`)
            for b in session.after {
                guard let before = placed[b] else { continue }
                if g.areRuns(b, p.session), !domain.startsAfter(p.start, before.slots) {
                    flag(
                        .placedOnce,
                        "\(session.label) starts \(when), before \(g.sessions[b].label) ends (\(g.label(slots: before.slots))); the runs "
                            + "of a session take place one after another, run 1 first.")
                } else if !domain.startsAfter(p.start, before.slots) {
                    flag(
                        .after,
                        "\(session.label) starts \(when), before \(g.sessions[b].label) ends (\(g.label(slots: before.slots))); it must "
                            + "start after it."
                    )
                }
            }
            // Rule 9
            if let pin = session.pinSlot, pin != p.start {
                flag(.pins, "\(session.label) starts at \(g.label(slot: p.start)), but it is pinned to \(g.label(slot: pin)).")
            }
            if let pin = session.pinRoom, !p.rooms.contains(pin) {
                flag(.pins, "\(session.label) is not in \(g.rooms[pin].label), the room it is pinned to.")
            }
        }
        // Rules 4, 5 (one session at a time), 6 and 8 concern sessions that share a slot: each
        // reason the domain gives is told once per pair, at the first slot they share.
        var reported = Set<ReportedPair>()
        for (slot, here) in bySlot.enumerated() where here.count > 1 {
            for (i, a) in here.enumerated() {
                for b in here[(i + 1)...] {
                    guard let pa = placed[a], let pb = placed[b] else { continue }
                    for reason in domain.whyNotConcurrent(pa, pb) where reported.insert(ReportedPair(a: a, b: b, reason: reason)).inserted {
                        flag(reason.rule, sentence(reason, pa, pb, slot: slot))
                    }
                }
            }
        }
        violations.sort { $0.rule.rawValue < $1.rule.rawValue }
        return Report(violations: violations, costs: g.costs(of: unique, previous: domain.previous), assignments: unique)
    }

    /// `'A' (a) and 'B' (b) are both in Rabb Hall at thu-1 (Thu 19 Sep 09:00–10:30).`: a reason
    /// the domain gives against two placements, in words; `slot` is where they first meet.
    func sentence(_ reason: Domain.Reason, _ a: Assignment, _ b: Assignment, slot: Int) -> String {
        let g = gathering
        let pair = "\(g.sessions[a.session].label) and \(g.sessions[b.session].label)"
        let when = g.label(slot: slot)
        switch reason {
        case .sameRoom(let r): return "\(pair) are both in \(g.rooms[r].label) at \(when)."
        case .sameFacilitator(let f): return "\(g.people[f].label) facilitates both \(pair) at \(when)."
        case .exclusive(let e):
            let other = e == a.session ? b.session : a.session
            return "\(g.sessions[e].label) is exclusive, but \(g.sessions[other].label) runs at the same time (\(when))."
        case .apart: return "\(pair) must not run at the same time, but both run at \(when)."
        case .travel(let p):
            let (first, second) = a.start <= b.start ? (a, b) : (b, a)
            return travelSentence(g.people[p], first, domain.sites(first.rooms), second, domain.sites(second.rooms))
        case .dailyLoad(let p):
            let day = LocalTime.dayLabel(g.slots[a.start].startSecond, in: g.timeZone)
            return "\(g.people[p].label) facilitates both \(pair), which start on \(day); they facilitate at most 1 a day."
        }
    }

    /// A pair of sessions and a reason already reported.
    private struct ReportedPair: Hashable {
        var a: Int
        var b: Int
        var reason: Domain.Reason
    }

    package static func list(_ tags: Set<String>) -> String { tags.sorted().map { "'\($0)'" }.joined(separator: ", ") }

    static func minutes(_ m: Double) -> String { JSONValue.format(m) }
}

extension Domain.Reason {
    /// The rule the reason is about, as the checker numbers it.
    package var rule: AgendaChecker.Rule {
        switch self {
        case .sameRoom: .roomClash
        case .sameFacilitator: .facilitators
        case .exclusive: .exclusive
        case .apart: .notConcurrent
        case .travel: .travel
        case .dailyLoad: .dailyLoad
        }
    }
}
