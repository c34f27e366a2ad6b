import Convene
import ConveneTestSupport
import Foundation
import Testing

/// The live unconference through the library: the P2PU board fills the open space of the
/// hand-made agenda, and nothing else moves.
@Suite(.sharesCPU) struct UnconferenceTests {
    static func p2pu() throws -> (Gathering, Agenda) {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let hand = try Agenda.load(try fixture("p2pu-gathering-2019.hand-agenda.json")).value
        return (g, hand)
    }

    static func board() throws -> [Proposal] {
        try Proposal.read(ImportFile(name: "p2pu-board.csv", data: try fixture("unconference/p2pu-board.csv"))).value
    }

    @Test func theBoardFillsTheBlockAndNothingElseMoves() async throws {
        let (g, hand) = try Self.p2pu()
        let proposals = try Self.board()
        #expect(proposals.count == 12)
        let u = try Unconference(gathering: g, current: hand, block: "open-space", proposals: proposals)
        #expect(u.blockSlots == ["fri-4a", "fri-4b"] && u.blockRooms == ["rabb", "commonwealth", "orientation", "mezzanine"])
        let result = try await u.solve(using: SearchSolver(moves: 20_000), options: SolveOptions(timeLimit: nil))
        let agenda = result.agenda
        // Judged with everything outside the block held, and again on the new input alone.
        let held = try AgendaChecker(gathering: u.gathering, previous: hand, keep: u.kept).check(agenda)
        #expect(held.isValid, "\(held.violations)")
        #expect(try AgendaChecker(gathering: u.gathering).check(agenda).isValid)
        let before = Dictionary(uniqueKeysWithValues: hand.placements.map { ($0.session, $0) })
        let proposalIDs = Set(u.proposalSessions)
        var filled = 0
        for p in agenda.placements {
            if proposalIDs.contains(p.session) {
                #expect(u.blockSlots.contains(p.start) && p.rooms.allSatisfy(u.blockRooms.contains), "\(p.session) outside the block")
                filled += 1
            } else {
                let was = try #require(before[p.session], "\(p.session) was not placed before")
                #expect(was.start == p.start && Set(was.rooms) == Set(p.rooms), "\(p.session) moved")
            }
        }
        #expect(agenda.placements.count - filled == hand.placements.count - 1)
        // Four rooms, two halves: eight places, of which a 90-minute proposal takes two (the optimum
        // places seven, see UnconferenceCommandTests).
        #expect(filled >= 6, "\(filled) proposals placed")
        #expect(!agenda.placements.contains { $0.session == "open-space" })
        // The front door's diff: the block is cancelled, each placed proposal added.
        let diff = u.diff(agenda)
        #expect(diff.changes.filter { $0.kind == .cancelled }.map(\.session) == ["open-space"])
        #expect(diff.changes.filter { $0.kind == .added }.count == filled && diff.changes.count == filled + 1)
        #expect(agenda.statistics.diff == diff)
    }

    @Test func theNewInputStandsOnItsOwn() throws {
        let (g, hand) = try Self.p2pu()
        let u = try Unconference(gathering: g, current: hand, block: "open-space", proposals: try Self.board())
        let reread = try Gathering(json: Data(u.document.json.utf8))
        #expect(reread.sessionIndex["open-space"] == nil && reread.sessions.count == g.sessions.count - 1 + 12)
        let tagged = reread.slots.filter { $0.tags.contains(u.tag) }.map(\.id)
        #expect(tagged == ["fri-4a", "fri-4b"])
        #expect(reread.rooms.filter { $0.tags.contains(u.tag) }.map(\.id) == u.blockRooms)
        let online = try #require(reread.sessionIndex["running-a-learning-circle-online-zoom"].map { reread.sessions[$0] })
        #expect(online.optional && online.rooms == 1 && online.durationMinutes == 90 && online.priority == 23 && online.attendance == 22)
        #expect(online.slotTags == [u.tag] && online.roomTags == [u.tag])
        #expect(online.facilitatorIndices.map { reread.people[$0].id } == ["p2pu-developer"])
        // An attendee who hosts becomes a person linked to them; a new name becomes a new person.
        let prisons = try #require(reread.sessionIndex[u.proposalSessions[0]].map { reread.sessions[$0] })
        #expect(prisons.facilitatorIndices.map { reread.people[$0].id } == ["attendee-07"])
        #expect(reread.attendees.first { $0.id == "attendee-07" }?.personIndex == reread.people.firstIndex { $0.id == "attendee-07" })
        let teens = try #require(reread.sessionIndex["teens-and-learning-circles"].map { reread.sessions[$0] })
        #expect(teens.facilitatorIndices.map { reread.people[$0].label } == ["Dana Whitfield (dana-whitfield)"])
        // Voters want their proposals; the linked host wants the one they host.
        let voter = try #require(reread.attendees.first { $0.id == "attendee-03" })
        #expect(voter.interestIndices.contains(prisons.index) && voter.interestIndices.contains(teens.index))
        #expect(reread.attendees.first { $0.id == "attendee-07" }?.interestIndices.contains(prisons.index) == true)
        #expect(u.kept == Set(hand.placements.map(\.session)).subtracting(["open-space"]))
    }

