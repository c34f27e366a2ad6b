/// Someone coming to the gathering, and the sessions they want to attend.
public struct Attendee: Sendable, Hashable, Identifiable {
    public var id: String
    public var index: Int
    /// Session indices, each once, in the order first written.
    public var interests: [Int]
}
