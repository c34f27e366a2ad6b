/// Someone coming to the gathering, and the sessions they want to attend.
public struct Attendee: Sendable, Hashable, Identifiable {
    /// The attendee's id in the input.
    public internal(set) var id: String
    /// Their position in ``Gathering/attendees``.
    public internal(set) var index: Int
    /// Session indices, each once: those written in `interests`, in the order first written,
    /// then those facilitated by the person the attendee is linked to (`attendees[].person`).
    public internal(set) var interests: [Int]
    /// The person this attendee is, by `attendees[].person`.
    package internal(set) var person: Int?
}
