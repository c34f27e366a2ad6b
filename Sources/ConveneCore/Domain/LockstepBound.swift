/// The fewest concurrent pairs of a group whose long members may run in lockstep: `short`
/// one-slot members and long members of the given lengths (2 or more), in at most `slots` slots.
///
/// Σ_k C(N_k, 2) over the slots counts each concurrent pair once per slot it shares. Only two long
/// members share more than one slot, and at most `L` (the longest length), so with `M_k` long
/// members in slot `k` the long pairs are at least Σ_k C(M_k, 2) / L, and what they count more
/// than once is at most Σ_k C(M_k, 2)·(1 − 1/L). With `T_k = N_k − M_k` one-slot members:
///
///     pairs ≥ Σ_k C(M_k, 2) / L + M_k·T_k + C(T_k, 2)
///
/// for any agenda, whatever its slots' order. The least right-hand side over every split of the
/// long members' units (Σ M_k = U, M_k ≤ the long members) and the short ones (Σ T_k = T) over
/// the slots is a lower bound; this computes the Lagrangian dual of that split, which is at most
/// it (weak duality), so still a lower bound: for each multiplier λ of Σ T_k = T, each slot takes
/// its best `T_k` alone, the slots' long units are split by a min-plus power of one slot's costs,
/// and the best λ is found by bisection on the slope (the dual is concave in λ).
///
/// Two pairs of workshops in lockstep count one pair each for two slot-units of excess; a third
/// workshop beside them costs three. A track of 22 talks and 4 two-slot workshops in 21 slots
/// has 30 slot-units for 21 slots: at least 7 concurrent pairs (two lockstep pairs of workshops,
/// and 5 pairs of talks), where subtracting every workshop pair's double count gives 3.
package enum LockstepBound {
    /// The bound; 0 when it has nothing to say (fewer than two long members, or room for all).
    package static func fewestPairs(slots: Int, long lengths: [Int], short: Int) -> Int {
        let w = lengths.count
        let u = lengths.reduce(0, +)
        let t = short
        guard w > 1, slots > 0, u + t > slots, u <= 2_000, let l = lengths.max(), l > 1 else { return 0 }
        // In units of 1/L pair: c(M, T) = C(M, 2) + L·M·T + L·C(T, 2).
        func cost(_ m: Int, _ s: Int) -> Int { m * (m - 1) / 2 + l * m * s + l * s * (s - 1) / 2 }
        func dual(_ lambda: Int) -> Int {
            // One slot's least cost less λ per short member, for each count of long units.
            let slot: [Int?] = (0...u).map { m in
                guard m <= w else { return nil }
                let best = max(0, min(t, (lambda + l - 1) / l - m))
                return [best - 1, best, best + 1].filter { $0 >= 0 && $0 <= t }.map { cost(m, $0) - lambda * $0 }.min()
            }
            let split = minPlusPower(slot, slots)
            return (split[u] ?? 0) + lambda * t
        }
        // The dual is concave in λ: bisect for the first λ where it stops rising.
        var (low, high) = (0, l * (u + t) + 1)
        while low < high {
            let mid = (low + high) / 2
            if dual(mid) < dual(mid + 1) { low = mid + 1 } else { high = mid }
        }
        let best = dual(low)
        return best > 0 ? (best + l - 1) / l : 0
    }

    /// The least sum of `count` slots' costs for each total of long units (nil: not reachable).
    private static func minPlusPower(_ slot: [Int?], _ count: Int) -> [Int?] {
        var result: [Int?] = [0] + Array(repeating: nil, count: slot.count - 1)
        var base = slot
        var n = count
        while n > 0 {
            if n & 1 == 1 { result = minPlus(result, base) }
            n >>= 1
            if n > 0 { base = minPlus(base, base) }
        }
        return result
    }

    private static func minPlus(_ a: [Int?], _ b: [Int?]) -> [Int?] {
        var c: [Int?] = Array(repeating: nil, count: a.count)
        for (i, x) in a.enumerated() {
            guard let x else { continue }
            for j in 0..<(a.count - i) {
                guard let y = b[j] else { continue }
                if let known = c[i + j], known <= x + y { continue }
                c[i + j] = x + y
            }
        }
        return c
    }
}
