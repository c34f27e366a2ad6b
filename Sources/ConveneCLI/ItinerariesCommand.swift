import ArgumentParser
import Convene
import ConveneGLPK
import Foundation

struct ItinerariesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itineraries",
        abstract:
            "Gives every attendee an itinerary through a valid agenda: which run of each wanted session they go to, within the seats.",
        discussion: ExitStatus.summary([.success, .badUsage, .invalidInput, .unreadable, .cannotWrite])
            + " An agenda that breaks a rule of the input is invalid input (65), with every broken rule on standard error."
            + " Itineraries are printed only once the itinerary checker has accepted them."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    enum Planner: String, ExpressibleByArgument, CaseIterable {
        /// The fast planner, then the integer program (GLPK) when the fast one is not proven optimal.
        case milp
        /// The fast planner alone.
        case fast
    }

    @Argument(help: "The input document (JSON), or - for standard input.")
    var input: String

    @Option(help: "The agenda document (JSON) the itineraries go through.")
    var agenda: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(help: "Which planner: milp (fast, then the integer program until proven) or fast (the pure-Swift planner alone).")
    var planner: Planner = .milp

    @Option(name: .customLong("time-limit"), help: "Seconds the planning may take.")
    var timeLimit: Double = 10

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a number of seconds, 0 or more.") }
        if input == "-" && agenda == "-" { throw ValidationError("only one of INPUT and --agenda can be standard input (-).") }
    }

    func run() async throws {
        let gathering = try Files.gathering(input)
        let document = try Files.agenda(agenda)
        let limit = Duration.milliseconds(Int64(timeLimit * 1000))
        let result: ItineraryResult
        do {
            switch planner {
            case .milp: result = try await gathering.itineraries(through: document, using: .exact, timeLimit: limit)
            case .fast: result = try await gathering.itineraries(through: document, using: .fast, timeLimit: limit)
            }
        } catch {
            switch error {
            case .invalidAgenda(let violations):
                for violation in violations { printError("\(agenda): \(violation)") }
                let count = violations.count
                printError("\(agenda): \(count) violation\(count == 1 ? "" : "s"); itineraries go through a valid agenda only.")
                throw ExitStatus.invalidInput.code
            case .invalidOption(let why):
                printError("error: \(why)")
                throw ExitStatus.badUsage.code
            }
        }
        for note in result.notes { printError("note: \(note)") }
        for violation in result.rejected { printError("refused: \(violation)") }
        let itineraries = result.itineraries
        let text: String =
            switch format {
            case .json: String(decoding: itineraries.json, as: UTF8.self)
            case .text: ItineraryRenderer(gathering: gathering, agenda: document).text(itineraries)
            case .csv: ItineraryRenderer(gathering: gathering, agenda: document).csv(itineraries)
            }
        try Files.write(text, to: output)
    }
}
