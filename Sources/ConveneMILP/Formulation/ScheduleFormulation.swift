import ConveneCore

/// The gathering as an ``IntegerProgram`` whose optimum equals the contract objective of the
/// agenda it decodes to. Variables exist only for placements the ``Domain`` allows.
///
/// - `y[s,i]` (binary): session `s` takes its `i`-th possible start.
/// - `n[s,i,c]` (integer): rooms of class `c` it then uses, when more than one class could serve;
///   with one class the count is `rooms · y[s,i]` and needs no column.
/// - `u[s]`: optional session `s` is unplaced. `moved[s]`: `s` no longer starts where the previous
///   agenda had it (or is unplaced); `roomMoved[s]`: it starts there in other rooms.
/// - `z[a,b]`: sessions `a` and `b` are concurrent, for pairs whose concurrency costs something
///   (shared attendees × clash weight, plus the track-overlap weight for a shared track).
/// - `w[G,k]`: a lower bound on the pairs of group `G` (one attendee's interests, or a track)
///   that start together in slot `k` (the group cuts of SOLVER-NOTES.md).
///
/// Rows are aggregated: one per room class and slot, per facilitator and slot, per slot for
/// exclusivity, per start time for `after`, per slot for each `notConcurrentWith` pair, and for
/// rules 11 and 12 per person and pair of close slots and site, and per person and day
/// (``PersonRuleRows``).
package struct ScheduleFormulation: Sendable {
    package struct Options: Sendable, Hashable {
        /// Count rooms per class of interchangeable rooms instead of choosing each room.
        package var roomClasses = true
        /// Add the group cuts that strengthen the bound on clashes and track overlaps.
        package var groupCuts = true
        /// Charge clashes and track overlaps through per-slot patterns (``SlotPatterns``) when
        /// there are at most `patternLimit` of them; otherwise through pair indicators.
        package var slotPatterns = true
        package var patternLimit = 100_000
        /// Without patterns: pair indicators while they need at most this many rows (one per
        /// pair and shared slot), star rows (one per session and start) beyond.
        package var pairRowLimit = 20_000
        /// How to charge concurrency, chosen by the caller (the exact solver measures the
        /// candidates); nil: patterns when they can be listed, else pairs or stars by `pairRowLimit`.
        /// Patterns that cannot be listed give groups.
        package var concurrency: Concurrency?
        /// Write rules 11 and 12. Without them (and without telling sites apart in the room
        /// classes) the program is a relaxation of the gathering's, smaller and quicker to
        /// bound: a valid lower bound, never a source of agendas.
        package var personRules = true
        package init(
            roomClasses: Bool = true, groupCuts: Bool = true, slotPatterns: Bool = true, patternLimit: Int = 100_000,
            pairRowLimit: Int = 20_000, concurrency: Concurrency? = nil
        ) {
            self.roomClasses = roomClasses
            self.groupCuts = groupCuts
            self.slotPatterns = slotPatterns
            self.patternLimit = patternLimit
            self.pairRowLimit = pairRowLimit
            self.concurrency = concurrency
        }
    }

    /// How the program charges clashes and track overlaps.
    package enum Concurrency: String, Sendable, CaseIterable {
        /// Per slot, one of the listed patterns of costly sessions (``SlotPatterns``).
        case patterns
        /// A pair indicator per costly pair, one row per pair and shared slot, and group cuts.
        case pairs
        /// Per group (an attendee's interests, a track) and slot, the tangents of C(N, 2) on the
        /// group's sessions running there (``ConcurrencyGroups``): exact, with no pair columns.
        case groups
        /// Per session, the cost of its concurrent partners, one big-M row per start: the fewest
        /// rows, the weakest bound; for gatherings too large for the others.
        case stars
    }

    package let domain: Domain
    package let program: IntegerProgram
    package let roomClasses: RoomClasses
    /// `startColumn[s][i]`: the column of `y[s,i]`.
    let startColumn: [[Int]]
    /// `classColumns[s][i]`: the classes that could serve that start, each with its `n` column
    /// (nil when it is the only class).
    let classColumns: [[[(roomClass: Int, column: Int?)]]]
    let unplacedColumn: [Int?]
    let movedColumn: [Int?]
    let roomMovedColumn: [Int?]
    /// Rules 11 and 12, with the `site` columns of multi-room starts.
    let personRules: PersonRuleRows?
    let pairColumns: [(pair: SessionPair, column: Int)]
    let groupColumns: [(sessions: [Int], slot: Int, column: Int)]
    /// Per slot, the items its patterns are made of and each pattern's column (empty without patterns).
    package let patternItems: [[SlotPatterns.Item]]
    let patternColumns: [[[SlotPatterns.Item]: Int]]
    /// `starColumns[s]`: the cost of `s`'s concurrency with later sessions, under `.stars`.
    let starColumns: [(session: Int, partners: [(other: Int, weight: Int)], column: Int)]
    /// The clashes with sessions that have several runs, each with its column (``Gathering/runClashes()``).
    let runClashColumns: [(clash: Gathering.RunClash, column: Int)]
    /// The groups and their charges, under `.groups`.
    let groups: ConcurrencyGroups?
    let groupCharges: [ConcurrencyGroups.Charge]
    package let concurrency: Concurrency
    let previous: PreviousAgenda?
    /// The number of slot patterns in the program (0 when it uses pair indicators).
    package var patternCount: Int { patternColumns.reduce(0) { $0 + $1.count } }

    package init(domain: Domain, options: Options = Options()) {
        var builder = Builder(domain: domain, options: options, shouldStop: { false })
        builder.build()
        self.init(builder)
    }

    /// The program, or nil when `shouldStop` turns true while it is built (listing patterns and
    /// writing star rows take seconds on large gatherings; a cancelled solve must not wait).
    package static func building(domain: Domain, options: Options = Options(), shouldStop: @escaping () -> Bool) -> Self? {
        var builder = Builder(domain: domain, options: options, shouldStop: shouldStop)
        builder.build()
        return builder.stopped ? nil : Self(builder)
    }

    private init(_ builder: Builder) {
        domain = builder.domain
        previous = builder.previous
        program = builder.program
        roomClasses = builder.classes
        startColumn = builder.startColumn
        classColumns = builder.classColumns
        unplacedColumn = builder.unplacedColumn
        movedColumn = builder.movedColumn
        roomMovedColumn = builder.roomMovedColumn
        personRules = builder.personRules
        pairColumns = builder.pairColumns
        groupColumns = builder.groupColumns
        patternItems = builder.patternItems
        patternColumns = builder.patternColumns
        starColumns = builder.starColumns
        runClashColumns = builder.runClashColumns
        groups = builder.groups
        groupCharges = builder.groupCharges
        concurrency = builder.concurrency
    }

    /// The columns for starts and room-class counts the program would have, counted without
    /// building it (they dominate its memory: a generated 1,600-session gathering with 33 room
    /// classes has two million).
    package static func placementColumns(domain: Domain, options: Options = Options()) -> Int {
        let classes = RoomClasses(domain: domain, merge: options.roomClasses, bySite: options.personRules)
        var columns = 0
        for starts in domain.starts {
            for start in starts {
                let present = Set(start.rooms.map { classes.classOf[$0] }).count
                columns += present > 1 ? 1 + present : 1
            }
        }
        return columns
    }

    /// The placements a solution of the program stands for, with concrete rooms.
    /// - Returns: nil when the solution's room counts cannot be given rooms (it breaks a row).
    package func decode(_ x: [Double]) -> [Assignment]? {
        guard x.count == program.variables.count else { return nil }
        var placements: [Assignment] = []
        var uses: [RoomClasses.Use] = []
        for (s, columns) in startColumn.enumerated() {
            guard let i = columns.indices.first(where: { x[columns[$0]] > 0.5 }) else { continue }
            let start = domain.starts[s][i]
            let rooms = domain.gathering.sessions[s].rooms
            for (roomClass, column) in classColumns[s][i] {
                let count = column.map { Int(x[$0].rounded()) } ?? rooms
                uses.append(.init(placement: placements.count, roomClass: roomClass, count: count))
            }
            placements.append(Assignment(session: s, start: start.slot, slots: start.slots, rooms: []))
        }
        guard let rooms = roomClasses.assign(placements, uses: uses) else { return nil }
        for k in placements.indices { placements[k].rooms = rooms[k] }
        return placements
    }

    /// The program with every session outside `free` held where `placements` has it (at its
    /// start, or unplaced): the sub-problem a fix-and-optimise round solves. Its rooms stay free
    /// within the start's rooms, since rooms are given after solving.
    package func fixing(_ placements: [Assignment], free: Set<Int>) -> IntegerProgram {
        var fixed = program
        var start = [Int?](repeating: nil, count: startColumn.count)
        for p in placements where start.indices.contains(p.session) { start[p.session] = p.start }
        for (s, columns) in startColumn.enumerated() where !free.contains(s) {
            for (i, column) in columns.enumerated() { fixed.fix(column, at: domain.starts[s][i].slot == start[s] ? 1 : 0) }
        }
        return fixed
    }

    /// The program's point for an agenda, for a warm start: every column at the value the agenda
    /// implies (concurrency and group counts at their least).
    /// - Returns: nil when a placement is not among the domain's starts and rooms.
    package func encode(_ placements: [Assignment]) -> [Double]? {
        var x = [Double](repeating: 0, count: program.variables.count)
        var placed = [Assignment?](repeating: nil, count: startColumn.count)
        for p in placements {
            guard placed.indices.contains(p.session), placed[p.session] == nil,
                let i = domain.starts[p.session].firstIndex(where: { $0.slot == p.start })
            else { return nil }
            let start = domain.starts[p.session][i]
            guard p.rooms.count == domain.gathering.sessions[p.session].rooms, p.rooms.allSatisfy(start.rooms.contains) else { return nil }
            placed[p.session] = p
            x[startColumn[p.session][i]] = 1
            for (roomClass, column) in classColumns[p.session][i] {
                if let column { x[column] = Double(p.rooms.filter { roomClasses.classOf[$0] == roomClass }.count) }
            }
        }
        for (s, column) in unplacedColumn.enumerated() {
            if let column { x[column] = placed[s] == nil ? 1 : 0 }
        }
        for s in placed.indices {
            let g = domain.gathering
            let before = previous?.entry(g.sessions[s])
            let startKept = placed[s].map { p in before.map { g.slots[p.start].id == $0.start } ?? false } ?? false
            let roomsKept = placed[s].map { p in before.map { Set(p.rooms.map { g.rooms[$0].id }) == $0.rooms } ?? false } ?? false
            if let column = movedColumn[s] { x[column] = startKept ? 0 : 1 }
            if let column = roomMovedColumn[s] { x[column] = startKept && !roomsKept ? 1 : 0 }
        }
        personRules?.encode(&x, placed: placed)
        for (pair, column) in pairColumns {
            if let a = placed[pair.first], let b = placed[pair.second], a.isConcurrent(with: b) { x[column] = 1 }
        }
        for (s, partners, column) in starColumns {
            guard let a = placed[s] else { continue }
            x[column] = Double(
                partners.reduce(0) { sum, p in sum + (placed[p.other].map { a.isConcurrent(with: $0) } == true ? p.weight : 0) })
        }
        for (k, items) in patternItems.enumerated() {
            let running = items.filter { item in
                placed[item.session].map { $0.slots.contains(k) && ($0.start == k) == item.starts } ?? false
            }
            guard !running.isEmpty else { continue }
            guard let column = patternColumns[k][running] else { return nil }
            x[column] = 1
        }
        if let groups { groups.encode(groupCharges, placed: placed, into: &x) }
        for (clash, column) in runClashColumns {
            guard let b = placed[clash.other] else { continue }
            if clash.runs.allSatisfy({ placed[$0].map { $0.isConcurrent(with: b) } ?? false }) { x[column] = 1 }
        }
        for (sessions, slot, column) in groupColumns {
            let together = sessions.filter { placed[$0]?.start == slot }.count
            var least = 0
            for j in 1...Builder.tangents { least = max(least, j * together - j * (j + 1) / 2) }
            x[column] = Double(least)
        }
        return x
    }
}

