import ArgumentParser
import Convene

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a realistic, feasible input of any size, the same for the same seed.",
        discussion: "Feasible by construction: the requirements are written around a planted agenda, which --planted saves."
    )

    @Option(help: "How many sessions.") var sessions: Int
    @Option(help: "How many rooms.") var rooms: Int
    @Option(help: "How many days.") var days: Int
    @Option(help: "How many attendees with interests (default: 4 for every 3 sessions).") var attendees: Int?
    @Option(help: "Seed: the same seed writes the same input.") var seed: UInt64 = 1
    @Option(help: "Write the input to this file (atomically) instead of standard output.") var output: String?
    @Option(help: "Also write the planted agenda, which proves the input feasible.") var planted: String?
    @Option(help: "Spread the rooms over this many sites (rooms[].site).") var sites: Int = 1
    @Option(help: "Minutes a facilitator needs between sessions at different sites (event.travelMinutes).") var travelMinutes: Int = 0
    @Option(help: "The share of facilitators (0 to 1) given a daily limit (people[].maxPerDay).") var dailyLimits: Double = 0

    func validate() throws {
        guard (1...100_000).contains(sessions) else { throw ValidationError("--sessions must be between 1 and 100000.") }
        guard (1...1_000).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 1000.") }
        guard (1...60).contains(days) else { throw ValidationError("--days must be between 1 and 60.") }
        if let attendees, !(0...1_000_000).contains(attendees) { throw ValidationError("--attendees must be between 0 and 1000000.") }
        guard (1...rooms).contains(sites) else { throw ValidationError("--sites must be between 1 and the number of rooms.") }
        guard (0...1_440).contains(travelMinutes) else { throw ValidationError("--travel-minutes must be between 0 and 1440.") }
        guard (0...1).contains(dailyLimits) else { throw ValidationError("--daily-limits must be between 0 and 1, such as 0.3.") }
    }

    func run() throws {
        let made = GatheringGenerator(
            sessions: sessions, rooms: rooms, days: days, attendees: attendees, seed: seed, sites: sites, travelMinutes: travelMinutes,
            dailyLimitShare: dailyLimits
        ).make()
        try Files.write(made.document.json, to: output)
        if let planted { try Files.write(made.planted.json, to: planted) }
    }
}
