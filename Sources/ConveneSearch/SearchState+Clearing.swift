import ConveneCore

extension SearchState {
    /// What placing `s` (unplaced) at start `i` would move out, for the repair to weigh: the
    /// sessions sharing its facilitators' slots or an exclusive slot with it, and the occupants of
    /// the rooms it would take, chosen (through the domain, so the required rooms are always in)
    /// as the rooms cheapest to clear by `weight`, the free ones first and the plainest among
    /// equals. Rules 7, 8 and any other rule between sessions are left to ``blockers(_:at:)``,
    /// which the repair asks once it has cleared the way.
    func clearing(_ s: Int, at i: Int, rank: [Int], weight: (Int) -> Int) -> (rooms: [Int], blockers: [Int], weight: Int)? {
        let option = model.domain.starts[s][i]
        let session = model.g.sessions[s]
        var found: [Int] = []
        func add(_ b: Int32) {
            if b >= 0, b != s, !found.contains(Int(b)) { found.append(Int(b)) }
        }
        let roomCount = model.g.rooms.count
        for k in option.slots {
            for p in model.domain.busyFacilitators[s] { add(personAt[p * slotCount + k]) }
            if session.exclusive {
                if countAt[k] > 0 { for r in 0..<roomCount { add(roomAt[r * slotCount + k]) } }
            } else {
                add(exclusiveAt[k])
            }
        }
        // The weight of clearing each usable room, counting each occupant once.
        var priced: [(cost: Int, rank: Int, room: Int)] = []
        priced.reserveCapacity(option.rooms.count)
        var occupants: [Int] = []
        for r in option.rooms {
            occupants.removeAll(keepingCapacity: true)
            var cost = 0
            for k in option.slots {
                let b = Int(roomAt[r * slotCount + k])
                guard b >= 0, !occupants.contains(b) else { continue }
                occupants.append(b)
                if !found.contains(b) { cost += weight(b) }
            }
            priced.append((cost, rank[r], r))
        }
        priced.sort { ($0.cost, $0.rank) < ($1.cost, $1.rank) }
        guard let rooms = model.domain.chooseRooms(s, option, free: option.rooms, preferred: priced.map(\.room)) else { return nil }
        for r in rooms {
            for k in option.slots { add(roomAt[r * slotCount + k]) }
        }
        return (rooms, found, found.reduce(0) { $0 + weight($1) })
    }
}
