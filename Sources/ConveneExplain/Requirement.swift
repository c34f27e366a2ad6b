import ConveneCore

extension ConflictExplainer {
    /// One requirement of the input, as an explanation names it: its kind and rule, the sessions,
    /// people, rooms and slots it concerns (by id), and in words, what it asks and what lifting
    /// it would mean.
    public struct Requirement: Sendable, Hashable {
        /// What a requirement is about; each kind belongs to one of the checker's rules.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A non-optional session must be placed (rule 1).
            case placed
            /// A facilitator's available and unavailable windows (rule 5).
            case availability
            /// A facilitator is in one session at a time (rule 5).
            case oneAtATime
            /// An exclusive session runs alone (rule 6).
            case exclusive
            /// A session starts after another ends (rule 7).
            case after
            /// Two sessions must not run at the same time (rule 8).
            case apart
            /// A session's pinned slot, or pinned room (rule 9).
            case pinSlot, pinRoom
            /// A room's unavailable windows, or its seats (rule 2).
            case roomUnavailable, capacity
            /// A person's travel time between sites (rule 11).
            case travel
            /// A person's daily limit (rule 12).
            case dailyLoad
            /// A session that already ran, or is held, keeps its place (rule 10).
            case frozen
            /// A session's runs take place one after another (rule 1).
            case runOrder

            /// The checker's rule this kind of requirement is part of.
            package var rule: AgendaChecker.Rule {
                switch self {
                case .placed, .runOrder: .placedOnce
                case .availability, .oneAtATime: .facilitators
                case .exclusive: .exclusive
                case .after: .after
                case .apart: .notConcurrent
                case .pinSlot, .pinRoom: .pins
                case .roomUnavailable, .capacity: .rooms
                case .travel: .travel
                case .dailyLoad: .dailyLoad
                case .frozen: .frozen
                }
            }
        }

        /// What it is about.
        public var kind: Kind
        /// The sessions it names or concerns (a person's rules: the sessions they facilitate).
        public var sessions: [Session.ID]
        /// The people it names.
        public var people: [Person.ID]
        /// The rooms it names.
        public var rooms: [Room.ID]
        /// The slots it names.
        public var slots: [Slot.ID]
        /// The requirement in words: `p1 facilitates 'A' (a) and 'B' (b) and can be in only one at a time.`
        public var sentence: String
        /// What lifting it would mean, as advice: `share the sessions of p1 with another facilitator`.
        public var advice: String
        /// A short stable key: `placed update`, `after stories update`, `apart a b`, `capacity rabb`.
        package var key: String
        /// The same requirement as the deletion filter lifts it.
        package var condition: Condition

        package init(_ condition: Condition, in domain: Domain) {
            let g = domain.gathering
            let names = condition.names(domain)
            self.condition = condition
            kind = condition.kind
            sessions = names.sessions.map { g.sessions[$0].id }
            people = names.people.map { g.people[$0].id }
            rooms = names.rooms.map { g.rooms[$0].id }
            slots = names.slots.map { g.slots[$0].id }
            sentence = condition.sentence(domain)
            advice = condition.advice(g)
            key = condition.key(g)
            if case .frozen(let s, _) = condition, let entry = domain.frozen[s]?.entry {
                // The previous agenda's ids, which may name a slot or room the input no longer has.
                rooms = entry.rooms.sorted()
                slots = [entry.start]
            }
        }

        /// The checker's rule it is part of.
        public var rule: AgendaChecker.Rule { kind.rule }
    }
}
