/// The contract's input document as written (`convene`, `event`, `slots`, `rooms`, `formats`,
/// `people`, `sessions`, `attendees`, `weights`), before it is checked: what
/// `Gathering.init(document:)` validates into a gathering, and what a gathering keeps as its
/// `document`.
///
/// It is `Codable`. Decoding reads the JSON through the same reader as `Gathering.init(json:)`,
/// which checks its shape (types, required fields; unknown keys are warnings) and throws
/// `DiagnosticError` with every problem at its JSON path; what the values mean (references,
/// times, ranges) is checked when a gathering is made of it. Encoding writes the contract's keys,
/// leaving out optional fields that are not set.
///
/// The package's own: an app reads and writes the input document as a `Gathering`, which is
/// `Codable` too and validated, and changes one with `GatheringBuilder.init(gathering:)`.
///
/// Omitted optional fields stay `nil` so that inheritance (a session's own `duration` winning
/// over its format's, even an explicit `false` for `exclusive`) is decided when it is validated;
/// lists are never optional: the contract says an omitted list is empty.
package struct InputDocument: Sendable, Equatable, Codable {
    package var convene: Int
    package var event: Event
    package var slots: [Slot]
    package var rooms: [Room]
    package var formats: [Format]
    package var people: [Person]
    package var sessions: [Session]
    package var attendees: [Attendee]
    package var weights: Weights

    package init(
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

    package struct Event: Sendable, Equatable, Encodable {
        package var name: String?
        /// An IANA zone name such as `America/New_York`; `UTC` when omitted.
        package var timeZone: String?
        /// Minutes a person needs between sessions at different sites (rule 11); 0 when omitted.
        package var travelMinutes: Int?
        package init(name: String? = nil, timeZone: String? = nil, travelMinutes: Int? = nil) {
            self.name = name
            self.timeZone = timeZone
            self.travelMinutes = travelMinutes
        }
    }

    /// A start and an end, as written: `YYYY-MM-DDTHH:MM[:SS]` local to the event, or with an offset.
    package struct Window: Sendable, Equatable, Encodable {
        package var start: String
        package var end: String
        package init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    package struct Slot: Sendable, Equatable, Encodable {
        package var id: String
        package var start: String
        package var end: String
        package var tags: [String]
        package init(id: String, start: String, end: String, tags: [String] = []) {
            self.id = id
            self.start = start
            self.end = end
            self.tags = tags
        }
    }

    package struct Room: Sendable, Equatable, Encodable {
        package var id: String
        package var name: String?
        /// No limit when omitted.
        package var capacity: Int?
        package var tags: [String]
        package var unavailable: [Window]
        /// The building or place the room is in; rooms without one share the default site.
        package var site: String?
        /// A UUID naming the room in the tool it was imported from (pretalx's room `uuid`, frab's room
        /// `guid`): `convene push` finds the pretalx room by it, the frab formats write it back.
        package var guid: String?
        package init(
            id: String, name: String? = nil, capacity: Int? = nil, tags: [String] = [], unavailable: [Window] = [], site: String? = nil,
            guid: String? = nil
        ) {
            self.id = id
            self.name = name
            self.capacity = capacity
            self.tags = tags
            self.unavailable = unavailable
            self.site = site
            self.guid = guid
        }
    }

    package struct Format: Sendable, Equatable, Encodable {
        package var id: String
        package var name: String?
        /// Minutes.
        package var duration: Double?
        package var rooms: Int?
        package var exclusive: Bool?
        package var roomTags: [String]
        package var slotTags: [String]
        package init(
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

    package struct Person: Sendable, Equatable, Encodable {
        package var id: String
        package var name: String?
        package var available: [Window]
        package var unavailable: [Window]
        /// Windows in which the person would rather facilitate (merged like `available`).
        package var preferred: [Window]
        /// The most sessions the person facilitates that start on one day (rule 12); no limit when omitted.
        package var maxPerDay: Int?
        package init(
            id: String, name: String? = nil, available: [Window] = [], unavailable: [Window] = [], preferred: [Window] = [],
            maxPerDay: Int? = nil
        ) {
            self.id = id
            self.name = name
            self.available = available
            self.unavailable = unavailable
            self.preferred = preferred
            self.maxPerDay = maxPerDay
        }
    }

    package struct Pin: Sendable, Equatable, Encodable {
        package var slot: String?
        package var room: String?
        package init(slot: String? = nil, room: String? = nil) {
            self.slot = slot
            self.room = room
        }
    }

    package struct Preference: Sendable, Equatable, Encodable {
        package var slotTags: [String]
        package var weight: Int?
        package init(slotTags: [String] = [], weight: Int? = nil) {
            self.slotTags = slotTags
            self.weight = weight
        }
    }

    package struct Session: Sendable, Equatable, Encodable {
        package var id: String
        package var title: String?
        package var format: String?
        package var facilitators: [String]
        package var attendance: Int?
        /// Minutes.
        package var duration: Double?
        package var rooms: Int?
        package var exclusive: Bool?
        package var roomTags: [String]
        package var slotTags: [String]
        package var track: String?
        package var after: [String]
        package var notConcurrentWith: [String]
        package var pin: Pin?
        package var prefer: Preference?
        package var optional: Bool
        package var priority: Int?
        /// A UUID naming the session in the schedule it was imported from (frab's event `guid`);
        /// the frab formats write it back as the event's `guid`. Not part of the contract's objective.
        package var guid: String?
        /// How many times the session takes place (each run is one placement); 1 when omitted.
        package var runs: Int?
        /// Most attendees in one run; when omitted, the sum of the run's rooms' capacities.
        package var seats: Int?
        /// Text shown to attendees (site, ics `DESCRIPTION`, frab `abstract`).
        package var description: String?
        package init(
            id: String, title: String? = nil, format: String? = nil, facilitators: [String] = [], attendance: Int? = nil,
            duration: Double? = nil, rooms: Int? = nil, exclusive: Bool? = nil, roomTags: [String] = [],
            slotTags: [String] = [], track: String? = nil, after: [String] = [], notConcurrentWith: [String] = [],
            pin: Pin? = nil, prefer: Preference? = nil, optional: Bool = false, priority: Int? = nil, guid: String? = nil,
            runs: Int? = nil, seats: Int? = nil, description: String? = nil
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
            self.runs = runs
            self.seats = seats
            self.description = description
        }
    }

    package struct Attendee: Sendable, Equatable, Encodable {
        package var id: String
        package var interests: [String]
        /// The person this attendee is (a person's id): they want every session that person
        /// facilitates, as if it were listed in `interests`.
        package var person: String?
        package init(id: String, interests: [String] = [], person: String? = nil) {
            self.id = id
            self.interests = interests
            self.person = person
        }
    }

    /// The objective's weights; each defaults to the contract's value.
    package struct Weights: Sendable, Equatable, Encodable {
        package var clash: Int
        package var preference: Int
        package var unscheduled: Int
        package var change: Int
        package var trackOverlap: Int
        /// Per placed session and facilitator outside that facilitator's preferred windows.
        package var personPreference: Int
        /// A session kept at its start slot in other rooms; nil: the value of ``change``, so that
        /// documents written before this weight keep their meaning.
        package var roomChange: Int?
        package init(
            clash: Int = 1, preference: Int = 1, unscheduled: Int = 100, change: Int = 10, trackOverlap: Int = 0,
            personPreference: Int = 1, roomChange: Int? = nil
        ) {
            self.clash = clash
            self.preference = preference
            self.unscheduled = unscheduled
            self.change = change
            self.trackOverlap = trackOverlap
            self.personPreference = personPreference
            self.roomChange = roomChange
        }

        /// What keeping a session's start slot but not its rooms costs: ``roomChange``, or ``change``
        /// when it is not given.
        package var roomChangeWeight: Int { roomChange ?? change }
    }
}
