import Convene
import ConveneCore
import Foundation
import Testing

@testable import ConveneFormats

/// The pretalx client on recorded answers of pretalx 2025.2.2 (`Fixtures/import/pretalx-api`):
/// headers, pages, retries with their waits (recorded, never slept), and every kind of failure.
@Suite struct PretalxClientTests {
    @Test func everyRequestCarriesTheTokenTheAPIVersionAndAcceptsJSON() async throws {
        let transport = try ScriptedTransport(fixtures: [("event", 200)])
        let answer = try await transport.client().get("")
        #expect(SourceJSON.text(answer.json, "slug") == "convene-test")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://pretalx.example.org/api/events/democon/")
        #expect(request.headers == ["Authorization": "Token secret", "Pretalx-Version": "v1", "Accept": "application/json"])
        #expect(request.method == "GET" && request.body == nil)
    }

    @Test func pagesFollowNextOnTheClientsOwnSchemeAndHost() async throws {
        let transport = try ScriptedTransport(fixtures: [("submissions-page-1", 200), ("submissions-page-2", 200)])
        let client = transport.client()
        let pages = try await client.pages("submissions/?fields=code")
        #expect(pages.count == 2)
        #expect(pages.map { SourceJSON.records($0.json).count } == [20, 13])
        // The recorded `next` says http://127.0.0.1:8738; the client keeps https://pretalx.example.org.
        #expect(
            transport.requests.map(\.url.absoluteString) == [
                "https://pretalx.example.org/api/events/democon/submissions/?fields=code&page_size=250",
                "https://pretalx.example.org/api/events/convene-test/submissions/?page=2&page_size=20",
            ])
        #expect(client.requestsMade == 2)
    }

    @Test func aNextThatLeadsBackIsRefusedRatherThanFollowedForever() async throws {
        let loop = """
            {"count": 2, "next": "https://pretalx.example.org/api/events/democon/rooms/?page=2", "previous": null, "results": []}
            """
        let transport = ScriptedTransport([
            .answer(PretalxResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(loop.utf8)))
        ])
        await #expect(throws: PretalxError.self) { try await transport.client().pages("rooms/") }
        #expect(transport.requests.count == 2)
    }

    // MARK: Retries

    @Test func a503IsTriedAgainAfterTheWaitRetryAfterAsks() async throws {
        let busy = ScriptedTransport.page(503, "<title>Service Unavailable</title>", headers: ["Retry-After": "7"])
        let transport = ScriptedTransport([.answer(busy), .answer(busy), .answer(try ScriptedTransport.recorded("rooms"))])
        let client = transport.client()
        let pages = try await client.pages("rooms/")
        #expect(SourceJSON.records(pages[0].json).count == 5)
        #expect(transport.waits == [.seconds(7), .seconds(7)])
        #expect(client.requestsMade == 3)
    }

    @Test func a429WithoutRetryAfterWaitsOneTwoFourAndEightSeconds() async throws {
        let slow = ScriptedTransport.page(429, "Too Many Requests")
        let transport = ScriptedTransport([
            .answer(slow), .answer(slow), .answer(slow), .answer(slow), .answer(try ScriptedTransport.recorded("rooms")),
        ])
        _ = try await transport.client().get("rooms/")
        #expect(transport.waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
    }

    @Test func aServerErrorOnEveryTryEndsAsUnavailableAfterFiveTries() async throws {
        let transport = ScriptedTransport([.answer(ScriptedTransport.page(502, "<html><title>502 Bad Gateway</title></html>"))])
        let error = await #expect(throws: PretalxError.self) { try await transport.client().get("rooms/") }
        #expect(error?.kind == .unavailable && error?.status == 502)
        #expect(error?.description == "GET /api/events/democon/rooms/: pretalx answered 502 (5 tries): 502 Bad Gateway")
        #expect(transport.requests.count == 5 && transport.waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8)])
    }

    @Test func noAnswerIsTriedAgainThenSaidInWords() async throws {
        let transport = ScriptedTransport([.noAnswer])
        let error = await #expect(throws: PretalxError.self) { try await transport.client().get("") }
        #expect(error?.kind == .noAnswer && error?.status == nil)
        #expect(error?.message.hasPrefix("no answer from pretalx (5 tries): ") == true)
        #expect(transport.requests.count == 5)
    }

    @Test func aReleaseIsNotSentTwiceUnlessPretalxSaysItWasNotServed() async throws {
        let body = JSONValue.object([.init(key: "version", value: .string("1.1"))])
        let failed = ScriptedTransport([.answer(ScriptedTransport.page(500, "<title>Server Error (500)</title>"))])
        let error = await #expect(throws: PretalxError.self) { try await failed.client().write("POST", "schedules/release/", body: body) }
        #expect(error?.kind == .unexpectedAnswer && failed.requests.count == 1 && failed.waits.isEmpty)
        #expect(error?.message == "pretalx answered 500: Server Error (500)")

        let lost = ScriptedTransport([.noAnswer])
        let noAnswer = await #expect(throws: PretalxError.self) { try await lost.client().write("POST", "schedules/release/", body: body) }
        #expect(noAnswer?.kind == .noAnswer && lost.requests.count == 1)
        #expect(noAnswer?.message.contains("may or may not have been done") == true)

        let busy = ScriptedTransport([
            .answer(ScriptedTransport.page(503, "busy")), .answer(try ScriptedTransport.recorded("release", status: 201)),
        ])
        let released = try await busy.client().write("POST", "schedules/release/", body: body)
        #expect(SourceJSON.text(released, "version") == "1.1" && busy.waits == [.seconds(1)])
        #expect(busy.requests.first?.headers["Content-Type"] == "application/json")
        #expect(busy.requests.first?.body.map { String(decoding: $0, as: UTF8.self) } == "{\n  \"version\": \"1.1\"\n}\n")
    }

    @Test func retryAfterAsADateIsCountedFromNowAndTooLongAWaitIsNotWaited() async throws {
        #expect(PretalxRetryPolicy.seconds("Thu, 01 Jan 1970 00:00:30 GMT", now: Date(timeIntervalSince1970: 0)) == 30)
        #expect(PretalxRetryPolicy.seconds(" 12 ", now: Date()) == 12)
        #expect(PretalxRetryPolicy.seconds("soon", now: Date()) == nil)
        let dated = ScriptedTransport.page(429, "slow down", headers: ["Retry-After": "Thu, 01 Jan 1970 00:00:30 GMT"])
        let transport = ScriptedTransport([.answer(dated), .answer(try ScriptedTransport.recorded("rooms"))])
        _ = try await transport.client().get("rooms/")
        #expect(transport.waits == [.seconds(30)])

        let patient = ScriptedTransport([.answer(ScriptedTransport.page(429, "come back in ten minutes", headers: ["Retry-After": "600"]))])
        let error = await #expect(throws: PretalxError.self) { try await patient.client().get("rooms/") }
        #expect(error?.kind == .unavailable && patient.waits.isEmpty && patient.requests.count == 1)
        #expect(
            error?.message == "pretalx answered 429 and asks to wait 600 s, longer than Convene waits (120 s): come back in ten minutes")
    }

    @Test func theRetryPolicyIsBoundedAndDeterministic() {
        let policy = PretalxRetryPolicy()
        let now = Date()
        #expect(
            (1...5).map { policy.wait(after: $0, retryAfter: nil, now: now) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), nil])
        #expect(PretalxRetryPolicy.never.wait(after: 1, retryAfter: "1", now: now) == nil)
        #expect(PretalxRetryPolicy(attempts: 9, delays: [.seconds(3)]).wait(after: 7, retryAfter: nil, now: now) == .seconds(3))
    }

    // MARK: Failures, as pretalx 2025.2.2 answers them

    @Test func pretalxsRefusalsBecomeKindsWithWhatPretalxSaid() async throws {
        func failure(_ response: PretalxResponse, _ method: String = "GET") async -> PretalxError? {
            let transport = ScriptedTransport([.answer(response)])
            return await #expect(throws: PretalxError.self) {
                if method == "GET" {
                    _ = try await transport.client(retry: .never).get("slots/60/")
                } else {
                    _ = try await transport.client(retry: .never).write(method, "slots/60/", body: .object([]))
                }
            }
        }
        let token = await failure(try ScriptedTransport.recorded("error-invalid-token", status: 401))
        #expect(token?.kind == .tokenRefused && token?.message == "pretalx refuses the token: Invalid token.")
        let missing = await failure(try ScriptedTransport.recorded("error-not-found", status: 404))
        #expect(missing?.kind == .notFound)
        let room = await failure(try ScriptedTransport.recorded("error-unknown-room", status: 400), "PATCH")
        #expect(room?.kind == .refused && room?.status == 400)
        #expect(room?.message == "pretalx refused it (400): room: Invalid pk \"999999\" - object does not exist.")
        let released = await failure(try ScriptedTransport.recorded("error-released-slot", status: 403), "PATCH")
        #expect(released?.kind == .refused && released?.status == 403)
        let end = await failure(try ScriptedTransport.recorded("error-end-on-talk-slot", status: 400), "PATCH")
        #expect(end?.message.contains("end: End can only be edited if there is no submission associated with the slot.") == true)
        let reading = await failure(try ScriptedTransport.recorded("error-released-slot", status: 403))
        #expect(reading?.kind == .tokenRefused && reading?.message.contains("list and retrieve on submissions") == true)
        let html = await failure(ScriptedTransport.page(200, "<!DOCTYPE html><html><title>pretalx</title></html>"))
        #expect(html?.kind == .unexpectedAnswer && html?.message.contains("is https://pretalx.example.org/ a pretalx server?") == true)
        let moved = await failure(PretalxResponse(status: 301, headers: ["Location": "https://pretalx.example.org/x/"]))
        #expect(moved?.kind == .unexpectedAnswer && moved?.message.contains("redirects to https://pretalx.example.org/x/") == true)
    }

    @Test func anUnknownEventSaysSoThoughPretalxAnswersWithAnHTMLPage() async throws {
        let transport = ScriptedTransport([
            .answer(ScriptedTransport.page(404, "<!DOCTYPE html>\n<html><head><title>Page not found</title>"))
        ])
        let error = await #expect(throws: PretalxError.self) { try await transport.client().importFiles() }
        #expect(error?.kind == .notFound && transport.requests.count == 1)
        #expect(error?.message.hasPrefix("https://pretalx.example.org/ has no event \"democon\" (404)") == true)
    }
}
