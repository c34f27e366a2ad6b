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
    @Option(help: "How many sessions each attendee wants: N, or MIN-MAX (default 3-8).") var interests: String = "3-8"
    @Option(help: "Seed: the same seed writes the same input.") var seed: UInt64 = 1
    @Option(help: "Write the input to this file (atomically) instead of standard output.") var output: String?
    @Option(help: "Also write the planted agenda, which proves the input feasible.") var planted: String?

    func validate() throws {
        guard (1...100_000).contains(sessions) else { throw ValidationError("--sessions must be between 1 and 100000.") }
        guard (1...1_000).contains(rooms) else { throw ValidationError("--rooms must be between 1 and 1000.") }
        guard (1...60).contains(days) else { throw ValidationError("--days must be between 1 and 60.") }
        if let attendees, !(0...1_000_000).contains(attendees) { throw ValidationError("--attendees must be between 0 and 1000000.") }
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
        let made = GatheringGenerator(
            sessions: sessions, rooms: rooms, days: days, attendees: attendees, interests: interestRange ?? 3...8, seed: seed
        ).make()
        try Files.write(made.document.json, to: output)
        if let planted { try Files.write(made.planted.json, to: planted) }
    }
}
