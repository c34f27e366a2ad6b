/// The contract's chain rule: from a start slot, the run of back-to-back slots (each one's end
/// equal to the next one's start) up to the first whose minutes add up to the duration.
package struct Chains: Sendable {
    private let slots: [Slot]
    /// Per distinct duration (in whole seconds, rounded up: slot lengths are whole seconds),
    /// the chain from each start slot, or nil where none exists.
    private var table: [Int: [Range<Int>?]] = [:]

    package init(slots: [Slot], durations: some Sequence<Double>) {
        self.slots = slots
        for minutes in durations {
            let seconds = Chains.seconds(minutes)
            if table[seconds] == nil { table[seconds] = Chains.compute(slots, seconds) }
        }
    }

    /// The slots a session of `minutes` occupies when it starts at slot `start`, or nil when
    /// `start` is not a valid start (the run of back-to-back slots is too short).
    package func chain(minutes: Double, from start: Int) -> Range<Int>? {
        guard slots.indices.contains(start) else { return nil }
        let seconds = Chains.seconds(minutes)
        if let known = table[seconds] { return known[start] }
        return Chains.chain(slots, seconds, from: start)
    }

    /// The longest run of back-to-back slots starting at `start` (for explanations).
    package func longestRun(from start: Int) -> Range<Int> {
        var end = start + 1
        while end < slots.count, slots[end - 1].endSecond == slots[end].startSecond { end += 1 }
        return start..<end
    }

    static func seconds(_ minutes: Double) -> Int {
        let s = (minutes * 60).rounded(.up)
        return s.isFinite ? Int(min(max(s, 1), 1e15)) : Int(1e15)
    }

    /// One pass with two pointers, linear in the number of slots. The window `start..<end` is
    /// always back-to-back; it was minimal for the previous start, so once its sum reaches the
    /// duration it is minimal for this one too.
    private static func compute(_ slots: [Slot], _ seconds: Int) -> [Range<Int>?] {
        var result = [Range<Int>?](repeating: nil, count: slots.count)
        var end = 0
        var sum = 0
        for start in slots.indices {
            if end <= start {
                end = start
                sum = 0
            }
            while sum < seconds, end < slots.count, end == start || slots[end - 1].endSecond == slots[end].startSecond {
                sum += slots[end].seconds
                end += 1
            }
            if sum >= seconds { result[start] = start..<end }
            sum -= slots[start].seconds
        }
        return result
    }

    private static func chain(_ slots: [Slot], _ seconds: Int, from start: Int) -> Range<Int>? {
        var sum = 0
        var end = start
        while end < slots.count, end == start || slots[end - 1].endSecond == slots[end].startSecond {
            sum += slots[end].seconds
            end += 1
            if sum >= seconds { return start..<end }
        }
        return nil
    }
}
