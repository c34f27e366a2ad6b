import ConveneCore

/// The itineraries for people: per attendee their runs with day, time and rooms, then what
/// they miss (`text`); or one CSV row per (attendee, session, run), and one per session missed.
package struct ItineraryRenderer: Sendable {
    private let gathering: Gathering
    /// The agenda's runs by session id and run number: slots and rooms.
    private let places: [String: [Int: Assignment]]

    /// A renderer for itineraries through `agenda`, a valid agenda of `gathering`.
    package init(gathering: Gathering, agenda: Agenda) {
        self.gathering = gathering
        var places: [String: [Int: Assignment]] = [:]
        let domain = Domain(gathering)
        for a in AgendaChecker(domain: domain).check(agenda).assignments {
            places[domain.gathering.sessions[a.session].id, default: [:]][a.run] = a
        }
        self.places = places
    }

    package static let csvHeader = ["attendee", "session", "title", "run", "day", "start", "end", "rooms", "status"]

    /// RFC 4180 rows: `status` is `attends`, `facilitates` or `missed` (a missed row has no run, time or rooms).
    package func csv(_ document: Itineraries) -> String {
        var rows = [Self.csvHeader]
        for itinerary in document.itineraries {
            for visit in itinerary.runs {
                let (day, start, end, rooms) = when(visit.session, visit.run)
                rows.append([
                    itinerary.attendee, visit.session, title(visit.session), String(visit.run), day, start, end, rooms,
                    visit.facilitates ? "facilitates" : "attends",
                ])
            }
            for session in itinerary.missed {
                rows.append([itinerary.attendee, session, title(session), "", "", "", "", "", "missed"])
            }
        }
        return rows.map { $0.map(CSVRenderer.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A summary line, each attendee's runs and misses, then the runs whose seats are all taken.
    package func text(_ document: Itineraries) -> String {
        var out = "\(gathering.name): itineraries\n"
        let share = document.wanted == 0 ? 100 : Double(document.served) * 100 / Double(document.wanted)
        var summary = "\(document.served) of \(document.wanted) wanted (attendee, session) pairs served "
        summary += "(\(JSONValue.format((share * 10).rounded() / 10)) %), status \(document.status.rawValue)"
        if let bound = document.bound { summary += ", bound \(bound)" }
        if let s = document.statistics.seconds { summary += ", \(JSONValue.format(s)) s" }
        out += summary + "\n"
        for itinerary in document.itineraries {
            out += "\n\(itinerary.attendee)\n"
            if itinerary.runs.isEmpty { out += "  (no runs)\n" }
            for visit in itinerary.runs {
                let (day, start, end, rooms) = when(visit.session, visit.run)
                let runs = places[visit.session]?.count ?? 1
                var line = "  \(day) \(start)–\(end)  \(label(visit.session))"
                if runs > 1 { line += " run \(visit.run) of \(runs)" }
                if !rooms.isEmpty { line += "  in \(rooms)" }
                if visit.facilitates { line += "  (facilitating)" }
                out += line + "\n"
            }
            if !itinerary.missed.isEmpty { out += "  missed: " + itinerary.missed.map(label).joined(separator: ", ") + "\n" }
        }
        let full = document.runs.filter { r in r.seats.map { r.taken >= $0 } == true }
        if !full.isEmpty {
            out += "\nRuns with every seat taken\n"
            for r in full {
                let runs = places[r.session]?.count ?? 1
                out += "  \(label(r.session))\(runs > 1 ? " run \(r.run)" : ""): \(r.taken) of \(r.seats ?? 0) seats\n"
            }
        }
        return out
    }

    private func label(_ id: String) -> String { gathering.sessionIndex[id].map { gathering.sessions[$0].label } ?? "'\(id)'" }

    private func title(_ id: String) -> String { gathering.sessionIndex[id].flatMap { gathering.sessions[$0].title } ?? "" }

    /// Day, start and end (local clock), and room names of a run; empty when the agenda lacks it.
    private func when(_ session: String, _ run: Int) -> (String, String, String, String) {
        guard let a = places[session]?[run] else { return ("", "", "", "") }
        let zone = gathering.timeZone
        let start = gathering.slots[a.slots.lowerBound].startSecond
        let end = gathering.slots[a.slots.upperBound - 1].endSecond
        return (
            LocalTime.dayLabel(start, in: zone), LocalTime.clock(start, in: zone), LocalTime.clock(end, in: zone),
            a.rooms.map { gathering.rooms[$0].name ?? gathering.rooms[$0].id }.joined(separator: ", ")
        )
    }
}
