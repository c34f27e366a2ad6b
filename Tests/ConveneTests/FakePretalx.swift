import ConveneCore
import Foundation
import Synchronization

@testable import ConveneFormats

/// pretalx 2025.2.2 in memory, as far as `convene import` and `convene push` use its API, seeded
/// with the recorded answers of `Fixtures/import/pretalx-api/` (event `convene-test`, 33
/// submissions, the work-in-progress schedule with id 2). It does what `Tools/pretalx/API-NOTES.md`
/// says the real one does, and the round trip against the real one (`Tests/Pretalx/round_trip.sh`)
/// checks the same behaviour there:
///
/// - a slot keeps a *stored* end apart from the end its API shows (the stored one, else start +
///   its submission's duration); `PATCH slots/ID/` writes room and start and leaves the stored end;
/// - `PATCH submissions/CODE/ {"duration": N}` stores every placed work-in-progress slot's end as
///   start + N, but only when N differs from the stored duration;
/// - a release turns the work-in-progress schedule into the version and copies its slots, with
///   new ids and stored ends, into a new one; a version released twice is refused;
/// - pages of at most 250, a token, an HTML 404 for an unknown event, 403 for a released slot.
///
/// `failAfterWrites` makes every request after that many writes go unanswered, as a push stopped
/// half-way by a lost connection.
final class FakePretalx: PretalxTransport {
    struct Slot {
        var id: Int
        var schedule: Int
        var submission: String?
        var room: Int?
        var start: Int?
        var storedEnd: Int?
        var description: JSONValue
    }

    struct State {
        var event: JSONValue
        var submissions: [JSONValue]
        var duration: [String: Int]
        var speakers: [JSONValue]
        var rooms: [JSONValue]
        var tracks: [JSONValue]
        var types: [JSONValue]
        var schedules: [(id: Int, version: String?)]
        var slots: [Slot]
        var writes = 0
        var failAfterWrites: Int?
        var requests: [String] = []
    }

    static let token = "good-token"
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? .current
    let state: Mutex<State>

    init() throws {
        func load(_ name: String) throws -> JSONValue {
            var parser = JSONParser(Array(try fixture("import/pretalx-api/\(name).json")))
            return try parser.parseDocument()
        }
        func results(_ names: String...) throws -> [JSONValue] {
            try names.flatMap { SourceJSON.records(try load($0)).map(\.value) }
        }
        let submissions = try results("submissions-page-1", "submissions-page-2")
        var duration: [String: Int] = [:]
        for s in submissions {
            if let code = SourceJSON.text(s, "code"), let minutes = SourceJSON.integer(SourceJSON.member(s, "duration")) {
                duration[code] = minutes
            }
        }
        let slots = try results("slots-wip").map { s in
            Slot(
                id: SourceJSON.integer(SourceJSON.member(s, "id")) ?? 0, schedule: 2, submission: SourceJSON.text(s, "submission"),
                room: SourceJSON.integer(SourceJSON.member(s, "room")), start: Self.instant(SourceJSON.text(s, "start")),
                storedEnd: Self.instant(SourceJSON.text(s, "end")), description: SourceJSON.member(s, "description") ?? .null)
        }
        let released = slots.map { slot in
            var copy = slot
            copy.id -= 33
            copy.schedule = 1
            return copy
        }
        state = Mutex(
            State(
                event: try load("event"), submissions: submissions, duration: duration,
                speakers: try results("speakers-page-1", "speakers-page-2"), rooms: try results("rooms"), tracks: try results("tracks"),
                types: try results("submission-types"), schedules: [(1, "1.0"), (2, nil)], slots: released + slots))
    }

    static func instant(_ text: String?) -> Int? { text.flatMap(SourceTime.parse).map { $0.instant(in: zone) } }
    static func text(_ instant: Int?) -> JSONValue { instant.map { .string(LocalTime.iso8601($0, in: zone)) } ?? .null }

    /// The work-in-progress schedule's id.
    var workInProgress: Int { state.withLock { s in s.schedules.first { $0.version == nil }?.id ?? 0 } }

