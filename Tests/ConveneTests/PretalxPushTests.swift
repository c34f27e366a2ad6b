import Convene
import ConveneCore
import Foundation
import Testing

@testable import ConveneFormats

/// `convene push` against the fake pretalx: every talk where the agenda puts it with its end
/// stored, nothing written twice, a push stopped half-way finished by the next, the release; and
/// the mapping of sessions and rooms, with every refusal.
@Suite struct PretalxPushTests {
    /// The fake event imported through its API, and an agenda solved for it (the search, 500 moves).
    struct Event {
        var gathering: Gathering
        var agenda: Agenda

        /// Solved once for every test that needs it.
        private static let shared = Task {
            let (result, _) = try await PretalxLiveImportTests.importLive(try FakePretalx())
            return Event(gathering: result.gathering, agenda: try await solveForTest(result.gathering, previous: result.previous))
        }

        static func solved() async throws -> Event { try await shared.value }

        /// The same event with its input document changed; the agenda solved again.
        func changed(_ change: (inout InputDocument) -> Void) async throws -> Event {
            var document = gathering.document
            change(&document)
            let g = try Gathering(document: document)
            return Event(gathering: g, agenda: try await solveForTest(g))
        }
    }

    static func client(_ pretalx: FakePretalx) -> PretalxClient {
        PretalxClient(
            server: URL(string: "https://pretalx.example.org")!, event: "convene-test", token: FakePretalx.token, transport: pretalx,
            sleep: { _ in })
    }

    static func plan(
        _ event: Event, _ pretalx: FakePretalx, release: String? = nil, comment: String? = nil
    ) async throws -> PretalxPushPlan {
        do {
            return try await PretalxPushPlan.read(
                using: client(pretalx), gathering: event.gathering, agenda: event.agenda, release: release, comment: comment,
                inputName: "input.json", agendaName: "agenda.json")
        } catch {
            switch error {
            case .pretalx(let failure): throw failure
            case .refused(let refusal): throw TestFailure.invalid(refusal.description)
            }
        }
    }

    /// The problems of a push that must be refused.
    static func refusal(_ event: Event, _ pretalx: FakePretalx, release: String? = nil) async throws -> [Diagnostic] {
        do {
            _ = try await PretalxPushPlan.read(
                using: client(pretalx), gathering: event.gathering, agenda: event.agenda, release: release, inputName: "input.json",
                agendaName: "agenda.json")
        } catch {
            if case .refused(let refusal) = error { return refusal.diagnostics }
            throw TestFailure.invalid("\(error)")
        }
        throw TestFailure.invalid("the push was not refused")
    }

    /// pretalx holds every talk where the agenda puts it, each placed slot ending at start + its
    /// submission's duration, and every end it stores right.
    static func expectHolds(_ event: Event, _ pretalx: FakePretalx) {
        let g = event.gathering
        let roomID = ["Main Hall": 1, "Room A": 2, "Room B": 3, "Workshop Room": 4, "Lounge": 5]
        let codes = Set(pretalx.state.withLock { $0.duration.keys })
        var wanted: [String: [String]] = [:]
        for p in event.agenda.placements {
            guard let run = SubmissionRun(session: p.session, run: 1, codes: codes), let slot = g.slotIndex[p.start],
                let room = g.roomIndex[p.rooms[0]]
            else { continue }
            wanted[run.code, default: []].append("\(roomID[g.rooms[room].name ?? ""] ?? 0)@\(g.slots[slot].startSecond)")
        }
        var held: [String: [String]] = [:]
        let durations = pretalx.state.withLock { $0.duration }
        for slot in pretalx.shownSlots where slot.room != nil && slot.start != nil {
            held[slot.submission, default: []].append("\(slot.room ?? 0)@\(slot.start ?? 0)")
            #expect(slot.end == (slot.start ?? 0) + (durations[slot.submission] ?? 0) * 60, "\(slot.submission)")
        }
        #expect(wanted.mapValues { $0.sorted() } == held.mapValues { $0.sorted() })
        let wip = pretalx.workInProgress
        let stored = pretalx.state.withLock { s in s.slots.filter { $0.schedule == wip && $0.storedEnd != nil } }
        for slot in stored where slot.submission != nil && slot.start != nil && slot.room != nil {
            #expect(slot.storedEnd == (slot.start ?? 0) + (durations[slot.submission ?? ""] ?? 0) * 60)
        }
    }

