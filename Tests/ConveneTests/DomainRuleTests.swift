import Convene
import Testing

/// The domain's rule questions, each asked where the answer is yes and where it is no, with the
/// reasons it gives: every solver, the checker and the explainer rely on these answers alone.
@Suite struct DomainRuleTests {
    /// Four back-to-back hours from 09:00; the annex is at another site, 30 minutes away, and
    /// closed in the last hour. Pat is there until 12:00; Quinn facilitates one session a day.
    static func gathering() throws -> Gathering {
        let slots: [InputDocument.Slot] = [
            .init(id: "s1", start: clock(540), end: clock(600), tags: ["am"]),
            .init(id: "s2", start: clock(600), end: clock(660), tags: ["am"]),
            .init(id: "s3", start: clock(660), end: clock(720), tags: ["pm"]),
            .init(id: "s4", start: clock(720), end: clock(780), tags: ["pm"]),
        ]
        return try ConveneTestSupport.gathering(
            slots: slots,
            rooms: [
                .init(id: "hall", capacity: 50, tags: ["large"], site: "library"), .init(id: "side", capacity: 10, site: "library"),
                .init(id: "annex", unavailable: [.init(start: clock(720), end: clock(780))], site: "annex"),
            ],
            people: [
                .init(id: "pat", available: [.init(start: clock(540), end: clock(720))]), .init(id: "quinn", maxPerDay: 1),
                .init(id: "rae"),
            ],
            sessions: [
                .init(id: "keynote", facilitators: ["pat"], duration: 60, exclusive: true, roomTags: ["large"]),
                .init(id: "talk", facilitators: ["quinn"], duration: 60),
                .init(id: "workshop", facilitators: ["quinn"], duration: 60, notConcurrentWith: ["talk"]),
                .init(id: "morning", duration: 60, slotTags: ["am"]),
                .init(id: "apart1", duration: 60, notConcurrentWith: ["apart2"]),
                .init(id: "apart2", duration: 60),
                .init(id: "pinned", duration: 60, pin: .init(slot: "s3", room: "annex")),
                .init(id: "long", facilitators: ["rae"], duration: 120),
                .init(id: "visit", facilitators: ["rae"], duration: 60),
                .init(id: "crowd", attendance: 30, duration: 60),
            ], travelMinutes: 30)
    }

    let g: Gathering
    let domain: Domain

    init() throws {
        g = try Self.gathering()
        domain = Domain(g)
    }

    func s(_ id: String) -> Int { g.sessionIndex[id] ?? -1 }
    func p(_ id: String) -> Int { g.people.firstIndex { $0.id == id } ?? -1 }
    func r(_ id: String) -> Int { g.roomIndex[id] ?? -1 }
    func t(_ id: String) -> Int { g.slotIndex[id] ?? -1 }

    /// A placement of a session at a slot in rooms, its chain from the domain.
    func at(_ session: String, _ slot: String, _ rooms: [String]) -> Assignment {
        let chain = domain.chain(session: s(session), start: t(slot)) ?? t(slot)..<t(slot) + 1
        return Assignment(session: s(session), start: t(slot), slots: chain, rooms: rooms.map(r))
    }

    /// Rules 2, 3, 5's availability, 9 and the chain rule decide where a session may start.
    @Test func mayStart() {
        #expect(domain.mayStart(s("morning"), at: t("s2")) && !domain.mayStart(s("morning"), at: t("s3")))  // rule 3
        #expect(domain.mayStart(s("keynote"), at: t("s3")) && !domain.mayStart(s("keynote"), at: t("s4")))  // Pat leaves at 12:00
        #expect(domain.mayStart(s("pinned"), at: t("s3")) && !domain.mayStart(s("pinned"), at: t("s2")))  // rule 9
        #expect(domain.mayStart(s("long"), at: t("s3")) && !domain.mayStart(s("long"), at: t("s4")))  // no 120 minutes from s4
        #expect(domain.starts[s("crowd")].allSatisfy { !$0.rooms.contains(r("side")) })  // rule 2: side holds 10 of 30
        #expect(domain.startIndex(s("keynote"), at: t("s2")).map { domain.starts[s("keynote")][$0].slot } == t("s2"))
        #expect(domain.startIndex(s("pinned"), at: t("s1")) == nil)
        #expect(domain.hasSlotTags(s("morning"), t("s1")..<t("s3")) && !domain.hasSlotTags(s("morning"), t("s2")..<t("s4")))
        #expect(domain.isFree(p("pat"), t("s1")..<t("s4")) && !domain.isFree(p("pat"), t("s3")..<t("s4") + 1))
        #expect(domain.openRooms(s("crowd"), t("s3")..<t("s4")) == [r("hall"), r("annex")])  // side holds 10
        #expect(domain.openRooms(s("crowd"), t("s4")..<t("s4") + 1) == [r("hall")])  // the annex is closed
    }

    /// Rule 7: a start at or after the end of the earlier session's run.
    @Test func startsAfter() {
        #expect(domain.startsAfter(t("s3"), t("s1")..<t("s3")))
        #expect(!domain.startsAfter(t("s2"), t("s1")..<t("s3")))
        #expect(!domain.startsAfter(t("s1"), t("s2")..<t("s3")))
    }

