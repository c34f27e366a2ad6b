import ConveneCore

/// Rooms that every possible start of every session can use all or none of: the same tags,
/// capacity and unavailability as far as any session cares, and the same site when travel
/// between sites matters (rule 11). The integer program counts how many
/// rooms of a class a session uses instead of choosing rooms, which removes the symmetry between
/// identical rooms; ``RoomClasses/assign(_:)`` gives concrete rooms afterwards.
package struct RoomClasses: Sendable {
    /// Each class's rooms, sorted; classes ordered by their first room.
    package let classes: [[Int]]
    /// `classOf[room]`.
    package let classOf: [Int]

    /// - Parameters:
    ///   - alone: rooms that must stay in a class of their own (pinned rooms, rooms a previous
    ///     agenda names), so that the program can tell them apart.
    ///   - bySite: whether rooms at different sites stay apart when travel matters (rule 11
    ///     needs it; a program without rule 11's rows does not).
    package init(domain: Domain, alone: Set<Int>, merge: Bool = true, bySite: Bool = true) {
        let roomCount = domain.gathering.rooms.count
        var signatures = [[Int]](repeating: [], count: roomCount)
        var code = 0
        for starts in domain.starts {
            for start in starts {
                for r in start.rooms { signatures[r].append(code) }
                code += 1
            }
        }
        var bySignature: [[Int]: Int] = [:]
        var classes: [[Int]] = []
        var classOf = [Int](repeating: 0, count: roomCount)
        // Rule 11 tells sites apart, so rooms at different sites never share a class when it binds.
        if bySite && domain.travelMatters { for r in 0..<roomCount { signatures[r].append(-1 - domain.siteOf[r]) } }
        for r in 0..<roomCount {
            if merge, !alone.contains(r), let c = bySignature[signatures[r]] {
                classes[c].append(r)
                classOf[r] = c
            } else {
                if merge, !alone.contains(r) { bySignature[signatures[r]] = classes.count }
                classOf[r] = classes.count
                classes.append([r])
            }
        }
        self.classes = classes
        self.classOf = classOf
    }

    /// The classes a formulation uses: pinned rooms and the rooms a previous agenda names stay
    /// alone, so that the program can tell them apart.
    package init(domain: Domain, merge: Bool, bySite: Bool = true) {
        let g = domain.gathering
        var alone = Set(g.sessions.compactMap(\.pinRoom))
        for entry in domain.previous?.placements.values ?? [:].values { alone.formUnion(entry.rooms.compactMap { g.roomIndex[$0] }) }
        self.init(domain: domain, alone: alone, merge: merge, bySite: bySite)
    }

    /// A session's use of a class at its start: how many of the class's rooms.
    package struct Use: Sendable, Hashable {
        package var placement: Int
        package var roomClass: Int
        package var count: Int
    }

    /// Concrete rooms for each placement from per-class counts, by interval colouring: uses are
    /// taken in order of their first slot, each given the lowest-numbered rooms of its class that
    /// are free by then. When no class holds more uses in a slot than it has rooms, this always
    /// succeeds, because a placement occupies a contiguous run of slots.
    ///
    /// - Returns: rooms per placement, sorted; nil when some slot asks a class for too many rooms.
    package func assign(_ placements: [Assignment], uses: [Use]) -> [[Int]]? {
        var rooms = [[Int]](repeating: [], count: placements.count)
        var freeFrom = [Int](repeating: 0, count: classOf.count)  // per room: the first slot it is free again
        let ordered = uses.sorted {
            let (a, b) = (placements[$0.placement], placements[$1.placement])
            return (a.slots.lowerBound, a.session, $0.roomClass) < (b.slots.lowerBound, b.session, $1.roomClass)
        }
        for use in ordered where use.count > 0 {
            let slots = placements[use.placement].slots
            let free = classes[use.roomClass].filter { freeFrom[$0] <= slots.lowerBound }.prefix(use.count)
            guard free.count == use.count else { return nil }
            for r in free {
                freeFrom[r] = slots.upperBound
                rooms[use.placement].append(r)
            }
        }
        return rooms.map { $0.sorted() }
    }
}
