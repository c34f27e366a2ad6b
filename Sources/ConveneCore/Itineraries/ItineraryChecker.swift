import Foundation

/// The one judge of itineraries: verifies, independently of any planner, that each attendee's
/// itinerary holds only sessions they want, at most one run of each (every run of those they
/// facilitate), runs that are pairwise not concurrent and keep rule 11's travel time between
/// sites, and that no run holds more attendees than its seats; and recomputes `served`,
/// `wanted`, `missed` and the seats taken. Every itineraries document the library returns has
/// passed it.
package struct ItineraryChecker: Sendable {
    /// What a violation concerns.
    package enum Rule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The document itself: unknown or repeated ids, a run the agenda does not have, counts,
        /// `missed`, the runs' seats or `taken`, `bound` or `status` that disagree with the itineraries.
        case document
        /// An itinerary holds a session its attendee does not want.
        case unwanted
        /// An itinerary holds two runs of one session.
        case oneRun
        /// An itinerary leaves out a run its attendee facilitates.
        case facilitating
        /// Two runs of an itinerary share a slot.
        case concurrent
        /// Two runs of an itinerary are at different sites without the travel time between them.
        case travel
        /// A run holds more attendees than its seats.
        case seats

        /// Its name, as messages print it.
        package var description: String { rawValue }
    }

    /// One problem, in plain words naming the attendee, the session and the run.
    package struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// What it concerns.
        package var rule: Rule
        /// A plain sentence.
        package var message: String
        /// `seats: 'Lab' (lab) run 2 holds 12 seats, and 13 attendees go to it.`
        package var description: String { "\(rule): \(message)" }
    }

    /// The verdict on an itineraries document.
    package struct Report: Sendable {
        /// Every problem found; empty when the itineraries are valid.
        package var violations: [Violation]
        /// The pairs served, recomputed.
        package var served: Int
        /// The pairs wanted, recomputed.
        package var wanted: Int
        /// Whether the document breaks nothing.
        package var isValid: Bool { violations.isEmpty }
    }

    package let instance: ItineraryInstance

    package init(instance: ItineraryInstance) { self.instance = instance }

    /// A checker of itineraries through `agenda`, which must be a valid agenda of `gathering`.
    ///
    /// - Throws: ``ItineraryError/invalidAgenda(_:)`` with the rules it breaks.
    package init(gathering: Gathering, agenda: Agenda) throws(ItineraryError) {
        instance = try ItineraryInstance(gathering: gathering, agenda: agenda)
    }

    /// Checks an itineraries document.
    package func check(_ document: Itineraries) -> Report {
        let g = instance.domain.gathering
        var violations: [Violation] = []
        func flag(_ rule: Rule, _ message: String) { violations.append(Violation(rule: rule, message: message)) }
        var runIndex: [String: [Int: Int]] = [:]
        for (r, run) in instance.runs.enumerated() { runIndex[instance.sessionIDs[run.session], default: [:]][run.run] = r }
        var taken = [Int](repeating: 0, count: instance.runs.count)
        var served = 0
        var seen = [Bool](repeating: false, count: g.attendees.count)
        for (k, itinerary) in document.itineraries.enumerated() {
            guard let a = g.attendees.firstIndex(where: { $0.id == itinerary.attendee }) else {
                flag(.document, "itineraries[\(k)] is for \"\(itinerary.attendee)\", who is not an attendee of the input.")
                continue
            }
            guard !seen[a] else {
                flag(.document, "\(itinerary.attendee) has more than one itinerary; give each attendee one.")
                continue
            }
            seen[a] = true
            let who = "Attendee \(itinerary.attendee)"
            let traveller = instance.travellers[a]
            var runs: [(run: Int, facilitates: Bool)] = []
            var chosenSessions: [Int] = []
            for visit in itinerary.runs {
                guard let r = runIndex[visit.session]?[visit.run] else {
                    flag(.document, "\(who) goes to run \(visit.run) of \"\(visit.session)\", which the agenda does not place.")
                    continue
                }
                let s = instance.runs[r].session
                let facilitates = traveller.facilitated.contains(s)
                guard traveller.wanted.contains(s) else {
                    flag(.unwanted, "\(who) goes to \(instance.label(run: r)), a session they do not want.")
                    continue
                }
                if visit.facilitates != facilitates {
                    flag(
                        .document,
                        "\(who)'s \(instance.label(run: r)) is marked as \(facilitates ? "not " : "")facilitated by them, but they "
                            + "\(facilitates ? "do" : "do not") facilitate it.")
                }
                if !facilitates {
                    if chosenSessions.contains(s) {
                        flag(.oneRun, "\(who) goes to more than one run of \(instance.sessionLabels[s]); one is enough.")
                        continue
                    }
                    chosenSessions.append(s)
                    taken[r] += 1
                }
                runs.append((r, facilitates))
            }
            for r in traveller.facilitating where !runs.contains(where: { $0.run == r }) {
                flag(.facilitating, "\(who) facilitates \(instance.label(run: r)), but their itinerary leaves it out.")
            }
            for (i, x) in runs.enumerated() {
                for y in runs[(i + 1)...] where !(x.facilitates && y.facilitates) {
                    if instance.concurrent(x.run, y.run) {
                        flag(
                            .concurrent,
                            "\(who) goes to \(instance.label(run: x.run)) and \(instance.label(run: y.run)), which run at the same time.")
                    } else if instance.clash(x.run, y.run) {
                        flag(
                            .travel,
                            "\(who) goes to \(instance.label(run: x.run)) and \(instance.label(run: y.run)), at different sites with less "
                                + "than \(instance.domain.travelSeconds / 60) minutes between them.")
                    }
                }
            }
            let servedHere = Set(traveller.facilitated + chosenSessions)
            served += servedHere.count
            let missed = traveller.wanted.filter { !servedHere.contains($0) }.map { instance.sessionIDs[$0] }
            if Set(missed) != Set(itinerary.missed) || missed.count != itinerary.missed.count {
                flag(
                    .document,
                    "\(who) misses \(missed.isEmpty ? "nothing" : missed.joined(separator: ", ")), but the itinerary lists "
                        + "\(itinerary.missed.isEmpty ? "nothing" : itinerary.missed.joined(separator: ", ")) as missed.")
            }
        }
        for (a, attendee) in g.attendees.enumerated() where !seen[a] {
            flag(.document, "Attendee \(attendee.id) has no itinerary; every attendee of the input has one.")
        }
        for (r, run) in instance.runs.enumerated() {
            if let seats = run.seats, taken[r] > seats {
                flag(.seats, "\(instance.label(run: r)) holds \(seats) attendee\(seats == 1 ? "" : "s"), and \(taken[r]) go to it.")
            }
        }
        violations += checkRunTable(document.runs, runIndex: runIndex, taken: taken)
        let wanted = instance.wanted
        if document.served != served {
            flag(.document, "the document says \(document.served) pairs are served; the itineraries serve \(served).")
        }
        if document.wanted != wanted {
            flag(.document, "the document says \(document.wanted) pairs are wanted; the attendees want \(wanted).")
        }
        if let bound = document.bound, bound < served {
            flag(.document, "the bound \(bound) is below the \(served) pairs the itineraries serve, so it cannot be an upper bound.")
        }
        if document.status == .optimal, document.bound != served {
            flag(.document, "the status is optimal, but the bound does not equal the \(served) pairs served.")
        }
        return Report(violations: violations, served: served, wanted: wanted)
    }

    /// The `runs` table: every run of the agenda once, with its seats and the attendees taking one.
    private func checkRunTable(_ table: [Itineraries.RunSeats], runIndex: [String: [Int: Int]], taken: [Int]) -> [Violation] {
        var violations: [Violation] = []
        var listed = [Bool](repeating: false, count: instance.runs.count)
        for entry in table {
            guard let r = runIndex[entry.session]?[entry.run] else {
                violations.append(
                    Violation(
                        rule: .document, message: "runs lists run \(entry.run) of \"\(entry.session)\", which the agenda does not place."))
                continue
            }
            if listed[r] {
                violations.append(Violation(rule: .document, message: "runs lists \(instance.label(run: r)) more than once."))
            }
            listed[r] = true
            let seats = instance.runs[r].seats
            if entry.seats != seats {
                let says = entry.seats.map(String.init) ?? "no limit"
                violations.append(
                    Violation(
                        rule: .document,
                        message: "runs gives \(instance.label(run: r)) \(says) seats; it has \(seats.map(String.init) ?? "no limit")."))
            }
            if entry.taken != taken[r] {
                violations.append(
                    Violation(
                        rule: .document,
                        message: "runs says \(entry.taken) attendees go to \(instance.label(run: r)); the itineraries send \(taken[r])."))
            }
        }
        for r in instance.runs.indices where !listed[r] {
            violations.append(Violation(rule: .document, message: "runs leaves out \(instance.label(run: r))."))
        }
        return violations
    }
}

/// Why itineraries cannot be planned or checked.
public enum ItineraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The agenda breaks these rules of the input: itineraries go through a valid agenda only.
    case invalidAgenda([AgendaChecker.Violation])
    /// An option is out of range; the text says which and why.
    case invalidOption(String)

    /// What is wrong, in plain words.
    public var description: String {
        switch self {
        case .invalidAgenda(let violations):
            "the agenda breaks \(violations.count) rule\(violations.count == 1 ? "" : "s") of the input"
                + (violations.first.map { ", first \($0)" } ?? "")
        case .invalidOption(let why): why
        }
    }
}

extension ItineraryInstance {
    /// The instance for `agenda`, after the ``AgendaChecker`` has accepted it.
    ///
    /// - Throws: ``ItineraryError/invalidAgenda(_:)`` with every rule it breaks.
    package init(gathering: Gathering, agenda: Agenda) throws(ItineraryError) {
        let domain = Domain(gathering)
        let report = AgendaChecker(domain: domain).check(agenda)
        guard report.isValid else { throw .invalidAgenda(report.violations) }
        self.init(domain: domain, assignments: report.assignments)
    }
}
