/// A session proposed on the day for an open space, as written on the board: the contract's
/// proposals file, one row (CSV) or object (JSON) each.
///
/// Made in code, or read from a board file by ``Unconference``, which turns them into
/// sessions that may only run inside the block.
public struct Proposal: Sendable, Equatable {
    /// What the proposal is called; never empty.
    package var title: String
    /// The session id to give it; nil: derived from the title, unique.
    package var id: String?
    /// Person ids, attendee ids or new names, each once.
    package var hosts: [String]
    /// Minutes; nil: the block's shortest slot.
    package var duration: Double?
    /// Attendee ids of the people who want it, each once.
    package var voters: [String]
    /// A whole number ≥ 0; nil: the number of voters.
    package var votes: Int?
    /// Where each field was read, for messages that name the file, row and column.
    package var origins: Origins

    /// Where a proposal's fields were read: a CSV cell or a JSON path per field.
    package struct Origins: Sendable, Equatable {
        /// The row or object as a whole.
        package var proposal: ImportOrigin
        package var title: ImportOrigin
        package var id: ImportOrigin
        /// One per host, in order.
        package var hosts: [ImportOrigin]
        package var duration: ImportOrigin
        /// One per voter, in order.
        package var voters: [ImportOrigin]
        package var votes: ImportOrigin

        /// Every field at the same place.
        init(_ place: ImportOrigin) {
            (proposal, title, id, duration, votes) = (place, place, place, place, place)
            (hosts, voters) = ([], [])
        }
    }

    /// A proposal made in code; problems with it are reported at `proposals[index]` of a file
    /// named `proposals`, the index being its place in the list given to ``Unconference``.
    public init(
        title: String, id: String? = nil, hosts: [String] = [], duration: Duration? = nil, voters: [String] = [], votes: Int? = nil
    ) {
        self.title = title
        self.id = id
        self.hosts = hosts
        self.duration = duration.map { $0 / .seconds(60) }
        self.voters = voters
        self.votes = votes
        origins = Origins(ImportOrigin(file: "proposals"))
    }

    /// The votes it counts: ``votes`` when given, else the number of voters.
    package var voteCount: Int { votes ?? voters.count }

    /// The origin of host `k` (or of the hosts' field when a proposal made in code has none).
    func hostOrigin(_ k: Int) -> ImportOrigin { k < origins.hosts.count ? origins.hosts[k] : origins.proposal }

    /// The origin of voter `k`.
    func voterOrigin(_ k: Int) -> ImportOrigin { k < origins.voters.count ? origins.voters[k] : origins.proposal }
}
