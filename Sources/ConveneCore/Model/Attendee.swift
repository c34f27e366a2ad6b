/// Someone coming to the gathering, and the sessions they want to attend.
public struct Attendee: Sendable, Hashable, Identifiable {
    /// The attendee's id in the input.
    public internal(set) var id: String
    /// Their position in ``Gathering/attendees``.
    package internal(set) var index: Int
    /// The sessions they want, by id, each once: those written in `interests`, in the order first
    /// written, then those facilitated by the person the attendee is (``person``).
    public internal(set) var interests: [Session.ID]
    /// ``interests`` as positions in ``Gathering/sessions``, for the solvers.
    package internal(set) var interestIndices: [Int]
    /// The person this attendee is (`attendees[].person`), by id; nil for an attendee who
    /// facilitates nothing.
    public internal(set) var person: Person.ID?
    /// ``person`` as a position in ``Gathering/people``.
    package internal(set) var personIndex: Int?
}
