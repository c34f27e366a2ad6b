import ConveneCore

/// Rules 11 (travel between sites) and 12 (daily load) as rows of the schedule's program,
/// aggregated over each person's sessions.
///
/// Rule 11, per person, pair of slots `(e, t)` too close for travel (`t` starts less than the
/// travel time after `e` ends) and site `x`: with `H` the person's sessions ending at `e` that use
/// a room at `x`, `Y` all those ending at `e`, and `G`, `Z` the same for sessions starting at `t`,
///
///     H(e, x) + Z(t) − G(t, x) ≤ 1   and   G(t, x) + Y(e) − H(e, x) ≤ 1.
///
/// When one session ends at `e` and another starts at `t`, the first says that every site of the
/// earlier is a site of the later, the second the converse: their sets of sites are equal, which is
/// rule 11 exactly. One family is enough where one side only ever uses one site (every
/// single-room start does, and a multi-room start whose rooms share a site): a non-empty set
/// inside a one-site set is that set. So the second family is written where a later
/// start could span sites, and the first unless only later ones could. Rule 5 makes `Y` and `Z` at
/// most 1, which the aggregation needs; for a person whose one-at-a-time rule `explain` has
/// lifted, the rows are written per pair of sessions instead.
/// Room classes are split by site when travel matters, so a single-room start uses site `x`
/// exactly when it uses a class at `x`; a multi-room start whose rooms span several sites gets a
/// binary `site[s,i,x]` per site, tied to its class counts.
///
/// Rule 12, per person and day: the starts of their sessions on that day sum to at most `maxPerDay`.
struct PersonRuleRows {
    /// The `site[s,i,x]` columns: session, start index, site, column.
    private(set) var siteColumns: [(session: Int, start: Int, site: Int, column: Int)] = []

    private let domain: Domain
    private let startColumn: [[Int]]
    private let classColumns: [[[(roomClass: Int, column: Int?)]]]
    private let classes: RoomClasses
    /// Per session and start (flattened by ``offset``): site → its `site` column.
    private var siteColumn: [[Int: Int]]
    private let offset: [Int]

    init(domain: Domain, classes: RoomClasses, startColumn: [[Int]], classColumns: [[[(roomClass: Int, column: Int?)]]]) {
        self.domain = domain
        self.classes = classes
        self.startColumn = startColumn
        self.classColumns = classColumns
        var offset: [Int] = []
        var total = 0
        for columns in startColumn {
            offset.append(total)
            total += columns.count
        }
        self.offset = offset
        siteColumn = Array(repeating: [:], count: total)
    }

    /// Adds both rules' rows to `program`.
    mutating func add(to program: inout IntegerProgram) {
        let g = domain.gathering
        for person in g.people where g.facilitated[person.index].count > 1 {
            let sessions = g.facilitated[person.index]
            if domain.travels(person.index) {
                if domain.isOneAtATime(person.index) {
                    addTravel(person, sessions, sessions, to: &program)
                } else {
                    for a in sessions { for b in sessions where b != a { addTravel(person, [a], [b], to: &program) } }
                }
            }
            if let most = domain.dailyLimit(person.index) { addDailyLoad(person, sessions, most, to: &program) }
        }
    }

    /// The travel rows of `person` between the earlier sessions `first` and the later `second`.
    private mutating func addTravel(_ person: Person, _ first: [Int], _ second: [Int], to program: inout IntegerProgram) {
        let slots = domain.gathering.slots
        var ending = [[(Int, Int)]](repeating: [], count: slots.count)  // slot → (session, start index)
        var starting = [[(Int, Int)]](repeating: [], count: slots.count)
        for s in first { for (i, start) in domain.starts[s].enumerated() { ending[start.slots.upperBound - 1].append((s, i)) } }
        for s in second { for (i, start) in domain.starts[s].enumerated() { starting[start.slot].append((s, i)) } }
        func spansSites(_ s: Int, _ i: Int) -> Bool {
            domain.gathering.sessions[s].rooms > 1 && domain.sites(domain.starts[s][i].rooms).count > 1
        }
        for e in slots.indices where !ending[e].isEmpty {
            for t in (e + 1)..<slots.count {
                guard domain.tooClose(e..<e + 1, t..<t + 1) else { break }
                guard !starting[t].isEmpty else { continue }
                var sites = Set<Int>()
                for (s, i) in ending[e] + starting[t] { sites.formUnion(domain.sites(domain.starts[s][i].rooms)) }
                guard sites.count > 1 else { continue }
                // One family makes the sets of sites equal when the other side always has one site:
                // a subset of a one-site set is that set.
                let earlierSpans = ending[e].contains(where: spansSites)
                let laterSpans = starting[t].contains(where: spansSites)
                var families: [(ends: [(Int, Int)], begins: [(Int, Int)], name: String)] = []
                if !laterSpans || earlierSpans { families.append((ending[e], starting[t], "travel-earlier")) }
                if laterSpans { families.append((starting[t], ending[e], "travel-later")) }
                let pair = "\(person.id),\(slots[e].id),\(slots[t].id)"
                for x in sites.sorted() {
                    let site = "\(pair),\(x)"
                    for (ends, begins, name) in families {
                        let uses = ends.flatMap { use($0.0, $0.1, x, &program) }
                        let avoids = begins.flatMap { avoid($0.0, $0.1, x, &program) }
                        guard !uses.isEmpty, !avoids.isEmpty else { continue }
                        program.addConstraint("\(name)(\(site))", uses + avoids, .lessOrEqual, 1)
                    }
                }
            }
        }
    }

