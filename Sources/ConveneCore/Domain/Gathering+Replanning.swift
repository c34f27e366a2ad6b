import Foundation

extension Gathering {
    /// The domain for a solve, a check or an explanation: the previous agenda, the frozen time
    /// and the sessions held in place applied.
    package func replanningDomain(previous: Agenda?, frozenUntil: Date?, keep: Set<String> = []) throws(ReplanningError) -> Domain {
        guard frozenUntil == nil || previous != nil else { throw .frozenWithoutPrevious }
        guard let previous else {
            guard keep.isEmpty else { throw .keptWithoutPrevious }
            return Domain(self)
        }
        let earlier = PreviousAgenda(previous)
        for id in keep.sorted() {
            guard sessionIndex[id] != nil else { throw .keptSessionUnknown(id) }
            guard earlier.placements[id] != nil else { throw .keptSessionUnplaced(id) }
        }
        return Domain(self, previous: earlier, frozenUntil: frozenUntil.map(Self.instant), keep: keep)
    }
}
