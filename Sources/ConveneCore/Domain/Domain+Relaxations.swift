extension Domain {
    /// The rules about people that `convene explain` lifts, one person at a time, to ask whether
    /// the rest of the input could hold without them. The input has no way to lift them (everyone
    /// is in one session at a time, and needs the time to travel), so they are not part of the
    /// gathering: a domain is built with them, and every rule question it answers heeds them.
    package struct Relaxations: Sendable, Hashable {
        /// People whose rule 5 one session at a time is lifted (their availability still holds,
        /// and so do their travel time and daily limit).
        package var oneAtATime: Set<Int>
        /// People whose rule 11 travel time is lifted.
        package var travel: Set<Int>

        package init(oneAtATime: Set<Int> = [], travel: Set<Int> = []) {
            self.oneAtATime = oneAtATime
            self.travel = travel
        }
    }
}
