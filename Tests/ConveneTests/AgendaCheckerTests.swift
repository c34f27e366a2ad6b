import Convene
import Foundation
import Testing

@testable import ConveneCore

/// Hard rules on a small gathering: a valid agenda, then one change per rule that breaks
/// exactly that rule.
@Suite struct AgendaCheckerRuleTests {
    let checker: AgendaChecker

    init() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "s2", start: clock(600), end: clock(660), tags: ["am"]),
            .init(id: "s3", start: clock(660), end: clock(720), tags: ["pm"]),
            .init(id: "s4", start: clock(720), end: clock(780), tags: ["pm"]),
        ]
        let g = try gathering(
            slots: slots,
            rooms: [
                .init(id: "big", name: "Big Hall", capacity: 50, tags: ["large"]), .init(id: "small", capacity: 10),
                .init(id: "closed", capacity: 30, unavailable: [.init(start: clock(720), end: clock(780))]),
                .init(id: "spare", capacity: 30),
            ],
            people: [
                .init(id: "p", name: "Pat", available: [.init(start: clock(540), end: clock(720))]),
                .init(id: "q", unavailable: [.init(start: clock(540), end: clock(600))]), .init(id: "r"),
            ],
            sessions: [
                .init(id: "plenary", title: "Plenary", facilitators: ["p"], duration: 60, exclusive: true, roomTags: ["large"]),
                .init(id: "talk", facilitators: ["q"], attendance: 20, duration: 60),
                .init(id: "morning", duration: 60, slotTags: ["am"]),
                .init(id: "later", facilitators: ["r"], duration: 60, after: ["talk"]),
                .init(id: "apart", duration: 60, notConcurrentWith: ["talk"]),
                .init(id: "pinned", duration: 60, pin: .init(slot: "s3", room: "closed")),
                .init(id: "opt", facilitators: ["r"], duration: 60, optional: true),
            ])
        checker = AgendaChecker(domain: Domain(g))
    }

    static let valid: [(String, String, [String])] = [
        ("plenary", "s1", ["big"]), ("talk", "s2", ["big"]), ("morning", "s2", ["small"]),
        ("later", "s3", ["small"]), ("apart", "s3", ["big"]), ("pinned", "s3", ["closed"]),
    ]

    /// The valid agenda with `session` moved (or removed, with nil), or with `extra` added.
    func report(
        moving session: String? = nil, to start: String? = nil, rooms: [String] = [],
        adding extra: [(String, String, [String])] = []
    ) -> AgendaChecker.Report {
        var placements = Self.valid.filter { $0.0 != session }
        if let session, let start { placements.append((session, start, rooms)) }
        let all = placements + extra
        return checker.check(agenda(all, unscheduled: all.contains { $0.0 == "opt" } ? [] : ["opt"]))
    }

    @Test func theBaseAgendaIsValid() {
        let r = report()
        #expect(r.violations.isEmpty, "\(r.violations)")
        #expect(r.objective == 100)  // only the optional session is unscheduled
    }

    @Test func rule1EverySessionPlacedOnceAndOnlyOnce() {
        #expect(report(moving: "talk").rules == [.placedOnce])
        #expect(report(adding: [("talk", "s4", ["spare"])]).rules == [.placedOnce])
    }

    @Test func rule2RoomTagsCapacityAndUnavailability() {
        let tags = report(moving: "plenary", to: "s1", rooms: ["small"])
        #expect(tags.rules == [.rooms])
        #expect(tags.violations.first?.message.contains("lacks the tag 'large'") == true)
        let capacity = report(moving: "talk", to: "s2", rooms: ["spare"], adding: [])
        #expect(capacity.isValid)  // 20 people fit in 30 seats
        let tooSmall = report(moving: "morning", to: "s2", rooms: ["spare"], adding: []).violations
        #expect(tooSmall.isEmpty)
        let crowded = report(moving: "talk", to: "s4", rooms: ["small"])
        #expect(crowded.rules.contains(.rooms))
        #expect(crowded.violations.contains { $0.message.contains("needs 20 seats per room") && $0.message.contains("holds 10") })
        let closed = report(adding: [("opt", "s4", ["closed"])])
        #expect(closed.rules == [.rooms])
        #expect(closed.violations.first?.message.contains("when the room is unavailable") == true)
    }

    @Test func rule3SlotTags() {
        let r = report(moving: "morning", to: "s4", rooms: ["small"])
        #expect(r.rules == [.slotTags])
        #expect(r.violations.first?.message.contains("lacks the tag 'am'") == true)
    }

    @Test func rule4OneSessionPerRoomAndSlot() {
        let r = report(moving: "morning", to: "s2", rooms: ["big"])
        #expect(r.rules == [.roomClash])
    }

    @Test func rule5FacilitatorsAvailableAndInOnePlaceAtATime() {
        let away = report(moving: "plenary", to: "s4", rooms: ["big"])
        #expect(away.rules == [.facilitators])
        #expect(away.violations.first?.message.contains("Pat (p) facilitates 'Plenary' (plenary)") == true)
        let twice = report(adding: [("opt", "s3", ["spare"])])
        #expect(twice.rules == [.facilitators])
        #expect(twice.violations.first?.message.contains("facilitates both") == true)
    }

    @Test func rule6ExclusiveSessionsRunAlone() {
        #expect(report(adding: [("opt", "s1", ["spare"])]).rules == [.exclusive])
    }

    @Test func rule7AfterMeansStartingAfterTheEnd() {
        #expect(report(moving: "later", to: "s2", rooms: ["spare"]).rules == [.after])
    }

    @Test func rule8NotConcurrentWith() {
        #expect(report(moving: "apart", to: "s2", rooms: ["spare"]).rules == [.notConcurrent])
    }

    @Test func rule9Pins() {
        let r = report(moving: "pinned", to: "s4", rooms: ["spare"])
        #expect(r.rules == [.pins])
        #expect(r.violations.count == 2)  // the slot and the room
    }

    @Test func documentProblemsAreReported() {
        let unknown = checker.check(agenda(Self.valid + [("ghost", "s1", ["big"]), ("opt", "s9", ["big"])]))
        #expect(unknown.rules == [.document])
        #expect(unknown.violations.count == 2)
        let rooms = report(moving: "talk", to: "s2", rooms: ["big", "spare"])
        #expect(rooms.rules == [.document])
        var stated = agenda(Self.valid, unscheduled: ["opt"])
        stated.placements[0].slots = ["s1", "s2"]
        stated.placements[0].startTime = "2030-01-07T09:00"
        stated.placements[0].endTime = "2030-01-07T11:00"
        stated.objective = 7
        let derived = checker.check(stated)
        #expect(derived.violations.count == 3, "\(derived.violations)")  // slots, endTime, objective
    }

    @Test func aStartWithoutAChainIsReported() throws {
        let g = try gathering(slotCount: 2, sessions: [.init(id: "long", duration: 120)])
        let r = AgendaChecker(domain: Domain(g)).check(agenda([("long", "s2", ["r1"])]))
        #expect(r.rules == [.document, .placedOnce])  // an impossible start leaves the session unplaced
        #expect(r.violations.first?.message.contains("needs 120 minutes of back-to-back slots") == true)
    }
}

