import ConveneCore
import Foundation

/// pretalx's side of a push, read once at its start: the work-in-progress schedule's talk slots,
/// the rooms, the submissions and the versions already released. A push compares the agenda with
/// this and writes only the differences, so a push stopped half-way and run again reads what the
/// first one wrote and goes on from there.
struct PretalxState {
    /// A talk slot of the work-in-progress schedule (breaks are left out: a push leaves them alone).
    struct Slot: Equatable {
        var id: Int
        var submission: String
        var room: Int?
        var start: Int?
        var end: Int?
        /// pretalx shows a talk only when it has both a room and a start.
        var isPlaced: Bool { room != nil && start != nil }
    }

    struct Room {
        var id: Int
        /// Its name (in English, else its first language).
        var name: String
        /// Its name in every language, for matching an input room by name.
        var names: [String]
        /// pretalx's `uuid` (the room's `guid` when set): what the import records as `rooms[].guid`.
        var uuid: String?
    }

    struct Submission {
        var code: String
        var title: String?
        var state: String
        /// Minutes: its own duration, or its type's default (pretalx does not say which).
        var duration: Int?
    }

    /// The work-in-progress schedule's id.
    var schedule: Int
    /// Versions already released, which a release must not repeat.
    var versions: [String]
    var slots: [Slot]
    var rooms: [Room]
    var submissions: [String: Submission]

    /// Reads the answers of `schedules/`, `slots/?schedule=ID`, `rooms/` and `submissions/`;
    /// times without an offset are read in `zone`.
    init(
        schedule: Int, versions: [String], slotPages: [PretalxClient.Answer], roomPages: [PretalxClient.Answer],
        submissionPages: [PretalxClient.Answer], zone: TimeZone
    ) throws(PretalxError) {
        self.schedule = schedule
        self.versions = versions
        func unexpected(_ answer: PretalxClient.Answer, _ path: JSONPath, _ what: String) -> PretalxError {
            PretalxError(.unexpectedAnswer, request: "GET \(answer.name)", message: "\(path): \(what)")
        }
        func time(_ value: JSONValue, _ key: String, _ answer: PretalxClient.Answer, _ path: JSONPath) throws(PretalxError) -> Int? {
            guard let text = SourceJSON.text(value, key) else { return nil }
            guard let time = SourceTime.parse(text) else { throw unexpected(answer, path / key, "cannot read the time \"\(text)\"") }
            return time.instant(in: zone)
        }
        slots = []
        for answer in slotPages {
            for (record, path) in SourceJSON.records(answer.json) {
                guard let code = SourceJSON.identifier(SourceJSON.member(record, "submission")) else { continue }
                guard let id = SourceJSON.integer(SourceJSON.member(record, "id")) else {
                    throw unexpected(answer, path, "a slot without an id")
                }
                let room = SourceJSON.member(record, "room")
                if let room, SourceJSON.integer(room) == nil { throw unexpected(answer, path / "room", "expected a room id") }
                slots.append(
                    Slot(
                        id: id, submission: code, room: SourceJSON.integer(room), start: try time(record, "start", answer, path),
                        end: try time(record, "end", answer, path)))
            }
        }
        rooms = []
        for answer in roomPages {
            for (record, path) in SourceJSON.records(answer.json) {
                guard let id = SourceJSON.integer(SourceJSON.member(record, "id")) else {
                    throw unexpected(answer, path, "a room without an id")
                }
                var names: [String] = []
                if case .object(let languages)? = SourceJSON.member(record, "name") {
                    names = languages.compactMap { SourceJSON.text($0.value) }
                } else if let name = SourceJSON.text(record, "name") {
                    names = [name]
                }
                let uuid = [SourceJSON.text(record, "uuid"), SourceJSON.text(record, "guid")].lazy.compactMap { $0 }
                    .first(where: StableIdentifier.isUUID)?.lowercased()
                rooms.append(Room(id: id, name: SourceJSON.text(record, "name") ?? "room \(id)", names: names, uuid: uuid))
            }
        }
        submissions = [:]
        for answer in submissionPages {
            for (record, path) in SourceJSON.records(answer.json) {
                guard let code = SourceJSON.identifier(SourceJSON.member(record, "code")) else {
                    throw unexpected(answer, path, "a submission without a code")
                }
                submissions[code] = Submission(
                    code: code, title: SourceJSON.text(record, "title"), state: SourceJSON.text(record, "state") ?? "",
                    duration: SourceJSON.integer(SourceJSON.member(record, "duration")))
            }
        }
    }

    /// The slots of each submission.
    var slotsBySubmission: [String: [Slot]] { Dictionary(grouping: slots, by: \.submission) }
}

extension PretalxClient {
    /// The fields of a submission a push reads.
    static let pushFields = "code,title,state,duration"

    /// What a push compares the agenda with: 2 requests for the event and the schedules, then
    /// pages of 250 of the slots, rooms and submissions.
    func pushState(zone: TimeZone) async throws(PretalxError) -> PretalxState {
        _ = try await eventAnswer()
        let schedules = try await schedules()
        let slots = try await pages("slots/?schedule=\(schedules.workInProgress)")
        let rooms = try await pages("rooms/")
        let submissions = try await pages("submissions/?fields=\(Self.pushFields)")
        return try PretalxState(
            schedule: schedules.workInProgress, versions: schedules.released, slotPages: slots, roomPages: rooms,
            submissionPages: submissions, zone: zone)
    }
}
