import ArgumentParser
import Convene

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a realistic, feasible input of any size, the same for the same seed.",
        discussion: """
            Feasible by construction: the requirements are written around a planted agenda, which --planted saves. \
            --tight writes a gathering with little slack: its non-optional sessions need --fill of the room-slots \
            (default 0.72) at the least, optional ones ask for more than the rest. --sites, --travel-minutes and \
            --daily-limits add rules 11 and 12. Exit status: 0 written; 64 bad usage; 73 an output cannot be written.
            """
    )

    @Option(help: "How many sessions.") var sessions: Int
    @Option(help: "How many rooms (with --tight, default: 30 for 1,000 sessions, growing with their square root).") var rooms: Int?
    @Option(help: "How many days (with --tight, default: enough for the sessions, 5 for 1,000).") var days: Int?
    @Option(help: "How many attendees with interests (default: 4 for every 3 sessions).") var attendees: Int?
    @Option(help: "How many sessions each attendee wants: N, or MIN-MAX.") var interests: String = "3-8"
    @Option(help: "Seed: the same seed writes the same input.") var seed: UInt64 = 1
    @Flag(help: "A tight gathering: 8 slots of 30–90 minutes a day, most room-slots needed, narrow availability.") var tight = false
    @Option(help: "With --tight: the share of room-slots the non-optional sessions need at the least.") var fill: Double?
    @Option(help: "Write the input to this file (atomically) instead of standard output.") var output: String?
    @Option(help: "Also write the planted agenda, which proves the input feasible.") var planted: String?
    @Option(help: "Spread the rooms over this many sites (rooms[].site).") var sites: Int = 1
    @Option(help: "Minutes a facilitator needs between sessions at different sites (event.travelMinutes).") var travelMinutes: Int = 0
    @Option(help: "The share of facilitators (0 to 1) given a daily limit (people[].maxPerDay).") var dailyLimits: Double = 0
    @Option(help: "The share of talks, workshops and labs (0 to 1) that take place twice (sessions[].runs).") var runs: Double = 0

    func validate() throws {
        guard (1...100_000).contains(sessions) else { throw ValidationError("--sessions must be between 1 and 100000.") }
        if let rooms, !(1...1_000).contains(rooms) { throw ValidationError("--rooms must be between 1 and 1000.") }
        if let days, !(1...60).contains(days) { throw ValidationError("--days must be between 1 and 60.") }
        if !tight, rooms == nil || days == nil { throw ValidationError("--rooms and --days are needed (or --tight, which sizes them).") }
        if let attendees, !(0...1_000_000).contains(attendees) { throw ValidationError("--attendees must be between 0 and 1000000.") }
        if let fill {
            guard tight else { throw ValidationError("--fill needs --tight.") }
            guard (0.05...0.95).contains(fill) else { throw ValidationError("--fill must be between 0.05 and 0.95, such as 0.72.") }
        }
        if tight, sites != 1 || travelMinutes != 0 || dailyLimits != 0 || runs != 0 {
            throw ValidationError("--sites, --travel-minutes and --daily-limits are not made with --tight; leave them out.")
        }
        guard (1...(rooms ?? 1_000)).contains(sites) else { throw ValidationError("--sites must be between 1 and the number of rooms.") }
        guard (0...1_440).contains(travelMinutes) else { throw ValidationError("--travel-minutes must be between 0 and 1440.") }
        guard (0...1).contains(dailyLimits) else { throw ValidationError("--daily-limits must be between 0 and 1, such as 0.3.") }
        guard (0...1).contains(runs) else { throw ValidationError("--runs must be between 0 and 1, such as 0.15.") }
        guard interestRange != nil else {
            throw ValidationError("--interests must be N or MIN-MAX with 1 ≤ MIN ≤ MAX ≤ 1000, such as 2-5.")
        }
    }

    /// `--interests` as a range: `4` or `2-5`.
    var interestRange: ClosedRange<Int>? {
        let parts = interests.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard (1...2).contains(parts.count), let low = parts[0], let high = parts[parts.count - 1], 1 <= low, low <= high, high <= 1_000
        else { return nil }
        return low...high
    }

    func run() throws {
        let perAttendee = interestRange ?? 3...8
        let made =
            if tight {
                TightGatheringGenerator(
                    sessions: sessions, rooms: rooms, days: days, attendees: attendees, interests: perAttendee, fill: fill ?? 0.72,
                    seed: seed
                ).make()
            } else {
                GatheringGenerator(
                    sessions: sessions, rooms: rooms ?? 1, days: days ?? 1, attendees: attendees, interests: perAttendee, seed: seed,
                    sites: sites, travelTime: .seconds(60 * travelMinutes), dailyLimitShare: dailyLimits, runShare: runs
                ).make()
            }
        try Files.write(made.document.json, to: output)
        if let planted { try Files.write(made.planted.json, to: planted) }
    }
}
