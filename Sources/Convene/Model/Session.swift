/// A session with its format's settings applied and every reference resolved to an index.
public struct Session: Sendable, Hashable, Identifiable {
    public var id: String
    public var index: Int
    public var title: String?
    public var format: Int?
    /// Person indices, each once.
    public var facilitators: [Int]
    public var attendance: Int
    /// Minutes; may be fractional.
    public var duration: Double
    /// How many rooms it uses at once.
    public var rooms: Int
    public var exclusive: Bool
    public var roomTags: Set<String>
    public var slotTags: Set<String>
    public var track: String?
    /// Sessions this one starts after (each once).
    public var after: [Int]
    /// Sessions it must not run at the same time as, named on either side (each once, never itself).
    public var notConcurrentWith: [Int]
    public var pinSlot: Int?
    public var pinRoom: Int?
    /// Empty: no preference.
    public var preferredSlotTags: Set<String>
    public var preferenceWeight: Int
    public var optional: Bool
    public var priority: Int
    /// The UUID the session had in the schedule it was imported from, lower case (see `sessions[].guid`).
    public var guid: String? = nil

    /// How people read it: `'Update from P2PU' (update)`, or the id alone without a title.
    public var label: String { title.map { "'\($0)' (\(id))" } ?? "'\(id)'" }

    /// The capacity each of its rooms needs: ⌈attendance ÷ rooms⌉.
    public var seatsPerRoom: Int { (attendance + rooms - 1) / rooms }
}