/// Every cost kind on a hand-computed example.
@Suite struct AgendaCheckerCostTests {
    func example(bigAttendance: Int = 15) throws -> Gathering {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "s2", start: clock(600), end: clock(660), tags: ["am"]),
            .init(id: "s3", start: clock(660), end: clock(720), tags: ["pm"]),
        ]
        return try gathering(
            slots: slots, rooms: ["r1", "r2", "r3"].map { .init(id: $0, capacity: 10) },
            sessions: [
                .init(id: "a", duration: 60, track: "t", prefer: .init(slotTags: ["am"], weight: 2)),
                .init(id: "b", duration: 60, track: "t"),
                .init(id: "c", duration: 60),
                .init(id: "d", duration: 120, prefer: .init(slotTags: ["am"])),
                .init(id: "e", duration: 60, optional: true, priority: 2),
                .init(id: "big", attendance: bigAttendance, duration: 60, rooms: 2),
            ],
            attendees: [
                .init(id: "x", interests: ["a", "b", "c"]), .init(id: "y", interests: ["a", "b"]),
                .init(id: "z", interests: ["a", "c", "d"]), .init(id: "w", interests: ["b", "b", "d"]),
            ],
            weights: .init(clash: 2, preference: 3, unscheduled: 100, change: 10, trackOverlap: 5))
    }

    let placements: [(String, String, [String])] = [
        ("a", "s1", ["r1"]), ("b", "s1", ["r2"]), ("c", "s2", ["r1"]), ("d", "s2", ["r2"]), ("big", "s3", ["r1", "r3"]),
    ]

    @Test func everyCostKindMatchesTheHandComputation() throws {
        let g = try example()
        let previous = agenda([
            ("a", "s1", ["r1"]), ("b", "s2", ["r2"]), ("c", "s2", ["r2"]),
            ("e", "s3", ["r3"]), ("cancelled", "s1", ["r3"]),
        ])
        let r = try AgendaChecker(gathering: g, previous: previous).check(agenda(placements, unscheduled: ["e"]))
        #expect(r.violations.isEmpty, "\(r.violations)")
        let expected: [Agenda.Cost] = [
            .init(kind: .clash, sessions: ["a", "b"], attendees: ["x", "y"], cost: 4),
            .init(kind: .clash, sessions: ["c", "d"], attendees: ["z"], cost: 2),
            .init(kind: .preference, sessions: ["d"], cost: 3),
            .init(kind: .unscheduled, sessions: ["e"], cost: 200),
            .init(kind: .change, sessions: ["b"], cost: 10),
            .init(kind: .change, sessions: ["e"], cost: 10),
            // 'c' keeps its start in another room: `roomChange`, which defaults to `change`.
            .init(kind: .roomChange, sessions: ["c"], cost: 10),
            .init(kind: .trackOverlap, sessions: ["a", "b"], cost: 5),
        ]
        #expect(r.costs == expected)
        #expect(r.objective == 244)
    }

    @Test func withoutAPreviousAgendaThereIsNoChangeCost() throws {
        let r = AgendaChecker(domain: Domain(try example())).check(agenda(placements, unscheduled: ["e"]))
        #expect(r.objective == 214)
        #expect(!r.costs.contains { $0.kind == .change })
    }

    /// A multi-room session needs ⌈attendance ÷ rooms⌉ seats in each room: 19 people in two rooms of 10 fit, 21 do not.
    @Test func multiRoomCapacityUsesTheCeiling() throws {
        let fits = AgendaChecker(domain: Domain(try example(bigAttendance: 19))).check(agenda(placements, unscheduled: ["e"]))
        #expect(fits.isValid)
        let over = AgendaChecker(domain: Domain(try example(bigAttendance: 21))).check(agenda(placements, unscheduled: ["e"]))
        #expect(over.rules == [.rooms])
        #expect(over.violations.count == 2)  // each of its two rooms
        #expect(over.violations.allSatisfy { $0.message.contains("needs 11 seats per room") })
        #expect(Domain(try example(bigAttendance: 21)).starts[5].isEmpty)
    }

    @Test func zeroWeightsGiveNoCostTerms() throws {
        var g = try example()
        g.weights = .init(clash: 0, preference: 0, unscheduled: 0, change: 0, trackOverlap: 0)
        let r = AgendaChecker(domain: Domain(g)).check(agenda(placements, unscheduled: ["e"]))
        #expect(r.costs.isEmpty && r.objective == 0)
    }
}

