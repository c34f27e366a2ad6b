/// Someone coming to the gathering, and the sessions they want to attend.
public struct Attendee: Sendable, Hashable, Identifiable {
    public var id: String
    public var index: Int
    /// Session indices, each once: those written in `interests`, in the order first written,
    /// then those facilitated by the linked ``person`` that were not written.
    public var interests: [Int]
    /// The person this attendee is, by `attendees[].person`.
    public var person: Int?
}