/// Builds the program; kept apart so that ``ScheduleFormulation`` holds only what decoding needs.
struct Builder {
    static let tangents = 5

    let domain: Domain
    let previous: PreviousAgenda?
    let options: ScheduleFormulation.Options
    let g: Gathering
    let classes: RoomClasses
    var program: IntegerProgram
    var startColumn: [[Int]] = []
    var classColumns: [[[(roomClass: Int, column: Int?)]]] = []
    var unplacedColumn: [Int?] = []
    var movedColumn: [Int?] = []
    var roomMovedColumn: [Int?] = []
    var personRules: PersonRuleRows?
    var pairColumns: [(pair: SessionPair, column: Int)] = []
    var groupColumns: [(sessions: [Int], slot: Int, column: Int)] = []
    var patternItems: [[SlotPatterns.Item]] = []
    var patternColumns: [[[SlotPatterns.Item]: Int]] = []
    var starColumns: [(session: Int, partners: [(other: Int, weight: Int)], column: Int)] = []
    var groups: ConcurrencyGroups?
    var groupCharges: [ConcurrencyGroups.Charge] = []
    var concurrency = ScheduleFormulation.Concurrency.pairs
    var runClashColumns: [(clash: Gathering.RunClash, column: Int)] = []
    /// `occupying[s][k]`: the `y` columns of `s`'s starts that occupy slot `k`.
    var occupying: [[[Int]]] = []

