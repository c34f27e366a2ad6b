/// A room (or off-site venue) that sessions can be placed in.
public struct Room: Sendable, Hashable, Identifiable {
    public internal(set) var id: String
    public internal(set) var index: Int
    public internal(set) var name: String?
    /// nil: no capacity limit.
    public internal(set) var capacity: Int?
    public internal(set) var tags: Set<String>
    public internal(set) var unavailable: [TimeWindow]

    /// How people read it: `Rabb Hall (rabb)`, or the id alone when the room has no name.
    public var label: String { name.map { "\($0) (\(id))" } ?? id }
}