    /// Rules 5, 6 and 8, whatever the times, and each reason they give.
    @Test func mayRunTogether() {
        #expect(domain.mayRunTogether(s("talk"), s("morning")) && domain.whyNeverTogether(s("talk"), s("morning")).isEmpty)
        #expect(!domain.mayRunTogether(s("keynote"), s("talk")))
        #expect(domain.whyNeverTogether(s("keynote"), s("talk")) == [.exclusive(s("keynote"))])
        #expect(domain.whyNeverTogether(s("talk"), s("keynote")) == [.exclusive(s("keynote"))])
        // Named on one side, binding both ways: the input is read into a symmetric relation.
        #expect(domain.whyNeverTogether(s("apart1"), s("apart2")) == [.apart])
        #expect(domain.whyNeverTogether(s("apart2"), s("apart1")) == [.apart])
        #expect(g.sessions[s("apart2")].notConcurrentWith == [s("apart1")])
        // A shared facilitator and rule 8 together: both reasons, the person first.
        #expect(domain.whyNeverTogether(s("workshop"), s("talk")) == [.sameFacilitator(p("quinn")), .apart])
        #expect(domain.whyNeverTogether(s("long"), s("visit")) == [.sameFacilitator(p("rae"))])
        #expect(!domain.mayRunTogether(s("long"), s("visit")))
        // Lifting Rae's one-at-a-time rule (as explain does) lifts that reason, and only that one.
        let lifted = Domain(g, relaxations: .init(oneAtATime: [p("rae"), p("quinn")]))
        #expect(lifted.mayRunTogether(s("long"), s("visit")) && lifted.whyNeverTogether(s("long"), s("visit")).isEmpty)
        #expect(lifted.whyNeverTogether(s("workshop"), s("talk")) == [.apart])
        #expect(lifted.busyFacilitators[s("long")].isEmpty && domain.busyFacilitators[s("long")] == [p("rae")])
    }

    /// Rules 4, 5, 6 and 8 for two placements: only when they share a slot.
    @Test func mayBeConcurrent() {
        let talk = at("talk", "s1", ["hall"])
        #expect(domain.whyNotConcurrent(talk, at("morning", "s1", ["hall"])) == [.sameRoom(r("hall"))])
        #expect(domain.mayBeConcurrent(talk, at("morning", "s1", ["side"])))
        #expect(domain.whyNotConcurrent(talk, at("workshop", "s1", ["side"])) == [.sameFacilitator(p("quinn")), .apart])
        #expect(domain.mayBeConcurrent(talk, at("workshop", "s2", ["hall"])))  // no shared slot
        // The two-hour session meets the visit in its second hour.
        let long = at("long", "s1", ["hall"])
        #expect(domain.whyNotConcurrent(long, at("visit", "s2", ["hall"])) == [.sameRoom(r("hall")), .sameFacilitator(p("rae"))])
        #expect(domain.mayBeConcurrent(long, at("visit", "s3", ["hall"])))
        #expect(domain.whyNotConcurrent(at("keynote", "s2", ["hall"]), at("apart1", "s2", ["side"])) == [.exclusive(s("keynote"))])
    }

    /// Rules 5, 11 and a daily limit of one, for one person and two placements.
    @Test func mayFacilitateBoth() {
        // Rae: the library until 11:00, then the annex at 11:00 with no time to travel.
        let long = at("long", "s1", ["hall"])
        #expect(domain.whyNotBoth(p("rae"), long, at("visit", "s3", ["annex"])) == [.travel(p("rae"))])
        #expect(domain.mayFacilitateBoth(p("rae"), long, at("visit", "s3", ["side"])))  // the same site
        #expect(domain.whyNotBoth(p("rae"), long, at("visit", "s2", ["side"])) == [.sameFacilitator(p("rae"))])
        let free = Domain(g, relaxations: .init(oneAtATime: [p("rae")], travel: [p("rae")]))
        #expect(free.mayFacilitateBoth(p("rae"), long, at("visit", "s3", ["annex"])))
        #expect(free.mayFacilitateBoth(p("rae"), long, at("visit", "s2", ["annex"])))  // together, no travel owed
        // Quinn facilitates one session a day: two on Monday are one too many.
        #expect(domain.whyNotBoth(p("quinn"), at("talk", "s1", ["hall"]), at("workshop", "s3", ["hall"])) == [.dailyLoad(p("quinn"))])
        #expect(domain.dailyLimit(p("quinn")) == 1 && domain.dailyLimit(p("rae")) == nil)
        #expect(domain.travels(p("rae")) && !free.travels(p("rae")) && domain.isOneAtATime(p("rae")) && !free.isOneAtATime(p("rae")))
    }

    /// Each reason belongs to the checker's rule that words it.
    @Test func reasonsNameTheirRules() {
        let rules: [(Domain.Reason, AgendaChecker.Rule)] = [
            (.sameRoom(0), .roomClash), (.sameFacilitator(0), .facilitators), (.exclusive(0), .exclusive), (.apart, .notConcurrent),
            (.travel(0), .travel), (.dailyLoad(0), .dailyLoad),
        ]
        for (reason, rule) in rules { #expect(reason.rule == rule) }
    }

    /// The checker words the domain's reasons: the same rules for the same placements.
    @Test func theCheckerReportsWhatTheDomainSays() throws {
        let checker = AgendaChecker(domain: domain)
        let report = checker.check([at("talk", "s1", ["hall"]), at("workshop", "s1", ["hall"]), at("keynote", "s2", ["hall"])])
        #expect(report.rules.isSuperset(of: [.roomClash, .facilitators, .notConcurrent]))
        #expect(report.violations.contains { $0.message == "'talk' and 'workshop' are both in hall at s1 (Mon 7 Jan 09:00–10:00)." })
        #expect(
            report.violations.contains {
                $0.message == "quinn facilitates both 'talk' and 'workshop' at s1 (Mon 7 Jan "
                    + "09:00–10:00)."
            })
        #expect(
            report.violations.contains {
                $0.message == "'talk' and 'workshop' must not run at the same time, but both run at s1 (Mon 7 Jan 09:00–10:00)."
            })
    }
}
