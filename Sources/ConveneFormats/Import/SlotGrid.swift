import ConveneCore
import Foundation

/// The slots of an import without a frame: a grid of the most common session length over the
/// source's days and hours. The grid is cut at every start and end of the schedule the source
/// already has, so that each of its sessions starts on a slot and fits its run of slots.
struct SlotGrid {
    /// Minutes of each slot (the most common session length).
    var length: Int
    var days: [Int]
    /// Minutes after midnight; the end may pass midnight (a day that ends at 01:00 ends at 1,500).
    var opens: Int
    var closes: Int
    /// Instants where a slot must start or end.
    var cuts: Set<Int>
    var zone: TimeZone

    /// The grid for these session lengths, days and existing placements (instants); days and hours
    /// come from the placements when there are any. A schedule that places only some sessions (a
    /// pretalx event half planned) says little about the hours, so they then span at least
    /// 09:00–18:00 as well.
    init(durations: [Double], days: Set<Int>, placed: [(start: Int, end: Int)], complete: Bool = true, zone: TimeZone) {
        var counts: [Int: Int] = [:]
        for d in durations where d >= 1 { counts[Int(d.rounded()), default: 0] += 1 }
        length = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 60
        var allDays = days
        var opens = Int.max
        var closes = Int.min
        for p in placed {
            let c = LocalTime.components(p.start, in: zone)
            let day = LocalTime.civilDays(c.year, c.month, c.day)
            allDays.insert(day)
            let minute = c.hour * 60 + c.minute
            opens = min(opens, minute)
            closes = max(closes, minute + (p.end - p.start + 59) / 60)
        }
        if opens == Int.max || !complete {
            opens = min(opens, 9 * 60)
            closes = max(closes, 18 * 60)
        }
        self.days = allDays.sorted()
        self.opens = opens
        self.closes = closes
        cuts = Set(placed.flatMap { [$0.start, $0.end] })
        self.zone = zone
    }

    /// The slots, with ids such as `d1-0930` and tags for the weekday and part of the day.
    func slots() -> [InputDocument.Slot] {
        var slots: [InputDocument.Slot] = []
        var used = Set<String>()
        let starts = days.map { instant(day: $0, minute: opens) }
        let sortedCuts = cuts.sorted()
        for (d, day) in days.enumerated() {
            var t = starts[d]
            var end = instant(day: day, minute: closes)
            if d + 1 < starts.count { end = min(end, starts[d + 1]) }
            while t < end {
                var next = min(t + length * 60, end)
                if let cut = sortedCuts.first(where: { $0 > t }), cut < next { next = cut }
                let c = LocalTime.components(t, in: zone)
                var id = "d\(d + 1)-\(LocalTime.pad(c.hour))\(LocalTime.pad(c.minute))"
                while used.contains(id) { id += "b" }
                used.insert(id)
                let part = c.hour < 12 ? "morning" : c.hour < 17 ? "afternoon" : "evening"
                slots.append(
                    InputDocument.Slot(
                        id: id, start: SourceTime.contractText(t, in: zone), end: SourceTime.contractText(next, in: zone),
                        tags: [LocalTime.weekdayNames[c.weekday].lowercased(), part]))
                t = next
            }
        }
        return slots
    }

    /// What the grid is, for the warning that states it.
    func summary(slotCount: Int, existing: Int) -> String {
        let range = days.count == 1 ? SourceTime.date(days[0]) : "\(SourceTime.date(days.first ?? 0)) to \(SourceTime.date(days.last ?? 0))"
        var text = "no frame gives slots, so \(slotCount) are derived: a grid of \(length) minutes (the most common session length) "
        text += "on \(days.count) day\(days.count == 1 ? "" : "s") (\(range)), \(clock(opens))–\(clock(closes)) each day"
        if existing > 0 { text += ", cut where the \(existing) scheduled sessions start and end" }
        return text + "; give \"slots\" in a frame (--frame) to choose them"
    }

    private func clock(_ minute: Int) -> String { "\(LocalTime.pad(minute / 60 % 24)):\(LocalTime.pad(minute % 60))" }

    /// The instant of a wall-clock minute of a day (minutes past 24:00 are the next day's).
    private func instant(day: Int, minute: Int) -> Int {
        SourceTime(naive: (day * 1440 + minute) * 60, offset: nil).instant(in: zone)
    }
}
