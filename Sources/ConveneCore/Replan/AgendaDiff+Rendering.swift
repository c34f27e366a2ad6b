extension AgendaDiff {
    /// One change in plain words, as an organiser would announce it:
    /// `'Funding' (funding) moves from Fri 10:30 Commonwealth Salon to Fri 10:30 Rabb Hall.`
    package func sentence(for change: Change, in g: Gathering) -> String {
        "\(Self.label(change.session, g)) \(Self.predicate(change, g))"
    }

    /// One notice as a message an organiser could paste: a line per change, then a line per new
    /// clash. Facilitators read "Your session …", attendees "…, which you want, …".
    package func message(for notice: Notice, in g: Gathering) -> [String] {
        let person = g.people.first { $0.id == notice.person }
        var lines: [String] = []
        for id in notice.sessions {
            guard let change = changes.first(where: { $0.session == id }) else { continue }
            let runs = person.map { p in g.sessionIndex[id].map { g.sessions[$0].facilitatorIndices.contains(p.index) } ?? false } ?? false
            let subject = runs ? "Your session \(Self.label(id, g))" : "\(Self.label(id, g)), which you want,"
            lines.append("\(subject) \(Self.predicate(change, g))")
        }
        for pair in notice.newClashes where pair.count == 2 {
            let when = changes.first { pair.contains($0.session) }?.after.map { Self.when($0, g) }
            lines.append(
                "\(Self.label(pair[0], g)) and \(Self.label(pair[1], g)) now run at the same time"
                    + (when.map { " (\($0))" } ?? "") + "; you wanted both.")
        }
        return lines
    }

    /// `moves from Fri 10:30 Commonwealth Salon to Fri 10:30 Rabb Hall.`
    static func predicate(_ change: Change, _ g: Gathering) -> String {
        let was = change.before.map { Self.where($0, g) } ?? ""
        let now = change.after.map { Self.where($0, g) } ?? ""
        switch change.kind {
        case .added: return "is added: \(now)."
        case .moved, .roomChanged: return "moves from \(was) to \(now)."
        case .unscheduled: return "is no longer on the agenda (it was \(was))."
        case .cancelled: return "is cancelled (it was \(was))."
        }
    }

    /// `'Funding' (funding)`, or `'funding'` for a session the gathering no longer has.
    static func label(_ id: String, _ g: Gathering) -> String {
        g.sessionIndex[id].map { g.sessions[$0].label } ?? "'\(id)'"
    }

    /// The diff in plain words: a line per change, then a message per person.
    public func text(_ g: Gathering) -> String {
        guard !changes.isEmpty || !notices.isEmpty else { return "No changes.\n" }
        var out = "\(changes.count) change\(changes.count == 1 ? "" : "s"):\n"
        for change in changes { out += "  - \(sentence(for: change, in: g))\n" }
        if !notices.isEmpty { out += "\nWho to tell (\(notices.count)):\n" }
        for notice in notices {
            out += "  \(Self.name(notice.person, g)):\n"
            for line in message(for: notice, in: g) { out += "    \(line)\n" }
        }
        return out
    }

    /// The diff as Markdown: a table of changes, then a section per person.
    package func markdown(_ g: Gathering) -> String {
        guard !changes.isEmpty || !notices.isEmpty else { return "No changes.\n" }
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var out = "## Changes\n\n| Session | Change | Before | After | People |\n|---|---|---|---|---|\n"
        for c in changes {
            let title = g.sessionIndex[c.session].map { g.sessions[$0].title ?? c.session } ?? c.session
            let row = [
                title, c.kind.rawValue, c.before.map { Self.where($0, g) } ?? "—", c.after.map { Self.where($0, g) } ?? "—",
                "\(c.people.count)",
            ]
            out += "| " + row.map(cell).joined(separator: " | ") + " |\n"
        }
        if !notices.isEmpty { out += "\n## Who to tell\n" }
        for notice in notices {
            out += "\n### \(cell(Self.name(notice.person, g)))\n\n"
            for line in message(for: notice, in: g) { out += "- \(cell(line))\n" }
        }
        return out
    }

    /// `Fri 10:30 Rabb Hall`: the day and start time, then the rooms by name.
    static func `where`(_ side: Side, _ g: Gathering) -> String {
        let rooms = side.rooms.map { id in g.roomIndex[id].map { g.rooms[$0].name ?? id } ?? id }.joined(separator: ", ")
        return [when(side, g), rooms].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `Fri 10:30`, or the start slot's id when its time is unknown.
    static func when(_ side: Side, _ g: Gathering) -> String {
        guard let text = side.startTimeText, case .success(let instant) = LocalTime.instant(text, in: g.timeZone) else {
            return side.start
        }
        let weekday = LocalTime.weekdayNames[LocalTime.components(instant, in: g.timeZone).weekday]
        return "\(weekday) \(LocalTime.clock(instant, in: g.timeZone))"
    }

    /// A person's or attendee's name with its id, or the id alone.
    static func name(_ id: String, _ g: Gathering) -> String {
        if let person = g.people.first(where: { $0.id == id }) { return person.label }
        return id
    }
}
