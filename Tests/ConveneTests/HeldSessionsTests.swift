import Convene
import ConveneTestSupport
import Foundation
import Testing

/// `SolveOptions.keep`: sessions held at the previous agenda's place whatever its time, in the
/// domain, the checker and the front door; and the diff the front door puts in `stats`.
@Suite struct HeldSessionsTests {
    static func gathering() throws -> Gathering {
        try ConveneTestSupport.gathering(
            slotCount: 3, rooms: [.init(id: "r1"), .init(id: "r2")],
            sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60), .init(id: "c", duration: 60)],
            attendees: [.init(id: "x", interests: ["a", "b"]), .init(id: "y", interests: ["b", "c"])], weights: .init(clash: 20))
    }

    /// `a` and `b` together in s3 cost a clash (20), more than moving one of them (10); held
    /// there, they stay and pay it.
    static let previous = agenda([("a", "s3", ["r1"]), ("b", "s3", ["r2"]), ("c", "s1", ["r1"])])

    @Test func heldSessionsKeepTheirPlaceAndTheRestMoves() async throws {
        let g = try Self.gathering()
        let free = try await g.solve(
            using: SearchSolver(moves: 2000), options: SolveOptions(timeLimit: nil, previous: Self.previous))
        #expect(free.objective == 10, "moving a or b out of s3 costs a change and saves the clash: \(free.costs)")
        let held = try await g.solve(
            using: SearchSolver(moves: 2000), options: SolveOptions(timeLimit: nil, previous: Self.previous, keep: ["a", "b"]))
        #expect(held.objective == 20, "\(held.costs)")
        let places = Dictionary(uniqueKeysWithValues: held.agenda.placements.map { ($0.session, $0.start) })
        #expect(places["a"] == "s3" && places["b"] == "s3")
        #expect(try AgendaChecker(gathering: g, previous: Self.previous, keep: ["a", "b"]).check(held.agenda).isValid)
    }

    @Test func theCheckerSaysWhichHeldSessionMoved() throws {
        let g = try Self.gathering()
        let moved = agenda([("a", "s1", ["r1"]), ("b", "s3", ["r2"]), ("c", "s2", ["r1"])])
        let report = try AgendaChecker(gathering: g, previous: Self.previous, keep: ["a"]).check(moved)
        #expect(report.violations.map(\.rule) == [.frozen])
        #expect(report.violations.first?.message.hasPrefix("'a' is held at Mon 7 Jan 11:00 in r1; it must keep that place.") == true)
        #expect(try AgendaChecker(gathering: g, previous: Self.previous).check(moved).isValid)
    }

    @Test func heldSessionsNeedAPreviousAgendaThatPlacesThem() async throws {
        let g = try Self.gathering()
        await #expect(throws: SolveError.keptWithoutPrevious) {
            try await g.solve(using: SearchSolver(moves: 2000), options: SolveOptions(keep: ["a"]))
        }
        #expect(throws: ReplanningError.keptSessionUnknown("z")) {
            try AgendaChecker(gathering: g, previous: Self.previous, keep: ["z"])
        }
        let partial = agenda([("a", "s3", ["r1"])])
        #expect(throws: ReplanningError.keptSessionUnplaced("b")) {
            try AgendaChecker(gathering: g, previous: partial, keep: ["a", "b"])
        }
        // The front door says the same as a SolveError, as it always has.
        await #expect(throws: SolveError.invalidOption(#"session "b" cannot be kept in place: the previous agenda does not place it"#)) {
            try await g.solve(using: SearchSolver(moves: 2000), options: SolveOptions(previous: partial, keep: ["a", "b"]))
        }
    }

    @Test func aReplannedAgendaCarriesItsDiffInStats() async throws {
        let g = try Self.gathering()
        let result = try await g.solve(
            using: SearchSolver(moves: 2000), options: SolveOptions(timeLimit: nil, previous: Self.previous))
        let diff = try #require(result.agenda.statistics.diff)
        #expect(diff == AgendaDiff(previous: Self.previous, new: result.agenda, gathering: g))
        #expect(String(decoding: result.agenda.json, as: UTF8.self).contains("\"diff\": {\n      \"convene\": 1,"))
        let fresh = try await g.solve(using: SearchSolver(moves: 2000), options: SolveOptions(timeLimit: nil))
        #expect(fresh.agenda.statistics.diff == nil)
    }
}

/// The search's construction starts a replan from the agenda it replans.
@Suite struct ReplanConstructionTests {
    @Test func aReplanWithNothingChangedMovesNothing() async throws {
        let (g, hand) = try UnconferenceTests.p2pu()
        let result = try await g.solve(
            using: SearchSolver(moves: 0),
            options: SolveOptions(timeLimit: nil, previous: hand, frozenUntil: try g.date(fromLocalTime: "2019-09-20T08:00").get())
        )
        #expect(AgendaDiff(previous: hand, new: result.agenda, gathering: g).isEmpty)
        #expect(result.objective == 139 && result.costs.allSatisfy { $0.kind != .change })
    }

    @Test func aClosedRoomMovesOnlyTheSessionItHeld() async throws {
        let (g, hand) = try UnconferenceTests.p2pu()
        var document = g.document
        let salon = try #require(document.rooms.firstIndex { $0.id == "commonwealth" })
        document.rooms[salon].unavailable = [.init(start: "2019-09-20T13:00", end: "2019-09-20T14:30")]
        let closed = try Gathering(document: document)
        let result = try await closed.solve(using: SearchSolver(moves: 0), options: SolveOptions(timeLimit: nil, previous: hand))
        // 'Workshopping failures' was in the Commonwealth Salon then; everything else stays.
        let diff = AgendaDiff(previous: hand, new: result.agenda, gathering: closed)
        #expect(diff.changes.map(\.session) == ["failures"])
        #expect(try AgendaChecker(gathering: closed, previous: hand).check(result.agenda).isValid)
    }
}
