/// Costs are whole numbers, so a proven bound rounds up (with room for a backend's tolerances).
package enum MILPBound {
    /// The whole bound `bound` proves. "No bound" (±`DBL_MAX` in GLPK) is clamped to ±10¹⁵.
    package static func integer(_ bound: Double) -> Int {
        guard !bound.isNaN else { return -1_000_000_000_000_000 }
        return Int(min(max((bound - 1e-6).rounded(.up), -1e15), 1e15))
    }

    /// Whether a bound proves a point of this objective optimal.
    package static func proves(_ bound: Double, optimal objective: Double) -> Bool { Double(integer(bound)) >= objective - 1e-6 }
}