    /// The work-in-progress talk slots as the API shows them: (submission, room, start, end).
    var shownSlots: [(submission: String, room: Int?, start: Int?, end: Int?)] {
        state.withLock { s in
            let wip = s.schedules.first { $0.version == nil }?.id
            return s.slots.filter { $0.schedule == wip && $0.submission != nil }.map { slot in
                (slot.submission ?? "", slot.room, slot.start, Self.shownEnd(slot, s))
            }
        }
    }

    /// The stored end, else start + the submission's duration.
    static func shownEnd(_ slot: Slot, _ s: State) -> Int? {
        if let end = slot.storedEnd { return end }
        guard let start = slot.start, let code = slot.submission, let minutes = s.duration[code] else { return nil }
        return start + minutes * 60
    }

    // MARK: Answers

    func send(_ request: PretalxRequest) async throws -> PretalxResponse {
        try state.withLock { s in
            let path = URLComponents(url: request.url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? ""
            s.requests.append("\(request.method) \(path)\(request.url.query.map { "?" + $0 } ?? "")")
            if request.method != "GET" {
                if let limit = s.failAfterWrites, s.writes >= limit { throw URLError(.networkConnectionLost) }
                s.writes += 1
            }
            return answer(request, &s)
        }
    }

    private func answer(_ request: PretalxRequest, _ s: inout State) -> PretalxResponse {
        let prefix = "/api/events/convene-test/"
        let path = request.url.path.hasSuffix("/") ? request.url.path : request.url.path + "/"
        guard path.hasPrefix(prefix) else {
            return PretalxResponse(
                status: 404, headers: ["Content-Type": "text/html"], body: Data("<html><title>Not found</title></html>".utf8))
        }
        guard request.headers["Authorization"] == "Token \(Self.token)" else {
            return Self.json(401, .object([member("detail", "Invalid token.")]))
        }
        let parts = path.dropFirst(prefix.count).split(separator: "/").map(String.init)
        let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
        var body: JSONValue = .null
        if let data = request.body {
            var parser = JSONParser(Array(data))
            body = (try? parser.parseDocument()) ?? .null
        }
        switch (request.method, parts.first, parts.count) {
        case ("GET", nil, _): return Self.json(200, s.event)
        case ("GET", "submissions", 1): return page(s.submissions, request, item)
        case ("GET", "speakers", 1): return page(s.speakers, request, item)
        case ("GET", "rooms", 1): return page(s.rooms, request, item)
        case ("GET", "tracks", 1): return page(s.tracks, request, item)
        case ("GET", "submission-types", 1): return page(s.types, request, item)
        case ("GET", "schedules", 1):
            let list = s.schedules.map { schedule in
                JSONValue.object([member("id", schedule.id), member("version", schedule.version ?? "wip")])
            }
            return page(list, request, item)
        case ("GET", "slots", 1):
            let schedule = item("schedule").flatMap(Int.init)
            return page(s.slots.filter { $0.schedule == schedule }.map { slotJSON($0, s) }, request, item)
        case ("PATCH", "slots", 2):
            guard let i = s.slots.firstIndex(where: { String($0.id) == parts[1] }) else {
                return Self.json(404, .object([member("detail", "No TalkSlot matches the given query.")]))
            }
            guard s.slots[i].schedule == s.schedules.first(where: { $0.version == nil })?.id else {
                return Self.json(403, .object([member("detail", "You do not have permission to perform this action.")]))
            }
            if let room = SourceJSON.member(body, "room") {
                s.slots[i].room = SourceJSON.integer(room)
            } else if SourceJSON.has(body, "room") {
                s.slots[i].room = nil
            }
            if SourceJSON.has(body, "start") { s.slots[i].start = Self.instant(SourceJSON.text(body, "start")) }
            return Self.json(200, slotJSON(s.slots[i], s))
        case ("PATCH", "submissions", 2):
            let code = parts[1]
            guard let i = s.submissions.firstIndex(where: { SourceJSON.text($0, "code") == code }) else {
                return Self.json(404, .object([member("detail", "Not found.")]))
            }
            if let minutes = SourceJSON.integer(SourceJSON.member(body, "duration")), minutes != s.duration[code] {
                s.duration[code] = minutes
                let wip = s.schedules.first { $0.version == nil }?.id
                for j in s.slots.indices where s.slots[j].schedule == wip && s.slots[j].submission == code {
                    if let start = s.slots[j].start { s.slots[j].storedEnd = start + minutes * 60 }
                }
            }
            return Self.json(200, s.submissions[i])
        case ("POST", "schedules", 2) where parts[1] == "release":
            guard let version = SourceJSON.text(body, "version") else {
                return Self.json(400, .object([member("version", JSONValue.array([.string("This field is required.")]))]))
            }
            if s.schedules.contains(where: { $0.version == version }) {
                return Self.json(
                    400,
                    .object([
                        member(
                            "version", JSONValue.array([.string("A schedule with the version '\(version)' already exists for this event.")])
                        )
                    ]))
            }
            guard let w = s.schedules.firstIndex(where: { $0.version == nil }) else { return Self.json(500, .null) }
            let old = s.schedules[w].id
            s.schedules[w].version = version
            let new = (s.schedules.map(\.id).max() ?? 0) + 1
            s.schedules.append((new, nil))
            var next = (s.slots.map(\.id).max() ?? 0) + 1
            for slot in s.slots where slot.schedule == old {
                var copy = slot
                copy.id = next
                copy.schedule = new
                copy.storedEnd = Self.shownEnd(slot, s)
                next += 1
                s.slots.append(copy)
            }
            return Self.json(201, .object([member("id", old), member("version", version)]))
        default:
            return Self.json(405, .object([member("detail", "Method \"\(request.method)\" not allowed.")]))
        }
    }

    private func slotJSON(_ slot: Slot, _ s: State) -> JSONValue {
        let end = Self.shownEnd(slot, s)
        let minutes: JSONValue =
            if let start = slot.start, let end { .number(Double((end - start) / 60)) } else {
                slot.submission.flatMap { s.duration[$0] }.map { .number(Double($0)) } ?? .null
            }
        return .object([
            member("id", slot.id), .init(key: "room", value: slot.room.map { .number(Double($0)) } ?? .null),
            .init(key: "start", value: Self.text(slot.start)), .init(key: "end", value: Self.text(end)),
            .init(key: "submission", value: slot.submission.map(JSONValue.string) ?? .null), member("schedule", slot.schedule),
            .init(key: "description", value: slot.description), .init(key: "duration", value: minutes),
        ])
    }

    private func page(_ records: [JSONValue], _ request: PretalxRequest, _ item: (String) -> String?) -> PretalxResponse {
        let size = min(250, item("page_size").flatMap(Int.init) ?? 50)
        let number = item("page").flatMap(Int.init) ?? 1
        let first = (number - 1) * size
        guard first < max(records.count, 1) else { return Self.json(404, .object([member("detail", "Invalid page.")])) }
        var next: JSONValue = .null
        if first + size < records.count, var parts = URLComponents(url: request.url, resolvingAgainstBaseURL: false) {
            // pretalx builds `next` from the Host it saw: here another scheme and port than the client's.
            parts.scheme = "http"
            parts.port = 8738
            parts.queryItems =
                (parts.queryItems ?? []).filter { $0.name != "page" } + [URLQueryItem(name: "page", value: String(number + 1))]
            next = parts.url.map { .string($0.absoluteString) } ?? .null
        }
        return Self.json(
            200,
            .object([
                member("count", records.count), .init(key: "next", value: next), .init(key: "previous", value: .null),
                .init(key: "results", value: .array(Array(records[first..<min(records.count, first + size)]))),
            ]))
    }

    static func json(_ status: Int, _ value: JSONValue) -> PretalxResponse {
        PretalxResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(JSONWriter.write(value).utf8))
    }
}

private func member(_ key: String, _ value: String) -> JSONValue.Member { .init(key: key, value: .string(value)) }
private func member(_ key: String, _ value: Int) -> JSONValue.Member { .init(key: key, value: .number(Double(value))) }
private func member(_ key: String, _ value: JSONValue) -> JSONValue.Member { .init(key: key, value: value) }
