import ConveneCore

/// The site's file names: ids may hold any character, so each becomes an ASCII slug, unique
/// within its folder (a clash gets `-2`, `-3`…), never a name Windows reserves, at most 60
/// characters. Names come from the input alone, in its order, so a session, room or person keeps
/// its address from one agenda to the next.
///
/// With a link secret (`--private-links`), a participant's name is a keyed hash of their id
/// instead (``privateName(_:secret:)``): the same from one publish to the next while the secret
/// is, and not to be guessed from the id without it.
struct SiteNames {
    /// By session index, every session of the input.
    let sessions: [String]
    /// By room index.
    let rooms: [String]
    /// By position in ``Participant/everyone(in:)``.
    let participants: [String]

    init(_ g: Gathering, participants: [Participant], secret: [UInt8]? = nil) {
        sessions = Self.unique(g.sessions.map(\.id), fallback: "session")
        rooms = Self.unique(g.rooms.map(\.id), fallback: "room")
        if let secret {
            self.participants = Self.unique(participants.map { Self.privateName($0.id, secret: secret) }, fallback: "person")
        } else {
            self.participants = Self.unique(participants.map(\.id), fallback: "person")
        }
    }

    /// 32 hexadecimal digits (128 bits) of HMAC-SHA256(secret, `convene person ` + id).
    static func privateName(_ id: String, secret: [UInt8]) -> String {
        SHA256.hex(Array(SHA256.hmac(key: secret, message: Array("convene person \(id)".utf8)).prefix(16)))
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
