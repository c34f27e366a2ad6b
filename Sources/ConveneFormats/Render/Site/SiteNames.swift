import ConveneCore

/// The site's file names: ids may hold any character, so each becomes an ASCII slug, unique
/// within its folder (a clash gets `-2`, `-3`…), never a name Windows reserves, at most 60
/// characters. Names come from the input alone, in its order, so a session, room or person keeps
/// its address from one agenda to the next.
struct SiteNames {
    /// By session index, every session of the input.
    let sessions: [String]
    /// By room index.
    let rooms: [String]
    /// By position in ``Participant/everyone(in:)``.
    let participants: [String]

    init(_ g: Gathering, participants: [Participant]) {
        sessions = Self.unique(g.sessions.map(\.id), fallback: "session")
        rooms = Self.unique(g.rooms.map(\.id), fallback: "room")
        self.participants = Self.unique(participants.map(\.id), fallback: "person")
    }

    /// Names that Windows will not create, whatever the extension.
    static let reserved: Set<String> =
        Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// One unique slug per id, in order.
    static func unique(_ ids: [String], fallback: String) -> [String] {
        var used = reserved
        return ids.map { id in
            var base = String(id.slug().prefix(60))
            while base.hasSuffix("-") { base.removeLast() }
            if base.isEmpty { base = fallback }
            var name = base
            var n = 2
            while used.contains(name) {
                name = "\(base)-\(n)"
                n += 1
            }
            used.insert(name)
            return name
        }
    }
}
