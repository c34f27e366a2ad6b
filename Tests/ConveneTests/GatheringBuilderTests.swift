import Convene
import ConveneTestSupport
import Foundation
import Testing

/// Building a gathering in code: typed times, and problems named by the builder's fields.
@Suite struct GatheringBuilderTests {
    static let newYork = TimeZone(identifier: "America/New_York") ?? .current

    static func thursdayMorning() -> GatheringBuilder {
        var b = GatheringBuilder(name: "P2PU Gathering 2019", timeZone: newYork)
        b.addSlot("thu-1", start: LocalDateTime(2019, 9, 19, 9, 0), end: LocalDateTime(2019, 9, 19, 10, 30), tags: ["thu"])
        b.addSlot("thu-2", start: LocalDateTime(2019, 9, 19, 10, 30), end: LocalDateTime(2019, 9, 19, 12, 0), tags: ["thu"])
        b.addRoom("rabb", name: "Rabb Hall", capacity: 120)
        b.addRoom("commonwealth", name: "Commonwealth Salon", capacity: 40)
        b.addPerson(
            "director", name: "P2PU executive director",
            available: [.init(start: LocalDateTime(2019, 9, 19, 8, 0), end: LocalDateTime(2019, 9, 19, 21, 0))])
        b.addSession(.init(id: "update", title: "Update from P2PU", facilitators: ["director"], duration: 90, exclusive: true))
        b.addSession(.init(id: "stories", title: "Stories from facilitators", duration: 90, after: ["update"]))
        b.addAttendee("a1", interests: ["update", "stories"])
        return b
    }

    @Test func aGatheringBuiltInCodeIsTheSameAsItsDocument() throws {
        let g = try Self.thursdayMorning().build()
        #expect(g.slots.map(\.id) == ["thu-1", "thu-2"])
        #expect(g.document.slots[0].start == "2019-09-19T09:00")
        // 09:00 in New York in September is 13:00 UTC.
        #expect(g.slots[0].startSecond == 1_568_898_000)
        #expect(g.timeZoneName == "America/New_York")
    }

    @Test func problemsNameTheBuildersFields() throws {
        var b = Self.thursdayMorning()
        b.addSession(.init(id: "tech", facilitators: ["directr"], duration: 0))
        b.addSlot("bad", start: LocalDateTime(2019, 9, 19, 14, 0), end: LocalDateTime(2019, 13, 1, 0, 0))
        b.addPerson("late", available: [.init(start: LocalDateTime(2019, 9, 20, 9, 0), end: LocalDateTime(2019, 9, 31, 9, 0))])
        let error = try #require(throws: DiagnosticError.self) { try b.build() }
        let fields = Set(error.diagnostics.map(\.location))
        #expect(fields.contains(.field("session(\"tech\").facilitators[0]")))
        #expect(fields.contains(.field("session(\"tech\").duration")))
        #expect(fields.contains(.field("slot(\"bad\").end")))
        #expect(fields.contains(.field("person(\"late\").available[0].end")))  // 31 September
        #expect(error.diagnostics.allSatisfy { $0.severity == .error })
        #expect(error.description.contains("error: session(\"tech\").facilitators[0]: no person has the id \"directr\""))
        #expect(error.description.contains("did you mean \"director\""))
        #expect(!error.description.contains("sessions["))
    }

    /// An end before its start is a problem the builder reports at the field, never a trap: the
    /// builder takes starts and ends, not ranges (a `Range` with its bounds the wrong way round
    /// stops the program).
    @Test func anEndBeforeItsStartIsReportedAtItsField() throws {
        var b = Self.thursdayMorning()
        b.addSlot("backwards", start: LocalDateTime(2019, 9, 19, 15, 0), end: LocalDateTime(2019, 9, 19, 14, 0))
        b.addRoom("annex", unavailable: [.init(start: LocalDateTime(2019, 9, 19, 12, 0), end: LocalDateTime(2019, 9, 19, 12, 0))])
        b.addPerson("owl", preferred: [.init(start: LocalDateTime(2019, 9, 19, 23, 0), end: LocalDateTime(2019, 9, 19, 7, 0))])
        let error = try #require(throws: DiagnosticError.self) { try b.build() }
        let byField = Dictionary(error.diagnostics.map { ($0.location.description, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byField["slot(\"backwards\").end"]?.contains("before it starts") == true, "\(error)")
        #expect(byField["room(\"annex\").unavailable[0].end"]?.contains("when it starts") == true, "\(error)")
        #expect(byField["person(\"owl\").preferred[0].end"]?.contains("before it starts") == true, "\(error)")
        #expect(error.diagnostics.count == 3, "\(error)")
    }

    /// A builder can start from a gathering read or built elsewhere and add to it.
    @Test func aBuilderAddsToAGathering() throws {
        let morning = try Self.thursdayMorning().build()
        var b = GatheringBuilder(gathering: morning)
        b.addSession("tech", title: "Troubleshooting the technology", duration: .seconds(90 * 60))
        let g = try b.build()
        #expect(g.sessions.map(\.id) == ["update", "stories", "tech"])
        #expect(g.slots.map(\.id) == morning.slots.map(\.id))
    }

    @Test func aLocalDateTimeIsWrittenLikeTheInputsTimes() {
        #expect(LocalDateTime(2019, 9, 19, 9, 5).description == "2019-09-19T09:05")
        #expect(LocalDateTime(2019, 9, 19, 9, 5, second: 7).description == "2019-09-19T09:05:07")
        #expect(LocalDateTime(2019, 9, 19, 9, 0) < LocalDateTime(2019, 9, 19, 10, 0))
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = (2019, 9, 19, 14)
        #expect(LocalDateTime(c) == LocalDateTime(2019, 9, 19, 14, 0))
    }
}