    /// Rule 12's rows for `person`: one per day on which more of their sessions could start than allowed.
    private func addDailyLoad(_ person: Person, _ sessions: [Int], _ most: Int, to program: inout IntegerProgram) {
        var byDay: [Int: (sessions: Set<Int>, terms: [IntegerProgram.Term])] = [:]
        for s in sessions {
            for (i, start) in domain.starts[s].enumerated() {
                let day = domain.dayOf[start.slot]
                byDay[day, default: ([], [])].sessions.insert(s)
                byDay[day, default: ([], [])].terms.append(.init(startColumn[s][i], 1))
            }
        }
        for (day, found) in byDay.sorted(by: { $0.key < $1.key }) where found.sessions.count > most {
            program.addConstraint("daily(\(person.id),\(day))", found.terms, .lessOrEqual, Double(most))
        }
    }

    /// Terms equal to 1 when session `s` takes start `i` with a room at site `x`, else 0.
    private mutating func use(_ s: Int, _ i: Int, _ x: Int, _ program: inout IntegerProgram) -> [IntegerProgram.Term] {
        let start = domain.starts[s][i]
        let sites = domain.sites(start.rooms)
        if sites == [x] { return [.init(startColumn[s][i], 1)] }
        if !sites.contains(x) { return [] }
        if domain.gathering.sessions[s].rooms == 1 { return classTerms(s, i) { $0 == x } }
        return [.init(siteIndicator(s, i, x, &program), 1)]
    }

    /// Terms equal to 1 when session `s` takes start `i` with no room at site `x`, else 0.
    private mutating func avoid(_ s: Int, _ i: Int, _ x: Int, _ program: inout IntegerProgram) -> [IntegerProgram.Term] {
        let start = domain.starts[s][i]
        let sites = domain.sites(start.rooms)
        if sites == [x] { return [] }
        if !sites.contains(x) { return [.init(startColumn[s][i], 1)] }
        if domain.gathering.sessions[s].rooms == 1 { return classTerms(s, i) { $0 != x } }
        return [.init(startColumn[s][i], 1), .init(siteIndicator(s, i, x, &program), -1)]
    }

    /// The class-count columns of start `i` of `s` whose class is at a site `where` accepts.
    private func classTerms(_ s: Int, _ i: Int, where accepts: (Int) -> Bool) -> [IntegerProgram.Term] {
        classColumns[s][i].compactMap { use in
            guard let column = use.column, accepts(domain.siteOf[classes.classes[use.roomClass][0]]) else { return nil }
            return .init(column, 1)
        }
    }

    /// `site[s,i,x]`, binary, made on first use: 1 exactly when the start uses a room at `x`
    /// (`site ≤ Σ n` and `rooms · site ≥ Σ n` over the classes at `x`).
    private mutating func siteIndicator(_ s: Int, _ i: Int, _ x: Int, _ program: inout IntegerProgram) -> Int {
        let flat = offset[s] + i
        if let known = siteColumn[flat][x] { return known }
        let g = domain.gathering
        let name = "\(g.sessions[s].id),\(g.slots[domain.starts[s][i].slot].id),\(x)"
        let column = program.addVariable("site(\(name))", .binary)
        let counts = classTerms(s, i) { $0 == x }
        program.addConstraint("site-some(\(name))", [.init(column, 1)] + counts.map { .init($0.variable, -1) }, .lessOrEqual, 0)
        program.addConstraint(
            "site-any(\(name))", [.init(column, Double(g.sessions[s].rooms))] + counts.map { .init($0.variable, -1) }, .greaterOrEqual, 0)
        siteColumn[flat][x] = column
        siteColumns.append((s, i, x, column))
        return column
    }
}

extension PersonRuleRows {
    /// Sets the `site` columns of a point to what the placements imply.
    func encode(_ x: inout [Double], placed: [Assignment?]) {
        for (s, i, site, column) in siteColumns {
            guard let p = placed[s], p.start == domain.starts[s][i].slot else { continue }
            x[column] = p.rooms.contains { domain.siteOf[$0] == site } ? 1 : 0
        }
    }
}
