import Foundation
import Testing

@testable import ConveneCore

/// The fast planner's repair: a seat freed along an augmenting path, and a bound that proves.
@Suite struct FastItinerariesTests {
    /// `x` runs at 09:00 and 10:00 with one seat each; `y` at 10:00. a1 wants `x` alone and is
    /// seated first, in run 1; a2 wants `x` and `y`, so only run 1 of `x` fits them: a1 must move.
    static let input = """
        {"convene": 1, "event": {"name": "Augment"},
         "slots": [{"id": "t1", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"},
                   {"id": "t2", "start": "2030-01-07T10:00", "end": "2030-01-07T11:00"}],
         "rooms": [{"id": "r1", "capacity": 5}, {"id": "r2", "capacity": 5}],
         "sessions": [{"id": "x", "duration": 60, "runs": 2, "seats": 1, "attendance": 1},
                      {"id": "y", "duration": 60, "attendance": 1}],
         "attendees": [{"id": "a1", "interests": ["x"]}, {"id": "a2", "interests": ["x", "y"]}]}
        """
    static let agenda = """
        {"convene": 1, "status": "feasible", "placements": [
          {"session": "x", "run": 1, "start": "t1", "rooms": ["r1"]},
          {"session": "x", "run": 2, "start": "t2", "rooms": ["r1"]},
          {"session": "y", "start": "t2", "rooms": ["r2"]}]}
        """

    @Test func anAugmentingPathMovesSomeoneToFreeASeat() throws {
        let gathering = try Gathering(json: Data(Self.input.utf8))
        let agenda = try Agenda.load(Data(Self.agenda.utf8)).value
        let instance = try ItineraryInstance(gathering: gathering, agenda: agenda)
        let outcome = FastItineraries().plan(instance)
        #expect(outcome.plan.served(instance) == 3)
        #expect(outcome.augmentations == 1)
        #expect(outcome.bound == 3)
        // a1 went to run 2, a2 to run 1 and to y.
        let runOf = { (a: Int, k: Int) in outcome.plan.chosen[a][k].map { instance.runs[$0].run } }
        #expect(runOf(0, 0) == 2)
        #expect(runOf(1, 0) == 1)
        let document = Itineraries(instance, plan: outcome.plan, status: .optimal, bound: 3, statistics: ItineraryStatistics())
        #expect(ItineraryChecker(instance: instance).check(document).isValid)
    }

    @Test func theSamePlanEveryTime() throws {
        let gathering = try Gathering(json: Data(Self.input.utf8))
        let agenda = try Agenda.load(Data(Self.agenda.utf8)).value
        let instance = try ItineraryInstance(gathering: gathering, agenda: agenda)
        #expect(FastItineraries().plan(instance).plan == FastItineraries().plan(instance).plan)
    }

    /// A planner that answers with the plan it is given (runs by index into the instance's runs:
    /// x run 1 is 0, x run 2 is 1, y is 2).
    struct Given: ItineraryPlanning {
        var chosen: [[Int?]]
        var name: String { "given" }
        func plan(_ problem: ItineraryProblem) async -> ItineraryAttempt {
            var statistics = ItineraryStatistics()
            statistics.planner = name
            return ItineraryAttempt(plan: ItineraryPlan(chosen: chosen), bound: nil, statistics: statistics)
        }
    }

    @Test func aPlannersItinerariesAreJudgedBeforeTheyAreReturned() async throws {
        let gathering = try Gathering(json: Data(Self.input.utf8))
        let agenda = try Agenda.load(Data(Self.agenda.utf8)).value
        // a1 in run 2 of x; a2 in run 1 of x, and in y.
        let good = try await gathering.itineraries(through: agenda, using: Given(chosen: [[1], [0, 2]]))
        #expect(good.rejected.isEmpty)
        #expect(good.itineraries.served == 3)
        #expect(good.status == .optimal)
        #expect(good.itineraries.statistics.planner == "given")
        // Run 2 of x and y share a slot: refused, and the fast planner's itineraries given instead.
        let bad = try await gathering.itineraries(through: agenda, using: Given(chosen: [[0], [1, 2]]))
        #expect(bad.rejected.contains { $0.rule == .concurrent && $0.message.contains("a2") })
        #expect(bad.itineraries.served == 3)
        #expect(bad.itineraries.statistics.planner == "fast")
        #expect(!bad.notes.isEmpty)
    }
}
