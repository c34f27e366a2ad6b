/// A room (or off-site venue) that sessions can be placed in.
public struct Room: Sendable, Hashable, Identifiable {
    /// The room's id in the input.
    public internal(set) var id: String
    /// Its position in ``Gathering/rooms``.
    package internal(set) var index: Int
    /// Its name for display, if the input gives one.
    public internal(set) var name: String?
    /// Its number of seats; nil: no capacity limit.
    public package(set) var capacity: Int?
    package internal(set) var tags: Set<String>
    package var unavailable: [TimeWindow]
    /// The building or place it is in (`rooms[].site`); `""` is the default site, which every
    /// room without one shares.
    package internal(set) var site: String = ""
    /// The UUID the room had in the tool it was imported from, lower case (see `rooms[].guid`).
    package internal(set) var guid: String? = nil

    /// How people read it: `Rabb Hall (rabb)`, or the id alone when the room has no name.
    package var label: String { name.map { "\($0) (\(id))" } ?? id }

    /// The site's name for display, nil for the default site.
    package var siteName: String? { site.isEmpty ? nil : site }
}