    /// Asked between sessions and every thousand patterns; once true, building stops.
    let shouldStop: () -> Bool
    private(set) var stopped = false

    init(domain: Domain, options: ScheduleFormulation.Options, shouldStop: @escaping () -> Bool) {
        let previous = domain.previous
        self.shouldStop = shouldStop
        self.domain = domain
        self.previous = previous
        self.options = options
        let g = domain.gathering
        self.g = g
        classes = RoomClasses(domain: domain, merge: options.roomClasses, bySite: options.personRules)
        program = IntegerProgram(name: g.name)
    }

    mutating func build() {
        let steps: [(inout Builder) -> Void] = [
            { $0.addPlacements() }, { $0.addRoomCapacity() }, { $0.addFacilitators() }, { $0.addExclusivity() }, { $0.addAfter() },
            { $0.addNotConcurrent() }, { $0.addPersonRules() }, { $0.addChanges() }, { $0.addPairs() }, { $0.addRuns() },
        ]
        for step in steps where !halted() { step(&self) }
        _ = halted()
    }

    /// Whether building should stop; remembers the answer once it is yes.
    private mutating func halted() -> Bool {
        if !stopped && shouldStop() { stopped = true }
        return stopped
    }

    /// A session's id, and for a run of a session with several `#` and the run.
    private func name(_ s: Int) -> String { g.sessions[s].runs > 1 ? "\(g.sessions[s].id)#\(g.sessions[s].run)" : g.sessions[s].id }

