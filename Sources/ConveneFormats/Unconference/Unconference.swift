import ConveneCore
import Foundation

/// The live unconference: proposals written on the day fill the slots and rooms that a block
/// session (an open space) holds in the current agenda, and everything else stays where it is.
///
/// Making one builds the new input document, which stands on its own for `check`, `render` and
/// later replans:
/// - the block session leaves it (and every `after`, `notConcurrentWith` and interest naming it);
/// - the block's occupied slots and its rooms get a tag of their own (`unconference-BLOCK`), and
///   each proposal becomes an optional one-room session that requires that tag of its slots and
///   rooms, so it can only run inside the block. It is facilitated by its hosts, wanted by its voters, expects
///   max(votes, voters) people, and has priority 1 + votes;
/// - a host is a person's id, an attendee's id (the attendee becomes a new person, linked to them
///   by `attendees[].person`, so that their own votes clash with the session they host), a
///   person's name, or a new name (a new person).
///
/// ``solve(using:options:)`` then solves it with the current agenda as the previous one and every
/// other session it places held at its place (``SolveOptions/keep``), so only the proposals move.
///
/// ```swift
/// let board = ImportFile(name: "board.csv", data: data)
/// let unconference = try Unconference(gathering: g, current: agenda, block: "open-space", board: board)
/// let result = try await unconference.solve(using: SearchSolver())
/// print(unconference.diff(result.agenda).text(unconference.gathering))
/// ```
public struct Unconference: Sendable {
    /// The new input document: the block replaced by the proposals.
    package let document: InputDocument
    /// The new input document, validated: its ``Gathering/json`` is what `--output-input` writes.
    public let gathering: Gathering
    /// The agenda being filled in, which becomes the previous agenda: the one given, its
    /// placements' slots and times derived from the input (so that the diff can say when the
    /// block was) and its costs recomputed without a previous agenda.
    package let current: Agenda
    /// The block session's id.
    package let block: String
    /// Ids of the slots the block occupies in ``current``, in time order.
    package let blockSlots: [String]
    /// Ids of the rooms the block uses in ``current``.
    package let blockRooms: [String]
    /// The tag given to the block's slots and rooms and required by every proposal.
    package let tag: String
    /// The proposals' session ids, in the order of the proposals.
    package let proposalSessions: [String]
    /// Ids of the sessions held where ``current`` places them: all but the block.
    package let kept: Set<String>
    /// What was assumed (a host taken as a new person whose name looks like a mistyped id).
    public let warnings: [Diagnostic]

    /// Fills `block`'s place in `current` with `proposals`.
    ///
    /// - Parameters:
    ///   - gathering: the input `current` was made for.
    ///   - current: the agenda to fill in; it must break no rule of `gathering`.
    ///   - block: the id of the block session (the open space) whose slots and rooms the proposals fill.
    ///   - proposals: the proposals, made in code (a board file is read by
    ///     ``init(gathering:current:block:board:inputName:agendaName:)``).
    ///   - inputName: how the input is named in messages.
    ///   - agendaName: how the agenda is named in messages.
    /// - Throws: ``DiagnosticError`` with every problem, each at its file and place: a block that is not
    ///   a session or that `current` does not place, an agenda that breaks a rule, a voter who is
    ///   not an attendee (with a did-you-mean), a proposal longer than the block, an id given twice
    ///   or already a session's, an empty title, votes below 0.
    public init(
        gathering: Gathering, current: Agenda, block: String, proposals: [Proposal], inputName: String = "input",
        agendaName: String = "agenda"
    ) throws(DiagnosticError) {
        try self.init(
            gathering: gathering, current: current, block: block, proposals: proposals, names: (inputName, agendaName), log: ImportLog())
    }

    /// Fills `block`'s place in `current` with the proposals of a board file, reporting the file's
    /// problems and the proposals' together.
    ///
    /// The file is CSV (RFC 4180, a header row, columns in any order) or JSON (an array of
    /// objects), told apart by the first character that is not white space (`[` or `{` is JSON).
    /// The columns or keys are `title` (required), `id`, `hosts` and `voters` (`;`-separated in a
    /// cell; a list of strings or one such string in JSON), `duration` (minutes) and `votes` (a
    /// whole number ≥ 0). An unknown column or key, or a file read as Latin-1, is a warning
    /// (``warnings``).
    ///
    /// - Parameters:
    ///   - gathering: the input `current` was made for.
    ///   - current: the agenda to fill in; it must break no rule of `gathering`.
    ///   - block: the id of the block session (the open space) whose slots and rooms the proposals fill.
    ///   - board: the proposals file, named as messages should name it.
    ///   - inputName: how the input is named in messages.
    ///   - agendaName: how the agenda is named in messages.
    /// - Throws: ``DiagnosticError`` with every problem of the file and of the proposals at once,
    ///   each at its file and place (CSV row and column, or JSON path).
    public init(
        gathering: Gathering, current: Agenda, block: String, board: ImportFile, inputName: String = "input", agendaName: String = "agenda"
    ) throws(DiagnosticError) {
        let log = ImportLog()
        let proposals = Proposal.read(board, log: log)
        try self.init(gathering: gathering, current: current, block: block, proposals: proposals, names: (inputName, agendaName), log: log)
    }

