import ConvenePlanner
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite(.sharesCPU) struct AccessTests {
    @Test func withATokenEveryRequestButTheAppNeedsIt() async throws {
        try await withPlanner(token: "s3cret") { client, _ in
            let bare = try await client.send(.get, "/api/gatherings")
            #expect(bare.status == .unauthorized)
            #expect(bare.isError)
            #expect(bare.headers[.wwwAuthenticate] == "Bearer realm=\"convene\"")
            #expect(try await client.send(.get, "/api/gatherings", headers: [.authorization: "Bearer wrong"]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/gatherings", headers: [.authorization: "Basic s3cret"]).status == .unauthorized)
            #expect(try await client.send(.get, "/api/gatherings", headers: [.authorization: "Bearer s3cret"]).status == .ok)
            #expect(try await client.send(.get, "/api/openapi.json").status == .unauthorized)
            let posted = try await client.send(.post, "/api/gatherings", p2pu)
            #expect(posted.status == .unauthorized, "a refused request stores nothing")
            for path in ["/", "/index.html", "/planner.css", "/main.js"] {
                #expect(try await client.send(.get, path).status == .ok, "\(path) needs no token")
            }
            // A published site's pages may carry the token in the web app's cookie; the API may not.
            let cookie: HTTPFields = [.cookie: "convene_token=s3cret"]
            #expect(try await client.send(.get, "/site/g/a1/", headers: cookie).status == .notFound, "past the token, to 404")
            #expect(try await client.send(.get, "/site/g/a1/").status == .unauthorized)
            #expect(try await client.send(.get, "/api/gatherings", headers: cookie).status == .unauthorized)
            let listed = try await client.send(.get, "/api/gatherings", headers: [.authorization: "Bearer s3cret"])
            #expect(listed.array.isEmpty)
        }
    }

    @Test func tokensAreComparedWholly() {
        let secret = Array("s3cret".utf8)
        #expect(TokenComparison.same(Array("s3cret".utf8), secret))
        #expect(!TokenComparison.same(Array("s3cre".utf8), secret))
        #expect(!TokenComparison.same(Array("s3cret!".utf8), secret))
        #expect(!TokenComparison.same(Array("t3cret".utf8), secret))
        #expect(!TokenComparison.same([], secret))
    }

    @Test func loopbackAddressesNeedNoToken() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"] { #expect(PlannerConfiguration.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.2", "::", "example.org", "127.0.0.256", "1.127.0.0"] {
            #expect(!PlannerConfiguration.isLoopback(host), "\(host)")
        }
    }
}