@Suite struct AgendaDocumentTests {
    @Test func theHandMadeP2PUAgendaIsValid() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let loaded = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json"))
        let (document, warnings) = (loaded.value, loaded.warnings)
        #expect(warnings.isEmpty)
        let r = AgendaChecker(domain: Domain(g)).check(document)
        #expect(r.violations.isEmpty, "\(r.violations)")
        #expect(r.assignments.count == 21)
        #expect(r.objective == r.costs.reduce(0) { $0 + $1.cost })
        // The remote call and the funders' conversation share fri-1: 13 attendees want both.
        #expect(r.costs.contains { $0.kind == .clash && Set($0.sessions) == ["funding", "kenya-eu-call"] && $0.cost == 13 })
    }

    @Test func anAgendaReadsBackAsItWasWritten() throws {
        let original = Agenda(
            status: .optimal, solver: "milp", objective: 3, bound: 3,
            placements: [
                .init(
                    session: "a", start: "s1", rooms: ["r1"], slots: ["s1"],
                    startTime: "2030-01-07T09:00", endTime: "2030-01-07T10:00")
            ],
            unscheduled: ["e"], costs: [.init(kind: .clash, sessions: ["a", "b"], attendees: ["x"], cost: 3)],
            statistics: SolveStatistics(search: .init(moves: 10, nodes: 0)))
        let loaded = try Agenda.load(original.json)
        let (read, warnings) = (loaded.value, loaded.warnings)
        #expect(read == original)
        #expect(warnings.isEmpty)
        #expect(original.jsonText.contains("\"solver\": \"milp\""))
        #expect(Agenda(status: .unknown).jsonText.contains("\"objective\": null"))
    }

    @Test func aMalformedAgendaReportsPaths() {
        let json = #"{"convene": 1, "status": "great", "placements": [{"session": "a", "rooms": "r1"}]}"#
        #expect(throws: DiagnosticError.self) { try Agenda.load(Data(json.utf8)) }
        do {
            _ = try Agenda.load(Data(json.utf8))
        } catch {
            let paths = Set(error.errors.map(\.path.description))
            #expect(paths == ["status", "placements[0].start", "placements[0].rooms"])
        }
    }
}
