import ConveneCore

extension PretalxPushPlan {
    /// Every change, one line each, in the order they are written:
    /// `HXKQDA 'Title': Wed 9 Jun 10:00 Main Hall → Thu 10 Jun 14:00 Room A`, then
    /// `HXKQDA 'Title': duration 30 → 45 minutes (the input's)`.
    public var changes: [String] {
        writes.flatMap { submission in
            var lines = submission.slots.map { write in
                let run = write.runs > 1 ? " (run \(write.run.run) of \(write.runs))" : ""
                return "\(name(write.run.code, write.title))\(run): \(describe(write.before)) → \(describe(write.after))"
            }
            if let duration = submission.duration, !duration.roundTrip {
                lines.append(
                    "\(name(duration.code, duration.title)): duration \(duration.pretalx.map(String.init) ?? "unknown") → "
                        + "\(duration.minutes) minutes (the input's)")
            }
            return lines
        }
    }

    /// `Thu 10 Jun 14:00 Room A`, or `unplaced`.
    func describe(_ place: Place?) -> String {
        guard let place else { return "unplaced" }
        let time = "\(LocalTime.dayLabel(place.start, in: zone)) \(LocalTime.clock(place.start, in: zone))"
        return "\(time) \(roomNames[place.room] ?? "room \(place.room)")"
    }

    private func name(_ code: String, _ title: String?) -> String { title.map { "\(code) '\($0)'" } ?? code }

    /// The counts, in a sentence: `12 slots moved, 3 taken off, 18 unchanged, 5 unplaced; 2 durations changed`.
    package var summary: String {
        var text = "\(moved) slot\(moved == 1 ? "" : "s") moved, \(takenOff) taken off, \(unchanged) unchanged, \(unplaced) unplaced"
        if durationsChanged > 0 { text += "; \(durationsChanged) duration\(durationsChanged == 1 ? "" : "s") changed to the input's" }
        let refreshes = writes.filter { $0.duration?.roundTrip ?? false }.count
        if refreshes > 0 {
            text += "; end times stored for \(refreshes) submission\(refreshes == 1 ? "" : "s") (the duration written there and back)"
        }
        return text
    }
}