    /// `y`, `n`, `u`, preference costs, and "placed exactly (or at most) once".
    private mutating func addPlacements() {
        occupying = g.sessions.map { _ in [[Int]](repeating: [], count: g.slots.count) }
        for session in g.sessions {
            let s = session.index
            if s % 64 == 0, halted() { return }
            var columns: [Int] = []
            var classUse: [[(roomClass: Int, column: Int?)]] = []
            for start in domain.starts[s] {
                var cost = Double(g.weights.personPreference * g.outsidePreferredHours(session, start.slots).count)
                if !session.preferredSlotTags.isEmpty, !g.misses(session, start.slots).isEmpty {
                    cost += Double(g.weights.preference * session.preferenceWeight)
                }
                let y = program.addVariable("y(\(name(s)),\(g.slots[start.slot].id))", .binary, objective: cost)
                columns.append(y)
                for k in start.slots { occupying[s][k].append(y) }
                var present: [Int: Int] = [:]  // class → rooms of it usable here
                for r in start.rooms { present[classes.classOf[r], default: 0] += 1 }
                let usable = present.keys.sorted()
                if usable.count == 1 {
                    classUse.append([(usable[0], nil)])
                    continue
                }
                var uses: [(roomClass: Int, column: Int?)] = []
                var link = [IntegerProgram.Term(y, -Double(session.rooms))]
                for c in usable {
                    let bound = min(session.rooms, present[c] ?? 0)
                    let n = program.addVariable(
                        "n(\(name(s)),\(g.slots[start.slot].id),\(c))", bound == 1 ? .binary : .integer,
                        lower: 0, upper: Double(bound))
                    uses.append((c, n))
                    link.append(.init(n, 1))
                    if let pin = session.pinRoom, classes.classes[c] == [pin] {
                        program.addConstraint("pin(\(name(s)),\(g.slots[start.slot].id))", [.init(n, 1), .init(y, -1)], .equal, 0)
                    }
                }
                program.addConstraint("rooms(\(name(s)),\(g.slots[start.slot].id))", link, .equal, 0)
                classUse.append(uses)
            }
            startColumn.append(columns)
            classColumns.append(classUse)
            var once = columns.map { IntegerProgram.Term($0, 1) }
            if !domain.mustPlace(s) {
                let u = program.addVariable(
                    "unplaced(\(name(s)))", .continuous, lower: 0, upper: 1,
                    objective: Double(g.weights.unscheduled * session.priority))
                unplacedColumn.append(u)
                once.append(.init(u, 1))
            } else {
                unplacedColumn.append(nil)
            }
            program.addConstraint("once(\(name(s)))", once, .equal, 1)
        }
    }

