import ArgumentParser
import Convene
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns a pretalx event, a Sessionize or frab export and interest surveys into one input document.",
        discussion:
            "The frame (--frame) is a partial input document with what the sources do not have: event, slots, formats, weights, "
            + "extra rooms, people or sessions. Without it, the event, time zone, days and rooms come from the sources and slots are "
            + "derived. pretalx is read from files saved from its API (--pretalx) or from the API itself (--pretalx-url and --event, "
            + "with an API token in the environment variable PRETALX_TOKEN or the one --token-env names); the existing schedule is "
            + "then the work-in-progress one, which `convene push` writes to. Warnings go to standard error; with invalid input "
            + "nothing is written. "
            + ExitStatus.summary([.success, .badUsage, .invalidInput, .unreadable, .unavailable, .cannotWrite, .noAnswer, .tokenRefused])
    )

    @Option(help: "A partial input document the imported items are added to.") var frame: String?
    @Option(
        parsing: .upToNextOption,
        help: "Files saved from pretalx's REST API (submissions or talks, speakers, rooms…), every page; a shell glob works.")
    var pretalx: [String] = []
    @OptionGroup var live: PretalxOptions
    @Option(help: "Sessionize's \"All\" JSON view.") var sessionize: String?
    @Option(name: .customLong("sessionize-track"), help: "The Sessionize category group whose items become tracks.")
    var sessionizeTrack: String?
    @Option(help: "A frab schedule.xml (from pretalx, frab, Indico or Convene).") var frab: String?
    @Option(parsing: .upToNextOption, help: "Interest surveys as CSV.") var interests: [String] = []
    @Option(name: .customLong("choices-column"), help: "The column listing each respondent's chosen sessions (the choices layout).")
    var choicesColumn: String?
    @Option(name: .customLong("respondent-column"), help: "The column giving attendee ids (default: the first called email, name or id).")
    var respondentColumn: String?
    @Option(name: .customLong("min-rating"), help: "In the wide layout, the lowest rating that means wanted.") var minRating: Double = 1
    @Option(name: .customLong("ignore-column"), help: "A column of the wide layout that is not a session; repeat for several.")
    var ignoreColumn: [String] = []
    @Option(help: "Write the input document to this file (atomically) instead of standard output.") var output: String?
    @Option(name: .customLong("output-agenda"), help: "Write the sources' existing schedule as an agenda document (for --previous).")
    var outputAgenda: String?

    func validate() throws {
        guard frame != nil || !pretalx.isEmpty || live.isGiven || sessionize != nil || frab != nil || !interests.isEmpty else {
            throw ValidationError("Give at least one source: --pretalx-url, --pretalx, --sessionize, --frab, --interests (or a --frame).")
        }
        if live.isGiven, !pretalx.isEmpty {
            throw ValidationError("Read pretalx from its API (--pretalx-url) or from files (--pretalx), not both.")
        }
        if sessionizeTrack != nil, sessionize == nil { throw ValidationError("--sessionize-track needs --sessionize.") }
        let surveyOptions = choicesColumn != nil || respondentColumn != nil || !ignoreColumn.isEmpty
        if surveyOptions, interests.isEmpty {
            throw ValidationError("--choices-column, --respondent-column and --ignore-column need --interests.")
        }
        guard minRating.isFinite else { throw ValidationError("--min-rating must be a number.") }
        if let output, output == outputAgenda { throw ValidationError("--output and --output-agenda must name different files.") }
    }

    func run() async throws {
        func file(_ path: String) throws -> ImportFile { ImportFile(name: path, data: try Files.read(path)) }
        var pretalxFiles = try pretalx.map(file)
        if live.isGiven {
            let client = try live.client()
            do {
                pretalxFiles = try await client.importFiles()
            } catch {
                throw live.failed(error)
            }
            printError("Read \(client.event) from \(client.server.absoluteString) in \(client.requestsMade) requests.")
        }
        let request = ImportRequest(
            frame: try frame.map(file), pretalx: pretalxFiles, sessionize: try sessionize.map(file),
            sessionizeTrack: sessionizeTrack, frab: try frab.map(file), interests: try interests.map(file),
            survey: SurveyOptions(
                choicesColumn: choicesColumn, respondentColumn: respondentColumn, minRating: minRating, ignoredColumns: ignoreColumn))
        let result: ImportResult
        do {
            result = try Importer.run(request)
        } catch {
            throw Files.refused(error)
        }
        for warning in result.warnings { printError(warning.description) }
        let g = result.gathering
        try Files.write(result.document.json, to: output)
        if let outputAgenda {
            if let previous = result.previous {
                try Files.write(previous.json, to: outputAgenda)
            } else {
                printError("note: no source holds a schedule, so \(outputAgenda) is not written.")
            }
        }
        let placed = result.previous.map { ", \($0.placements.count) already scheduled" } ?? ""
        printError(
            "Imported \(g.sessions.count) sessions, \(g.people.count) people, \(g.rooms.count) rooms, \(g.slots.count) slots, "
                + "\(g.attendees.count) attendees\(placed).")
    }
}
