import Convene
import ConveneTestSupport
import Foundation
import Testing

let infeasibleFixtures: [String] = {
    let folder = repositoryRoot.appendingPathComponent("Fixtures/infeasible")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
}()

/// Each infeasible fixture's `.expected` lists either `immediate SESSION KIND: fragment` lines or
/// `conflict KEY` lines, the exact minimal set.
@Suite(.sharesCPU) struct ExplainTests {
    @Test func thereIsAFixturePerKindOfConflict() {
        #expect(infeasibleFixtures.count >= 12)
    }

    @Test(arguments: infeasibleFixtures) func eachInfeasibleFixtureIsExplainedExactly(name: String) throws {
        let g = try Gathering(json: try fixture("infeasible/\(name).json"))
        let expected = String(decoding: try fixture("infeasible/\(name).expected"), as: UTF8.self).split(separator: "\n").map(String.init)
        let domain = try Self.domain(g, name: name, expected: expected)
        let explanation = ConflictExplainer(oracle: .search).explain(domain)
        #expect(!explanation.feasible && explanation.proven)
        let immediate = expected.filter { $0.hasPrefix("immediate ") }
        if !immediate.isEmpty {
            #expect(explanation.immediate.count == immediate.count)
            for line in immediate {
                let words = line.dropFirst("immediate ".count).split(separator: " ", maxSplits: 2)
                let session = String(words[0])
                let kind = String(words[1].dropLast())
                let fragment = String(words[2])
                #expect(
                    explanation.immediate.contains { $0.session == session && $0.kind.rawValue == kind && $0.message.contains(fragment) },
                    "\(name): \(explanation.immediate)")
            }
            return
        }
        let keys = expected.filter { $0.hasPrefix("conflict ") }.map { String($0.dropFirst("conflict ".count)) }
        #expect(Set(explanation.conflict.map(\.key)) == Set(keys), "\(name): \(explanation.conflict.map(\.key))")
        // Minimal: the set alone conflicts, and lifting any one member leaves an agenda possible.
        let conflict = explanation.conflict.map(\.condition)
        let others = Set(Condition.all(in: domain)).subtracting(conflict)
        #expect(ConflictExplainer.Oracle.search.decide(domain.relaxing(others)) == false)
        for member in conflict {
            #expect(
                ConflictExplainer.Oracle.search.decide(domain.relaxing(others.union([member]))) == true,
                "\(name): \(member.key(g)) is not needed")
        }
        for fix in explanation.fixes { #expect(ConflictExplainer.Oracle.search.decide(domain.relaxing([fix.condition])) == true) }
        #expect(explanation.text(g).contains("cannot all hold together"))
        // What runs short: `shortage KIND: sentence`, or no shortage line and none found.
        if let line = expected.first(where: { $0.hasPrefix("shortage ") }) {
            let words = line.dropFirst("shortage ".count).split(separator: " ", maxSplits: 1)
            let shortage = try #require(explanation.shortage, "\(name): no shortage found")
            #expect(shortage.kind.rawValue == String(words[0].dropLast()))
            #expect(shortage.sentence == String(words[1]))
            #expect(explanation.text(g).contains("What runs short: \(shortage.sentence)"))
            #expect(shortage.needed > shortage.available)
        } else {
            #expect(explanation.shortage == nil, "\(name): \(explanation.shortage?.sentence ?? "")")
        }
    }

    /// The fixture's domain: replanning `NAME.agenda` with the past frozen until the `.expected`
    /// file's `frozen-until` time, when it has one.
    static func domain(_ g: Gathering, name: String, expected: [String]) throws -> Domain {
        guard let line = expected.first(where: { $0.hasPrefix("frozen-until ") }) else { return Domain(g) }
        let previous = try Agenda.load(try fixture("infeasible/\(name).agenda")).value
        let until = try g.date(fromLocalTime: String(line.dropFirst("frozen-until ".count))).get()
        return try g.replanningDomain(previous: previous, frozenUntil: until)
    }

    /// The sentences of the new rules' requirements, in the organiser's words.
    @Test func theRicherRulesAreNamedInPlainWords() throws {
        let travel = try Gathering(json: try fixture("infeasible/travel.json"))
        let sentences = ConflictExplainer(oracle: .search).explain(Domain(travel)).conflict.map(\.sentence)
        #expect(
            sentences.contains("Host librarian (p3) must travel 30 minutes between Boston Public Library and Cambridge Public Library."))
        let daily = try Gathering(json: try fixture("infeasible/daily-load.json"))
        let load = ConflictExplainer(oracle: .search).explain(Domain(daily)).conflict.map(\.sentence)
        #expect(
            load.contains(
                "Community manager (p1) facilitates 'Stories from facilitators' (stories), 'Facilitation workshop' (facilitation) and "
                    + "'Open space' (open-space) and at most 2 sessions a day."), "\(load)")
        let frozen = try Gathering(json: try fixture("infeasible/frozen-conflict.json"))
        let lines = String(decoding: try fixture("infeasible/frozen-conflict.expected"), as: UTF8.self).split(separator: "\n").map(
            String.init)
        let explanation = ConflictExplainer(oracle: .search).explain(try Self.domain(frozen, name: "frozen-conflict", expected: lines))
        #expect(
            explanation.conflict.map(\.sentence).contains(
                "'Workshopping failures' (failures) already ran on Mon 7 Jan 09:00 in Rabb Hall; it keeps that place."))
        #expect(explanation.fixes.map(\.key).contains("frozen failures"))
    }

    /// The explanation's values: each requirement's kind, rule and ids, what runs short, the fixes.
    @Test func theExplanationIsATypedValue() throws {
        let g = try Gathering(json: try fixture("infeasible/three-way.json"))
        let explanation = ConflictExplainer(oracle: .search).explain(Domain(g))
        let p1 = try #require(explanation.conflict.first { $0.kind == .oneAtATime && $0.people == ["p1"] })
        #expect(p1.rule == .facilitators && p1.sessions == ["a", "b"] && p1.rooms.isEmpty && p1.slots.isEmpty)
        #expect(p1.sentence == "p1 facilitates 'A' (a) and 'B' (b) and can be in only one at a time.")
        #expect(p1.advice == "share the sessions of p1 with another facilitator")
        #expect(explanation.conflict.filter { $0.kind == .placed }.map(\.sessions) == [["a"], ["b"], ["c"]])
        #expect(explanation.conflict.filter { $0.kind == .placed }.allSatisfy { $0.rule == .placedOnce })
        let shortage = try #require(explanation.shortage)
        #expect(shortage.kind == .slots && shortage.sessions == ["a", "b", "c"] && shortage.people == ["p1", "p2", "p3"])
        #expect(shortage.places.map(\.slot) == ["s1", "s2"] && shortage.places.allSatisfy { $0.room == nil })
        #expect((shortage.available, shortage.needed) == (2, 3))
        #expect(Set(explanation.fixes.map(\.kind)) == [.placed, .oneAtATime])

        // A pinned place names its room and slot; a frozen session the place it ran in.
        let pins = try Gathering(json: try fixture("infeasible/pins-collide.json"))
        let pinned = ConflictExplainer(oracle: .search).explain(Domain(pins))
        #expect(pinned.conflict.first { $0.kind == .pinRoom }.map { ($0.rooms, $0.rule) } ?? ([], .document) == (["hall"], .pins))
        #expect(pinned.conflict.first { $0.kind == .pinSlot }?.slots == ["s1"])
        #expect(pinned.shortage?.places.map { "\($0.room ?? "")@\($0.slot)" } == ["hall@s1"])
        let frozen = try Gathering(json: try fixture("infeasible/frozen-conflict.json"))
        let lines = String(decoding: try fixture("infeasible/frozen-conflict.expected"), as: UTF8.self).split(separator: "\n").map(
            String.init)
        let ran = ConflictExplainer(oracle: .search).explain(try Self.domain(frozen, name: "frozen-conflict", expected: lines))
        let place = try #require(ran.conflict.first { $0.kind == .frozen })
        #expect(place.rule == .frozen && place.sessions == ["failures"] && !place.rooms.isEmpty && place.slots.count == 1)
        #expect(ran.shortage == nil)
    }

    @Test func aFeasibleInputIsSaidToBeFeasible() throws {
        let g = try Gathering(json: try fixture("p2pu-gathering-2019.json"))
        let explanation = ConflictExplainer(oracle: .search).explain(Domain(g))
        #expect(explanation.feasible && explanation.conflict.isEmpty && explanation.immediate.isEmpty)
    }

    @Test func costsAreToldPersonByPerson() throws {
        let (agenda, g) = try GoldenTests.layout()
        let text = CostSummary.byPerson(agenda.costs, gathering: g)
        #expect(text.hasPrefix("Attendees who cannot go to everything they want"))
        #expect(text.contains("attendee-13 (cost 7):"))
        #expect(text.contains("Track overlaps (2):"))
    }
}