    /// Hard rule 4: per class and slot, no more rooms in use than the class has.
    private mutating func addRoomCapacity() {
        var load = [[IntegerProgram.Term]](repeating: [], count: classes.classes.count * g.slots.count)
        var most = [Int](repeating: 0, count: load.count)
        for s in g.sessions.indices {
            for (i, start) in domain.starts[s].enumerated() {
                for (c, column) in classColumns[s][i] {
                    let term = column.map { IntegerProgram.Term($0, 1) } ?? .init(startColumn[s][i], Double(g.sessions[s].rooms))
                    let most1 = column.map { Int(program.variables[$0].upper) } ?? g.sessions[s].rooms
                    for k in start.slots {
                        load[c * g.slots.count + k].append(term)
                        most[c * g.slots.count + k] += most1
                    }
                }
            }
        }
        for c in classes.classes.indices {
            for k in g.slots.indices where most[c * g.slots.count + k] > classes.classes[c].count {
                program.addConstraint(
                    "roomclass(\(c),\(g.slots[k].id))", load[c * g.slots.count + k], .lessOrEqual,
                    Double(classes.classes[c].count))
            }
        }
    }

    /// Hard rule 5: a facilitator in at most one session per slot.
    private mutating func addFacilitators() {
        for (p, sessions) in g.facilitated.enumerated() where sessions.count > 1 && domain.isOneAtATime(p) {
            for k in g.slots.indices {
                let here = sessions.filter { !occupying[$0][k].isEmpty }
                guard here.count > 1 else { continue }
                program.addConstraint(
                    "person(\(g.people[p].id),\(g.slots[k].id))",
                    here.flatMap { occupying[$0][k].map { IntegerProgram.Term($0, 1) } }, .lessOrEqual, 1)
            }
        }
    }

    /// Hard rule 6, per slot: at most one exclusive session, and none beside any other session
    /// (`other + Σ exclusive ≤ 1` for each other session: a clique row, far tighter in the LP
    /// relaxation than one big-M row per slot).
    private mutating func addExclusivity() {
        for k in g.slots.indices {
            let here = g.sessions.filter { !occupying[$0.index][k].isEmpty }
            let exclusive = here.filter(\.exclusive)
            guard !exclusive.isEmpty, here.count > 1 else { continue }
            let alone: [IntegerProgram.Term] = exclusive.flatMap { occupying[$0.index][k].map { .init($0, 1) } }
            let others = here.filter { !$0.exclusive }
            if others.isEmpty {
                program.addConstraint("exclusive(\(g.slots[k].id))", alone, .lessOrEqual, 1)
            }
            for session in others {
                program.addConstraint(
                    "exclusive(\(g.slots[k].id),\(session.id))",
                    alone + occupying[session.index][k].map { .init($0, 1) }, .lessOrEqual, 1)
            }
        }
    }

    /// Hard rule 7, per start τ of the later session: starting at τ or earlier (the starts are in
    /// time order) excludes each start of the earlier session that τ does not start after, by the
    /// domain's ``Domain/startsAfter(_:_:)``: if τ does not, no earlier start does.
    private mutating func addAfter() {
        for session in g.sessions {
            let s = session.index
            for b in session.after {
                for (last, tau) in domain.starts[s].enumerated() {
                    let late = domain.starts[b].indices.filter { !domain.startsAfter(tau.slot, domain.starts[b][$0].slots) }
                    guard !late.isEmpty else { continue }
                    program.addConstraint(
                        "after(\(name(s)),\(name(b)),\(g.slots[tau.slot].startSecond))",
                        (0...last).map { .init(startColumn[s][$0], 1) } + late.map { .init(startColumn[b][$0], 1) },
                        .lessOrEqual, 1)
                }
            }
        }
    }

