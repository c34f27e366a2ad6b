import ArgumentParser
import Convene
import Foundation

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publishes a saved agenda for the people in it, as a static site in a folder.",
        discussion:
            "The folder gets index.html (the days' grid), a page per session, room (a door sign to print) and person, their "
            + "calendars (.ics), and schedule.ics, schedule.xml, schedule.json and agenda.csv. Files already in the folder are "
            + "kept unless the site has a file of the same name. Exit status: 0 published; 64 bad usage; 65 invalid input or "
            + "agenda document, or an unknown person; 66 unreadable file; 73 a file cannot be written."
    )

    @Argument(help: "The agenda document (JSON), or - for standard input.")
    var agenda: String

    @Option(help: "The input document the agenda was made for.")
    var input: String

    @Option(help: "The folder to write the site into (created when missing).")
    var output: String

    @Option(help: "The agenda this one replaces: the site then has a \"What changed\" page and marks every changed session.")
    var previous: String?

    @Option(
        name: .customLong("base-url"),
        help: "The address the site will be served from (https://…/), for the links in calendars that must be absolute.")
    var baseURL: String?

    @Flag(name: .customLong("no-attendee-pages"), help: "Leave out the pages and calendars of attendees who are not facilitators.")
    var noAttendeePages = false

    func validate() throws {
        if let baseURL, !SitePublisher.isSiteAddress(baseURL) {
            throw ValidationError("--base-url must be an http:// or https:// address with a host, such as https://example.org/gathering/.")
        }
        let stdin = [agenda, input, previous].filter { $0 == "-" }.count
        if stdin > 1 { throw ValidationError("Only one of the agenda, the input and the previous agenda can be read from standard input.") }
    }

    func run() throws {
        let gathering = try Files.gathering(input)
        let document = try Files.agenda(agenda)
        let previousAgenda = try previous.map { try Files.agenda($0) }
        let report = AgendaChecker(domain: Domain(gathering)).check(document)
        for violation in report.violations { printError("\(agenda): warning: \(violation)") }
        let publisher = SitePublisher(previous: previousAgenda, baseURL: baseURL, attendeePages: !noAttendeePages, stamp: calendarStamp())
        let site = publisher.publish(document, gathering: gathering)
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        for file in site.files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                printError("error: cannot create the folder \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
                throw ExitStatus.cannotWrite.code
            }
            try Files.write(file.contents, to: url.path)
        }
        let pages = site.files.filter { $0.path.hasSuffix(".html") }.count
        printError("\(output): \(site.files.count) files, \(pages) pages; open \(folder.appendingPathComponent("index.html").path)")
    }
}
