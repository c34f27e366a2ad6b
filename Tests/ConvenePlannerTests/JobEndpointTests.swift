import Convene
import ConvenePlanner
import ConveneTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Solves are bounded by moves (`"solver": "search", "moves": N`), never by seconds.
@Suite(.sharesCPU) struct JobEndpointTests {

    @Test func aSolveIsAJobThatEndsWithAVerifiedAgenda() async throws {
        try await withPlanner { client, planner in
            let g = try await client.createP2PU()
            let accepted = try await client.send(.post, "/api/gatherings/\(g)/solve", json: quickSolve)
            #expect(accepted.status == .accepted)
            let job = try #require(accepted.object["job"] as? String)
            #expect(accepted.headers[.location] == "/api/jobs/\(job)")
            let ended = try await client.waitForJob(job)
            #expect(ended["state"] as? String == "done")
            #expect(ended["solver"] as? String == "search")
            #expect(ended["finished"] is String)
            let a = try #require(ended["agenda"] as? String)
            let document = try await client.send(.get, "/api/gatherings/\(g)/agendas/\(a)")
            #expect(document.status == .ok)
            let agenda = try Agenda.load(Data(buffer: document.body)).value
            #expect(agenda.objective == ended["objective"] as? Int)
            let gathering = try Gathering(json: p2pu)
            #expect(try AgendaChecker(gathering: gathering).check(agenda).isValid, "every stored agenda passes the checker")
            let list = try await client.send(.get, "/api/gatherings/\(g)/agendas").array
            #expect(list.first?["id"] as? String == a)
            #expect(list.first?["job"] as? String == job)
            #expect(list.first?["version"] as? Int == 1)
            let jobs = try await client.send(.get, "/api/gatherings/\(g)/jobs").array
            #expect(jobs.map { $0["id"] as? String } == [job])
            _ = planner
        }
    }