    // MARK: Pushing

    @Test func aPushPutsEveryTalkWhereTheAgendaDoesAndAPushAgainWritesNothing() async throws {
        let event = try await Event.solved()
        let pretalx = try FakePretalx()
        let plan = try await Self.plan(event, pretalx)
        #expect(plan.moved > 0 && plan.takenOff == 0 && plan.moved + plan.unchanged == 32 && plan.unplaced == 0)
        #expect(plan.warnings.isEmpty)
        let client = Self.client(pretalx)
        let outcome = await plan.apply(using: client)
        #expect(outcome.succeeded && outcome.slotsWritten == plan.moved && outcome.released == nil)
        #expect(client.requestsMade == plan.writeRequests)
        Self.expectHolds(event, pretalx)
        // Every placed slot now has its end stored, so pretalx's editor and overlap warnings see it.
        let unstored = pretalx.state.withLock { s in
            s.slots.filter { $0.schedule == 2 && $0.submission != nil && $0.start != nil && $0.storedEnd == nil }.count
        }
        #expect(unstored == 0)
        let again = try await Self.plan(event, pretalx)
        #expect(again.writeRequests == 0 && again.changes.isEmpty && again.unchanged == 32)
        #expect(again.summary == "0 slots moved, 0 taken off, 32 unchanged, 0 unplaced")
    }

    @Test func aPushStoppedHalfWayIsFinishedByTheNext() async throws {
        let event = try await Event.solved()
        let total = try await Self.plan(event, try FakePretalx()).writeRequests
        #expect(total > 40)
        for stop in stride(from: 1, to: total, by: 6) {
            let pretalx = try FakePretalx()
            pretalx.state.withLock { $0.failAfterWrites = stop }
            let first = await try Self.plan(event, pretalx).apply(using: Self.client(pretalx))
            #expect(first.stopped?.kind == .noAnswer && !first.succeeded, "stopped after \(stop)")
            pretalx.state.withLock { $0.failAfterWrites = nil }
            let second = await try Self.plan(event, pretalx).apply(using: Self.client(pretalx))
            #expect(second.succeeded, "stopped after \(stop)")
            Self.expectHolds(event, pretalx)
            #expect(try await Self.plan(event, pretalx).writeRequests == 0, "stopped after \(stop)")
        }
    }

