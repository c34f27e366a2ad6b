import Convene
import Foundation
import Testing

/// Rules 11 and 12 and the costs `personPreference` and `roomChange`: how they are read, judged,
/// charged and written.
@Suite struct RicherRulesTests {
    /// Two sites 30 minutes apart, slots back to back from 13:00 (with a break before 15:00).
    static func campus(maxPerDay: Int? = nil) throws -> Gathering {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(780), end: clock(870)), .init(id: "s2", start: clock(870), end: clock(960)),
            .init(id: "s3", start: clock(975), end: clock(1035)),
        ]
        return try gathering(
            slots: slots,
            rooms: [
                .init(id: "lab", name: "MIT Media Lab", site: "MIT Media Lab"),
                .init(id: "rabb", name: "Rabb Hall", site: "Boston Public Library"), .init(id: "salon", site: "Boston Public Library"),
            ],
            people: [.init(id: "p3", maxPerDay: maxPerDay)],
            sessions: [
                .init(id: "a", title: "A", facilitators: ["p3"], duration: 90),
                .init(id: "b", title: "B", facilitators: ["p3"], duration: 60),
                .init(id: "c", title: "C", facilitators: ["p3"], duration: 60),
            ], timeZone: "America/New_York", travelMinutes: 30)
    }

    @Test func rule11TravelBetweenSitesIsJudgedInPlainWords() throws {
        let checker = AgendaChecker(domain: Domain(try Self.campus()))
        // 'B' at the Media Lab until 16:00, 'C' at the library from 16:15: 15 minutes, not 30.
        let close = checker.check(agenda([("a", "s1", ["lab"]), ("b", "s2", ["lab"]), ("c", "s3", ["rabb"])]))
        #expect(close.rules == [.travel])
        #expect(
            close.violations.map(\.message) == [
                "p3 facilitates 'B' (b) at MIT Media Lab until 16:00 and 'C' (c) at Boston Public Library from 16:15; they need 30 "
                    + "minutes to travel."
            ])
        #expect(close.violations.first?.description.hasPrefix("rule 11: ") == true)
        // Two rooms of one site need no travel; neither do sessions far enough apart.
        #expect(checker.check(agenda([("a", "s1", ["rabb"]), ("b", "s2", ["salon"]), ("c", "s3", ["rabb"])])).isValid)
        #expect(checker.check(agenda([("a", "s1", ["lab"]), ("c", "s3", ["rabb"]), ("b", "s2", ["lab"])])).rules == [.travel])
    }

    /// Concurrent sessions are rule 5's to judge, never rule 11's: one violation, not two.
    @Test func rule11LeavesConcurrentSessionsToRule5() throws {
        let checker = AgendaChecker(domain: Domain(try Self.campus()))
        let both = checker.check(agenda([("a", "s1", ["lab"]), ("b", "s1", ["rabb"]), ("c", "s3", ["rabb"])]))
        #expect(both.rules == [.facilitators])
    }

    @Test func rule12DailyLoadIsJudgedInPlainWords() throws {
        let checker = AgendaChecker(domain: Domain(try Self.campus(maxPerDay: 2)))
        let report = checker.check(agenda([("a", "s1", ["rabb"]), ("b", "s2", ["salon"]), ("c", "s3", ["rabb"])]))
        #expect(report.rules == [.dailyLoad])
        #expect(
            report.violations.first?.message
                == "p3 facilitates 3 sessions starting on Mon 7 Jan ('A' (a), 'B' (b) and 'C' (c)); they facilitate at most 2 a day.")
    }

    @Test func personPreferenceNamesTheSessionAndThePerson() throws {
        let g = try gathering(
            slotCount: 2,
            people: [
                .init(id: "p", preferred: [.init(start: clock(600), end: clock(630)), .init(start: clock(630), end: clock(660))]),
                .init(id: "q"),
            ],
            sessions: [.init(id: "x", title: "X", facilitators: ["p", "q"], duration: 60)], weights: .init(personPreference: 4))
        #expect(g.people[0].preferred == [TimeWindow(start: g.slots[1].startSecond, end: g.slots[1].endSecond)])  // merged where they touch
        let checker = AgendaChecker(domain: Domain(g))
        #expect(checker.check(agenda([("x", "s2", ["r1"])])).costs.isEmpty)
        let outside = checker.check(agenda([("x", "s1", ["r1"])]))
        #expect(outside.costs == [.init(kind: .personPreference, sessions: ["x"], person: "p", cost: 4)])
        #expect(g.sentence(for: outside.costs[0]) == "'X' (x) is outside the hours p prefers (Mon 7 Jan 10:00–11:00)")
        // Written as "person" in the agenda document, and read back.
        let document = Agenda(
            status: .feasible, objective: 4, placements: [.init(session: "x", start: "s1", rooms: ["r1"])], costs: outside.costs)
        #expect(document.jsonText.contains("\"person\": \"p\""))
        #expect(try Agenda.load(document.json).value.costs == outside.costs)
    }

    @Test func roomChangeCostsLessThanAMoveAndDefaultsToChange() throws {
        let sessions: [InputDocument.Session] = [.init(id: "x", duration: 60), .init(id: "y", duration: 60)]
        let previous = agenda([("x", "s1", ["r1"]), ("y", "s1", ["r2"])])
        let g = try gathering(slotCount: 2, sessions: sessions, weights: .init(change: 10, roomChange: 3))
        let checker = try AgendaChecker(gathering: g, previous: previous)
        let costs = checker.check(agenda([("x", "s1", ["r2"]), ("y", "s2", ["r2"])])).costs
        #expect(costs.map(\.kind) == [.change, .roomChange] && costs.map(\.cost) == [10, 3] && costs.map(\.sessions) == [["y"], ["x"]])
        // Without `roomChange`, a room change costs `change`, as before the weight existed.
        let old = try gathering(slotCount: 2, sessions: sessions, weights: .init(change: 10))
        #expect(old.weights.roomChange == nil && old.weights.roomChangeWeight == 10)
        let oldCosts = try AgendaChecker(gathering: old, previous: previous).check(agenda([("x", "s1", ["r2"]), ("y", "s1", ["r1"])])).costs
        #expect(oldCosts.map(\.cost) == [10, 10] && oldCosts.allSatisfy { $0.kind == .roomChange })
        #expect(CostSummary.text(oldCosts, gathering: old).contains("Room changes from the previous agenda: 20"))
    }

    @Test func theNewFieldsAreReadWithTheirDefaults() throws {
        let json = """
            {"convene": 1, "event": {"travelMinutes": 45},
             "slots": [{"id": "s", "start": "2030-01-07T09:00", "end": "2030-01-07T10:00"}],
             "rooms": [{"id": "r", "site": "Annex"}, {"id": "q"}],
             "people": [{"id": "p", "maxPerDay": 2, "preferred": [{"start": "2030-01-07T09:00", "end": "2030-01-07T12:00"}]}],
             "sessions": [{"id": "a", "duration": 60}], "weights": {"personPreference": 3, "roomChange": 4}}
            """
        let g = try Gathering(json: Data(json.utf8))
        #expect(g.warnings.isEmpty)
        #expect(g.travelMinutes == 45 && g.rooms.map(\.site) == ["Annex", ""] && g.rooms.map(\.siteName) == ["Annex", nil])
        #expect(g.people[0].maxPerDay == 2 && g.people[0].preferred.count == 1)
        #expect(g.weights.personPreference == 3 && g.weights.roomChangeWeight == 4)
        let plain = try gathering(sessions: [.init(id: "a", duration: 60)])
        #expect(plain.travelMinutes == 0 && plain.weights.personPreference == 1 && plain.people.isEmpty)
    }

    /// The days rule 12 counts are calendar days in the event's time zone, not in UTC.
    @Test func daysAreCountedInTheEventsTimeZone() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "late", start: "2030-01-07T22:00", end: "2030-01-07T23:00"),
            .init(id: "next", start: "2030-01-08T00:30", end: "2030-01-08T01:30"),
        ]
        let ny = try gathering(slots: slots, sessions: [.init(id: "a", duration: 60)], timeZone: "America/New_York")
        #expect(Domain(ny).dayOf == [0, 1])
    }
}
