extension Domain {
    /// The rooms of a start that are free for its whole chain, by `isFree(room, slot)`.
    package func freeRooms(_ start: Start, isFree: (Int, Int) -> Bool) -> [Int] {
        start.rooms.filter { r in start.slots.allSatisfy { isFree(r, $0) } }
    }

    /// A room set for session `s` at `start` from the rooms free there: the required rooms (the
    /// pinned room, or a frozen session's rooms) always, then the rooms in `preferred` order, up
    /// to the number of rooms the session uses. nil when a required room is not free or too few
    /// rooms are. Every solver that chooses rooms goes through this, so none can drop a pin.
    package func chooseRooms(_ s: Int, _ start: Start, free: [Int], preferred: [Int]) -> [Int]? {
        let needed = gathering.sessions[s].rooms
        guard free.count >= needed, start.required.allSatisfy(free.contains) else { return nil }
        var chosen = start.required
        for r in preferred where chosen.count < needed && !chosen.contains(r) && free.contains(r) { chosen.append(r) }
        guard chosen.count == needed else { return nil }
        return chosen.sorted()
    }

    /// Whether `rooms` is a room set session `s` may use at `start`: as many rooms as it uses,
    /// all usable there, the required ones among them.
    package func isRoomSet(_ rooms: [Int], for s: Int, at start: Start) -> Bool {
        rooms.count == gathering.sessions[s].rooms && Set(rooms).count == rooms.count && rooms.allSatisfy(start.rooms.contains)
            && start.required.allSatisfy(rooms.contains)
    }
}

extension Assignment {
    /// The order of placements in documents and displays: by start slot, then first room, then
    /// session.
    package static func documentOrder(_ a: Assignment, _ b: Assignment) -> Bool {
        (a.start, a.rooms.first ?? 0, a.session, a.run) < (b.start, b.rooms.first ?? 0, b.session, b.run)
    }
}
