import ConveneCore

/// One day of the agenda as the cells of an HTML table: a row per slot, a column per room in use,
/// and each placement a rectangle over its own rooms and slots only, so a session in four rooms
/// covers those four columns and no other. Rooms keep the input's order; a session whose rooms
/// are not side by side gets one rectangle per run of adjacent columns.
///
/// An exclusive session is drawn in its own rooms like any other; the other rooms' cells beside it
/// form ``Content/quiet`` rectangles, which say that nothing else runs then. A room's cells in
/// the slots it is unavailable are ``Content/closed``, so that a closed room does not look free.
struct HTMLGrid {
    /// What a cell shows.
    enum Content: Hashable {
        /// (Part of) a placement.
        case session(Assignment)
        /// Rooms left empty because this exclusive placement runs.
        case quiet(Assignment)
        /// The room (this index) is unavailable then (`rooms[].unavailable`).
        case closed(Int)
        /// Nothing.
        case empty
    }

    /// One `<td>`, placed where its row begins.
    struct Cell {
        var content: Content
        var rows: Int
        var columns: Int
    }

    /// Slot indices, one per row.
    let slots: [Int]
    /// Room indices, one per column, in input order.
    let rooms: [Int]
    /// The cells that begin in each row, left to right.
    let rows: [[Cell]]

    /// The grid of `day`: every placement that occupies one of its slots (also one that began
    /// the day before). Placements that break the rules by sharing a room and slot do not
    /// break the table: the earlier one keeps the cell.
    init(_ layout: AgendaLayout, day: AgendaLayout.Day) {
        let g = layout.gathering
        slots = day.slots
        let here = Set(day.slots)
        let occupants = layout.placements.filter { !here.isDisjoint(with: $0.slots) }
        rooms = Set(occupants.flatMap(\.rooms)).sorted()
        let column = Dictionary(uniqueKeysWithValues: rooms.enumerated().map { ($1, $0) })
        let row = Dictionary(uniqueKeysWithValues: slots.enumerated().map { ($1, $0) })
        var owner = Array(repeating: Array(repeating: Content.empty, count: rooms.count), count: slots.count)
        for p in occupants {
            for slot in p.slots {
                guard let r = row[slot] else { continue }
                for room in p.rooms {
                    if let c = column[room], owner[r][c] == .empty { owner[r][c] = .session(p) }
                }
            }
        }
        for (c, room) in rooms.enumerated() {
            for (r, slot) in slots.enumerated() where owner[r][c] == .empty {
                if g.rooms[room].unavailable.contains(where: { $0.overlaps(g.slots[slot].window) }) { owner[r][c] = .closed(room) }
            }
        }
        for p in occupants where g.sessions[p.session].exclusive {
            for slot in p.slots {
                guard let r = row[slot] else { continue }
                for c in rooms.indices where owner[r][c] == .empty { owner[r][c] = .quiet(p) }
            }
        }
        rows = Self.rectangles(owner)
    }

    /// Cuts the owner matrix into rectangles, top to bottom and left to right: each grows right,
    /// then down, over cells of the same owner not yet taken. Empty cells stay one by one.
    private static func rectangles(_ owner: [[Content]]) -> [[Cell]] {
        var taken = owner.map { $0.map { _ in false } }
        var rows: [[Cell]] = owner.map { _ in [] }
        for r in owner.indices {
            for c in owner[r].indices where !taken[r][c] {
                let content = owner[r][c]
                var width = 1
                var height = 1
                if content != .empty {
                    while c + width < owner[r].count, owner[r][c + width] == content, !taken[r][c + width] { width += 1 }
                    while r + height < owner.count,
                        (c..<c + width).allSatisfy({ owner[r + height][$0] == content && !taken[r + height][$0] })
                    {
                        height += 1
                    }
                }
                for i in r..<r + height { for j in c..<c + width { taken[i][j] = true } }
                rows[r].append(Cell(content: content, rows: height, columns: width))
            }
        }
        return rows
    }
}
