import Convene
import ConveneTestSupport
import Foundation
import Testing

/// Building a gathering in code: typed times, and problems named by the builder's fields.
@Suite struct GatheringBuilderTests {
    static let newYork = TimeZone(identifier: "America/New_York") ?? .current

    static func thursdayMorning() -> GatheringBuilder {
        var b = GatheringBuilder(name: "P2PU Gathering 2019", timeZone: newYork)
        b.addSlot("thu-1", LocalDateTime(2019, 9, 19, 9, 0)..<LocalDateTime(2019, 9, 19, 10, 30), tags: ["thu"])
        b.addSlot("thu-2", LocalDateTime(2019, 9, 19, 10, 30)..<LocalDateTime(2019, 9, 19, 12, 0), tags: ["thu"])
        b.addRoom("rabb", name: "Rabb Hall", capacity: 120)
        b.addRoom("commonwealth", name: "Commonwealth Salon", capacity: 40)
        b.addPerson(
            "director", name: "P2PU executive director",
            available: [
                LocalDateTime(2019, 9, 19, 8, 0)..<LocalDateTime(2019, 9, 19, 21, 0)
            ])
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
        #expect(g.slots[0].start == 1_568_898_000)
        #expect(g.timeZoneName == "America/New_York")
    }

    @Test func problemsNameTheBuildersFields() throws {
        var b = Self.thursdayMorning()
        b.addSession(.init(id: "tech", facilitators: ["directr"], duration: 0))
        b.addSlot("bad", LocalDateTime(2019, 9, 19, 14, 0)..<LocalDateTime(2019, 13, 1, 0, 0))
        b.addPerson("late", available: [LocalDateTime(2019, 9, 20, 9, 0)..<LocalDateTime(2019, 9, 31, 9, 0)])
        let error = try #require(throws: GatheringBuilder.BuildError.self) { try b.build() }
        let fields = Set(error.problems.map(\.field))
        #expect(fields.contains("session(\"tech\").facilitators[0]"))
        #expect(fields.contains("session(\"tech\").duration"))
        #expect(fields.contains("slot(\"bad\").time.upperBound"))
        #expect(fields.contains("person(\"late\").available[0].upperBound"))  // 31 September
        #expect(error.description.contains("did you mean \"director\""))
        #expect(!error.description.contains("sessions["))
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
