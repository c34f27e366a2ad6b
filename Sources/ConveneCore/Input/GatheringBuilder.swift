import Foundation

/// Builds a ``Gathering`` in code, with typed times: slots and windows start and end at a
/// ``LocalDateTime`` in the event's time zone. Nothing is checked as it is added: ``build()``
/// validates everything at once, like reading a JSON input (an end before its start too), and
/// names each problem by the builder's own terms (`session("stories").facilitators[0]`,
/// `slot("thu-1").end`), not by JSON paths.
///
/// ```swift
/// var builder = GatheringBuilder(name: "P2PU Gathering 2019", timeZone: TimeZone(identifier: "America/New_York")!)
/// builder.addSlot("thu-1", start: LocalDateTime(2019, 9, 19, 9, 0), end: LocalDateTime(2019, 9, 19, 10, 30))
/// builder.addRoom("rabb", name: "Rabb Hall", capacity: 120)
/// builder.addSession("update", title: "Update from P2PU", duration: .seconds(90 * 60))
/// let gathering = try builder.build()
/// ```
public struct GatheringBuilder: Sendable {
    /// The document being built; ``build()`` validates it.
    package private(set) var document: InputDocument

    /// A builder for an event in `timeZone`, which every ``LocalDateTime`` is read in.
    public init(name: String, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        document = InputDocument(event: .init(name: name, timeZone: timeZone.identifier))
    }

    /// A builder that adds to `gathering`'s input document: ``build()`` validates it with what
    /// was added, so that this is how a gathering read from JSON (or built) is changed in code.
    public init(gathering: Gathering) {
        self.init(document: gathering.document)
    }

    /// A builder that adds to `document`, such as one decoded from JSON.
    package init(document: InputDocument) {
        self.document = document
    }

    /// The objective's weights; each defaults to the contract's value.
    package var weights: InputDocument.Weights {
        get { document.weights }
        set { document.weights = newValue }
    }

    /// How long a person needs between sessions at different sites (rule 11); zero for none. The
    /// input counts it in whole minutes: ``build()`` reports any other length, and a negative one.
    public var travelTime: Duration {
        get { oddTravelTime ?? .seconds(60 * (document.event.travelMinutes ?? 0)) }
        set {
            let minutes = newValue / .seconds(60)
            if minutes == minutes.rounded(), abs(minutes) < 1e9 {
                document.event.travelMinutes = Int(minutes)
                oddTravelTime = nil
            } else {
                oddTravelTime = newValue
            }
        }
    }
    /// A travel time the input cannot write (not whole minutes), kept for ``build()`` to report.
    private var oddTravelTime: Duration?

    /// A window of time in the event's time zone, such as when a person is available. Its end
    /// must come after its start; ``GatheringBuilder/build()`` reports it otherwise.
    public struct Window: Sendable, Hashable {
        /// When it starts.
        package var start: LocalDateTime
        /// When it ends.
        package var end: LocalDateTime

        /// The window from `start` to `end`.
        public init(start: LocalDateTime, end: LocalDateTime) {
            self.start = start
            self.end = end
        }
    }

    /// Adds a time slot, shared by every room, from `start` to `end` (which must come after it).
    public mutating func addSlot(_ id: String, start: LocalDateTime, end: LocalDateTime, tags: [String] = []) {
        document.slots.append(.init(id: id, start: start.description, end: end.description, tags: tags))
    }

    /// Adds a room; `capacity` nil means no limit, `site` nil the default site.
    public mutating func addRoom(
        _ id: String, name: String? = nil, capacity: Int? = nil, tags: [String] = [], unavailable: [Window] = [],
        site: String? = nil
    ) {
        document.rooms.append(
            .init(id: id, name: name, capacity: capacity, tags: tags, unavailable: unavailable.map(Self.window), site: site))
    }

