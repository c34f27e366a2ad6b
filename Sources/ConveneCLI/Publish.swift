import ArgumentParser
import Convene
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publishes a saved agenda for the people in it, as a static site in a folder.",
        discussion:
            "The folder gets index.html (the days' grid), a page per session, room (a door sign to print) and person, their "
            + "calendars (.ics), schedule.ics, schedule.xml, schedule.json, agenda.csv, versions.json (every published "
            + "version) and, once a version changed something, changes.html.\n\n"
            + "Publishing again into the same folder adds a version when a placement changed: \"What changed\" lists every "
            + "release, and calendar events carry SEQUENCE and LAST-MODIFIED (SOURCE_DATE_EPOCH, when set, is the time of the "
            + "publish). The new site is written beside the folder and swapped in at once; files of the last publish that no "
            + "longer belong are removed. Files you put in the folder are never touched: a file is Convene's only while "
            + ".convene/manifest.json lists it with its contents as written. .convene/ holds the publisher's state (manifest, "
            + "personal calendars' history, links.csv with every personal page, the link secret): do not upload it.\n\n"
            + "Exit status: 0 published; 64 bad usage; 65 invalid input or agenda document, or an unreadable versions.json or "
            + ".convene/ state; 66 unreadable file; 73 the site cannot be written, or a file of yours stands where the site "
            + "writes one (nothing is written then)."
    )

    @Argument(help: "The agenda document (JSON), or - for standard input.")
    var agenda: String

    @Option(help: "The input document the agenda was made for.")
    var input: String

    @Option(help: "The folder to write the site into (created when missing).")
    var output: String

    @Option(
        help: ArgumentHelp(
            "The agenda this one replaces. With a folder that has no history yet, it becomes the first version, so that the site "
                + "says what changed; the agenda's stated objective is checked with the change costs against it, as `check "
                + "--previous` does."))
    var previous: String?

    @Option(
        name: .customLong("base-url"),
        help: "The address the site will be served from (https://…/): calendar links and webcal:// subscriptions need it.")
    var baseURL: String?

    @Option(
        help: ArgumentHelp(
            "Who goes to which run (the JSON of `convene itineraries`): each attendee's page and calendar show their own runs, "
                + "each run its seats taken. Without it, every run of each session someone wants is on their page.",
            valueName: "FILE"))
    var itineraries: String?

    @Flag(name: .customLong("no-attendee-pages"), help: "Leave out the pages and calendars of attendees who are not people of the input.")
    var noAttendeePages = false

    @Flag(name: .customLong("list-attendees"), help: "List attendees' pages on the index (by default only the people of the input are).")
    var listAttendees = false

    @Flag(
        name: .customLong("private-links"),
        help: ArgumentHelp(
            "Give every personal page and calendar an address that cannot be guessed from the id (a keyed hash), linked from no "
                + "page; .convene/links.csv lists them for you to send."))
    var privateLinks = false

    @Option(
        name: .customLong("link-secret"),
        help: ArgumentHelp(
            "With --private-links: a file whose text (at least 16 characters) is the key, instead of the one kept in "
                + ".convene/link-secret.", valueName: "FILE"))
    var linkSecret: String?

    func validate() throws {
        if let baseURL, !SitePublisher.isSiteAddress(baseURL) {
            throw ValidationError("--base-url must be an http:// or https:// address with a host, such as https://example.org/gathering/.")
        }
        let stdin = [agenda, input, previous, itineraries].filter { $0 == "-" }.count
        if stdin > 1 {
            throw ValidationError(
                "Only one of the agenda, the input, the previous agenda and the itineraries can be read from standard input.")
        }
        if listAttendees && privateLinks {
            throw ValidationError("--list-attendees lists the pages that --private-links keeps unlisted: give one.")
        }
        if listAttendees && noAttendeePages {
            throw ValidationError("--list-attendees needs attendees' pages: leave out --no-attendee-pages.")
        }
        if linkSecret != nil && !privateLinks { throw ValidationError("--link-secret is the key of --private-links: give both.") }
    }

    func run() throws {
        let data = try Files.read(input)
        let gathering = try Files.gathering(input, data: data)
        let document = try Files.agenda(agenda)
        let previousAgenda = try previous.map { try Files.agenda($0) }
        for warning in try judge(document, gathering, previous: previousAgenda) { printError("\(agenda): warning: \(warning)") }
        let folder = SiteFolder(URL(fileURLWithPath: output, isDirectory: true))
        let history: SiteHistory?
        let memory: CalendarMemory
        do {
            history = try folder.read("versions.json").map { try SiteHistory(json: $0, file: output + "/versions.json") }
            memory =
                try folder.read(".convene/calendars.json").map { try CalendarMemory(json: $0, file: output + "/.convene/calendars.json") }
                ?? CalendarMemory()
        } catch let error as SiteStateError {
            for problem in error.problems { printError("error: \(problem)") }
            printError("error: the folder's history cannot be read; mend it, or move the folder away to start a new history.")
            throw ExitStatus.invalidInput.code
        }
        let stored = folder.read(".convene/link-secret").map { String(decoding: $0, as: UTF8.self) }
        var publisher = SitePublisher(previous: previousAgenda, baseURL: baseURL, attendeePages: !noAttendeePages, stamp: calendarStamp())
        publisher.history = history
        publisher.memory = memory
        publisher.listAttendees = listAttendees
        publisher.itineraries = try itineraries.map { try Self.itineraries($0, gathering: gathering, agenda: document) }
        var keep = stored
        if privateLinks {
            if let linkSecret {
                let text = String(decoding: try Files.read(linkSecret), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.count >= 16 else {
                    printError("error: --link-secret: \(linkSecret) holds \(text.count) characters; a key needs at least 16.")
                    throw ExitStatus.invalidInput.code
                }
                publisher.linkSecret = Array(text.utf8)
            } else {
                let secret =
                    stored?.trimmingCharacters(in: .whitespacesAndNewlines)
                    ?? SHA256.hex((0..<32).map { _ in UInt8.random(in: 0...255) })
                keep = secret + "\n"
                publisher.linkSecret = Array(secret.utf8)
            }
        }
        var site = publisher.publish(document, gathering: gathering)
        // The secret outlives publishes without --private-links, so that links keep working when they return.
        if let keep { site.state.append(Site.File(path: ".convene/link-secret", contents: keep)) }
        let report: SiteFolder.Report
        do {
            report = try folder.write(site)
        } catch {
            printError("error: \(output): \(error)")
            throw ExitStatus.cannotWrite.code
        }
        let pages = site.files.filter { $0.path.hasSuffix(".html") }.count
        var line = "\(output): \(site.files.count) files, \(pages) pages"
        if report.removed > 0 { line += "; \(report.removed) of the last publish removed" }
        if report.kept > 0 { line += "; \(report.kept) of yours kept" }
        if !report.swapped { line += "; replaced file by file (the folder cannot be swapped)" }
        printError(line + "; open \(folder.url.appendingPathComponent("index.html").path)")
        if privateLinks { printError("Personal links: \(folder.url.appendingPathComponent(".convene/links.csv").path)") }
    }

    /// The itineraries in `path`, which must be itineraries through this agenda: every problem
    /// reading them, and every rule they break (a run over its seats, an attendee in two places at
    /// once), is reported, and the publish stops (exit 65).
    private static func itineraries(_ path: String, gathering: Gathering, agenda: Agenda) throws -> Itineraries {
        let document: Itineraries
        do {
            let loaded = try Itineraries.load(try Files.read(path))
            Files.report(loaded.warnings, in: path)
            document = loaded.value
        } catch let error as DiagnosticError {
            Files.report(error.diagnostics, in: path)
            throw ExitStatus.invalidInput.code
        }
        let report: ItineraryChecker.Report
        do {
            report = try ItineraryChecker(gathering: gathering, agenda: agenda).check(document)
        } catch {
            printError("error: \(path): \(error)")
            throw ExitStatus.invalidInput.code
        }
        guard report.isValid else {
            for violation in report.violations { printError("error: \(path): \(violation)") }
            let count = report.violations.count
            printError("\(path): \(count) broken rule\(count == 1 ? "" : "s"); make the itineraries again with `convene itineraries`.")
            throw ExitStatus.invalidInput.code
        }
        return document
    }

    /// The agenda's broken rules, and a stated objective that is neither its costs nor its costs
    /// with the changes from `previous` (an agenda replanned from it states the latter, one solved
    /// afresh the former).
    private func judge(_ document: Agenda, _ g: Gathering, previous: Agenda?) throws -> [String] {
        var unstated = document
        unstated.objective = nil
        let plain = AgendaChecker(domain: Domain(g)).check(unstated)
        var warnings = plain.violations.map(\.description)
        guard let stated = document.objective, document.status == .optimal || document.status == .feasible else { return warnings }
        var costs = [plain.objective]
        if let previous, let checker = try? AgendaChecker(gathering: g, previous: previous) {
            costs.append(checker.check(unstated).objective)
        }
        if !costs.contains(stated) {
            let sums = costs.count == 1 ? "\(costs[0])" : "\(costs[0]) (\(costs[1]) with the changes from --previous)"
            warnings.append("the agenda states objective \(stated), but its costs add up to \(sums).")
        }
        return warnings
    }
}
