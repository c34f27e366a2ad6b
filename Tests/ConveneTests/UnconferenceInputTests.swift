import Convene
import ConveneTestSupport
import Foundation
import Testing

/// Bad proposals and a bad block: every problem reported at its file and row and column (or JSON
/// path), nothing made.
@Suite struct UnconferenceInputTests {
    /// The problems making the unconference from `board` (CSV or JSON) reports, as printed.
    func problems(_ board: String, name: String = "board.csv", block: String = "open-space", current: Agenda? = nil) throws -> [String] {
        let (g, hand) = try UnconferenceTests.p2pu()
        do {
            _ = try Unconference(
                gathering: g, current: current ?? hand, block: block, board: ImportFile(name: name, data: Data(board.utf8)),
                inputName: "p2pu.json", agendaName: "now.json")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func aMissingTitleColumn() throws {
        let found = try problems("name,hosts,votes\nZines,attendee-01,3\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(#"board.csv: error: row 1, column 1 (A): no column is headed "title""#) == true, "\(found)")
    }

    @Test func anUnknownVoterIsNamedWithTheNearestAttendee() throws {
        let found = try problems("title,hosts,voters\nZines,attendee-01,attendee-02; atendee-07\n")
        #expect(
            found == [
                #"board.csv: error: row 2, column 3 (C): "atendee-07" is not an attendee's id; a voter must be one of the input's "#
                    + #"attendees; did you mean "attendee-07"?"#
            ])
    }

    @Test(arguments: ["title,votes\nZines,3\n,\nMaps,2\n", "title,votes\nZines,3\n\nMaps,2\n"])
    func anEmptyRow(board: String) throws {
        let found = try problems(board)
        #expect(found == ["board.csv: error: row 3, column 1 (A): row 3 is empty; delete it, or write a proposal's title in column A"])
    }

    @Test func anUnterminatedQuote() throws {
        let found = try problems("title,votes\nZines,3\n\"Maps, and more,2\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("board.csv: error: line 3, column 1: a quoted field is never closed") == true, "\(found)")
    }

    @Test func aProposalLongerThanTheBlock() throws {
        let found = try problems("votes,title,duration\n3,Zines,120\n")
        #expect(
            found == [
                "board.csv: error: row 2, column 3 (C): 'Zines' lasts 120 minutes, longer than the block (90 minutes, Fri 20 Sep "
                    + "14:30–16:00); shorten it or split it in two"
            ])
    }

    @Test func aBlockThatIsNotPlacedOrNotASession() throws {
        let (_, hand) = try UnconferenceTests.p2pu()
        var without = hand
        without.placements.removeAll { $0.session == "open-space" }
        let unplaced = try problems("title\nZines\n", current: without)
        #expect(
            unplaced == [
                "now.json: error: placements: the agenda does not place 'Unconference / open space' (open-space), so it holds no slots "
                    + "and rooms to fill; --block names a session the agenda places"
            ])
        let unknown = try problems("title\nZines\n", block: "open-spce")
        #expect(unknown == [#"p2pu.json: error: sessions: no session has the id "open-spce" given to --block; did you mean "open-space"?"#])
    }

    @Test func anAgendaThatBreaksARuleIsRefused() throws {
        let (_, hand) = try UnconferenceTests.p2pu()
        var broken = hand
        broken.placements.removeAll { $0.session == "update" }
        let found = try problems("title\nZines\n", current: broken)
        #expect(found.count == 1 && found[0].hasPrefix("now.json: error: rule 1: 'Update from P2PU"), "\(found)")
    }

    @Test func everyProblemOfABoardAtOnce() throws {
        let board = "title,id,hosts,duration,voters,votes\nZines,,,45,attendee-01,-2\nMaps,,,abc,,\nFlags,update,,,nobody,\n"
        let found = try problems(board)
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.hasPrefix("board.csv: error: row 2, column 6 (F): the votes \"-2\" are not a whole number") })
        #expect(found.contains { $0.hasPrefix("board.csv: error: row 3, column 4 (D): the duration \"abc\" is not a number of minutes") })
        #expect(found.contains { $0.hasPrefix(#"board.csv: error: row 4, column 2 (B): the id "update" is already the session 'Update"#) })
        #expect(found.contains { $0.hasPrefix(#"board.csv: error: row 4, column 5 (E): "nobody" is not an attendee's id"#) })
    }

    @Test func jsonProblemsHaveTheirPath() throws {
        let found = try problems(#"[{"title": "Zines", "voters": ["attendee-01", "atendee-07"]}, {"hosts": "x"}]"#, name: "board.json")
        #expect(found.contains(#"board.json: error: [1].title: is missing: every proposal needs a title"#), "\(found)")
        let voters = try problems(#"[{"title": "Zines", "voters": ["attendee-01", "atendee-07"]}]"#, name: "board.json")
        #expect(voters.first?.hasPrefix(#"board.json: error: [0].voters[1]: "atendee-07" is not an attendee's id"#) == true, "\(voters)")
        #expect(try problems(#"{"title": "Zines"}"#, name: "board.json").first?.contains("expected a list of proposals") == true)
    }
}
