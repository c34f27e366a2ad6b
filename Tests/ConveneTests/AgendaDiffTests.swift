import Convene
import ConveneTestSupport
import Testing

/// `convene diff`'s semantics: one test per kind of change, the people each change concerns, and
/// the notices, including a clash that a move creates.
@Suite struct AgendaDiffTests {
    /// Three slots, two rooms; a facilitator `p1` runs `a`; attendee `x` wants `a` and `b`,
    /// attendee `y` is `p1` and wants `c`.
    static func twoRooms(sessions: [String] = ["a", "b", "c"]) throws -> Gathering {
        try gathering(
            slotCount: 3, people: [.init(id: "p1", name: "Pat")],
            sessions: sessions.map { .init(id: $0, title: $0.uppercased(), facilitators: $0 == "a" ? ["p1"] : [], duration: 60) },
            attendees: [
                .init(id: "x", interests: sessions.filter { $0 != "c" }),
                .init(id: "y", interests: sessions.contains("c") ? ["c"] : [], person: "p1"),
            ])
    }

    static func diff(_ before: [(String, String, [String])], _ after: [(String, String, [String])], _ g: Gathering) -> AgendaDiff {
        AgendaDiff(previous: agenda(before), new: agenda(after), gathering: g)
    }

    @Test func nothingChanged() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("a", "s1", ["r1"])], [("a", "s1", ["r1"])], g)
        #expect(d.isEmpty && d.notices.isEmpty)
        #expect(d.text(g) == "No changes.\n")
    }

    @Test func added() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([], [("b", "s2", ["r2"])], g)
        #expect(d.changes.map(\.kind) == [.added])
        #expect(d.changes[0].before == nil && d.changes[0].after?.startTimeText == "2030-01-07T10:00")
        #expect(d.changes[0].people == ["x"])
    }

    @Test func moved() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("a", "s1", ["r1"])], [("a", "s3", ["r1"])], g)
        #expect(d.changes.map(\.kind) == [.moved])
        // p1 facilitates a; y is p1 and is not named twice; x wants a.
        #expect(d.changes[0].people == ["p1", "x"])
        #expect(d.message(for: d.notices[0], in: g) == ["Your session 'A' (a) moves from Mon 09:00 r1 to Mon 11:00 r1."])
        #expect(d.message(for: d.notices[1], in: g) == ["'A' (a), which you want, moves from Mon 09:00 r1 to Mon 11:00 r1."])
    }

    @Test func roomChanged() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("a", "s1", ["r1"])], [("a", "s1", ["r2"])], g)
        #expect(d.changes.map(\.kind) == [.roomChanged])
        #expect(d.changes[0].before?.rooms == ["r1"] && d.changes[0].after?.rooms == ["r2"])
    }

    @Test func unscheduled() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("b", "s2", ["r1"])], [], g)
        #expect(d.changes.map(\.kind) == [.unscheduled])
        #expect(d.changes[0].after == nil && d.changes[0].people == ["x"])
    }

    @Test func cancelled() throws {
        let g = try Self.twoRooms(sessions: ["a", "b"])
        var previous = agenda([("c", "s2", ["r1"])])
        previous.placements[0].startTime = "2030-01-07T10:00"
        let d = AgendaDiff(previous: previous, new: agenda([]), gathering: g)
        #expect(d.changes.map(\.kind) == [.cancelled])
        #expect(d.changes[0].people.isEmpty && d.changes[0].before?.startTimeText == "2030-01-07T10:00")
        #expect(d.sentence(for: d.changes[0], in: g) == "'c' is cancelled (it was Mon 10:00 r1).")
    }

    @Test func aMoveThatCreatesAClashIsNoticed() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("a", "s1", ["r1"]), ("b", "s2", ["r1"])], [("a", "s1", ["r1"]), ("b", "s1", ["r2"])], g)
        #expect(d.changes.map(\.kind) == [.moved])
        let x = try #require(d.notices.first { $0.person == "x" })
        #expect(x.sessions == ["b"] && x.newClashes == [["a", "b"]])
        #expect(d.message(for: x, in: g).last == "'A' (a) and 'B' (b) now run at the same time (Mon 09:00); you wanted both.")
        // p1 runs a, which did not change, and wants nothing that clashes now.
        #expect(!d.notices.contains { $0.person == "p1" })
    }

    @Test func theJSONFollowsTheContract() throws {
        let g = try Self.twoRooms()
        let d = Self.diff([("a", "s1", ["r1"])], [("a", "s1", ["r2"])], g)
        let text = String(decoding: d.json, as: UTF8.self)
        #expect(text.contains("\"kind\": \"roomChanged\""))
        #expect(text.contains("\"newClashes\": []"))
        #expect(text.hasPrefix("{\n  \"convene\": 1,\n  \"changes\": ["))
    }
}
