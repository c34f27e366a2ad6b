import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The public model and results speak Swift: instants as `Date`, lengths as `Duration`, local
/// times as `LocalDateTime`, references by id. Each value is compared with what the input says.
@Suite struct TypedSurfaceTests {
    /// The instant `text` (`YYYY-MM-DDTHH:MM`) stands for in `zone`, by Foundation's calendar.
    static func instant(_ text: String, in zone: String) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        try #require(parts.count == 5)
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        return try #require(calendar.date(from: components))
    }

    /// `event.travelMinutes` of an input document.
    static func travelMinutes(_ json: Data) throws -> Int? {
        let document = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        return (document?["event"] as? [String: Any])?["travelMinutes"] as? Int
    }

    @Test func slotsStartAndEndAtTheInputsLocalTimesInTheEventsZone() throws {
        let data = try fixture("p2pu-gathering-2019.json")
        let g = try Gathering(json: data)
        let written = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let slots = try #require(written?["slots"] as? [[String: Any]])
        #expect(g.slots.count == slots.count)
        for entry in slots {
            let id = try #require(entry["id"] as? String)
            let slot = try #require(g.slots.first { $0.id == id })
            #expect(slot.start == (try Self.instant(try #require(entry["start"] as? String), in: "America/New_York")))
            #expect(slot.end == (try Self.instant(try #require(entry["end"] as? String), in: "America/New_York")))
        }
        // Thursday 09:00 in New York (EDT, UTC−4) is 13:00 UTC.
        let thursday = try #require(g.slots.first { $0.id == "thu-1" })
        #expect(thursday.start == Date(timeIntervalSince1970: 1_568_898_000))
    }

    @Test func aSlotAcrossTheClockChangeKeepsItsRealLength() throws {
        // Clocks in Berlin fall back at 03:00 on 2030-10-27: 01:00–04:00 local is four hours.
        let g = try gathering(
            slots: [.init(id: "night", start: "2030-10-27T01:00", end: "2030-10-27T04:00")], sessions: [.init(id: "a", duration: 60)],
            timeZone: "Europe/Berlin")
        let slot = try #require(g.slots.first)
        #expect(slot.start == (try Self.instant("2030-10-27T01:00", in: "Europe/Berlin")))
        #expect(slot.end.timeIntervalSince(slot.start) == 4 * 3600)
    }

    @Test func referencesAreIdsInTheOrderWritten() throws {
        let g = try gathering(
            formats: [.init(id: "talk", duration: 45)],
            people: [.init(id: "ana"), .init(id: "ben"), .init(id: "chi")],
            sessions: [
                .init(id: "a", format: "talk", facilitators: ["chi", "ana", "chi"]),
                .init(id: "b", facilitators: ["ben"], duration: 30),
            ],
            attendees: [.init(id: "x", interests: ["b", "a", "b"]), .init(id: "y", interests: ["a"], person: "ben")])
        let a = try #require(g.sessions.first { $0.id == "a" })
        #expect(a.facilitators == ["chi", "ana"])
        #expect(a.format == "talk")
        let b = try #require(g.sessions.first { $0.id == "b" })
        #expect(b.facilitators == ["ben"] && b.format == nil)
        let x = try #require(g.attendees.first { $0.id == "x" })
        #expect(x.interests == ["b", "a"] && x.person == nil)
        // An attendee who is a person also wants the sessions that person facilitates.
        let y = try #require(g.attendees.first { $0.id == "y" })
        #expect(y.interests == ["a", "b"] && y.person == "ben")
        // Ids look up the values they name.
        #expect(a.facilitators.compactMap { id in g.people.first { $0.id == id }?.id } == a.facilitators)
    }

    @Test func durationsAreTheSessionsLengths() throws {
        let g = try gathering(
            formats: [.init(id: "talk", duration: 45)],
            sessions: [
                .init(id: "own", duration: 22.5), .init(id: "inherited", format: "talk"), .init(id: "both", format: "talk", duration: 60),
            ])
        let durations = Dictionary(uniqueKeysWithValues: g.sessions.map { ($0.id, $0.duration) })
        #expect(durations == ["own": .seconds(1350), "inherited": .seconds(45 * 60), "both": .seconds(3600)])
    }

    @Test func theBuilderTakesLengthsAsDurations() throws {
        var b = GatheringBuilder(name: "Lengths")
        b.addSlot("s1", start: LocalDateTime(2030, 1, 7, 9, 0), end: LocalDateTime(2030, 1, 7, 10, 0))
        b.addRoom("r1")
        b.addFormat("short", duration: .seconds(20 * 60))
        b.addSession("a", format: "short")
        b.addSession("b", duration: .seconds(90))
        b.travelTime = .seconds(15 * 60)
        #expect(b.travelTime == .seconds(900))
        let g = try b.build()
        #expect(g.sessions.map(\.duration) == [.seconds(1200), .seconds(90)])
        #expect(g.document == (try Gathering(json: g.json)).document)
        #expect(try Self.travelMinutes(g.json) == 15)
    }

    @Test func aTravelTimeTheInputCannotWriteIsReportedAtItsField() throws {
        var b = GatheringBuilder(name: "Travel")
        b.addSlot("s1", start: LocalDateTime(2030, 1, 7, 9, 0), end: LocalDateTime(2030, 1, 7, 10, 0))
        b.addSession("a", duration: .seconds(0))
        b.travelTime = .seconds(90)
        #expect(b.travelTime == .seconds(90))
        let odd = try #require(throws: DiagnosticError.self) { try b.build() }
        let fields = odd.diagnostics.map(\.location.description)
        #expect(fields.contains("travelTime"), "\(odd)")
        #expect(fields.contains("session(\"a\").duration"), "every problem at once: \(odd)")
        b.travelTime = .seconds(-60)
        let negative = try #require(throws: DiagnosticError.self) { try b.build() }
        #expect(negative.diagnostics.contains { $0.location.description == "travelTime" && $0.message.contains("-1") }, "\(negative)")
    }

    @Test func theGeneratorWritesItsTravelTimeInWholeMinutesRoundedUp() throws {
        let made = GatheringGenerator(sessions: 6, rooms: 2, days: 1, seed: 3, sites: 2, travelTime: .seconds(29 * 60 + 1)).make()
        #expect(try Self.travelMinutes(made.json) == 30)
    }

    @Test func statisticsAndDiffsSpeakDurationsAndLocalTimes() async throws {
        let g = try gathering(sessions: [.init(id: "a", duration: 60), .init(id: "b", duration: 60)], timeZone: "Europe/Berlin")
        let result = try await g.solve(using: SearchSolver(moves: 200), options: SolveOptions(timeLimit: nil))
        // The statistics' times are the document's seconds.
        let document = try JSONSerialization.jsonObject(with: result.agenda.json) as? [String: Any]
        let seconds = try #require((document?["stats"] as? [String: Any])?["seconds"] as? Double)
        #expect(result.agenda.statistics.elapsed == .seconds(seconds))
        let placed = try #require(result.agenda.placements.first { $0.session == "a" })
        let previous = agenda([("a", placed.start == "s1" ? "s2" : "s1", placed.rooms)])
        let diff = AgendaDiff(previous: previous, new: result.agenda, gathering: g)
        let change = try #require(diff.changes.first { $0.session == "a" })
        let slot = try #require(g.slots.first { $0.id == placed.start })
        let starts = Int(slot.start.timeIntervalSince(try Self.instant("2030-01-07T00:00", in: "Europe/Berlin")) / 60)
        #expect(change.after?.startTime == LocalDateTime(2030, 1, 7, starts / 60, starts % 60))
        #expect(change.after?.endTime == LocalDateTime(2030, 1, 7, starts / 60 + 1, starts % 60))
        #expect(change.before?.startTime != nil)
        // A local time's parts give the instant in the event's zone.
        var berlin = Calendar(identifier: .gregorian)
        berlin.timeZone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let local = try #require(change.after?.startTime)
        #expect(berlin.date(from: local.components) == slot.start)
    }
}
