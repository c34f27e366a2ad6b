import Convene
import ConveneTestSupport
import Foundation
import Testing

@Suite(.sharesCPU) struct GeneratorTests {
    @Test(arguments: [(25, 4, 1, 1), (60, 6, 2, 2), (150, 8, 3, 3), (400, 16, 4, 4)])
    func thePlantedAgendaProvesTheInputFeasible(sessions: Int, rooms: Int, days: Int, seed: Int) throws {
        let made = GatheringGenerator(sessions: sessions, rooms: rooms, days: days, seed: UInt64(seed)).make()
        let g = try Gathering(json: Data(made.document.json.utf8))
        #expect(g.warnings.isEmpty)
        #expect(g.sessions.count == sessions && g.rooms.count == rooms)
        let report = AgendaChecker(domain: Domain(g)).check(made.planted)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
        // Every kind of requirement appears.
        #expect(g.sessions.contains { $0.exclusive } && (sessions < 60 || g.sessions.contains { $0.duration > .seconds(3600) }))
        #expect(g.sessions.contains { !$0.roomTags.isEmpty } && g.sessions.contains { $0.track != nil })
        #expect(g.people.contains { !$0.available.isEmpty })
        #expect(made.document.people.contains { $0.available.contains { $0.start.hasSuffix(":00") && $0.start.contains("+0") } })
    }

    /// Sites, travel and daily limits are written around the planted agenda too, and leave the
    /// rest of the input as it was without them.
    @Test func sitesTravelAndDailyLimitsKeepThePlantedAgendaValid() throws {
        let plain = GatheringGenerator(sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1).make()
        let made = GatheringGenerator(
            sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1, sites: 3, travelTime: .seconds(30 * 60), dailyLimitShare: 0.3
        )
        .make()
        let g = try Gathering(json: Data(made.document.json.utf8))
        #expect(g.warnings.isEmpty && g.travelMinutes == 30 && Set(g.rooms.map(\.site)).count == 3)
        let facilitators = Set(g.sessions.flatMap(\.facilitatorIndices))
        let limited = facilitators.filter { g.people[$0].maxPerDay != nil }.count
        #expect(Double(limited) > 0.2 * Double(facilitators.count) && Double(limited) < 0.4 * Double(facilitators.count))
        let report = AgendaChecker(domain: Domain(g)).check(made.planted)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
        // The same sessions, slots, rooms and attendees as without the new rules.
        #expect(made.document.sessions.map(\.id) == plain.document.sessions.map(\.id))
        #expect(made.document.attendees == plain.document.attendees && made.document.slots == plain.document.slots)
        // Without them, byte for byte what the generator wrote before they existed (no new field).
        #expect(!plain.document.json.contains("maxPerDay") && !plain.document.json.contains("\"site\""))
    }

    @Test func theSameSeedWritesTheSameInput() {
        let a = GatheringGenerator(sessions: 80, rooms: 6, days: 2, seed: 9).make().document.json
        let b = GatheringGenerator(sessions: 80, rooms: 6, days: 2, seed: 9).make().document.json
        let c = GatheringGenerator(sessions: 80, rooms: 6, days: 2, seed: 10).make().document.json
        #expect(a == b && a != c)
    }
}

/// The tight generator: little slack, every kind of requirement, and still feasible.
@Suite(.sharesCPU) struct TightGeneratorTests {
    /// The checks run on a thread of their own, so as not to hold one of the few threads that
    /// the other tests' solves resume on.
    @Test(arguments: [(1_000, UInt64(1)), (1_000, 2), (300, 3)])
    func thePlantedAgendaProvesATightInputFeasible(sessions: Int, seed: UInt64) async throws {
        let made = TightGatheringGenerator(sessions: sessions, seed: seed).make()
        let g = try Gathering(json: Data(made.document.json.utf8))
        #expect(g.warnings.isEmpty && g.sessions.count == sessions)
        let (violations, mandatory, optional) = await DedicatedThread.run {
            let domain = Domain(g)
            // Room-slots each session needs where it needs fewest.
            func need(_ s: Session) -> Int { s.rooms * (domain.starts[s.index].map(\.slots.count).min() ?? 0) }
            return (
                AgendaChecker(domain: domain).check(made.planted).violations,
                g.sessions.filter { !$0.optional }.map(need).reduce(0, +), g.sessions.filter(\.optional).map(need).reduce(0, +)
            )
        }
        #expect(violations.isEmpty, "\(violations.prefix(3))")
        // The non-optional sessions need at least 70 % of the room-slots; the optional ones ask
        // for more than the rest.
        let roomSlots = g.rooms.count * g.slots.count
        #expect(Double(mandatory) >= 0.7 * Double(roomSlots), "\(mandatory) of \(roomSlots)")
        #expect(mandatory + optional > roomSlots)
        if sessions == 1_000 {
            #expect(g.rooms.count == 30 && g.slots.count == 40 && g.sessions.filter(\.optional).count == 428)
        }
        // Three-room sessions pinned to one of their rooms, day tags, narrow availability.
        #expect(g.sessions.contains { $0.rooms == 3 && $0.pinRoom != nil })
        #expect(g.sessions.contains { $0.slotTags.contains { $0.hasPrefix("day") } })
        let load = Dictionary(grouping: g.sessions.flatMap(\.facilitatorIndices), by: { $0 }).mapValues(\.count)
        #expect(g.people.contains { !$0.available.isEmpty && load[$0.index, default: 0] >= 3 })
        #expect(Set(g.slots.map { $0.endSecond - $0.startSecond }) == [1800, 3600, 5400])
    }

    @Test func theSameSeedWritesTheSameTightInput() {
        let a = TightGatheringGenerator(sessions: 200, seed: 4).make()
        let b = TightGatheringGenerator(sessions: 200, seed: 4).make()
        let c = TightGatheringGenerator(sessions: 200, seed: 5).make()
        #expect(a.document.json == b.document.json && a.planted.json == b.planted.json && a.document.json != c.document.json)
    }

    /// Rooms and days grow with the square root of the sessions (the benchmark solves these).
    @Test func itScalesToTenThousandSessions() {
        let made = TightGatheringGenerator(sessions: 10_000, seed: 1).make()
        #expect(made.document.sessions.count == 10_000 && made.document.rooms.count == 95 && made.document.slots.count == 128)
        #expect(made.planted.placements.count + made.planted.unscheduled.count == 10_000)
    }
}
