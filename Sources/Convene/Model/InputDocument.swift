/// The contract's input document as written: every field the contract names, with omitted
/// optional fields kept as `nil` so that inheritance (a session's own `duration` winning over
/// its format's, even an explicit `false` for `exclusive`) can be decided later.
///
/// Lists are never optional: the contract says an omitted list is empty. ``Gathering/init(json:)``
/// reads JSON into one and validates it, reporting every problem at once; build one in code and
/// validate it with ``Gathering/init(validating:)``. `Decodable` goes through the same reader and
/// throws ``InputError``.
public struct InputDocument: Sendable, Equatable, Encodable {
    public var convene: Int
    public var event: Event
    public var slots: [Slot]
    public var rooms: [Room]
    public var formats: [Format]
    public var people: [Person]
    public var sessions: [Session]
    public var attendees: [Attendee]
    public var weights: Weights

    public init(
        convene: Int = 1, event: Event = Event(), slots: [Slot] = [], rooms: [Room] = [], formats: [Format] = [],
        people: [Person] = [], sessions: [Session] = [], attendees: [Attendee] = [], weights: Weights = Weights()
    ) {
        self.convene = convene
        self.event = event
        self.slots = slots
        self.rooms = rooms
        self.formats = formats
        self.people = people
        self.sessions = sessions
        self.attendees = attendees
        self.weights = weights
    }

    public struct Event: Sendable, Equatable, Encodable {
        public var name: String?
        /// An IANA zone name such as `America/New_York`; `UTC` when omitted.
        public var timeZone: String?
        public init(name: String? = nil, timeZone: String? = nil) {
            self.name = name
            self.timeZone = timeZone
        }
    }

    /// A start and an end, as written: `YYYY-MM-DDTHH:MM[:SS]` local to the event, or with an offset.
    public struct Window: Sendable, Equatable, Encodable {
        public var start: String
        public var end: String
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct Slot: Sendable, Equatable, Encodable {
        public var id: String
        public var start: String
        public var end: String
        public var tags: [String]
        public init(id: String, start: String, end: String, tags: [String] = []) {
            self.id = id
            self.start = start
            self.end = end
            self.tags = tags
        }
    }

    public struct Room: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String?
        /// No limit when omitted.
        public var capacity: Int?
        public var tags: [String]
        public var unavailable: [Window]
        public init(id: String, name: String? = nil, capacity: Int? = nil, tags: [String] = [], unavailable: [Window] = []) {
            self.id = id
            self.name = name
            self.capacity = capacity
            self.tags = tags
            self.unavailable = unavailable
        }
    }

    public struct Format: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String?
        /// Minutes.
        public var duration: Double?
        public var rooms: Int?
        public var exclusive: Bool?
        public var roomTags: [String]
        public var slotTags: [String]
        public init(
            id: String, name: String? = nil, duration: Double? = nil, rooms: Int? = nil, exclusive: Bool? = nil,
            roomTags: [String] = [], slotTags: [String] = []
        ) {
            self.id = id
            self.name = name
            self.duration = duration
            self.rooms = rooms
            self.exclusive = exclusive
            self.roomTags = roomTags
            self.slotTags = slotTags
        }
    }

    public struct Person: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String?
        public var available: [Window]
        public var unavailable: [Window]
        public init(id: String, name: String? = nil, available: [Window] = [], unavailable: [Window] = []) {
            self.id = id
            self.name = name
            self.available = available
            self.unavailable = unavailable
        }
    }

    public struct Pin: Sendable, Equatable, Encodable {
        public var slot: String?
        public var room: String?
        public init(slot: String? = nil, room: String? = nil) {
            self.slot = slot
            self.room = room
        }
    }

    public struct Preference: Sendable, Equatable, Encodable {
        public var slotTags: [String]
        public var weight: Int?
        public init(slotTags: [String] = [], weight: Int? = nil) {
            self.slotTags = slotTags
            self.weight = weight
        }
    }

    public struct Session: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String?
        public var format: String?
        public var facilitators: [String]
        public var attendance: Int?
        /// Minutes.
        public var duration: Double?
        public var rooms: Int?
        public var exclusive: Bool?
        public var roomTags: [String]
        public var slotTags: [String]
        public var track: String?
        public var after: [String]
        public var notConcurrentWith: [String]
        public var pin: Pin?
        public var prefer: Preference?
        public var optional: Bool
        public var priority: Int?
        /// A UUID naming the session in the schedule it was imported from (frab's event `guid`);
        /// the frab formats write it back as the event's `guid`. Not part of the contract's objective.
        public var guid: String?
        public init(
            id: String, title: String? = nil, format: String? = nil, facilitators: [String] = [], attendance: Int? = nil,
            duration: Double? = nil, rooms: Int? = nil, exclusive: Bool? = nil, roomTags: [String] = [],
            slotTags: [String] = [], track: String? = nil, after: [String] = [], notConcurrentWith: [String] = [],
            pin: Pin? = nil, prefer: Preference? = nil, optional: Bool = false, priority: Int? = nil, guid: String? = nil
        ) {
            self.id = id
            self.title = title
            self.format = format
            self.facilitators = facilitators
            self.attendance = attendance
            self.duration = duration
            self.rooms = rooms
            self.exclusive = exclusive
            self.roomTags = roomTags
            self.slotTags = slotTags
            self.track = track
            self.after = after
            self.notConcurrentWith = notConcurrentWith
            self.pin = pin
            self.prefer = prefer
            self.optional = optional
            self.priority = priority
            self.guid = guid
        }
    }

    public struct Attendee: Sendable, Equatable, Encodable {
        public var id: String
        public var interests: [String]
        /// The person this attendee is (a person's id): they want every session that person
        /// facilitates, as if it were listed in `interests`.
        public var person: String?
        public init(id: String, interests: [String] = [], person: String? = nil) {
            self.id = id
            self.interests = interests
            self.person = person
        }
    }

    /// The objective's weights; each defaults to the contract's value.
    public struct Weights: Sendable, Equatable, Encodable {
        public var clash: Int
        public var preference: Int
        public var unscheduled: Int
        public var change: Int
        public var trackOverlap: Int
        public init(clash: Int = 1, preference: Int = 1, unscheduled: Int = 100, change: Int = 10, trackOverlap: Int = 0) {
            self.clash = clash
            self.preference = preference
            self.unscheduled = unscheduled
            self.change = change
            self.trackOverlap = trackOverlap
        }
    }
}