    @Test func aReleaseMakesAVersionAndTheNewScheduleHoldsTheSameTalks() async throws {
        let event = try await Event.solved()
        let pretalx = try FakePretalx()
        let plan = try await Self.plan(event, pretalx, release: "1.1", comment: "Rooms and times from Convene.")
        let outcome = await plan.apply(using: Self.client(pretalx))
        #expect(outcome.released == "1.1" && pretalx.workInProgress == 3)
        #expect(pretalx.state.withLock { $0.requests.last } == "POST /api/events/convene-test/schedules/release/")
        Self.expectHolds(event, pretalx)
        let after = try await Self.plan(event, pretalx)
        #expect(after.writeRequests == 0 && after.unchanged == 32)
        let twice = try await Self.refusal(event, pretalx, release: "1.1")
        #expect(
            twice.map(\.description) == [#"--release: error: pretalx already has a version "1.1" (released: 1.0, 1.1); choose another"#])
        // A name pretalx fails on is refused before any request.
        let asked = pretalx.state.withLock { $0.requests.count }
        let wip = try await Self.refusal(event, pretalx, release: " wip ")
        #expect(wip.count == 1 && wip[0].description.hasPrefix(#"--release: error: "wip" names one of pretalx's own schedules"#))
        #expect(pretalx.state.withLock { $0.requests.count } == asked)
    }

    @Test func aDryRunOnlyReadsAndSaysEveryChange() async throws {
        let event = try await Event.solved()
        let pretalx = try FakePretalx()
        let plan = try await Self.plan(event, pretalx)
        let requests = pretalx.state.withLock { $0.requests }
        #expect(requests.count == 5 && requests.allSatisfy { $0.hasPrefix("GET ") })
        #expect(plan.changes.count == plan.moved)
        let line = try #require(plan.changes.first { $0.hasPrefix("CCCPPP") })
        #expect(line.hasPrefix("CCCPPP 'Local-first volunteers without the pain' (run 2 of 2): unplaced → "))
        #expect(PretalxRelease.problem(version: " wip ") != nil && PretalxRelease.problem(version: "Latest") != nil)
        #expect(PretalxRelease.problem(version: "") != nil && PretalxRelease.problem(version: "1.1") == nil)
    }

    @Test func theInputsDurationReplacesPretalxsInOneRequest() async throws {
        let event = try await Event.solved().changed { d in
            if let i = d.sessions.firstIndex(where: { $0.id == "WXUKPX" }) { d.sessions[i].duration = 20 }
        }
        let pretalx = try FakePretalx()
        let plan = try await Self.plan(event, pretalx)
        #expect(
            plan.durationsChanged == 1
                && plan.changes.contains(
                    "WXUKPX 'Resilient maps that last': duration 15 → 20 minutes "
                        + "(the input's)")
        )
        _ = await plan.apply(using: Self.client(pretalx))
        let patches = pretalx.state.withLock { $0.requests.filter { $0.hasPrefix("PATCH /api/events/convene-test/submissions/WXUKPX/") } }
        #expect(patches.count == 1 && pretalx.state.withLock { $0.duration["WXUKPX"] } == 20)
        Self.expectHolds(event, pretalx)
    }

    // MARK: Refusals

