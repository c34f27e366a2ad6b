import ConvenePlanner
import ConveneTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite(.sharesCPU) struct GatheringEndpointTests {
    @Test func createReadAndListAGathering() async throws {
        try await withPlanner { client, _ in
            let created = try await client.send(.post, "/api/gatherings", p2pu)
            #expect(created.status == .created)
            #expect(created.object["id"] as? String == "p2pu-gathering-2019")
            #expect(created.object["version"] as? Int == 1)
            #expect(created.headers[.location] == "/api/gatherings/p2pu-gathering-2019")
            #expect(created.headers[.eTag] == "\"1\"")
            let again = try await client.send(.post, "/api/gatherings", p2pu)
            #expect(again.object["id"] as? String == "p2pu-gathering-2019-2", "a second gathering of the same name gets its own id")

            let read = try await client.send(.get, "/api/gatherings/p2pu-gathering-2019")
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == "\"1\"")
            let original = try JSONSerialization.jsonObject(with: p2pu) as? NSDictionary
            #expect(read.json as? NSDictionary == original, "the document comes back as it was stored")

            let list = try await client.send(.get, "/api/gatherings").array
            #expect(list.count == 2)
            #expect(list.allSatisfy { $0["name"] as? String == "P2PU Gathering 2019" && $0["sessions"] as? Int == 21 })
        }
    }

    @Test func unknownGatheringsAndPathsAre404InTheErrorShape() async throws {
        try await withPlanner { client, _ in
            for uri in [
                "/api/gatherings/nothing", "/api/gatherings/nothing/versions", "/api/gatherings/nothing/versions/1",
                "/api/gatherings/nothing/agendas", "/api/gatherings/nothing/jobs", "/api/nothing-here",
            ] {
                let response = try await client.send(.get, uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.isError, "\(uri): \(response.text)")
            }
        }
    }

    @Test func aMethodThePathDoesNotHaveIs405WithAllow() async throws {
        try await withPlanner { client, _ in
            let response = try await client.send(.delete, "/api/gatherings")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, POST")
            #expect(response.isError)
        }
    }

    @Test func anUnknownKeyIsAWarningNotAnError() async throws {
        try await withPlanner { client, _ in
            let typo = try p2pu.editing { $0["sesions"] = [] as [Any] }
            let accepted = try await client.send(.post, "/api/gatherings", typo)
            #expect(accepted.status == .created)
            let checked = try await client.send(.post, "/api/validate", typo)
            #expect((checked.object["problems"] as? [[String: Any]])?.first?["severity"] as? String == "warning")
        }
    }

    @Test(arguments: invalidFixtures) func everyInvalidFixtureIs422WithItsPaths(name: String) async throws {
        try await withPlanner { client, _ in
            let response = try await client.send(.post, "/api/gatherings", try fixture("invalid/\(name).json"))
            #expect(response.status == .unprocessableContent || response.status == .badRequest, "\(name): \(response.status)")
            for expected in try ExpectedProblem.load(name) where response.status == .unprocessableContent {
                #expect(
                    response.problems.contains { $0.hasPrefix(expected.path + ": ") && $0.contains(expected.fragment) },
                    "\(name): \(expected)")
            }
            #expect(try await client.send(.get, "/api/gatherings").array.isEmpty, "nothing is stored on an error")
        }
    }

    @Test func unreadableJSONIs400WrongMediaTypeIs415TooLargeIs413() async throws {
        try await withPlanner { client, _ in
            let broken = try await client.send(.post, "/api/gatherings", Data("{\"convene\": 1,".utf8))
            #expect(broken.status == .badRequest)
            #expect(broken.isError)
            let form = try await client.send(.post, "/api/gatherings", p2pu, headers: [.contentType: "text/plain"])
            #expect(form.status == .unsupportedMediaType)
            #expect(form.isError)
            let huge = Data(repeating: 0x20, count: 20 * 1024 * 1024 + 1)
            let large = try await client.send(.post, "/api/gatherings", huge)
            #expect(large.status == .contentTooLarge)
            #expect(large.isError)
            #expect(try await client.send(.get, "/api/gatherings").array.isEmpty)
        }
    }

    @Test func aChangeNeedsTheLatestVersionInIfMatch() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let renamed = try p2pu.editing { $0["event"] = ["name": "P2PU Gathering 2019, renamed", "timeZone": "America/New_York"] }
            let missing = try await client.send(.put, "/api/gatherings/\(g)", renamed)
            #expect(missing.status == .preconditionRequired)
            #expect(missing.isError)
            let stored = try await client.send(.put, "/api/gatherings/\(g)", renamed, headers: [.ifMatch: "\"1\""])
            #expect(stored.status == .ok)
            #expect(stored.object["version"] as? Int == 2)
            #expect(stored.headers[.eTag] == "\"2\"")
            let stale = try await client.send(.put, "/api/gatherings/\(g)", p2pu, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.isError)
            let weak = try await client.send(.put, "/api/gatherings/\(g)", p2pu, headers: [.ifMatch: "W/\"2\""])
            #expect(weak.status == .preconditionFailed, "a weak tag never matches")
            let any = try await client.send(.put, "/api/gatherings/\(g)", p2pu, headers: [.ifMatch: "*"])
            #expect(any.object["version"] as? Int == 3)
            let invalid = try await client.send(.put, "/api/gatherings/\(g)", Data("{\"convene\": 2}".utf8), headers: [.ifMatch: "\"3\""])
            #expect(invalid.status == .unprocessableContent)
            let nowhere = try await client.send(.put, "/api/gatherings/nothing", p2pu, headers: [.ifMatch: "\"1\""])
            #expect(nowhere.status == .notFound)

            let versions = try await client.send(.get, "/api/gatherings/\(g)/versions").array
            #expect(versions.map { $0["version"] as? Int } == [3, 2, 1], "every version is kept, none overwritten")
            #expect(versions[1]["name"] as? String == "P2PU Gathering 2019, renamed")
            let second = try await client.send(.get, "/api/gatherings/\(g)/versions/2")
            #expect(second.headers[.eTag] == "\"2\"")
            #expect((second.object["event"] as? [String: Any])?["name"] as? String == "P2PU Gathering 2019, renamed")
            #expect(try await client.send(.get, "/api/gatherings/\(g)/versions/9").status == .notFound)
        }
    }

    @Test func ofConcurrentChangesFromTheSameVersionExactlyOneIsStored() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<12 {
                    let document = try p2pu.editing { $0["event"] = ["name": "Edit \(n)", "timeZone": "America/New_York"] }
                    group.addTask { try await client.send(.put, "/api/gatherings/\(g)", document, headers: [.ifMatch: "\"1\""]).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .preconditionFailed }.count == 11, "\(statuses)")
            let versions = try await client.send(.get, "/api/gatherings/\(g)/versions").array
            #expect(versions.count == 2)
        }
    }

    @Test func theValidatorGivesEveryProblemWithItsPathAndStoresNothing() async throws {
        try await withPlanner { client, _ in
            let valid = try await client.send(.post, "/api/validate", p2pu)
            #expect(valid.status == .ok)
            #expect(valid.object["valid"] as? Bool == true)
            #expect((valid.object["summary"] as? String)?.hasPrefix("21 sessions") == true)
            let bad = try p2pu.editing { document in
                var sessions = document["sessions"] as? [[String: Any]] ?? []
                sessions[3]["facilitators"] = ["nobody"]
                sessions[4]["facilitator"] = ["p2pu-director"]
                document["sessions"] = sessions
            }
            let invalid = try await client.send(.post, "/api/validate", bad)
            #expect(invalid.status == .ok)
            #expect(invalid.object["valid"] as? Bool == false)
            let problems = invalid.object["problems"] as? [[String: Any]] ?? []
            #expect(problems.contains { $0["path"] as? String == "sessions[3].facilitators[0]" && $0["severity"] as? String == "error" })
            #expect(problems.contains { $0["path"] as? String == "sessions[4].facilitator" && $0["severity"] as? String == "warning" })
            #expect(try await client.send(.post, "/api/validate", Data("not json".utf8)).status == .badRequest)
            #expect(try await client.send(.get, "/api/gatherings").array.isEmpty)
        }
    }

    @Test func theOpenAPIDocumentIsServedAsItIs() async throws {
        try await withPlanner { client, _ in
            let response = try await client.send(.get, "/api/openapi.json")
            #expect(response.status == .ok)
            let served = response.json as? NSDictionary
            let file =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: repositoryRoot.appendingPathComponent("Sources/ConvenePlannerAPI/openapi.json")))
                as? NSDictionary
            #expect(served == file)
        }
    }
}
