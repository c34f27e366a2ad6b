import Convene
import ConvenePlanner
import ConveneTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A planner on a fresh data folder, served in process (no socket): `test` gets a client of its API.
func withPlanner<T: Sendable>(
    token: String? = nil, jobs: Int = 2, _ test: @Sendable (any TestClientProtocol, Planner) async throws -> T
) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convene-planner-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let planner = try await Planner(data: folder, jobs: jobs)
    let app = Application(router: try PlannerServer.router(planner: planner, token: token))
    let result = try await app.test(.router) { client in try await test(client, planner) }
    await planner.jobs.cancelAll()
    return result
}

/// The P2PU fixture's input document.
let p2pu: Data = (try? fixture("p2pu-gathering-2019.json")) ?? Data()
/// Its hand-made agenda (valid, objective 139).
let handAgenda: Data = (try? fixture("p2pu-gathering-2019.hand-agenda.json")) ?? Data()

extension TestClientProtocol {
    /// Sends JSON (or raw bytes) and returns the response.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, _ body: Data? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(data: $0) })
    }

    /// Sends a JSON value.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, json: Any, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(method, uri, try JSONSerialization.data(withJSONObject: json), headers: headers)
    }

    /// Stores the P2PU fixture as a new gathering; its id.
    func createP2PU() async throws -> String {
        let response = try await send(.post, "/api/gatherings", p2pu)
        guard response.status == .created, let id = response.object["id"] as? String else {
            throw PlannerTestError.unexpected("create: \(response.status) \(response.text)")
        }
        return id
    }

    /// Stores the fixture's hand-made agenda for gathering `g`; its id.
    func storeHandAgenda(_ g: String) async throws -> String {
        let response = try await send(.post, "/api/gatherings/\(g)/agendas", handAgenda)
        guard response.status == .created, let id = response.object["id"] as? String else {
            throw PlannerTestError.unexpected("agenda: \(response.status) \(response.text)")
        }
        return id
    }

    /// The first move of one placed session of the hand-made agenda whose checker-only what-if `fits`: to another's start
    /// slot and rooms, or (`sameRoom`) to another start slot in its own rooms.
    func findMove(_ g: String, _ a: String, sameRoom: Bool = false, fits: ([String: Any]) -> Bool) async throws -> [String: Any]? {
        let agenda = try Agenda.load(handAgenda).value
        let single = agenda.placements.filter { $0.rooms.count == 1 }
        let starts = Set(agenda.placements.map(\.start)).sorted()
        for p in single {
            let targets = sameRoom ? starts.map { ($0, p.rooms) } : single.map { ($0.start, $0.rooms) }
            for (start, rooms) in targets where start != p.start {
                let move: [String: Any] = ["session": p.session, "start": start, "rooms": rooms]
                let verdict = try await send(.post, "/api/gatherings/\(g)/agendas/\(a)/what-if", json: ["moves": [move]]).object
                if fits(verdict) { return move }
            }
        }
        return nil
    }

    /// Polls a job until it has ended (bounded by polls, not time: each poll waits 50 ms).
    func waitForJob(_ job: String, polls: Int = 2_400) async throws -> [String: Any] {
        for _ in 0..<polls {
            let object = try await send(.get, "/api/jobs/\(job)").object
            if let state = object["state"] as? String, state != "running" { return object }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw PlannerTestError.unexpected("job \(job) did not end")
    }
}

enum PlannerTestError: Error { case unexpected(String) }

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// The problems of an error body, as `path: message`.
    var problems: [String] {
        (object["problems"] as? [[String: Any]] ?? []).map { "\($0["path"] as? String ?? ""): \($0["message"] as? String ?? "")" }
    }
    /// Whether the body has the contract's error shape.
    var isError: Bool { object["error"] is String && object["problems"] is [Any] }
}

extension Data {
    /// The JSON object, changed by `edit`.
    func editing(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: self) as? [String: Any] ?? [:]
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }
}
