import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The front door judges every agenda: a solver's answer that breaks a rule never comes back as
/// an agenda.
@Suite struct FrontDoorTests {
    /// A solver that reports a valid agenda, then answers with one that breaks rule 9 (the open
    /// space session left out of its pinned room), claiming it optimal.
    struct Faulty: AgendaSolver {
        var reportsAValidAgendaFirst: Bool
        var kind: SolverKind { .custom("faulty") }

        func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
            if reportsAValidAgendaFirst {
                problem.report(objective: 0, bound: nil, placements: FrontDoorTests.valid, solver: kind)
            }
            return SolverAttempt(status: .optimal, solver: kind, placements: FrontDoorTests.broken, bound: 0)
        }
    }

    static let valid: [Agenda.Placement] = [
        .init(session: "open", start: "s1", rooms: ["r1", "r2"]), .init(session: "talk", start: "s2", rooms: ["r3"]),
    ]
    static let broken: [Agenda.Placement] = [
        .init(session: "open", start: "s1", rooms: ["r1", "r3"]), .init(session: "talk", start: "s2", rooms: ["r2"]),
    ]

    static func gathering() throws -> Gathering {
        try ConveneTestSupport.gathering(
            slotCount: 2, rooms: ["r1", "r2", "r3"].map { .init(id: $0) },
            sessions: [.init(id: "open", duration: 60, rooms: 2, pin: .init(slot: "s1", room: "r2")), .init(id: "talk", duration: 60)])
    }

    @Test func aBrokenAnswerIsRefusedAndTheBestEarlierAgendaGiven() async throws {
        let g = try Self.gathering()
        let result = try await g.solve(using: Faulty(reportsAValidAgendaFirst: true))
        #expect(result.rejected.map(\.rule) == [.pins])
        #expect(result.rejected.first?.message.contains("is not in r2, the room it is pinned to") == true)
        #expect(result.status == .optimal && result.agenda.solver == "faulty")
        #expect(result.agenda.placements.map(\.rooms) == [["r1", "r2"], ["r3"]])
        #expect(try verdict(result, g).isValid)
        #expect(result.notes.contains { $0.contains("refused") })
    }

    @Test func withoutAValidEarlierAgendaTheStatusIsUnknown() async throws {
        let g = try Self.gathering()
        let result = try await g.solve(using: Faulty(reportsAValidAgendaFirst: false))
        #expect(result.status == .unknown && result.agenda.placements.isEmpty && result.objective == nil)
        #expect(result.rejected.map(\.rule) == [.pins])
    }

    @Test func aFrozenTimeWithoutAPreviousAgendaIsRefused() async throws {
        let g = try Self.gathering()
        await #expect(throws: SolveError.frozenWithoutPrevious) {
            try await g.solve(using: SearchSolver(), options: SolveOptions(frozenUntil: Date()))
        }
    }

    @Test(.measuresTime) func cancellingTheSearchReturnsPromptlyAndLeavesNoThread() async throws {
        let made = GatheringGenerator(sessions: 60, rooms: 6, days: 2, seed: 4).make()
        let g = try Gathering(document: made.document)
        let (result, afterCancel, threadsLeft) = try await quickestCancelledSolve(g, with: SearchSolver(moves: 100_000_000))
        #expect(afterCancel < promptly, "returned \(afterCancel) after the cancellation")
        #expect(result.wasCancelled)
        if result.objective != nil { #expect(try verdict(result, g).isValid) }
        // Every thread the solve started has ended (Swift's own worker threads come and go).
        #expect(threadsLeft == 0, "\(runningThreads() ?? 0) threads in the process")
    }
}

/// A gathering cannot be put in a broken state from outside: every public way to change what it
/// is made of goes through validation again.
@Suite struct ImmutableGatheringTests {
    @Test func editingTheDocumentAndValidatingAgainNeverTraps() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        var document = g.document
        document.sessions.removeFirst()
        // The first session was named by others (after, interests): validation says so.
        #expect(throws: DiagnosticError.self) { try Gathering(document: document) }
        var lessened = g.document
        lessened.attendees.removeAll()
        lessened.rooms[0].capacity = 0
        let edited = try Gathering(document: lessened)
        #expect(edited.attendees.isEmpty)
        #expect(!(try AgendaChecker(gathering: edited).sessionsWithNowhereToGo.isEmpty))
    }

    @Test func anAgendaEditedAnyHowIsJudgedNotTrappedOn() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        var agenda = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        agenda.placements[0].session = "nobody"
        agenda.placements[1].rooms = []
        agenda.placements[2].start = "never"
        agenda.placements.append(agenda.placements[3])
        agenda.objective = -5
        let report = try AgendaChecker(gathering: g).check(agenda)
        #expect(!report.isValid)
        for format in AgendaFormat.allCases { #expect(!format.render(agenda, gathering: g).isEmpty) }
    }
}
