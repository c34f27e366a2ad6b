import ConveneCore

/// Itinerary planning as an integer program: a binary per (attendee, wanted session, run they
/// could go to), maximising the pairs served (minimising their negative count), with
///
/// - one row per attendee and session with several runs: at most one of them;
/// - one row per run whose seats are fewer than the attendees who could come: its seats;
/// - per attendee, one row per maximal set of their runs that share a slot (the cliques of an
///   interval graph are the runs over some run's first slot), instead of a row per pair;
/// - per attendee, a row per pair of runs at different sites too close for the travel time
///   (rule 11 for attendees), when they share no slot.
package struct ItineraryFormulation: Sendable {
    /// One column: attendee, index of their choice, run.
    package struct Column: Sendable, Hashable {
        package var attendee: Int
        package var choice: Int
        package var run: Int
    }

    package let instance: ItineraryInstance
    package private(set) var program = IntegerProgram(name: "itineraries")
    package private(set) var columns: [Column] = []
    /// `column[attendee][choice]`: the column of each run of that choice, by run index.
    private var lookup: [[[Int: Int]]] = []

    /// The columns the program would have, without building it.
    package static func columnCount(_ instance: ItineraryInstance) -> Int {
        instance.travellers.reduce(0) { $0 + $1.choices.reduce(0) { $0 + $1.runs.count } }
    }

    package init(_ instance: ItineraryInstance, stop: StopFlag? = nil) {
        self.instance = instance
        var byRun = [[Int]](repeating: [], count: instance.runs.count)
        for (a, traveller) in instance.travellers.enumerated() {
            var mine: [[Int: Int]] = []
            for (k, choice) in traveller.choices.enumerated() {
                var here: [Int: Int] = [:]
                for r in choice.runs {
                    let c = program.addVariable("x_\(a)_\(k)_\(r)", .binary, objective: -1)
                    columns.append(Column(attendee: a, choice: k, run: r))
                    byRun[r].append(c)
                    here[r] = c
                }
                if choice.runs.count > 1 {
                    program.addConstraint(
                        "one_\(a)_\(k)", choice.runs.compactMap { here[$0] }.map { IntegerProgram.Term($0, 1) }, .lessOrEqual, 1)
                }
                mine.append(here)
            }
            lookup.append(mine)
            if stop?.isRaised == true { return }
            addTimeRows(a, mine.flatMap { $0.values }.sorted())
        }
        for (r, run) in instance.runs.enumerated() {
            guard let seats = run.seats, byRun[r].count > seats else { continue }
            program.addConstraint("seats_\(r)", byRun[r].map { IntegerProgram.Term($0, 1) }, .lessOrEqual, Double(seats))
        }
    }

    /// The clique rows over slots and the travel pair rows of attendee `a`'s columns.
    private mutating func addTimeRows(_ a: Int, _ mine: [Int]) {
        guard mine.count > 1 else { return }
        var cliques: [[Int]] = []
        for c in mine {
            let point = instance.runs[columns[c].run].slots.lowerBound
            let clique = mine.filter { instance.runs[columns[$0].run].slots.contains(point) }
            if clique.count > 1 { cliques.append(clique) }
        }
        let distinct = Set(cliques).sorted { $0.lexicographicallyPrecedes($1) }
        let maximal = distinct.filter { c in !distinct.contains { $0 != c && Set(c).isSubset(of: $0) } }
        for (n, clique) in maximal.enumerated() {
            program.addConstraint("time_\(a)_\(n)", clique.map { IntegerProgram.Term($0, 1) }, .lessOrEqual, 1)
        }
        guard instance.domain.travelMatters else { return }
        for (i, x) in mine.enumerated() {
            for y in mine[(i + 1)...] where columns[x].choice != columns[y].choice {
                let (rx, ry) = (columns[x].run, columns[y].run)
                if !instance.concurrent(rx, ry) && instance.clash(rx, ry) {
                    program.addConstraint("travel_\(a)_\(x)_\(y)", [.init(x, 1), .init(y, 1)], .lessOrEqual, 1)
                }
            }
        }
    }

    /// The point of a plan: 1 for each run chosen.
    package func encode(_ plan: ItineraryPlan) -> [Double]? {
        var x = [Double](repeating: 0, count: columns.count)
        for (a, chosen) in plan.chosen.enumerated() {
            for (k, r) in chosen.enumerated() {
                guard let r else { continue }
                guard let c = lookup[a][k][r] else { return nil }
                x[c] = 1
            }
        }
        return x
    }

    /// The plan of a point.
    package func decode(_ x: [Double]) -> ItineraryPlan? {
        guard x.count == columns.count else { return nil }
        var plan = ItineraryPlan(empty: instance)
        for (c, column) in columns.enumerated() where x[c] > 0.5 {
            guard plan.chosen[column.attendee][column.choice] == nil else { return nil }
            plan.chosen[column.attendee][column.choice] = column.run
        }
        return plan
    }
}
