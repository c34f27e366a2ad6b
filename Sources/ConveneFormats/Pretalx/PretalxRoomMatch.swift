import ConveneCore

/// Finds the pretalx room of each input room a push places a talk in: by `rooms[].guid` (pretalx's
/// room uuid, which the import records and which survives a rename), else by name in any of the
/// room's languages, else by name ignoring case, spacing and punctuation. A room found by neither
/// is reported once, with how many talks the agenda puts in it.
final class PretalxRoomMatch {
    private let gathering: Gathering
    private let state: PretalxState
    private let inputName: String
    private let log: ImportLog
    private var found: [Int: Int?] = [:]
    private var uses: [Int: (count: Int, first: ImportOrigin)] = [:]

    init(gathering: Gathering, state: PretalxState, inputName: String, log: ImportLog) {
        self.gathering = gathering
        self.state = state
        self.inputName = inputName
        self.log = log
    }

    /// The pretalx room id of the input room `room`, or nil (reported by ``reportMissing()``).
    func pretalxRoom(_ room: Int, usedAt origin: ImportOrigin) -> Int? {
        if let known = found[room] {
            if known == nil { uses[room]?.count += 1 }
            return known
        }
        let match = self.match(gathering.rooms[room])
        found[room] = match
        if match == nil { uses[room] = (1, origin) }
        return match
    }

    private func match(_ room: Room) -> Int? {
        if let guid = room.guid, let byGUID = state.rooms.first(where: { $0.uuid == guid }) { return byGUID.id }
        let name = room.name ?? room.id
        let exact = state.rooms.filter { $0.names.contains(name) }
        if exact.count == 1 { return exact[0].id }
        let loose = state.rooms.filter { $0.names.contains { $0.looseKey == name.looseKey } }
        return exact.isEmpty && loose.count == 1 ? loose[0].id : nil
    }

    /// One error per input room that has no pretalx room, at the room in the input.
    func reportMissing() {
        for (room, use) in uses.sorted(by: { $0.key < $1.key }) {
            let r = gathering.rooms[room]
            let name = r.name ?? r.id
            let same = state.rooms.filter { $0.names.contains(name) || $0.names.contains { $0.looseKey == name.looseKey } }
            var why =
                same.count > 1
                ? "\(same.count) pretalx rooms are called \"\(name)\" (ids \(same.map { String($0.id) }.joined(separator: ", ")))"
                : "pretalx has no room called \"\(name)\"" + (r.guid.map { " nor one with the guid \($0)" } ?? "")
            why += "; pretalx's rooms: \(state.rooms.map(\.name).joined(separator: ", "))"
            log.error(
                ImportOrigin(file: inputName, place: .json(.root / "rooms" / room)),
                "the agenda puts \(use.count) talk\(use.count == 1 ? "" : "s") in \(r.label) (first at \(use.first.label)), but \(why). "
                    + "Add the room in pretalx, or give the input room the pretalx room's uuid as \"guid\"")
        }
    }
}
