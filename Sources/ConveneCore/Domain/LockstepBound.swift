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
/// its best `T_k` alone, which leaves a cost `h(M)` per slot; the least Σ_k h(M_k) with Σ M_k = U,
/// even with fractional `M_k`, is `slots × ĥ(U / slots)` for `ĥ` the lower convex hull of `h`
/// (Jensen), at most the integral least; the best λ is found by bisection on the slope (the
/// dual is concave in λ).
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
        guard w > 1, slots > 0, u + t > slots, let l = lengths.max(), l > 1 else { return 0 }
        // In units of 1/L pair: c(M, T) = C(M, 2) + L·M·T + L·C(T, 2).
        func cost(_ m: Int, _ s: Int) -> Int { m * (m - 1) / 2 + l * m * s + l * s * (s - 1) / 2 }
        let most = min(w, u)
        guard u <= slots * most else { return 0 }  // no agenda at all
        func dual(_ lambda: Int) -> Int {
            // One slot's least cost less λ per short member, for each count of long units.
            let slot = (0...most).map { m in
                let best = max(0, min(t, (lambda + l - 1) / l - m))
                return [best - 1, best, best + 1].filter { $0 >= 0 && $0 <= t }.map { cost(m, $0) - lambda * $0 }.min() ?? 0
            }
            return spread(slot, units: u, slots: slots) + lambda * t
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

    /// A lower bound, rounded down, on the least Σ_k h(M_k) over `slots` slots with Σ M_k =
    /// `units`, 0 ≤ M_k < h.count: `slots × ĥ(units / slots)`, `ĥ` the lower convex hull of `h`.
    private static func spread(_ h: [Int], units: Int, slots: Int) -> Int {
        var hull: [Int] = []
        for x in h.indices {
            while hull.count >= 2 {
                let (a, b) = (hull[hull.count - 2], hull[hull.count - 1])
                // b is above the segment from a to x: drop it.
                guard (h[b] - h[a]) * (x - a) >= (h[x] - h[a]) * (b - a) else { break }
                hull.removeLast()
            }
            hull.append(x)
        }
        // The hull's segment [a, b] with a ≤ units / slots ≤ b.
        for (a, b) in zip(hull, hull.dropFirst()) where a * slots <= units && units <= b * slots {
            return slots * h[a] + floorDivide((h[b] - h[a]) * (units - slots * a), b - a)
        }
        return slots * h[hull.last ?? 0]
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