    /// Adds a session format; sessions of the format take its duration, rooms and
    /// exclusivity unless they set their own, and its tags as well as their own.
    public mutating func addFormat(
        _ id: String, name: String? = nil, duration: Duration? = nil, rooms: Int? = nil, exclusive: Bool? = nil,
        roomTags: [String] = [], slotTags: [String] = []
    ) {
        document.formats.append(
            .init(
                id: id, name: name, duration: duration.map(Self.minutes), rooms: rooms, exclusive: exclusive, roomTags: roomTags,
                slotTags: slotTags))
    }

    /// Adds a person who facilitates sessions; with `available` windows they are there only then,
    /// with `preferred` windows they would rather be, and with `maxPerDay` they facilitate at most
    /// that many sessions a day.
    public mutating func addPerson(
        _ id: String, name: String? = nil, available: [Window] = [], unavailable: [Window] = [], preferred: [Window] = [],
        maxPerDay: Int? = nil
    ) {
        document.people.append(
            .init(
                id: id, name: name, available: available.map(Self.window), unavailable: unavailable.map(Self.window),
                preferred: preferred.map(Self.window), maxPerDay: maxPerDay))
    }

    /// Adds a session; its references (format, facilitators, `after`, `notConcurrentWith`, the
    /// pinned slot and room) are ids. Duration, rooms and exclusivity default to its
    /// format's; `preferredSlotTags` are the slot tags it would rather have, each missed one
    /// costing `preferenceWeight`.
    public mutating func addSession(
        _ id: String, title: String? = nil, format: String? = nil, facilitators: [String] = [], attendance: Int? = nil,
        duration: Duration? = nil, rooms: Int? = nil, exclusive: Bool? = nil, roomTags: [String] = [], slotTags: [String] = [],
        track: String? = nil, after: [String] = [], notConcurrentWith: [String] = [], pinSlot: String? = nil, pinRoom: String? = nil,
        preferredSlotTags: [String] = [], preferenceWeight: Int? = nil, optional: Bool = false, priority: Int? = nil
    ) {
        let pin = pinSlot == nil && pinRoom == nil ? nil : InputDocument.Pin(slot: pinSlot, room: pinRoom)
        let prefer =
            preferredSlotTags.isEmpty && preferenceWeight == nil
            ? nil : InputDocument.Preference(slotTags: preferredSlotTags, weight: preferenceWeight)
        addSession(
            InputDocument.Session(
                id: id, title: title, format: format, facilitators: facilitators, attendance: attendance,
                duration: duration.map(Self.minutes),
                rooms: rooms, exclusive: exclusive, roomTags: roomTags, slotTags: slotTags, track: track, after: after,
                notConcurrentWith: notConcurrentWith, pin: pin, prefer: prefer, optional: optional, priority: priority))
    }

    /// Adds a session written as in the input document.
    package mutating func addSession(_ session: InputDocument.Session) {
        document.sessions.append(session)
    }

    /// Adds an attendee and the sessions they want.
    public mutating func addAttendee(_ id: String, interests: [String], person: String? = nil) {
        document.attendees.append(.init(id: id, interests: interests, person: person))
    }

    /// Validates what was added and resolves it into a gathering.
    ///
    /// - Throws: ``DiagnosticError`` with every problem found, each at its builder's field
    ///   (``Diagnostic/Location/field(_:)``).
    public func build() throws(DiagnosticError) -> Gathering {
        var problems: [Diagnostic] = []
        if let odd = oddTravelTime {
            problems.append(
                Diagnostic(
                    .error, at: .field("travelTime"),
                    "is \(odd), not a whole number of minutes: the input counts travel time in minutes; round it"))
        }
        let gathering: Gathering
        do {
            gathering = try Gathering(document: document)
        } catch {
            throw DiagnosticError(
                problems
                    + error.diagnostics.map {
                        Diagnostic($0.severity, at: .field(Self.field($0.path.components, in: document)), $0.message)
                    })
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return gathering
    }

    /// A length in minutes, as the input writes durations.
    private static func minutes(_ length: Duration) -> Double { length / .seconds(60) }

    private static func window(_ window: Window) -> InputDocument.Window {
        InputDocument.Window(start: window.start.description, end: window.end.description)
    }
}
