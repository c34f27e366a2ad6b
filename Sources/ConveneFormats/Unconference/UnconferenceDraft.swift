import ConveneCore
import Foundation

/// The new input document of an ``Unconference`` while it is being written: the block taken out,
/// its slots and rooms tagged, hosts resolved to people, proposals added as sessions.
struct UnconferenceDraft {
    let gathering: Gathering
    let block: String
    let place: Assignment
    private(set) var document: InputDocument
    private(set) var tag: String
    private(set) var sessionIDs: [String] = []
    /// Hosts already resolved, by the name written: the same host in two proposals is one person.
    private var hosts: [String: String] = [:]
    private var personIDs: IdentifierMaker
    private let attendeeIndex: [String: Int]

    init(_ g: Gathering, block: String, place: Assignment) {
        gathering = g
        self.block = block
        self.place = place
        var document = g.document
        document.sessions.removeAll { $0.id == block }
        for k in document.sessions.indices {
            document.sessions[k].after.removeAll { $0 == block }
            document.sessions[k].notConcurrentWith.removeAll { $0 == block }
        }
        for k in document.attendees.indices { document.attendees[k].interests.removeAll { $0 == block } }
        let taken = Set(document.slots.flatMap(\.tags) + document.rooms.flatMap(\.tags))
        var tag = "unconference-\(block)"
        var n = 2
        while taken.contains(tag) {
            tag = "unconference-\(block)-\(n)"
            n += 1
        }
        let slots = Set(place.slots.map { g.slots[$0].id })
        let rooms = Set(place.rooms.map { g.rooms[$0].id })
        for k in document.slots.indices where slots.contains(document.slots[k].id) { document.slots[k].tags.append(tag) }
        for k in document.rooms.indices where rooms.contains(document.rooms[k].id) { document.rooms[k].tags.append(tag) }
        self.document = document
        self.tag = tag
        personIDs = IdentifierMaker(reserved: Set(document.people.map(\.id)))
        attendeeIndex = Dictionary(document.attendees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The block's length, and the default length of a proposal (its shortest slot), in minutes.
    var minutes: (block: Double, shortest: Double) {
        let seconds = place.slots.map { gathering.slots[$0].seconds }
        return (Double(seconds.reduce(0, +)) / 60, Double(seconds.min() ?? 0) / 60)
    }

    mutating func add(_ proposals: [Proposal], log: ImportLog) {
        let ids = self.ids(proposals, log: log)
        for (i, proposal) in proposals.enumerated() {
            func at(_ origin: ImportOrigin) -> ImportOrigin {
                origin.place == .file ? ImportOrigin(file: origin.file, place: .json(.root / i)) : origin
            }
            if proposal.title.trimmed.isEmpty { log.error(at(proposal.origins.title), "the title is empty; every proposal needs one") }
            let duration = proposal.duration ?? minutes.shortest
            if !(duration > 0) {
                log.error(at(proposal.origins.duration), "the duration must be a number of minutes above 0")
            } else if duration > minutes.block {
                log.error(
                    at(proposal.origins.duration),
                    "'\(proposal.title)' lasts \(JSONValue.format(duration)) minutes, longer than the block "
                        + "(\(JSONValue.format(minutes.block)) minutes, \(gathering.label(slots: place.slots))); "
                        + "shorten it or split it in two")
            }
            let votes = proposal.voteCount
            if votes < 0 { log.error(at(proposal.origins.votes), "the votes must be 0 or more") }
            for (k, voter) in proposal.voters.enumerated() where attendeeIndex[voter] == nil {
                var message = "\"\(voter)\" is not an attendee's id; a voter must be one of the input's attendees"
                if let near = ObjectReader.nearest(to: voter, among: document.attendees.map(\.id)) {
                    message += "; did you mean \"\(near)\"?"
                }
                log.error(at(proposal.voterOrigin(k)), message)
            }
            let facilitators = proposal.hosts.enumerated().map { k, name in host(name, at: at(proposal.hostOrigin(k)), log: log) }
            let id = ids[i]
            sessionIDs.append(id)
            document.sessions.append(
                InputDocument.Session(
                    id: id, title: proposal.title.trimmed, facilitators: facilitators, attendance: max(votes, proposal.voters.count),
                    duration: duration, rooms: 1, exclusive: false, roomTags: [tag], slotTags: [tag], optional: true,
                    priority: 1 + max(0, votes)))
            for voter in proposal.voters {
                guard let a = attendeeIndex[voter], !document.attendees[a].interests.contains(id) else { continue }
                document.attendees[a].interests.append(id)
            }
        }
    }

    /// The proposals' session ids: those given (each unused), then ones made from the titles.
    private func ids(_ proposals: [Proposal], log: ImportLog) -> [String] {
        var maker = IdentifierMaker(reserved: Set(document.sessions.map(\.id) + [block]))
        var ids = [String?](repeating: nil, count: proposals.count)
        for (i, proposal) in proposals.enumerated() {
            guard let id = proposal.id else { continue }
            ids[i] = id
            guard !maker.claim(id) else { continue }
            let origin =
                proposal.origins.id.place == .file
                ? ImportOrigin(file: proposal.origins.id.file, place: .json(.root / i)) : proposal.origins.id
            let owner = gathering.sessionIndex[id].map { "the session \(gathering.sessions[$0].label)" } ?? "an earlier proposal"
            log.error(origin, "the id \"\(id)\" is already \(owner)'s; give another, or leave it out to have one made from the title")
        }
        return proposals.enumerated().map { i, proposal in
            ids[i] ?? maker.make(Self.shortened(proposal.title.slug()), fallback: "proposal-\(i + 1)")
        }
    }

    /// The slug's first words, up to 40 characters, so that ids stay readable.
    static func shortened(_ slug: String) -> String {
        var id = ""
        for word in slug.split(separator: "-") {
            let longer = id.isEmpty ? String(word) : "\(id)-\(word)"
            guard longer.count <= 40 else { break }
            id = longer
        }
        return id.isEmpty ? String(slug.prefix(40)) : id
    }

    /// The person a host names: a person by id, an attendee by id (their linked person, or a new
    /// person linked to them), a person by name, or a new person of that name.
    private mutating func host(_ name: String, at origin: ImportOrigin, log: ImportLog) -> String {
        if let known = hosts[name] { return known }
        let id: String
        if document.people.contains(where: { $0.id == name }) {
            id = name
        } else if let a = attendeeIndex[name] {
            if let linked = document.attendees[a].person {
                id = linked
            } else {
                id = personIDs.claim(name) ? name : personIDs.make(name, fallback: "host")
                document.people.append(InputDocument.Person(id: id))
                document.attendees[a].person = id
            }
        } else if let person = document.people.first(where: { !name.looseKey.isEmpty && ($0.name ?? $0.id).looseKey == name.looseKey }) {
            // A person's name, or a new name written again in another case or spacing.
            id = person.id
        } else {
            let ids = document.people.map(\.id) + document.attendees.map(\.id)
            if !name.contains(" "), let near = ObjectReader.nearest(to: name, among: ids) {
                log.warning(origin, "the host \"\(name)\" is no one's id, so it is taken as a new person's name; did you mean \"\(near)\"?")
            }
            id = personIDs.make(name, fallback: "host")
            document.people.append(InputDocument.Person(id: id, name: name))
        }
        hosts[name] = id
        return id
    }
}