    @Test func hostsAreResolvedToPeopleOnce() throws {
        let (g, hand) = try Self.p2pu()
        let proposals = [
            Proposal(title: "A", hosts: ["P2PU developer", "attendee-12", "Sam Okafor"]),
            Proposal(title: "B", hosts: ["sam okafor", "attendee-12", "bpl-host"]),
        ]
        let u = try Unconference(gathering: g, current: hand, block: "open-space", proposals: proposals)
        let people = u.document.people
        #expect(people.count == g.people.count + 2)
        #expect(
            u.document.sessions.suffix(2).map(\.facilitators) == [
                ["p2pu-developer", "attendee-12", "sam-okafor"], ["sam-okafor", "attendee-12", "bpl-host"],
            ])
        #expect(u.document.attendees.first { $0.id == "attendee-12" }?.person == "attendee-12")
        #expect(u.proposalSessions == ["a", "b"])
    }

    /// One host, two proposals, one slot: both can never run, however many votes they have.
    @Test func aHostIsNeverDoubleBooked() async throws {
        let g = try gathering(
            slotCount: 2, rooms: [.init(id: "r1"), .init(id: "r2"), .init(id: "r3")],
            sessions: [.init(id: "talk", duration: 60), .init(id: "open", duration: 60, rooms: 2)],
            attendees: (1...4).map { .init(id: "a\($0)") })
        let current = agenda([("talk", "s1", ["r1"]), ("open", "s2", ["r2", "r3"])])
        let proposals = [
            Proposal(title: "X", hosts: ["a1"], voters: ["a2", "a3"], votes: 9), Proposal(title: "Y", hosts: ["a1"], votes: 8),
            Proposal(title: "Z", hosts: ["Kim"], votes: 1),
        ]
        let u = try Unconference(gathering: g, current: current, block: "open", proposals: proposals)
        let result = try await u.solve(using: SearchSolver(moves: 2000), options: SolveOptions(timeLimit: nil))
        let placed = Set(result.agenda.placements.map(\.session))
        #expect(placed == ["talk", "x", "z"], "\(result.agenda.placements)")
        #expect(try AgendaChecker(gathering: u.gathering, previous: current, keep: u.kept).check(result.agenda).isValid)
    }

    @Test func proposalsReadFromJSONToo() throws {
        let json = #"""
            [{"title": "Zines", "hosts": "attendee-01; New Person", "voters": ["attendee-02", "attendee-03"], "duration": 45},
             {"title": "Maps", "id": "maps", "votes": 4, "colour": "red"}]
            """#
        let loaded = try Proposal.read(ImportFile(name: "board.json", data: Data(json.utf8)))
        let (proposals, warnings) = (loaded.value, loaded.warnings)
        #expect(proposals.map(\.title) == ["Zines", "Maps"] && proposals[0].hosts == ["attendee-01", "New Person"])
        #expect(proposals[0].voters == ["attendee-02", "attendee-03"] && proposals[1].voteCount == 4 && proposals[1].id == "maps")
        #expect(warnings.map(\.description) == [#"board.json: warning: [1].colour: unknown key "colour" is ignored"#])
    }
}
