import ConveneCore

/// The agenda for GitHub and wikis: one table per day (rows are slots, columns rooms), then the
/// costs as a list.
package struct MarkdownRenderer: Sendable {
    package init() {}

    package func render(_ layout: AgendaLayout) -> String {
        let g = layout.gathering
        var out = "# \(escape(g.name))\n\n"
        out += "_\(TextRenderer().summary(layout.agenda))_\n"
        for day in layout.days where !day.placements.isEmpty {
            out += "\n## \(day.title)\n\n"
            out += "| Time | " + day.rooms.map { escape(layout.roomName($0)) }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---|", count: day.rooms.count) + "\n"
            for slot in day.slots {
                let cells = day.rooms.map { room -> String in
                    guard let p = layout.occupant(slot: slot, room: room, day: day) else { return "" }
                    let title = escape(layout.title(p))
                    if slot != p.start { return "↳ _\(title) (continued)_" }
                    let people = layout.facilitators(p.session).map(escape).joined(separator: ", ")
                    return "**\(title)**" + (people.isEmpty ? "" : "<br>\(people)")
                }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                out += "| \(layout.clock(slot..<slot + 1)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        out += "\n## Costs\n\n"
        let costs = layout.agenda.costs
        if costs.isEmpty {
            out += layout.agenda.objective == nil ? "No agenda.\n" : "Nothing: every attendee can go to every session they want.\n"
        }
        for kind in Agenda.CostKind.allCases {
            let terms = CostSummary.sorted(costs, kind: kind)
            guard !terms.isEmpty else { continue }
            out += "- **\(CostSummary.headings[kind] ?? kind.rawValue): \(terms.reduce(0) { $0 + $1.cost })**\n"
            for term in terms { out += "  - \(term.cost): \(escape(g.sentence(for: term)))\n" }
        }
        return out
    }

    /// Text safe inside a table cell: pipes escaped, line breaks and markup characters neutralised.
    func escape(_ text: String) -> String {
        var out = ""
        for ch in text.replacingNewlinesWithSpaces {
            switch ch {
            case "|", "*", "_", "`", "[", "]", "<", ">", "\\": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }
}