    @Test func sessionsThatAreNoSubmissionsRunsPretalxHasNotAndRoomsItLacksAreNamedEachNothingWritten() async throws {
        let solved = try await Event.solved()
        var d = solved.gathering.document
        d.rooms.append(.init(id: "garden", name: "Garden"))
        for id in ["keynote", "3PTRJQ", "8EVBYA-2", "CCCPPP-1"] { d.sessions.append(.init(id: id, title: id, duration: 30)) }
        let g = try Gathering(document: d)
        var agenda = solved.agenda
        agenda.objective = nil  // solved with the previous agenda: its objective counts changes
        let starts = [0, 12, 24, 36].map { g.slots[$0].id }
        for (id, start) in zip(["keynote", "3PTRJQ", "8EVBYA-2", "CCCPPP-1"], starts) {
            agenda.placements.append(.init(session: id, start: start, rooms: ["garden"]))
        }
        let moved = try #require(agenda.placements.firstIndex { $0.session == "8EVBYA" })
        agenda.placements[moved].rooms = ["garden"]
        #expect(AgendaChecker(domain: Domain(g)).check(agenda).violations.isEmpty)
        let pretalx = try FakePretalx()
        let problems = try await Self.refusal(Event(gathering: g, agenda: agenda), pretalx).map(\.description)
        let n = solved.agenda.placements.count
        #expect(
            problems == [
                "agenda.json: error: placements[\(n)]: 'keynote' (keynote) is placed, but pretalx has no submission with the "
                    + "code \"keynote\"; "
                    + "a push places pretalx's submissions only (the import names each session by its code): leave it unplaced, "
                    + "or add it to pretalx",
                "agenda.json: error: placements[\(n + 1)]: '3PTRJQ' (3PTRJQ) is run 1 of the submission 3PTRJQ, which is "
                    + "withdrawn in pretalx, "
                    + "so it has no slot: confirm or accept it in pretalx",
                "agenda.json: error: placements[\(n + 2)]: '8EVBYA-2' (8EVBYA-2) is run 2 of the submission 8EVBYA, which has 1 "
                    + "slot in pretalx: "
                    + "raise its number of slots in pretalx",
                // An input imported before runs names run 1 of CCCPPP as CCCPPP-1: both cannot be it.
                "agenda.json: error: placements[\(n + 3)]: 'CCCPPP-1' (CCCPPP-1) and 'Local-first volunteers without the pain' "
                    + "(CCCPPP) are both run 1 of the submission CCCPPP; keep one of them",
                "input.json: error: rooms[5]: the agenda puts 1 talk in Garden (garden) (first at agenda.json: placements[\(moved)]), but "
                    + "pretalx has no room called \"Garden\"; pretalx's rooms: Main Hall, Room A, Room B, Workshop Room, "
                    + "Lounge. Add the room "
                    + "in pretalx, or give the input room the pretalx room's uuid as \"guid\"",
            ])
        #expect(pretalx.state.withLock { $0.writes } == 0)
    }

    @Test func anAgendaThatBreaksARuleOrSharesATalksRoomIsRefused() async throws {
        let event = try await Event.solved()
        var broken = event.agenda
        broken.placements[1].start = broken.placements[0].start
        broken.placements[1].rooms = broken.placements[0].rooms
        broken.placements[1].slots = nil
        broken.placements[1].startTime = nil
        broken.placements[1].endTime = nil
        let problems = try await Self.refusal(Event(gathering: event.gathering, agenda: broken), try FakePretalx())
        #expect(problems.contains { $0.location.description.hasPrefix("agenda.json") && $0.message.hasPrefix("rule 4: ") })

        let wide = try await event.changed { d in
            if let i = d.sessions.firstIndex(where: { $0.id == "8EVBYA" }) { d.sessions[i].rooms = 2 }
        }
        let twoRooms = try await Self.refusal(wide, try FakePretalx())
        #expect(twoRooms.count == 1 && twoRooms[0].message.hasSuffix("is placed in 2 rooms; a pretalx talk takes one room"))

        let fraction = try await event.changed { d in
            if let i = d.sessions.firstIndex(where: { $0.id == "WXUKPX" }) { d.sessions[i].duration = 20.5 }
        }
        let minutes = try await Self.refusal(fraction, try FakePretalx())
        #expect(
            minutes.map(\.description) == [
                "input.json: error: sessions[\(fraction.gathering.sessionIndex["WXUKPX"] ?? 0)].duration: 'Resilient maps that "
                    + "last' (WXUKPX) "
                    + "lasts 20.5 minutes; pretalx counts whole minutes"
            ])
    }

    @Test func aRoomIsFoundByItsGUIDWhenRenamedAndByItsNameWithoutOne() async throws {
        let event = try await Event.solved().changed { d in
            d.rooms[2].name = "Hall B"  // renamed, keeps pretalx's uuid of Room B
            d.rooms[3].guid = nil
            d.rooms[3].name = "workshop ROOM"
        }
        let pretalx = try FakePretalx()
        _ = await try Self.plan(event, pretalx).apply(using: Self.client(pretalx))
        let rooms = Set(pretalx.shownSlots.compactMap(\.room))
        #expect(rooms.isSubset(of: [1, 2, 3, 4, 5]) && rooms.contains(3) && rooms.contains(4))
    }

    // MARK: Runs and slots

    /// A tiny event: sessions `ABC-1` and `ABC-2` (pretalx's ABC with slot_count 2) in slots of an
    /// hour from 09:00 UTC, rooms r1 and r2 (pretalx's rooms 1 and 2); pretalx's slots are given.
    static func tiny(slots: String, optional: Bool = false) throws -> (Gathering, PretalxState) {
        let g = try gathering(
            sessions: [
                .init(id: "ABC-1", duration: 60, optional: optional),
                .init(id: "ABC-2", duration: 60, after: ["ABC-1"], optional: optional),
            ])
        func answer(_ text: String) throws -> PretalxClient.Answer {
            var parser = JSONParser(Array(text.utf8))
            return PretalxClient.Answer(name: "test", data: Data(text.utf8), json: try parser.parseDocument())
        }
        let state = try PretalxState(
            schedule: 2, versions: ["1.0"], slotPages: [try answer(slots)],
            roomPages: [try answer(#"[{"id": 1, "name": {"en": "r1"}}, {"id": 2, "name": {"en": "r2"}}]"#)],
            submissionPages: [try answer(#"[{"code": "ABC", "title": "ABC", "state": "confirmed", "duration": 60}]"#)], zone: .gmt)
        return (g, state)
    }

    static func writes(_ g: Gathering, _ state: PretalxState, _ placements: [(String, String, [String])]) throws -> [String] {
        let plan = try PretalxPushPlan(
            gathering: g, agenda: agenda(placements), state: state, release: nil, inputName: "in", agendaName: "agenda")
        return plan.writes.flatMap { $0.slots.map { "\($0.slot): \(plan.describe($0.after))" } }
    }

    @Test func aSubmissionsSlotsAreInterchangeableSoOnlyWhatMovesIsWritten() throws {
        // Slot 7 is where run 2 goes and slot 9 where run 1 goes: nothing to write, whatever the ids.
        let (g, state) = try Self.tiny(
            slots: """
                [{"id": 7, "submission": "ABC", "room": 2, "start": "2030-01-07T11:00:00Z", "end": "2030-01-07T12:00:00Z"},
                 {"id": 9, "submission": "ABC", "room": 1, "start": "2030-01-07T09:00:00Z", "end": "2030-01-07T10:00:00Z"}]
                """)
        #expect(try Self.writes(g, state, [("ABC-1", "s1", ["r1"]), ("ABC-2", "s3", ["r2"])]) == [])
        // Run 1 moves an hour: only its slot is written, in place.
        #expect(try Self.writes(g, state, [("ABC-1", "s2", ["r1"]), ("ABC-2", "s3", ["r2"])]) == ["9: Mon 7 Jan 10:00 r1"])
    }

    @Test func runsLeftUnplacedTakeUnplacedSlotsFirstAndPlacedOnesComeOff() throws {
        let (g, state) = try Self.tiny(
            slots: """
                [{"id": 3, "submission": "ABC", "room": null, "start": null, "end": "2030-01-07T10:00:00Z"},
                 {"id": 4, "submission": "ABC", "room": 1, "start": "2030-01-07T12:00:00Z", "end": "2030-01-07T13:00:00Z"},
                 {"id": 5, "submission": null, "room": 1, "start": "2030-01-07T10:00:00Z", "end": "2030-01-07T11:00:00Z"}]
                """, optional: true)
        // One run placed: it takes the placed slot (moved), the unplaced run the unplaced slot (nothing written).
        // (The break, slot 5, is never touched.)
        let plan = try PretalxPushPlan(
            gathering: g, agenda: agenda([("ABC-1", "s1", ["r2"])], unscheduled: ["ABC-2"]), state: state, release: nil,
            inputName: "in", agendaName: "agenda")
        #expect(plan.writes.flatMap { $0.slots.map(\.slot) } == [4] && plan.unplaced == 1 && plan.moved == 1)
        // The duration stays (60), so the ends are stored there and back.
        #expect(plan.writes.first?.duration?.roundTrip == true && plan.writeRequests == 3)
        // Nothing placed: the placed slot comes off, and no duration is written for a talk off the schedule.
        let off = try PretalxPushPlan(
            gathering: g, agenda: agenda([], unscheduled: ["ABC-1", "ABC-2"]), state: state, release: nil, inputName: "in",
            agendaName: "agenda")
        #expect(off.writes.flatMap { $0.slots.map { "\($0.slot): \(off.describe($0.after))" } } == ["4: unplaced"])
        #expect(off.takenOff == 1 && off.unplaced == 2 && off.writeRequests == 1)
    }

    @Test func aStaleEndIsStoredAgainThoughTheTalkStaysWhereItIs() throws {
        // pretalx shows the slot in place but with the end it kept from before (a push stopped before
        // its duration writes): the duration goes there and back.
        let (g, state) = try Self.tiny(
            slots: """
                [{"id": 1, "submission": "ABC", "room": 1, "start": "2030-01-07T09:00:00Z", "end": "2030-01-07T09:15:00Z"},
                 {"id": 2, "submission": "ABC", "room": 2, "start": "2030-01-07T11:00:00Z", "end": "2030-01-07T12:00:00Z"}]
                """)
        let plan = try PretalxPushPlan(
            gathering: g, agenda: agenda([("ABC-1", "s1", ["r1"]), ("ABC-2", "s3", ["r2"])]), state: state, release: nil,
            inputName: "in", agendaName: "agenda")
        #expect(plan.moved == 0 && plan.unchanged == 2 && plan.writeRequests == 2)
    }

    @Test func aSessionHeldTwiceIsOneSubmissionWhoseSlotsAreItsRuns() throws {
        // pretalx's ABC with slot_count 2, imported as one session with two runs.
        let g = try gathering(sessions: [.init(id: "ABC", duration: 60, runs: 2)])
        let (_, state) = try Self.tiny(
            slots: """
                [{"id": 7, "submission": "ABC", "room": 2, "start": "2030-01-07T11:00:00Z", "end": "2030-01-07T12:00:00Z"},
                 {"id": 9, "submission": "ABC", "room": 1, "start": "2030-01-07T09:00:00Z", "end": "2030-01-07T10:00:00Z"}]
                """)
        func writes(_ runs: [(Int, String, String)]) throws -> [String] {
            let agenda = Agenda(
                status: .feasible, placements: runs.map { Agenda.Placement(session: "ABC", run: $0.0, start: $0.1, rooms: [$0.2]) })
            let plan = try PretalxPushPlan(gathering: g, agenda: agenda, state: state, release: nil, inputName: "in", agendaName: "agenda")
            return plan.writes.flatMap { $0.slots.map { "\($0.slot) (run \($0.run.run) of \($0.runs)): \(plan.describe($0.after))" } }
        }
        // Both runs where pretalx has them: nothing to write.
        #expect(try writes([(1, "s1", "r1"), (2, "s3", "r2")]) == [])
        // Run 2 moves an hour: only its slot is written, in place.
        #expect(try writes([(1, "s1", "r1"), (2, "s4", "r2")]) == ["7 (run 2 of 2): Mon 7 Jan 12:00 r2"])
        // The runs of a session are counted as the input has them, and a third run has no slot.
        let three = try gathering(sessions: [.init(id: "ABC", duration: 60, runs: 3)])
        let agenda = Agenda(
            status: .feasible,
            placements: [("s1", "r1"), ("s2", "r1"), ("s3", "r2")].enumerated().map {
                Agenda.Placement(session: "ABC", run: $0.offset + 1, start: $0.element.0, rooms: [$0.element.1])
            })
        let error = #expect(throws: DiagnosticError.self) {
            try PretalxPushPlan(gathering: three, agenda: agenda, state: state, release: nil, inputName: "in", agendaName: "agenda")
        }
        #expect(
            error?.diagnostics.map(\.message) == [
                "'ABC' is run 3 of the submission ABC, which has 2 slots in pretalx: raise its number of slots in pretalx"
            ])
    }

    @Test func aSessionIsRunKOfTheSubmissionItsIDNames() {
        let codes: Set<String> = ["ABCDEF", "XY-Z"]
        #expect(SubmissionRun(session: "ABCDEF", run: 1, codes: codes) == SubmissionRun(code: "ABCDEF", run: 1))
        #expect(SubmissionRun(session: "ABCDEF-2", run: 1, codes: codes) == SubmissionRun(code: "ABCDEF", run: 2))
        #expect(SubmissionRun(session: "ABCDEF", run: 3, codes: codes) == SubmissionRun(code: "ABCDEF", run: 3))
        #expect(SubmissionRun(session: "XY-Z", run: 1, codes: codes) == SubmissionRun(code: "XY-Z", run: 1))
        #expect(SubmissionRun(session: "ABCDEF-0", run: 1, codes: codes) == nil)
        #expect(SubmissionRun(session: "ABCDEF-x", run: 1, codes: codes) == nil)
        #expect(SubmissionRun(session: "QQQQQQ-1", run: 1, codes: codes) == nil)
        #expect(SubmissionRun(session: "keynote", run: 1, codes: codes) == nil)
    }
}
