import ConveneCore

/// The agenda for a terminal: per day a grid whose rows are time slots and whose columns are
/// rooms, fitted to a width (titles end in an ellipsis, the grid never breaks), then the costs.
package struct TextRenderer: Sendable {
    /// Columns available; rooms that do not fit continue in a second grid for the same day.
    package var width: Int

    package init(width: Int = 120) { self.width = max(40, width) }

    static let timeWidth = 11
    static let minimumRoomWidth = 12

    package func render(_ layout: AgendaLayout) -> String {
        let g = layout.gathering
        var out = "\(g.name)\n"
        let agenda = layout.agenda
        out += summary(agenda) + "\n"
        for day in layout.days {
            out += "\n\(day.title)\n"
            if day.placements.isEmpty {
                out += "  (nothing scheduled)\n"
                continue
            }
            let perGrid = max(1, (width - Self.timeWidth - 4) / (Self.minimumRoomWidth + 3))
            var rooms = day.rooms[...]
            while !rooms.isEmpty {
                out += grid(layout, day, Array(rooms.prefix(perGrid)))
                rooms = rooms.dropFirst(perGrid)
            }
        }
        if layout.agenda.objective != nil {
            out += "\n" + CostSummary.text(layout.agenda.costs, gathering: g)
        }
        return out
    }

    func summary(_ agenda: Agenda) -> String {
        var parts = ["status \(agenda.status.rawValue)"]
        if let solver = agenda.solver { parts.append("solver \(solver)") }
        if let objective = agenda.objective { parts.append("objective \(objective)") }
        if let bound = agenda.bound { parts.append("bound \(bound)") }
        if let s = agenda.statistics.seconds { parts.append("\(JSONValue.format(s)) s") }
        return parts.joined(separator: ", ")
    }

    private func grid(_ layout: AgendaLayout, _ day: AgendaLayout.Day, _ rooms: [Int]) -> String {
        let inner = width - Self.timeWidth - 4 - 3 * rooms.count
        let roomWidth = max(Self.minimumRoomWidth - 2, inner / rooms.count)
        let widths = [Self.timeWidth] + Array(repeating: roomWidth, count: rooms.count)
        let g = layout.gathering
        func line(_ left: String, _ middle: String, _ right: String, spans: [Bool] = []) -> String {
            var text = left
            for (i, w) in widths.enumerated() {
                text += String(repeating: "─", count: w + 2)
                if i + 1 < widths.count { text += spans.indices.contains(i) && spans[i] ? "─" : middle }
            }
            return text + right + "\n"
        }
        var out = line("┌", "┬", "┐")
        out += row(["Time"] + rooms.map(layout.roomName), widths)
        if rooms.contains(where: { g.rooms[$0].siteName != nil }) {
            out += row([""] + rooms.map { g.rooms[$0].siteName ?? "" }, widths)
        }
        out += line("├", "┼", "┤")
        for (k, slot) in day.slots.enumerated() {
            let occupants = rooms.map { layout.occupant(slot: slot, room: $0, day: day) }
            let exclusive = day.placements.first { $0.slots.contains(slot) && g.sessions[$0.session].exclusive }
            let time = layout.clock(slot..<slot + 1)
            if let exclusive,
                rooms.allSatisfy({ r in occupants[rooms.firstIndex(of: r) ?? 0].map { $0.session == exclusive.session } ?? true })
            {
                let text = cell(layout, exclusive, slot) + roomsNote(layout, exclusive)
                let across = widths.dropFirst().reduce(0, +) + 3 * (rooms.count - 1)
                out += "│ " + pad(time, Self.timeWidth) + " │ " + pad(text, across) + " │\n"
            } else {
                out += row([time] + occupants.map { $0.map { cell(layout, $0, slot) } ?? "" }, widths)
            }
            guard k + 1 < day.slots.count else { continue }
            let next = day.slots[k + 1]
            // A placement that goes on into the next slot keeps its cell open.
            let open = [false] + occupants.map { $0.map { $0.slots.contains(next) } ?? false }
            var text = "├"
            for (i, w) in widths.enumerated() {
                text += String(repeating: open[i] ? " " : "─", count: w + 2)
                if i + 1 < widths.count { text += Self.junction(left: open[i], right: open[i + 1]) }
            }
            out += text + (open[widths.count - 1] ? "│" : "┤") + "\n"
        }
        out += line("└", "┴", "┘")
        return out
    }

    /// Where a row separator meets a column border: cells kept open have no line across them.
    static func junction(left: Bool, right: Bool) -> String {
        switch (left, right) {
        case (true, true): "│"
        case (true, false): "├"
        case (false, true): "┤"
        case (false, false): "┼"
        }
    }

    /// The session's title where it starts; a continuation mark below.
    private func cell(_ layout: AgendaLayout, _ p: Assignment, _ slot: Int) -> String {
        slot == p.start ? layout.title(p) : "⋮ " + layout.title(p)
    }

    private func roomsNote(_ layout: AgendaLayout, _ p: Assignment) -> String {
        " (" + p.rooms.map(layout.roomName).joined(separator: ", ") + ")"
    }

    private func row(_ cells: [String], _ widths: [Int]) -> String {
        "│ " + zip(cells, widths).map { pad($0, $1) }.joined(separator: " │ ") + " │\n"
    }

    /// Exactly `width` characters: cut with an ellipsis, or filled with spaces.
    func pad(_ text: String, _ width: Int) -> String {
        let flat = text.replacingNewlinesWithSpaces
        if flat.count > width { return String(flat.prefix(max(0, width - 1))) + "…" }
        return flat + String(repeating: " ", count: width - flat.count)
    }
}

extension String {
    var replacingNewlinesWithSpaces: String { String(map { $0.isNewline ? " " : $0 }) }
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
