/// A session with its format's settings applied and every reference resolved to an index.
public struct Session: Sendable, Hashable, Identifiable {
    public internal(set) var id: String
    public internal(set) var index: Int
    public internal(set) var title: String?
    public internal(set) var format: Int?
    /// Person indices, each once.
    public internal(set) var facilitators: [Int]
    public internal(set) var attendance: Int
    /// Minutes; may be fractional.
    public internal(set) var duration: Double
    /// How many rooms it uses at once.
    public internal(set) var rooms: Int
    public internal(set) var exclusive: Bool
    public internal(set) var roomTags: Set<String>
    public internal(set) var slotTags: Set<String>
    public internal(set) var track: String?
    /// Sessions this one starts after (each once).
    public internal(set) var after: [Int]
    /// Sessions it must not run at the same time as, named on either side (each once, never itself).
    public internal(set) var notConcurrentWith: [Int]
    public internal(set) var pinSlot: Int?
    public internal(set) var pinRoom: Int?
    /// Empty: no preference.
    public internal(set) var preferredSlotTags: Set<String>
    public internal(set) var preferenceWeight: Int
    public internal(set) var optional: Bool
    public internal(set) var priority: Int
    /// The UUID the session had in the schedule it was imported from, lower case (see `sessions[].guid`).
    public internal(set) var guid: String? = nil

    /// How people read it: `'Update from P2PU' (update)`, or the id alone without a title.
    public var label: String { title.map { "'\($0)' (\(id))" } ?? "'\(id)'" }

    /// The capacity each of its rooms needs: ⌈attendance ÷ rooms⌉.
    public var seatsPerRoom: Int { (attendance + rooms - 1) / rooms }
}
