import Convene
import ConveneTestSupport
import Foundation
import Testing

/// Reads an iCalendar text back: unfolds lines, applies the VTIMEZONE's offsets, and returns
/// each event's summary with its start and end instants.
struct ICSReader {
    struct Event {
        var summary: String
        var uid: String
        var start: Int
        var end: Int
        /// Every property by name, as written (`SEQUENCE`, `STATUS`, `LOCATION`…).
        var fields: [String: String] = [:]
    }

    var events: [Event] = []
    var lines: [String] = []

    init(_ text: String) throws {
        #expect(!text.contains("\n") || text.components(separatedBy: "\r\n").dropLast().allSatisfy { !$0.contains("\n") })
        let physical = text.components(separatedBy: "\r\n")
        for line in physical where !line.isEmpty {
            #expect(line.utf8.count <= 75, "line longer than 75 octets: \(line)")
            if line.hasPrefix(" ") { lines[lines.count - 1] += String(line.dropFirst()) } else { lines.append(line) }
        }
        // Transitions: (onset instant, offset before, offset after).
        var transitions: [(Int, Int, Int)] = []
        var current: [String: String] = [:]
        for line in lines {
            if line == "BEGIN:STANDARD" || line == "BEGIN:DAYLIGHT" || line == "BEGIN:VEVENT" {
                current = [:]
                continue
            }
            if line == "END:STANDARD" || line == "END:DAYLIGHT" {
                let from = Self.offset(current["TZOFFSETFROM"] ?? "")
                let to = Self.offset(current["TZOFFSETTO"] ?? "")
                transitions.append((Self.wall(current["DTSTART"] ?? "") - from, from, to))
                continue
            }
            if line == "END:VEVENT" {
                let sorted = transitions.sorted { $0.0 < $1.0 }
                func inForce(_ instant: Int) -> Int { sorted.last { $0.0 <= instant }?.2 ?? sorted.first?.1 ?? 0 }
                // RFC 5545: a local time that occurs twice means its first occurrence.
                func instant(_ key: String) -> Int {
                    let wall = Self.wall(current[key] ?? "")
                    let offsets = Set(sorted.flatMap { [$0.1, $0.2] })
                    return offsets.filter { inForce(wall - $0) == $0 }.map { wall - $0 }.min() ?? wall
                }
                events.append(
                    Event(
                        summary: Self.unescape(current["SUMMARY"] ?? ""), uid: current["UID"] ?? "",
                        start: instant("DTSTART"), end: instant("DTEND"), fields: current))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon].split(separator: ";").first ?? "")
            current[name] = String(line[line.index(after: colon)...])
        }
    }

    static func wall(_ text: String) -> Int {
        let digits = text.filter(\.isNumber).compactMap { Int(String($0)) }
        guard digits.count >= 14 else { return 0 }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        let days = LocalTime.civilDays(number(0..<4), number(4..<6), number(6..<8))
        return days * 86_400 + number(8..<10) * 3600 + number(10..<12) * 60 + number(12..<14)
    }

    static func offset(_ text: String) -> Int {
        guard text.count == 5, let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)) else { return 0 }
        return (text.first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

@Suite struct CalendarTests {
    @Test func everyEventReadsBackToItsSlots() throws {
        let (agenda, g) = try GoldenTests.layout()
        let text = AgendaFormat.ics.render(agenda, gathering: g, stamp: GoldenTests.stamp)
        let reader = try ICSReader(text)
        #expect(reader.events.count == agenda.placements.count)
        for (event, placement) in zip(reader.events, agenda.placements) {
            let s = try #require(g.sessionIndex[placement.session])
            let first = try #require(g.slotIndex[placement.slots?.first ?? ""])
            let last = try #require(g.slotIndex[placement.slots?.last ?? ""])
            #expect(event.start == g.slots[first].startSecond && event.end == g.slots[last].endSecond, "\(placement.session)")
            #expect(event.summary == (g.sessions[s].title ?? g.sessions[s].id))
        }
        #expect(Set(reader.events.map(\.uid)).count == reader.events.count)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(reader.lines.contains("DTSTAMP:20190909T033320Z"))
    }

    /// A gathering across New York's fall-back night (3 November 2019): the slot written 01:00–02:00
    /// starts at the first 01:00 (EDT) and lasts two hours; the next morning is EST.
    @Test func instantsSurviveADaylightSavingChange() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "sat", start: "2019-11-02T22:00", end: "2019-11-02T23:00"),
            .init(id: "night", start: "2019-11-03T01:00", end: "2019-11-03T02:00"),
            .init(id: "sun", start: "2019-11-03T09:00", end: "2019-11-03T10:00"),
        ]
        let g = try gathering(
            slots: slots, rooms: [.init(id: "r")],
            sessions: [
                .init(id: "a", title: "Late; talk, with \\ backslash", duration: 60),
                .init(id: "b", title: "Across the change", duration: 120),
                .init(id: "c", title: "Sunday", duration: 60),
            ],
            timeZone: "America/New_York")
        let placements = [
            Assignment(session: 0, start: 0, slots: 0..<1, rooms: [0]),
            Assignment(session: 1, start: 1, slots: 1..<2, rooms: [0]),
            Assignment(session: 2, start: 2, slots: 2..<3, rooms: [0]),
        ]
        let agenda = Agenda(status: .feasible, solver: nil, bound: nil, assignments: placements, domain: Domain(g))
        let text = AgendaFormat.ics.render(agenda, gathering: g, stamp: Date(timeIntervalSince1970: 0))
        let reader = try ICSReader(text)
        #expect(reader.events.map(\.start) == [g.slots[0].startSecond, g.slots[1].startSecond, g.slots[2].startSecond])
        #expect(reader.events.map(\.end) == [g.slots[0].endSecond, g.slots[1].endSecond, g.slots[2].endSecond])
        #expect(reader.events[1].end - reader.events[1].start == 7200)
        #expect(reader.events[0].summary == "Late; talk, with \\ backslash")
        #expect(text.contains("SUMMARY:Late\\; talk\\, with \\\\ backslash"))
        #expect(text.contains("TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"))
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingCharacters() {
        let folded = ICSRenderer.fold("SUMMARY:" + String(repeating: "é", count: 80))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == "SUMMARY:" + String(repeating: "é", count: 80))
        #expect(ICSRenderer.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }
}
