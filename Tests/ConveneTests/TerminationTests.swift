import Convene
import ConveneTestSupport
import Foundation
import Testing

@testable import ConveneCore

/// Why a solve stopped, apart from what is known about its answer; and options a solver cannot
/// honour, refused rather than ignored. Every solve here is bounded by moves or ends at once.
@Suite struct TerminationTests {
    static func p2pu() throws -> Gathering { try Gathering(json: try fixture("p2pu-gathering-2019.json")) }

    @Test func theSearchsMovesAreAWorkLimit() async throws {
        let result = try await solve(try Self.p2pu(), with: SearchSolver(moves: 300))
        #expect(result.status == .feasible && result.termination == .workLimit)
        #expect(result.agenda.statistics.termination == .workLimit && result.agenda.statistics.search?.moves == 300)
    }

    @Test func anAgendaThatCostsNothingIsProvenOptimal() async throws {
        let g = try gathering(sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)])
        let result = try await solve(g, with: SearchSolver(moves: 100))
        #expect(result.status == .optimal && result.termination == .optimal)
    }

    @Test func aProofThatNoAgendaExistsIsInfeasible() async throws {
        let g = try Gathering(json: try fixture("infeasible/three-way.json"))
        let result = try await solve(g, with: SearchSolver(moves: 100))
        #expect(result.status == .infeasible && result.termination == .infeasible)
        #expect(result.agenda.statistics.search?.moves == nil && result.agenda.statistics.search?.nodes ?? 0 > 0)
    }

    /// A time limit of zero stops the search before its construction ends: no agenda, and the
    /// time limit is why.
    @Test func aTimeLimitThatHasPassedIsTheReason() async throws {
        let result = try await try Self.p2pu().solve(using: SearchSolver(), options: SolveOptions(timeLimit: .zero))
        #expect(result.status == .unknown && result.termination == .timeLimit)
    }

    /// Cancelled before it could do anything: whatever it has, it stopped because it was cancelled.
    @Test func aCancelledSolveSaysSo() async throws {
        let g = try Self.p2pu()
        let task = Task { try await g.solve(using: SearchSolver(moves: 100_000_000), options: SolveOptions(timeLimit: nil)) }
        task.cancel()
        let result = try await task.value
        #expect(result.wasCancelled && result.termination == .cancelled, "\(result.status)")
        #expect(result.status != .optimal)
    }

    /// The front door's rule: a proof first, then cancellation, then the solver's own limit, then
    /// the time limit, then the solver's end; a claimed proof the verdict does not bear out says nothing.
    @Test func theFrontDoorsRule() {
        func reason(_ status: Agenda.Status, _ claimed: Termination?, cancelled: Bool = false, timeUp: Bool = false, agenda: Bool = true)
            -> Termination
        {
            Termination.judged(status: status, claimed: claimed, cancelled: cancelled, timeUp: timeUp, hasAgenda: agenda)
        }
        #expect(reason(.optimal, .workLimit, cancelled: true) == .optimal)
        #expect(reason(.infeasible, nil, timeUp: true) == .infeasible)
        #expect(reason(.feasible, .workLimit, cancelled: true) == .cancelled)
        #expect(reason(.feasible, .gapReached, timeUp: true) == .gapReached)
        #expect(reason(.feasible, .optimal) == .workLimit)
        #expect(reason(.unknown, nil, timeUp: true, agenda: false) == .timeLimit)
        #expect(reason(.unknown, nil, agenda: false) == .noSolutionFound)
        #expect(reason(.unknown, .noSolutionFound, agenda: false) == .noSolutionFound)
    }

    /// A solver of your own may say why it stopped; without a reason the front door works it out.
    @Test func aSolverOfYourOwnGivesItsReason() async throws {
        struct Own: AgendaSolver {
            var termination: Termination?
            var kind: SolverKind { .custom("own") }
            func attempt(_ problem: SolveProblem) async throws -> SolverAttempt {
                // Both at once: a track overlap that the domain's bound (0) does not prove optimal.
                SolverAttempt(
                    status: .feasible, solver: kind,
                    placements: [.init(session: "a", start: "s1", rooms: ["r1"]), .init(session: "b", start: "s1", rooms: ["r2"])],
                    termination: termination)
            }
        }
        let g = try gathering(
            sessions: [.init(id: "a", duration: 60, track: "t"), .init(id: "b", duration: 60, track: "t")], weights: .init(trackOverlap: 1))
        #expect(try await g.solve(using: Own(termination: .gapReached)).termination == .gapReached)
        // No reason, no bound, no limit reached: the solver's own end, with its agenda.
        let plain = try await g.solve(using: Own(termination: nil))
        #expect(plain.status == .feasible && plain.termination == .workLimit)
    }

    @Test func theSearchRefusesARelativeGap() async throws {
        let g = try Self.p2pu()
        let error = await #expect(throws: SolveError.self) {
            try await g.solve(using: SearchSolver(moves: 10), options: SolveOptions(relativeGap: 0.01))
        }
        guard case .unsupportedOption("relativeGap", let solver, _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(solver == "the search solver")
        #expect(error?.description.hasPrefix("the search solver cannot honour the option relativeGap: ") == true)
    }

    /// The unconference sets the previous agenda and the sessions kept itself.
    @Test func theUnconferenceRefusesPreviousAndKeep() async throws {
        let g = try Self.p2pu()
        let hand = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        let open = try Unconference(
            gathering: g, current: hand, block: "open-space", board: ImportFile(name: "board.csv", data: Data("title\nA talk\n".utf8)))
        for options in [SolveOptions(previous: hand), SolveOptions(keep: ["update"])] {
            await #expect(throws: SolveError.self) { try await open.solve(using: SearchSolver(moves: 10), options: options) }
        }
        let result = try await open.solve(using: SearchSolver(moves: 100), options: SolveOptions(timeLimit: nil))
        #expect(result.agenda.placements.contains { $0.session == "a-talk" })
    }
}
