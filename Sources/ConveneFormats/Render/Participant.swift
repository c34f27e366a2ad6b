import ConveneCore

/// Someone the agenda concerns, as the published agenda shows them: a person of the input (with
/// every attendee linked to them by `attendees[].person`), or an attendee who is no person.
package struct Participant: Sendable, Hashable {
    /// The person's id, or the attendee's for an attendee who is no person.
    package var id: String
    /// The person's name; attendees have none, so they are shown by id.
    package var name: String?
    /// The person's index; nil for an attendee who is no person.
    package var person: Int?
    /// The attendee records that are this participant, by index.
    package var attendees: [Int]
    /// Sessions they facilitate, in input order.
    package var facilitates: [Int]
    /// Sessions they want and do not facilitate, in input order.
    package var wants: [Int]
    /// Exclusive sessions (nothing else runs then: the update, the dinner) that they neither
    /// facilitate nor want: everyone's, so on everyone's agenda.
    package var everyone: [Int] = []

    /// Their name, or their id when the input gives no name.
    package var label: String { name ?? id }

    /// Facilitated, wanted and everyone's sessions, in input order: their agenda.
    package var sessions: [Int] { (facilitates + wants + everyone).sorted() }

    /// Why a session is on their agenda, in the words of their page.
    package func role(_ session: Int) -> String {
        if facilitates.contains(session) { return "You facilitate" }
        if wants.contains(session) { return "You want to attend" }
        return "For everyone"
    }

    /// Every participant: the people in input order, then the attendees who are no person.
    package static func everyone(in g: Gathering) -> [Participant] {
        g.people.map { person($0.index, g) } + g.attendees.filter { $0.personIndex == nil }.map { attendee($0.index, g) }
    }

    /// The participant with this person or attendee id (an attendee who is a person is that
    /// person).
    ///
    /// - Throws: ``UnknownParticipant`` when no person or attendee has the id.
    package static func find(_ id: String, in g: Gathering) throws(UnknownParticipant) -> Participant {
        if let p = g.people.first(where: { $0.id == id }) { return person(p.index, g) }
        if let a = g.attendees.first(where: { $0.id == id }) { return a.personIndex.map { person($0, g) } ?? attendee(a.index, g) }
        let known = g.people.map(\.id) + g.attendees.map(\.id)
        throw UnknownParticipant(id: id, suggestion: ObjectReader.nearest(to: id, among: known))
    }

    private static func person(_ p: Int, _ g: Gathering) -> Participant {
        let facilitates = g.facilitated[p]
        let linked = g.attendees.filter { $0.personIndex == p }
        let wanted = Set(linked.flatMap(\.interestIndices)).subtracting(facilitates).sorted()
        return Participant(
            id: g.people[p].id, name: g.people[p].name, person: p, attendees: linked.map(\.index), facilitates: facilitates,
            wants: wanted, everyone: everyone(g, except: facilitates + wanted))
    }

    private static func attendee(_ a: Int, _ g: Gathering) -> Participant {
        let wanted = g.attendees[a].interestIndices.sorted()
        return Participant(
            id: g.attendees[a].id, name: nil, person: nil, attendees: [a], facilitates: [], wants: wanted,
            everyone: everyone(g, except: wanted))
    }

    private static func everyone(_ g: Gathering, except mine: [Int]) -> [Int] {
        let mine = Set(mine)
        return g.sessions.filter { $0.exclusive && !mine.contains($0.index) }.map(\.index)
    }
}

/// No person or attendee has the id asked for.
package struct UnknownParticipant: Error, Sendable, CustomStringConvertible {
    /// The id asked for.
    package var id: String
    /// The nearest known id, when one is close.
    package var suggestion: String?

    /// The problem in plain words, with a did-you-mean.
    package var description: String {
        "no person or attendee has the id \"\(id)\""
            + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "; give a person's or an attendee's id from the input")
    }
}
