/// A room (or off-site venue) that sessions can be placed in.
public struct Room: Sendable, Hashable, Identifiable {
    public var id: String
    public var index: Int
    public var name: String?
    /// nil: no capacity limit.
    public var capacity: Int?
    public var tags: Set<String>
    public var unavailable: [TimeWindow]

    /// How people read it: `Rabb Hall (rabb)`, or the id alone when the room has no name.
    public var label: String { name.map { "\($0) (\(id))" } ?? id }
}