    private init(
        gathering g: Gathering, current: Agenda, block: String, proposals: [Proposal], names: (input: String, agenda: String),
        log: ImportLog
    ) throws(DiagnosticError) {
        let (inputName, agendaName) = names
        guard let (place, current) = Self.place(of: block, in: g, current: current, inputName: inputName, agendaName: agendaName, log: log)
        else { throw DiagnosticError(log.problems) }
        var draft = UnconferenceDraft(g, block: block, place: place)
        draft.add(proposals, log: log)
        guard !log.hasErrors else { throw DiagnosticError(log.problems) }
        let gathering: Gathering
        do {
            gathering = try Gathering(document: draft.document)
        } catch {
            for p in error.errors {
                log.error(ImportOrigin(file: inputName, place: .json(p.path)), "the new input is not valid: \(p.message)")
            }
            throw DiagnosticError(log.problems)
        }
        document = draft.document
        self.gathering = gathering
        self.current = current
        self.block = block
        blockSlots = place.slots.map { g.slots[$0].id }
        blockRooms = place.rooms.map { g.rooms[$0].id }
        tag = draft.tag
        proposalSessions = draft.sessionIDs
        kept = Set(current.placements.map(\.session).filter { $0 != block && gathering.sessionIndex[$0] != nil })
        warnings = log.problems
    }

    /// `options` with ``current`` as the previous agenda and ``kept`` held in place; its time
    /// limit, seed and frozen time are kept.
    package func options(_ options: SolveOptions = SolveOptions()) -> SolveOptions {
        var options = options
        options.previous = current
        options.keep = kept
        return options
    }

    /// Places the proposals through the front door (``Gathering/solve(using:options:)``) on the new
    /// gathering, with the current agenda as the previous one and the other sessions kept: the
    /// agenda's `stats.diff` says what changed against the current agenda.
    ///
    /// - Throws: ``SolveError/unsupportedOption(_:solver:reason:)`` when `options` gives
    ///   ``SolveOptions/previous`` or ``SolveOptions/keep``, which the unconference sets itself;
    ///   whatever the solve throws.
    public func solve(using solver: some AgendaSolver, options: SolveOptions = SolveOptions()) async throws -> SolveResult {
        if options.previous != nil {
            throw SolveError.unsupportedOption(
                "previous", solver: "the unconference", reason: "the current agenda is the previous one; leave previous out")
        }
        if !options.keep.isEmpty {
            throw SolveError.unsupportedOption(
                "keep", solver: "the unconference", reason: "it holds every session outside the block itself; leave keep out")
        }
        return try await gathering.solve(using: solver, options: self.options(options))
    }

    /// What changed from the current agenda to `agenda`, an agenda of the new gathering: the block
    /// cancelled, the proposals added, and whom to tell.
    public func diff(_ agenda: Agenda) -> AgendaDiff {
        AgendaDiff(previous: current, new: agenda, gathering: gathering)
    }

    /// The block's occupied slots and rooms in `current`, which must break no rule, and `current`
    /// with its derived fields; nil after logging why not.
    private static func place(
        of block: String, in g: Gathering, current: Agenda, inputName: String, agendaName: String, log: ImportLog
    ) -> (Assignment, Agenda)? {
        guard let s = g.sessionIndex[block] else {
            var message = "no session has the id \"\(block)\" given to --block"
            if let near = ObjectReader.nearest(to: block, among: g.sessions.map(\.id)) { message += "; did you mean \"\(near)\"?" }
            log.error(ImportOrigin(file: inputName, place: .json(.root / "sessions")), message)
            return nil
        }
        // Its objective counted the changes from an agenda before it, which this check does not know.
        var plain = current
        plain.objective = nil
        let domain = Domain(g)
        let report = AgendaChecker(domain: domain).check(plain)
        guard let placed = report.assignments.first(where: { $0.session == s }) else {
            let k = current.placements.firstIndex { $0.session == block }
            log.error(
                ImportOrigin(file: agendaName, place: .json(k.map { .root / "placements" / $0 } ?? .root / "placements")),
                "the agenda does not place \(g.sessions[s].label), so it holds no slots and rooms to fill; --block names a session "
                    + "the agenda places")
            return nil
        }
        for violation in report.violations {
            log.error(
                ImportOrigin(file: agendaName),
                "\(violation) The unconference keeps this agenda as it is outside the block, so it must break no rule.")
        }
        guard report.isValid else { return nil }
        return (placed, Agenda(status: current.status, solver: nil, bound: nil, assignments: report.assignments, domain: domain))
    }
}
