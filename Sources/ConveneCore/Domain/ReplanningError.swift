/// Why a replanning cannot be set up: a frozen time or sessions held in place without the
/// previous agenda that says where things are, or a held session that agenda does not place.
/// ``AgendaChecker/init(gathering:previous:frozenUntil:keep:)`` and the explainer throw it;
/// ``Gathering/solve(using:options:)`` reports the same problems as ``SolveError``.
public enum ReplanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A frozen time (rule 10) without a previous agenda: nothing says what is frozen.
    case frozenWithoutPrevious
    /// Sessions to keep in place without a previous agenda: nothing says where they are held.
    case keptWithoutPrevious
    /// A session to keep in place (by id) that the gathering does not have.
    case keptSessionUnknown(Session.ID)
    /// A session to keep in place (by id) that the previous agenda does not place.
    case keptSessionUnplaced(Session.ID)

    /// What is wrong, in plain words.
    public var description: String {
        switch self {
        case .frozenWithoutPrevious: "a frozen time needs a previous agenda: it freezes what that agenda placed before it"
        case .keptWithoutPrevious: "sessions to keep need a previous agenda: they keep the place it gives them"
        case .keptSessionUnknown(let id): "session \"\(id)\" cannot be kept in place: the gathering has no such session"
        case .keptSessionUnplaced(let id): "session \"\(id)\" cannot be kept in place: the previous agenda does not place it"
        }
    }
}