    /// Hard rule 8, per pair (the relation is symmetric: each pair once) and shared slot.
    private mutating func addNotConcurrent() {
        let pairs = g.sessions.flatMap { session in
            session.notConcurrentWith.filter { $0 > session.index }.map { SessionPair(session.index, $0) }
        }
        for pair in pairs {
            for k in g.slots.indices where !occupying[pair.first][k].isEmpty && !occupying[pair.second][k].isEmpty {
                program.addConstraint(
                    "apart(\(name(pair.first)),\(name(pair.second)),\(g.slots[k].id))",
                    (occupying[pair.first][k] + occupying[pair.second][k]).map { .init($0, 1) }, .lessOrEqual, 1)
            }
        }
    }

    /// Rules 11 and 12 (``PersonRuleRows``).
    private mutating func addPersonRules() {
        guard options.personRules, domain.hasPersonRules else { return }
        var rows = PersonRuleRows(domain: domain, classes: classes, startColumn: startColumn, classColumns: classColumns)
        rows.add(to: &program)
        personRules = rows
    }

    /// The change costs: `moved[s]` (charged `change`) ≥ 1 − y at the previous start;
    /// `roomMoved[s]` (charged `roomChange`) ≥ y at the previous start − n for each previous room,
    /// or ≥ that y alone when the previous rooms cannot all be had there.
    private mutating func addChanges() {
        movedColumn = [Int?](repeating: nil, count: g.sessions.count)
        roomMovedColumn = [Int?](repeating: nil, count: g.sessions.count)
        let (change, roomChange) = (g.weights.change, g.weights.roomChangeWeight)
        guard let previous, change > 0 || roomChange > 0 else { return }
        for session in g.sessions {
            guard let before = previous.entry(session) else { continue }
            let s = session.index
            let i = g.slotIndex[before.start].flatMap { t in domain.starts[s].firstIndex { $0.slot == t } }
            if change > 0 {
                let moved = program.addVariable(
                    "moved(\(name(s)))", .continuous, lower: i == nil ? 1 : 0, upper: 1, objective: Double(change))
                movedColumn[s] = moved
                if let i { program.addConstraint("keep(\(name(s)))", [.init(moved, 1), .init(startColumn[s][i], 1)], .greaterOrEqual, 1) }
            }
            guard roomChange > 0, let i else { continue }
            let y = startColumn[s][i]
            let rooms = before.rooms.compactMap { g.roomIndex[$0] }
            let keepable =
                rooms.count == before.rooms.count && rooms.count == session.rooms && rooms.allSatisfy(domain.starts[s][i].rooms.contains)
            let roomMoved = program.addVariable("roomMoved(\(name(s)))", .continuous, lower: 0, upper: 1, objective: Double(roomChange))
            roomMovedColumn[s] = roomMoved
            guard keepable else {
                program.addConstraint("keep-rooms(\(name(s)))", [.init(roomMoved, 1), .init(y, -1)], .greaterOrEqual, 0)
                continue
            }
            for r in rooms {
                // Rooms a previous agenda names are classes of their own; a start with one class uses it whenever taken.
                guard let column = classColumns[s][i].first(where: { $0.roomClass == classes.classOf[r] })?.column else { continue }
                program.addConstraint(
                    "keep(\(name(s)),\(g.rooms[r].id))", [.init(roomMoved, 1), .init(y, -1), .init(column, 1)], .greaterOrEqual, 0)
            }
        }
    }

