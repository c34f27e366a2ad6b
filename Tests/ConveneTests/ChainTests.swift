import Convene
import Testing

@Suite struct ChainTests {
    func chain(_ g: Gathering, _ session: String, _ start: String) -> [String]? {
        let domain = Domain(g)
        guard let s = g.sessionIndex[session], let t = g.slotIndex[start], let c = domain.chain(session: s, start: t) else { return nil }
        return c.map { g.slots[$0].id }
    }

    @Test func exactFitStopsAtTheFirstSlotsThatReachTheDuration() throws {
        let g = try gathering(sessions: [.init(id: "a", duration: 120), .init(id: "b", duration: 61), .init(id: "c", duration: 60)])
        #expect(chain(g, "a", "s1") == ["s1", "s2"])
        #expect(chain(g, "b", "s1") == ["s1", "s2"])
        #expect(chain(g, "c", "s2") == ["s2"])
        #expect(chain(g, "a", "s4") == nil)  // runs past the last slot
    }

    @Test func aBreakBetweenSlotsEndsAChain() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "m1", start: clock(540), end: clock(600)), .init(id: "m2", start: clock(600), end: clock(660)),
            .init(id: "a1", start: clock(720), end: clock(780)), .init(id: "a2", start: clock(780), end: clock(840)),
        ]
        let g = try gathering(slots: slots, sessions: [.init(id: "w", duration: 120)])
        #expect(chain(g, "w", "m1") == ["m1", "m2"])
        #expect(chain(g, "w", "m2") == nil)
        #expect(chain(g, "w", "a1") == ["a1", "a2"])
        #expect(Domain(g).starts[0].map { g.slots[$0.slot].id } == ["m1", "a1"])
    }

    @Test func aDurationLongerThanAnyChainHasNoStart() throws {
        let g = try gathering(sessions: [.init(id: "long", duration: 241), .init(id: "fits", duration: 240)])
        let domain = Domain(g)
        #expect(domain.starts[0].isEmpty)
        #expect(domain.starts[1].map(\.slot) == [0])
    }

    @Test func fractionalMinutesCountInSeconds() throws {
        let g = try gathering(sessions: [.init(id: "a", duration: 60.01)])
        #expect(chain(g, "a", "s1") == ["s1", "s2"])
    }

    @Test func slotsAreSortedByTimeWhateverTheirOrderInTheInput() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "late", start: clock(600), end: clock(660)), .init(id: "early", start: clock(540), end: clock(600)),
        ]
        let g = try gathering(slots: slots, sessions: [.init(id: "a", duration: 120)])
        #expect(g.slots.map(\.id) == ["early", "late"])
        #expect(chain(g, "a", "early") == ["early", "late"])
    }

    /// On 3 November 2019 New York's clocks fell back at 02:00: the local hour 01:00–02:00 came twice.
    /// A slot written 01:00–02:00 starts at the first 01:00 and lasts two real hours.
    @Test func aDaylightSavingDayCountsRealMinutes() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "before", start: "2019-11-03T00:00", end: "2019-11-03T01:00"),
            .init(id: "across", start: "2019-11-03T01:00", end: "2019-11-03T02:00"),
            .init(id: "after", start: "2019-11-03T02:00", end: "2019-11-03T03:00"),
        ]
        let g = try gathering(
            slots: slots, sessions: [.init(id: "three-hours", duration: 180), .init(id: "four", duration: 240)],
            timeZone: "America/New_York")
        #expect(g.slots[1].seconds == 7200)
        #expect(chain(g, "three-hours", "before") == ["before", "across"])
        #expect(chain(g, "four", "before") == ["before", "across", "after"])
        #expect(chain(g, "three-hours", "across") == ["across", "after"])
    }

    @Test func springForwardShortensASlot() throws {
        let slots: [InputDocument.Slot] = [
            .init(id: "night", start: "2019-03-10T01:00", end: "2019-03-10T03:00"),
            .init(id: "morning", start: "2019-03-10T03:00", end: "2019-03-10T04:00"),
        ]
        let g = try gathering(slots: slots, sessions: [.init(id: "two-hours", duration: 120)], timeZone: "America/New_York")
        #expect(g.slots[0].seconds == 3600)
        #expect(chain(g, "two-hours", "night") == ["night", "morning"])
    }

    /// The two-pointer table agrees with the plain definition on many slot layouts.
    @Test(arguments: 0..<40) func tableMatchesTheDefinition(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        var t = 540
        var slots: [InputDocument.Slot] = []
        for i in 0..<12 {
            if rng.next() % 4 == 0 { t += 15 }  // a break
            let length = [30, 45, 60, 90][Int(rng.next() % 4)]
            slots.append(.init(id: "s\(i)", start: clock(t), end: clock(t + length)))
            t += length
        }
        let durations: [Double] = [30, 45, 60, 90, 100, 180, 240]
        let g = try gathering(slots: slots, sessions: durations.enumerated().map { .init(id: "d\($0.offset)", duration: $0.element) })
        let domain = Domain(g)
        for (s, minutes) in durations.enumerated() {
            for start in g.slots.indices {
                var sum = 0
                var end = start
                var expected: Range<Int>?
                while end < g.slots.count, end == start || g.slots[end - 1].endSecond == g.slots[end].startSecond {
                    sum += g.slots[end].seconds
                    end += 1
                    if Double(sum) >= minutes * 60 {
                        expected = start..<end
                        break
                    }
                }
                #expect(domain.chain(session: s, start: start) == expected)
            }
        }
    }
}
