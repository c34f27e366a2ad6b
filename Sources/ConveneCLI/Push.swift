import ArgumentParser
import Convene
import Foundation

struct Push: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes an agenda into pretalx's work-in-progress schedule, and releases it if asked.",
        discussion:
            "The agenda is checked against its input first. Each session is the pretalx submission whose code is its id (as "
            + "`convene import --pretalx-url` makes them; `CODE-2` is the second slot of a submission held twice), each room the "
            + "pretalx room whose uuid is its guid, else whose name it has. Only slots whose room or start differ are written, "
            + "so a push that stopped half-way can be run again. The API token comes from the environment variable PRETALX_TOKEN "
            + "or the one --token-env names. Exit status: 0 pushed (or, with --dry-run, planned); 1 pretalx refused a write "
            + "(the others were made; nothing is released); 64 bad usage (also no token, or a version name pretalx cannot "
            + "release); 65 invalid input or agenda, or the agenda cannot be pushed (a broken rule, a session that is no "
            + "submission, a room pretalx does not have, a version already released), nothing written; 66 unreadable file; "
            + "69 pretalx cannot serve the request (no such event, errors after every retry); 75 no answer from pretalx after "
            + "every retry; 77 pretalx refuses the token."
    )

    @Argument(help: "The agenda document (JSON), or - for standard input.")
    var agenda: String

    @Option(help: "The input document the agenda was made for (the one `convene import` wrote).")
    var input: String

    @OptionGroup var pretalx: PretalxOptions

    @Option(help: ArgumentHelp("After the push, release the schedule as this version, such as 1.1.", valueName: "version"))
    var release: String?

    @Option(help: "The release's comment, shown in pretalx's changelog.")
    var comment: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would change, and write nothing.")
    var dryRun = false

    func validate() throws {
        guard pretalx.url != nil, pretalx.event != nil else { throw ValidationError("Give the pretalx event: --pretalx-url and --event.") }
        if let release, let problem = PretalxRelease.problem(version: release) { throw ValidationError("--release: \(problem).") }
        if comment != nil, release == nil { throw ValidationError("--comment goes with --release.") }
        if agenda == "-", input == "-" { throw ValidationError("Only one of the agenda and the input can be read from standard input.") }
    }

    func run() async throws {
        let client = try pretalx.client()
        let gathering = try Files.gathering(input)
        let document = try Files.agenda(agenda)
        let plan: PretalxPushPlan
        do {
            plan = try await PretalxPushPlan.read(
                using: client, gathering: gathering, agenda: document,
                release: release, comment: comment, inputName: input, agendaName: agenda)
        } catch {
            switch error {
            case .pretalx(let failure): throw pretalx.failed(failure)
            case .refused(let refusal): throw Files.refused(refusal)
            }
        }
        for warning in plan.warnings { printError(warning.description) }
        for change in plan.changes { print(change) }
        let place = "\(client.event) (work-in-progress schedule)"
        if dryRun {
            let release = self.release.map { "; then release \($0)" } ?? ""
            print(
                "Dry run, nothing written to \(place): \(plan.summary)\(release); the push would make \(plan.writeRequests) "
                    + "write\(plan.writeRequests == 1 ? "" : "s"). \(client.requestsMade) requests made.")
            return
        }
        let outcome = await plan.apply(using: client)
        for refusal in outcome.refused { printError("error: \(refusal)") }
        let released = outcome.released.map { "; released \($0)" } ?? ""
        if let stopped = outcome.stopped {
            let status = pretalx.failed(stopped)
            printError(
                "The push stopped after writing \(outcome.slotsWritten) slots and \(outcome.submissionsWritten) submissions' durations; "
                    + "run it again to finish: it reads pretalx again and writes only what still differs.")
            throw status
        }
        print("Pushed to \(place): \(plan.summary)\(released). \(client.requestsMade) requests made.")
        if !outcome.refused.isEmpty {
            let count = outcome.refused.count
            printError("pretalx refused \(count) write\(count == 1 ? "" : "s")\(plan.release == nil ? "" : ", so nothing is released").")
            throw ExitStatus.noAgenda.code
        }
    }
}
