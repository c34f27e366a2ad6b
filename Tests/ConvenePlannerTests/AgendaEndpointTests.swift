import Convene
import ConvenePlanner
import ConveneTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite(.sharesCPU) struct AgendaEndpointTests {
    @Test func anAgendaIsStoredOnlyOnceTheCheckerAcceptsIt() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let stored = try await client.send(.post, "/api/gatherings/\(g)/agendas", handAgenda)
            #expect(stored.status == .created)
            let a = try #require(stored.object["id"] as? String)
            #expect(stored.headers[.location] == "/api/gatherings/\(g)/agendas/\(a)")
            #expect(stored.object["objective"] as? Int == 139)
            let document = try await client.send(.get, "/api/gatherings/\(g)/agendas/\(a)").object
            #expect(document["convene"] as? Int == 1)
            #expect(document["objective"] as? Int == 139)
            #expect(document["bound"] is NSNull, "null is written, not left out")
            #expect((document["placements"] as? [[String: Any]])?.first?["startTime"] is String)

            // Two sessions in one room at once: 422 with the violation, nothing stored.
            let clash = try handAgenda.editing { agenda in
                var placements = agenda["placements"] as? [[String: Any]] ?? []
                let first = placements[0]
                if let k = placements.firstIndex(where: {
                    ($0["rooms"] as? [String]) == ["commonwealth"] && $0["session"] as? String != first["session"] as? String
                }) {
                    placements[k]["start"] = first["start"]
                    placements[k]["rooms"] = first["rooms"]
                    placements[k]["slots"] = nil
                    placements[k]["startTime"] = nil
                    placements[k]["endTime"] = nil
                }
                agenda["placements"] = placements
                agenda["objective"] = nil
            }
            let refused = try await client.send(.post, "/api/gatherings/\(g)/agendas", clash)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.isError)
            #expect(refused.problems.contains { $0.contains("rule ") }, "\(refused.problems)")
            #expect(refused.problems.allSatisfy { $0.hasPrefix("placements[") || $0.hasPrefix("(document)") })

            let shapeless = try await client.send(
                .post, "/api/gatherings/\(g)/agendas", json: ["convene": 1, "placements": [["session": 3]]])
            #expect(shapeless.status == .unprocessableContent)
            #expect(shapeless.problems.contains { $0.hasPrefix("placements[0].session") }, "\(shapeless.problems)")
            #expect(try await client.send(.post, "/api/gatherings/\(g)/agendas", Data("[".utf8)).status == .badRequest)
            #expect(try await client.send(.post, "/api/gatherings/\(g)/agendas?version=7", handAgenda).status == .conflict)
            #expect(try await client.send(.post, "/api/gatherings/nothing/agendas", handAgenda).status == .notFound)
            #expect(try await client.send(.get, "/api/gatherings/\(g)/agendas").array.count == 1)
        }
    }

    @Test func runsBeyondTheFirstAreRefusedForNow() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let first = try handAgenda.editing { agenda in
                var placements = agenda["placements"] as? [[String: Any]] ?? []
                placements[0]["run"] = 1
                agenda["placements"] = placements
            }
            #expect(try await client.send(.post, "/api/gatherings/\(g)/agendas", first).status == .created, "run 1 is the only run")
            let second = try handAgenda.editing { agenda in
                var placements = agenda["placements"] as? [[String: Any]] ?? []
                placements[2]["run"] = 2
                agenda["placements"] = placements
            }
            let refused = try await client.send(.post, "/api/gatherings/\(g)/agendas", second)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problems.first?.hasPrefix("placements[2].run") == true)
        }
    }

    @Test func aWhatIfAnswersFromTheCheckerAlone() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            let uri = "/api/gatherings/\(g)/agendas/\(a)/what-if"
            // The funders' session to Thursday morning: the funder is not there yet, and the update runs alone.
            let response = try await client.send(.post, uri, json: ["moves": [["session": "funding", "start": "thu-1"]]])
            #expect(response.status == .ok)
            let verdict = response.object
            #expect(verdict["valid"] as? Bool == false)
            let rules = (verdict["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? Int }
            #expect(rules.contains(5) && rules.contains(6), "\(rules)")
            let objective = try #require(verdict["objective"] as? Int)
            #expect(verdict["delta"] as? Int == objective - 139)
            let changes = (verdict["diff"] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
            #expect(changes.count == 1)
            #expect(changes.first?["session"] as? String == "funding")
            #expect(changes.first?["kind"] as? String == "moved")
            #expect((changes.first?["people"] as? [String])?.contains("funder-imls") == true)
            #expect(verdict["status"] is NSNull, "no solve")
            let placements = (verdict["agenda"] as? [String: Any])?["placements"] as? [[String: Any]] ?? []
            #expect(placements.first { $0["session"] as? String == "funding" }?["startTime"] as? String == "2019-09-19T09:00")

            let nothing = try await client.send(.post, uri, json: ["moves": [] as [Any]]).object
            #expect(nothing["valid"] as? Bool == true)
            #expect(nothing["delta"] as? Int == 0)
            let off = try await client.send(.post, uri, json: ["moves": [["session": "open-space", "start": NSNull()]]]).object
            #expect(
                (off["violations"] as? [[String: Any]])?.contains { $0["rule"] as? Int == 1 } == true, "taking a session off breaks rule 1")

            let wrong: [([String: Any], String)] = [
                (["moves": [["session": "nothing", "start": "thu-1"]]], "moves[0].session"),
                (["moves": [["session": "funding", "start": "sat-9"]]], "moves[0].start"),
                (["moves": [["session": "funding", "start": "thu-1", "rooms": ["attic"]]]], "moves[0].rooms[0]"),
                (["moves": [["session": "funding", "run": 2, "start": "thu-1"]]], "moves[0].run"),
                (["moves": [["start": "thu-1"]]], "moves[0].session"),
                (["reoptimise": true], "moves"),
            ]
            for (body, path) in wrong {
                let refused = try await client.send(.post, uri, json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(refused.problems.first?.hasPrefix(path) == true, "\(body): \(refused.problems)")
            }
            #expect(
                try await client.send(.post, "/api/gatherings/\(g)/agendas/a999/what-if", json: ["moves": [] as [Any]]).status == .notFound)
        }
    }

    @Test func aWhatIfWithReoptimiseHoldsTheMovedSessionAndRepairsTheRest() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            // A session into another's room and time, where it breaks nothing else: the other one has to go.
            let move = try #require(
                try await client.findMove(g, a) { verdict in
                    let rules = (verdict["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? Int }
                    return !rules.isEmpty && rules.allSatisfy { $0 == 4 }
                })
            let moved = try #require(move["session"] as? String)
            let body: [String: Any] = ["moves": [move], "reoptimise": true, "solver": "search", "searchMoves": 30]
            let verdict = try await client.send(.post, "/api/gatherings/\(g)/agendas/\(a)/what-if", json: body).object
            #expect(verdict["valid"] as? Bool == true, "\(verdict["violations"] ?? "")")
            #expect(verdict["status"] as? String == "feasible" || verdict["status"] as? String == "optimal")
            let document = try JSONSerialization.data(withJSONObject: verdict["agenda"] ?? [:])
            let repaired = try Agenda.load(document).value
            let held = try #require(repaired.placements.first { $0.session == moved })
            #expect(
                held.start == move["start"] as? String && held.rooms == move["rooms"] as? [String],
                "the moved session stays where it was put")
            #expect(try AgendaChecker(gathering: Gathering(json: p2pu)).check(repaired).isValid)
            let changes = (verdict["diff"] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
            #expect(changes.contains { $0["session"] as? String == moved })
            #expect(changes.count >= 2, "the session it displaced moves too")
            // The repaired agenda can be kept as it is.
            #expect(try await client.send(.post, "/api/gatherings/\(g)/agendas", document).status == .created)
        }
    }

    @Test func aRoomClosedSinceTheAgendaShowsAndIsRepairedAround() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            // The Commonwealth Salon closes on Friday morning: version 2.
            let closed = try p2pu.editing { document in
                var rooms = document["rooms"] as? [[String: Any]] ?? []
                let k = try? #require(rooms.firstIndex { $0["id"] as? String == "commonwealth" })
                rooms[k ?? 0]["unavailable"] = [["start": "2019-09-20T08:00", "end": "2019-09-20T12:00"]]
                document["rooms"] = rooms
            }
            #expect(try await client.send(.put, "/api/gatherings/\(g)", closed, headers: [.ifMatch: "\"1\""]).status == .ok)
            let uri = "/api/gatherings/\(g)/agendas/\(a)/what-if"
            let now = try await client.send(.post, uri, json: ["moves": [] as [Any]]).object
            #expect(now["version"] as? Int == 2, "judged against the gathering as it is now")
            #expect(now["valid"] as? Bool == false)
            #expect((now["violations"] as? [[String: Any]])?.allSatisfy { $0["rule"] as? Int == 2 } == true)
            let body: [String: Any] = ["moves": [] as [Any], "reoptimise": true, "solver": "search", "searchMoves": 30]
            let repaired = try await client.send(.post, uri, json: body).object
            #expect(repaired["valid"] as? Bool == true, "\(repaired["violations"] ?? "")")
            let placements = (repaired["agenda"] as? [String: Any])?["placements"] as? [[String: Any]] ?? []
            let morning: Set<String> = ["fri-1", "fri-2"]
            #expect(
                !placements.contains {
                    ($0["rooms"] as? [String])?.contains("commonwealth") == true && morning.contains($0["start"] as? String ?? "")
                })
            let changes = (repaired["diff"] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
            let moved = Set(changes.compactMap { $0["session"] as? String })
            let wereThere = Set(
                try Agenda.load(handAgenda).value.placements.filter { $0.rooms.contains("commonwealth") && morning.contains($0.start) }
                    .map(\.session))
            #expect(!wereThere.isEmpty && wereThere.isSubset(of: moved), "every session of the closed room moves: \(wereThere) \(moved)")
        }
    }

    @Test func theDiffIsConveneDiffsJSON() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            let move = try #require(try await client.findMove(g, a, sameRoom: true) { $0["valid"] as? Bool == true })
            let moved = try await client.send(.post, "/api/gatherings/\(g)/agendas/\(a)/what-if", json: ["moves": [move]]).object
            let b = try #require(
                try await client.send(
                    .post, "/api/gatherings/\(g)/agendas", try JSONSerialization.data(withJSONObject: moved["agenda"] ?? [:])
                )
                .object["id"] as? String)
            let response = try await client.send(.get, "/api/gatherings/\(g)/agendas/\(b)/diff?against=\(a)")
            #expect(response.status == .ok)
            let gathering = try Gathering(json: p2pu)
            let newAgenda = try Agenda.load(Data(buffer: try await client.send(.get, "/api/gatherings/\(g)/agendas/\(b)").body)).value
            let expected = AgendaDiff(previous: try Agenda.load(handAgenda).value, new: newAgenda, gathering: gathering).json
            #expect(response.json as? NSDictionary == (try JSONSerialization.jsonObject(with: expected) as? NSDictionary))
            #expect(try await client.send(.get, "/api/gatherings/\(g)/agendas/\(b)/diff").status == .badRequest)
            #expect(try await client.send(.get, "/api/gatherings/\(g)/agendas/\(b)/diff?against=a999").status == .notFound)
            #expect(try await client.send(.get, "/api/gatherings/\(g)/agendas/a999").status == .notFound)
            let other = try await client.createP2PU()
            #expect(
                try await client.send(.get, "/api/gatherings/\(other)/agendas/\(a)").status == .notFound,
                "an agenda belongs to its gathering")
        }
    }

    @Test func publishGivesTheSiteAsAZipAndUnderSite() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            let response = try await client.send(.get, "/api/gatherings/\(g)/agendas/\(a)/site.zip")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/zip")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(g)-\(a).zip\"")
            let entries = try ZipReading.entries(Data(buffer: response.body))
            // The planner stamps the site with the agenda's creation time, so that the same agenda gives the same files.
            let listed = try await client.send(.get, "/api/gatherings/\(g)/agendas").json as? [[String: Any]] ?? []
            let created = try #require(listed.first { $0["id"] as? String == a }?["created"] as? String)
            let stamp = try Date(created, strategy: .iso8601)
            let site = SitePublisher(stamp: stamp).publish(try Agenda.load(handAgenda).value, gathering: try Gathering(json: p2pu))
            #expect(entries.count == site.files.count)
            #expect(entries["\(g)-\(a)/index.html"] == site.files.first { $0.path == "index.html" }.map { Data($0.contents.utf8) })

            let index = try await client.send(.get, "/site/\(g)/\(a)/")
            #expect(index.status == .ok)
            #expect(index.headers[.contentType] == "text/html; charset=utf-8")
            #expect(index.text.contains("P2PU Gathering 2019"))
            let bare = try await client.send(.get, "/site/\(g)/\(a)")
            #expect(bare.status == .seeOther)
            #expect(bare.headers[.location] == "/site/\(g)/\(a)/")
            let calendar = try #require(site.files.first { $0.path.hasSuffix(".ics") })
            #expect(try await client.send(.get, "/site/\(g)/\(a)/\(calendar.path)").headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(try await client.send(.get, "/site/\(g)/\(a)/nothing.html").status == .notFound)
            #expect(try await client.send(.get, "/site/\(g)/a999/").status == .notFound)
        }
    }

    @Test func importTurnsExportsIntoAnInputDocument() async throws {
        try await withPlanner { client, _ in
            func file(_ path: String) throws -> [String: Any] {
                ["name": (path as NSString).lastPathComponent, "content": String(decoding: try fixture(path), as: UTF8.self)]
            }
            let body: [String: Any] = [
                "frame": try file("import/p2pu-frame.json"), "interests": [try file("import/p2pu-survey.csv")],
                "choicesColumn": "Which sessions would you like to attend?",
            ]
            let response = try await client.send(.post, "/api/import", json: body)
            #expect(response.status == .ok, "\(response.text.prefix(400))")
            let document = try JSONSerialization.data(withJSONObject: response.object["document"] ?? [:])
            #expect(try Gathering(json: document).attendees.count == 50)
            #expect((response.object["summary"] as? String)?.hasPrefix("Imported") == true)
            #expect(response.object["previous"] is NSNull)
            let bad = try await client.send(.post, "/api/import", json: ["interests": [["name": "survey.csv", "content": "a,b\n1"]]])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.problems.allSatisfy { $0.hasPrefix("survey.csv") }, "\(bad.problems)")
            #expect(try await client.send(.post, "/api/import", json: ["frab": ["name": "x.xml"]]).status == .unprocessableContent)
            #expect(try await client.send(.get, "/api/gatherings").array.isEmpty, "importing stores nothing")
        }
    }
}

/// Reads a zip archive's stored entries and checks each one's CRC-32.
enum ZipReading {
    static func entries(_ zip: Data) throws -> [String: Data] {
        let bytes = [UInt8](zip)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard bytes.count >= 22, u32(bytes.count - 22) == 0x0605_4b50 else { throw PlannerTestError.unexpected("no end record") }
        let count = u16(bytes.count - 22 + 10)
        var at = u32(bytes.count - 22 + 16)
        var result: [String: Data] = [:]
        for _ in 0..<count {
            guard u32(at) == 0x0201_4b50 else { throw PlannerTestError.unexpected("no central entry at \(at)") }
            let crc = UInt32(u32(at + 16))
            let size = u32(at + 20)
            let nameLength = u16(at + 28)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let local = u32(at + 42)
            guard u32(local) == 0x0403_4b50 else { throw PlannerTestError.unexpected("no local header for \(name)") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            let contents = Data(bytes[start..<(start + size)])
            guard ZipArchive.crc32(contents) == crc else { throw PlannerTestError.unexpected("CRC of \(name)") }
            result[name] = contents
            at += 46 + nameLength + u16(at + 30) + u16(at + 32)
        }
        return result
    }
}