    /// Clash and track-overlap costs through pair concurrency, then the group cuts.
    private mutating func addPairs() {
        let weight = g.concurrencyWeights()
        patternItems = g.slots.map { _ in [] }
        patternColumns = g.slots.map { _ in [:] }
        let forced = options.concurrency
        if options.slotPatterns, forced == nil || forced == .patterns,
            let patterns = SlotPatterns(domain: domain, weight: weight, limit: options.patternLimit, shouldStop: shouldStop)
        {
            addPatterns(patterns)
            concurrency = .patterns
            return
        }
        // Asked for groups, or for patterns that cannot be listed: groups are exact and compact.
        if forced == .groups || forced == .patterns {
            let groups = ConcurrencyGroups(g)
            groupCharges = groups.add(to: &program, domain: domain, startColumn: startColumn, shouldStop: shouldStop)
            self.groups = groups
            concurrency = .groups
            return
        }
        let costly = weight.filter { $0.value > 0 && domain.mayRunTogether($0.key.first, $0.key.second) }.sorted { $0.key < $1.key }
        // The slots each costly pair could share: one pair row each.
        let sharing = costly.map { pair, w in
            (
                pair: pair, weight: w,
                shared: g.slots.indices.filter { !occupying[pair.first][$0].isEmpty && !occupying[pair.second][$0].isEmpty }
            )
        }
        if forced == .stars || forced == nil && sharing.reduce(0, { $0 + $1.shared.count }) > options.pairRowLimit {
            addStars(costly)
            concurrency = .stars
            return
        }
        let tracks = g.tracks
        var columnOf: [SessionPair: Int] = [:]
        for (pair, w, shared) in sharing where !shared.isEmpty {
            let z = program.addVariable(
                "z(\(name(pair.first)),\(name(pair.second)))", .continuous, lower: 0, upper: 1, objective: Double(w))
            columnOf[pair] = z
            pairColumns.append((pair, z))
            for k in shared {
                program.addConstraint(
                    "concurrent(\(name(pair.first)),\(name(pair.second)),\(g.slots[k].id))",
                    [.init(z, 1)] + (occupying[pair.first][k] + occupying[pair.second][k]).map { .init($0, -1) },
                    .greaterOrEqual, -1)
            }
        }
        guard options.groupCuts else { return }
        var groups = Set<[Int]>()
        if g.weights.clash > 0 {
            for attendee in g.attendees {
                let wanted = g.pairwiseInterests(attendee)
                if wanted.count > 2 { groups.insert(wanted.sorted()) }
            }
        }
        if g.weights.trackOverlap > 0 { for members in tracks.values where members.count > 2 { groups.insert(members) } }
        for (n, group) in groups.sorted(by: { $0.lexicographicallyPrecedes($1) }).enumerated() {
            var pairs: [IntegerProgram.Term] = []
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] { if let z = columnOf[SessionPair(a, b)] { pairs.append(.init(z, 1)) } }
            }
            var bounds: [IntegerProgram.Term] = []
            for k in g.slots.indices {
                let starting = group.flatMap { s in
                    domain.starts[s].indices.filter { domain.starts[s][$0].slot == k }.map { startColumn[s][$0] }
                }
                let sessions = group.filter { s in domain.starts[s].contains { $0.slot == k } }
                guard sessions.count > 1 else { continue }
                let w = program.addVariable("w(\(n),\(g.slots[k].id))", .continuous, lower: 0, upper: .infinity)
                groupColumns.append((group, k, w))
                bounds.append(.init(w, -1))
                for j in 1...min(Builder.tangents, sessions.count - 1) {
                    // w ≥ j·S − j(j+1)/2, the tangents of C(S, 2) at S = j and j + 1.
                    program.addConstraint(
                        "tangent(\(n),\(g.slots[k].id),\(j))",
                        [.init(w, 1)] + starting.map { .init($0, -Double(j)) }, .greaterOrEqual, -Double(j * (j + 1) / 2))
                }
            }
            if !bounds.isEmpty { program.addConstraint("group(\(n))", pairs + bounds, .greaterOrEqual, 0) }
            // Sessions that may stay unplaced or run alone cannot be counted on to share a slot.
            let certain = group.filter { !g.sessions[$0].exclusive && domain.mustPlace($0) }
            let least = pigeonhole(certain)
            if least > 0 {
                var certainPairs: [IntegerProgram.Term] = []
                for (i, a) in certain.enumerated() {
                    for b in certain[(i + 1)...] { if let z = columnOf[SessionPair(a, b)] { certainPairs.append(.init(z, 1)) } }
                }
                program.addConstraint("pigeonhole(\(n))", certainPairs, .greaterOrEqual, Double(least))
            }
        }
    }

    /// `c[a] ≥ Σ w(a,b)·[b overlaps the start] − M·(1 − y[a,start])` for each start of `a`, over
    /// the partners `b` after `a`: at whole numbers `c[a]` is the cost of `a`'s concurrent pairs
    /// with later sessions (a partner's starts overlapping a chain sum to at most 1), so each
    /// pair is charged once, multi-slot sessions included.
    private mutating func addStars(_ costly: [(key: SessionPair, value: Int)]) {
        var partners = [[(other: Int, weight: Int)]](repeating: [], count: g.sessions.count)
        for (pair, w) in costly { partners[pair.first].append((pair.second, w)) }
        for a in g.sessions.indices where !partners[a].isEmpty {
            if a % 16 == 0, halted() { return }
            let c = program.addVariable("c(\(name(a)))", .continuous, lower: 0, upper: .infinity, objective: 1)
            starColumns.append((a, partners[a], c))
            for (i, start) in domain.starts[a].enumerated() {
                var terms = [IntegerProgram.Term(c, 1)]
                var most = 0
                for (b, w) in partners[a] {
                    let overlapping = domain.starts[b].indices.filter { domain.starts[b][$0].slots.overlaps(start.slots) }
                    guard !overlapping.isEmpty else { continue }
                    most += w
                    terms += overlapping.map { .init(startColumn[b][$0], -Double(w)) }
                }
                guard most > 0 else { continue }
                terms.append(.init(startColumn[a][i], -Double(most)))
                program.addConstraint("star(\(name(a)),\(g.slots[start.slot].id))", terms, .greaterOrEqual, -Double(most))
            }
        }
    }

    /// Per slot: at most one pattern (none beside an exclusive session), and each item runs
    /// exactly when its pattern says so.
    private mutating func addPatterns(_ patterns: SlotPatterns) {
        for k in g.slots.indices where !patterns.patterns[k].isEmpty {
            var runs: [SlotPatterns.Item: [IntegerProgram.Term]] = [:]
            var one: [IntegerProgram.Term] = []
            for (n, pattern) in patterns.patterns[k].enumerated() {
                let p = program.addVariable("p(\(g.slots[k].id),\(n))", .continuous, lower: 0, upper: 1, objective: Double(pattern.cost))
                patternColumns[k][pattern.items] = p
                one.append(.init(p, 1))
                for item in pattern.items { runs[item, default: []].append(.init(p, 1)) }
            }
            // An exclusive session running in the slot leaves no room for any pattern.
            let alone = g.sessions.filter(\.exclusive).flatMap { occupying[$0.index][k].map { IntegerProgram.Term($0, 1) } }
            program.addConstraint("pattern(\(g.slots[k].id))", one + alone, .lessOrEqual, 1)
            for item in patterns.items[k] {
                let s = item.session
                let starts = domain.starts[s].indices.filter { i in
                    domain.starts[s][i].slots.contains(k) && (domain.starts[s][i].slot == k) == item.starts
                }
                program.addConstraint(
                    "runs(\(name(s)),\(g.slots[k].id),\(item.starts ? "starts" : "continues"))",
                    (runs[item] ?? []) + starts.map { .init(startColumn[s][$0], -1) }, .equal, 0)
            }
            patternItems[k] = patterns.items[k]
        }
    }

    /// The fewest pairs of `group` that must start in the same slot wherever its sessions go:
    /// m sessions with at most K usable start slots share slots in at least
    /// (K − r)·C(q, 2) + r·C(q + 1, 2) pairs, q = m ÷ K, r = m mod K. K counts the slots where
    /// some session of the group can start, less one for each non-optional exclusive session that
    /// must occupy one of them (exclusive sessions never share a slot). Unlike the per-slot
    /// tangents, this holds however the relaxation spreads the starts.
    private func pigeonhole(_ group: [Int]) -> Int {
        let usable = Set(group.flatMap { s in domain.starts[s].map(\.slot) })
        let blocking = g.sessions.filter { e in
            e.exclusive && domain.mustPlace(e.index) && !domain.starts[e.index].isEmpty
                && domain.starts[e.index].allSatisfy { start in start.slots.contains(where: usable.contains) }
        }.count
        let k = usable.count - blocking
        guard k > 0, group.count > k else { return 0 }
        let (q, r) = (group.count / k, group.count % k)
        return (k - r) * q * (q - 1) / 2 + r * (q + 1) * q / 2
    }
}
