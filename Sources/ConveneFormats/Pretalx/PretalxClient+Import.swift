import ConveneCore
import Foundation

extension PretalxClient {
    /// The fields of a submission the import reads: `fields=` makes a page of 250 five times
    /// smaller and faster to serve (0.1 s against 0.5 s for 33 submissions).
    static let submissionFields = "code,title,abstract,speakers,submission_type,track,state,duration,slot_count"
    static let speakerFields = "code,name,availabilities"

    /// The event as `convene import --pretalx` reads it from files: the event, every page of
    /// submissions and speakers, the rooms, tracks and submission types, and the slots of the
    /// work-in-progress schedule (the one `convene push` writes to, and that becomes the next
    /// release), each answer as one file named by its address (`democon/submissions/?page=2`).
    ///
    /// Pass the files to ``ImportRequest``'s `pretalx` as if they had been saved by hand.
    ///
    /// - Throws: ``PretalxError`` for the first request that fails after its retries.
    public func importFiles() async throws(PretalxError) -> [ImportFile] {
        var answers = [try await eventAnswer()]
        answers += try await pages("submissions/?fields=\(Self.submissionFields)")
        answers += try await pages("speakers/?fields=\(Self.speakerFields)")
        answers += try await pages("rooms/")
        answers += try await pages("tracks/")
        answers += try await pages("submission-types/")
        answers += try await pages("slots/?schedule=\(try await schedules().workInProgress)")
        return answers.map { ImportFile(name: $0.name, data: $0.data) }
    }

    /// The event itself; pretalx's 404 for an unknown slug is an HTML page, said here in words.
    func eventAnswer() async throws(PretalxError) -> Answer {
        let answer: Answer
        do {
            answer = try await get("")
        } catch  where error.kind == .notFound {
            throw PretalxError(
                .notFound, request: error.request, status: error.status,
                message: "\(server.absoluteString) has no event \"\(event)\" (404); give the slug from the event's address "
                    + "(https://…/SLUG/) and the pretalx server's root address")
        }
        guard SourceJSON.has(answer.json, "slug"), SourceJSON.has(answer.json, "timezone") else {
            throw PretalxError(
                .unexpectedAnswer, request: label("GET", eventURL),
                message: "the answer is not a pretalx event (no \"slug\" and \"timezone\"); is \(server.absoluteString) a pretalx server?")
        }
        return answer
    }

    /// The work-in-progress schedule's id (the entry whose `version` is `wip`) and the versions released.
    func schedules() async throws(PretalxError) -> (workInProgress: Int, released: [String]) {
        var wip: Int?
        var released: [String] = []
        for answer in try await pages("schedules/") {
            for (record, _) in SourceJSON.records(answer.json) {
                guard let version = SourceJSON.text(record, "version") else { continue }
                if version == "wip" {
                    wip = SourceJSON.integer(SourceJSON.member(record, "id"))
                } else {
                    released.append(version)
                }
            }
        }
        guard let wip else {
            throw PretalxError(
                .unexpectedAnswer, request: label("GET", url("schedules/")),
                message: "pretalx lists no work-in-progress schedule (\"version\": \"wip\" with an id)")
        }
        return (wip, released)
    }
}
