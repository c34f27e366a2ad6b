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
        #expect(g.sessions.contains { $0.exclusive } && (sessions < 60 || g.sessions.contains { $0.duration > 60 }))
        #expect(g.sessions.contains { !$0.roomTags.isEmpty } && g.sessions.contains { $0.track != nil })
        #expect(g.people.contains { !$0.available.isEmpty })
        #expect(made.document.people.contains { $0.available.contains { $0.start.hasSuffix(":00") && $0.start.contains("+0") } })
    }

    /// Sites, travel and daily limits are written around the planted agenda too, and leave the
    /// rest of the input as it was without them.
    @Test func sitesTravelAndDailyLimitsKeepThePlantedAgendaValid() throws {
        let plain = GatheringGenerator(sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1).make()
        let made = GatheringGenerator(
            sessions: 150, rooms: 8, days: 3, attendees: 200, seed: 1, sites: 3, travelMinutes: 30, dailyLimitShare: 0.3
        )
        .make()
        let g = try Gathering(json: Data(made.document.json.utf8))
        #expect(g.warnings.isEmpty && g.travelMinutes == 30 && Set(g.rooms.map(\.site)).count == 3)
        let facilitators = Set(g.sessions.flatMap(\.facilitators))
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