    @Test func anEmptyBodySolvesWithTheDefaults() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let accepted = try await client.execute(uri: "/api/gatherings/\(g)/solve", method: .post)
            #expect(accepted.status == .accepted)
            let job = try #require(accepted.object["job"] as? String)
            let cancelled = try await client.send(.delete, "/api/jobs/\(job)")
            #expect(cancelled.object["solver"] as? String == "auto")
        }
    }

    @Test func theEventsStreamGivesProgressThenDone() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let job = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: quickSolve).object["job"] as? String)
            let events = try await client.send(.get, "/api/jobs/\(job)/events")
            #expect(events.status == .ok)
            #expect(events.headers[.contentType] == "text/event-stream")
            let blocks = events.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("event:") }
            #expect(blocks.first?.hasPrefix("event: progress\ndata: {") == true, "\(events.text.prefix(300))")
            #expect(blocks.last?.hasPrefix("event: done\ndata: {") == true)
            let done = try #require(blocks.last.flatMap { $0.split(separator: "\n").last }.map { $0.dropFirst(6) })
            let object = try JSONSerialization.jsonObject(with: Data(done.utf8)) as? [String: Any]
            #expect(object?["state"] as? String == "done")
            let progress = blocks.dropLast().compactMap { block -> Int? in
                let data = block.split(separator: "\n").last.map { Data($0.dropFirst(6).utf8) } ?? Data()
                return (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["objective"] as? Int
            }
            #expect(progress == progress.sorted(by: >), "each progress event is a better agenda")
            // A listener who comes after the end gets the last progress and done at once.
            let late = try await client.send(.get, "/api/jobs/\(job)/events")
            #expect(late.text.contains("event: done"))
        }
    }

    @Test func deleteCancelsARunningJobWhichKeepsItsBestAgenda() async throws {
        try await withPlanner { client, planner in
            let g = try await client.createP2PU()
            let long = ["solver": "search", "moves": 50_000_000, "timeLimit": 3600] as [String: Any]
            let job = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: long).object["job"] as? String)
            // Running, with a first agenda: the live objective shows in the job.
            for _ in 0..<2_400 {
                if try await client.send(.get, "/api/jobs/\(job)").object["objective"] is Int { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let running = try await client.send(.get, "/api/jobs/\(job)").object
            #expect(running["state"] as? String == "running")
            #expect(running["queued"] as? Bool == false)
            let cancelled = try await client.send(.delete, "/api/jobs/\(job)")
            #expect(cancelled.status == .ok)
            #expect(cancelled.object["state"] as? String == "cancelled")
            let a = try #require(cancelled.object["agenda"] as? String, "the best verified agenda so far is kept")
            let agenda = try Agenda.load(Data(buffer: try await client.send(.get, "/api/gatherings/\(g)/agendas/\(a)").body)).value
            #expect(try AgendaChecker(gathering: Gathering(json: p2pu)).check(agenda).isValid)
            let again = try await client.send(.delete, "/api/jobs/\(job)")
            #expect(again.object["state"] as? String == "cancelled", "a job that has ended stays as it ended")
            #expect(await planner.jobs.channel(PlannerID.job(job) ?? 0) == nil)
        }
    }

    @Test func jobsWaitInTheQueueAndAWaitingJobCanBeCancelled() async throws {
        try await withPlanner(jobs: 1) { client, _ in
            let g = try await client.createP2PU()
            let long = ["solver": "search", "moves": 50_000_000, "timeLimit": 3600] as [String: Any]
            let first = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: long).object["job"] as? String)
            let second = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: quickSolve).object["job"] as? String)
            let waiting = try await client.send(.get, "/api/jobs/\(second)").object
            #expect(waiting["state"] as? String == "running")
            #expect(waiting["queued"] as? Bool == true)
            #expect(waiting["position"] as? Int == 1)
            #expect(waiting["started"] is NSNull)
            let cancelled = try await client.send(.delete, "/api/jobs/\(second)").object
            #expect(cancelled["state"] as? String == "cancelled")
            #expect(cancelled["agenda"] is NSNull, "it never ran")
            #expect(try await client.send(.delete, "/api/jobs/\(first)").object["state"] as? String == "cancelled")
        }
    }

    @Test func aJobIsCancelledWhenItsOnlyListenerGoesAway() async throws {
        try await withPlanner { client, planner in
            let g = try await client.createP2PU()
            let long = ["solver": "search", "moves": 50_000_000, "timeLimit": 3600] as [String: Any]
            let job = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: long).object["job"] as? String)
            let id = try #require(PlannerID.job(job))
            let channel = try #require(await planner.jobs.channel(id))
            // Two listeners: the first leaving changes nothing; the last leaving cancels.
            var first: JobEvents.Iterator? = channel.listen().makeAsyncIterator()
            var second: JobEvents.Iterator? = channel.listen().makeAsyncIterator()
            _ = await first?.next()
            first = nil
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await client.send(.get, "/api/jobs/\(job)").object["state"] as? String == "running")
            _ = await second?.next()
            second = nil
            let ended = try await client.waitForJob(job)
            #expect(ended["state"] as? String == "cancelled")
        }
    }

    @Test func badSolveRequestsAreRefusedAndStoreNothing() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            let cases: [([String: Any], HTTPResponse.Status, String)] = [
                (["timeLimit": 0], .unprocessableContent, "timeLimit"),
                (["timeLimit": "ten"], .unprocessableContent, "timeLimit"),
                (["solver": "magic"], .unprocessableContent, "solver"),
                (["seed": -1], .unprocessableContent, "seed"),
                (["previous": "a999"], .unprocessableContent, "previous"),
                (["frozenUntil": "2019-09-20T08:00"], .unprocessableContent, "frozenUntil"),
                (["previous": a, "frozenUntil": "Friday"], .unprocessableContent, "frozenUntil"),
                (["version": 7], .conflict, "version"),
            ]
            for (body, status, path) in cases {
                let response = try await client.send(.post, "/api/gatherings/\(g)/solve", json: body)
                #expect(response.status == status, "\(body): \(response.text)")
                #expect(response.problems.first?.hasPrefix(path) == true, "\(body): \(response.problems)")
            }
            #expect(try await client.send(.post, "/api/gatherings/\(g)/solve", Data("{".utf8)).status == .badRequest)
            #expect(try await client.send(.post, "/api/gatherings/nothing/solve", json: quickSolve).status == .notFound)
            #expect(try await client.send(.get, "/api/gatherings/\(g)/jobs").array.isEmpty)
            for uri in ["/api/jobs/j999", "/api/jobs/nothing", "/api/jobs/j999/events"] {
                #expect(try await client.send(.get, uri).status == .notFound, "\(uri)")
            }
            #expect(try await client.send(.delete, "/api/jobs/j999").status == .notFound)
        }
    }

    @Test func aReplanKeepsWhatStartedBeforeTheFrozenTime() async throws {
        try await withPlanner { client, _ in
            let g = try await client.createP2PU()
            let a = try await client.storeHandAgenda(g)
            let body = ["solver": "search", "moves": 30, "previous": a, "frozenUntil": "2019-09-20T08:00"] as [String: Any]
            let job = try #require(try await client.send(.post, "/api/gatherings/\(g)/solve", json: body).object["job"] as? String)
            let ended = try await client.waitForJob(job)
            let replanned = try #require(ended["agenda"] as? String)
            let list = try await client.send(.get, "/api/gatherings/\(g)/agendas").array
            #expect(list.first { $0["id"] as? String == replanned }?["previous"] as? String == a)
            let previous = try Agenda.load(handAgenda).value
            let agenda = try Agenda.load(Data(buffer: try await client.send(.get, "/api/gatherings/\(g)/agendas/\(replanned)").body)).value
            let gathering = try Gathering(json: p2pu)
            let frozen = try #require(try? gathering.date(fromLocalTime: "2019-09-20T08:00").get())
            #expect(try AgendaChecker(gathering: gathering, previous: previous, frozenUntil: frozen).check(agenda).isValid)
        }
    }
}

/// A solve that ends after 30 moves of the search.
private var quickSolve: [String: Any] { ["solver": "search", "moves": 30, "timeLimit": 600] }
