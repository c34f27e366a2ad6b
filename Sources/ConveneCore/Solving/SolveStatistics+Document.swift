// The agenda document's `stats` object: written flat, in the order of the keys Convene has always
// written, and read back part by part. A part is read when all its keys are there with the right
// types; otherwise its keys stay among the members kept as they were read, so that reading and
// writing a document never loses what it held.

extension SolveStatistics {
    /// The `stats` object's members, in order.
    package var members: [JSONValue.Member] {
        var m: [JSONValue.Member] = []
        func add(_ key: String, _ value: JSONValue) { m.append(.init(key: key, value: value)) }
        func int(_ n: Int) -> JSONValue { .number(Double(n)) }
        if let seconds { add("seconds", .number(seconds)) }
        if let termination { add("termination", .string(termination.rawValue)) }
        if let search {
            if let moves = search.moves { add("moves", int(moves)) }
            add("nodes", int(search.nodes))
        }
        if let portfolio {
            add("searchSeconds", .number(portfolio.searchSeconds))
            add("modelSize", int(portfolio.modelSize))
            if let seconds = portfolio.milpSeconds { add("milpSeconds", .number(seconds)) }
        }
        if let p = integerProgram {
            add("rows", int(p.rows))
            add("columns", int(p.columns))
            add("nonZeros", int(p.nonZeros))
            add("roomClasses", int(p.roomClasses))
            add("concurrency", .string(p.concurrency.rawValue))
            if !p.candidates.isEmpty {
                add(
                    "candidates",
                    .array(
                        p.candidates.map { c in
                            .object([
                                .init(key: "concurrency", value: .string(c.concurrency.rawValue)), .init(key: "rows", value: int(c.rows)),
                                .init(key: "bound", value: c.bound.map(int) ?? .null),
                            ])
                        }))
            }
            add("formulationSeconds", .number(p.formulationSeconds))
            if let seconds = p.relaxationSeconds { add("relaxationSeconds", .number(seconds)) }
            add("\(p.backend)Seconds", .number(p.backendSeconds))
            if let used = p.warmStartUsed { add("warmStartUsed", .bool(used)) }
            if let taken = p.agendasTakenUp { add("agendasTakenUp", int(taken)) }
            if let after = p.afterHandOver { add("afterHandOver", .bool(after)) }
            if let failure = p.failure { add(p.backend, .string(failure)) }
            if let rejected = p.rejected { add("rejected", .string(rejected)) }
        }
        if let integerProgramSkipped { add("milp", .string(integerProgramSkipped)) }
        if let f = fixAndOptimise {
            add("method", .string("fix-and-optimise"))
            add("rounds", int(f.rounds))
            add("improvements", int(f.improvements))
            if let adopted = f.agendasAdopted { add("agendasAdopted", int(adopted)) }
        }
        if let b = lowerBound {
            add(
                "lowerBound",
                .object(
                    [
                        .init(key: "placements", value: int(b.placements)), .init(key: "capacity", value: int(b.capacity)),
                        .init(key: "concurrency", value: int(b.concurrency)), .init(key: "seconds", value: .number(b.seconds)),
                    ] + (b.complete ? [] : [.init(key: "complete", value: .bool(false))])))
        }
        if let diff { add("diff", diff.jsonValue) }
        return m + others
    }

    /// Reads the `stats` object at `path`. Only `diff` is checked as a document of its own: its
    /// problems are warnings (the agenda is still usable), and a diff that cannot be read is kept
    /// as written.
    package static func read(_ members: [JSONValue.Member], at path: JSONPath, log: ProblemLog) -> SolveStatistics {
        var r = StatsReader(members)
        var s = SolveStatistics()
        s.seconds = r.number("seconds")
        s.termination = r.take("termination") { $0.string.flatMap(Termination.init(rawValue:)) }
        if let nodes = r.peekInt("nodes"), r.has("moves") == (r.peekInt("moves") != nil) {
            s.search = Search(moves: r.int("moves"), nodes: nodes)
            r.consume("nodes")
        }
        if let searchSeconds = r.peekNumber("searchSeconds"), let modelSize = r.peekInt("modelSize") {
            s.portfolio = Portfolio(searchSeconds: searchSeconds, modelSize: modelSize, milpSeconds: r.number("milpSeconds"))
            r.consume("searchSeconds", "modelSize")
        }
        s.integerProgram = readIntegerProgram(&r)
        s.integerProgramSkipped = r.take("milp") { $0.string }
        if r.peek("method")?.string == "fix-and-optimise", let rounds = r.peekInt("rounds"), let improvements = r.peekInt("improvements"),
            r.has("agendasAdopted") == (r.peekInt("agendasAdopted") != nil)
        {
            s.fixAndOptimise = FixAndOptimise(rounds: rounds, improvements: improvements, agendasAdopted: r.int("agendasAdopted"))
            r.consume("method", "rounds", "improvements")
        }
        if case .object(let members)? = r.peek("lowerBound") {
            var b = StatsReader(members)
            if let placements = b.peekInt("placements"), let capacity = b.peekInt("capacity"), let concurrency = b.peekInt("concurrency"),
                let seconds = b.peekNumber("seconds")
            {
                let complete = b.peek("complete")?.bool ?? true
                s.lowerBound = LowerBound(
                    placements: placements, capacity: capacity, concurrency: concurrency, complete: complete, seconds: seconds)
                r.consume("lowerBound")
            }
        }
        if let value = r.peek("diff") {
            let scratch = ProblemLog()
            if let diff = AgendaDiff.read(value, at: path / "diff", log: scratch), !scratch.hasErrors {
                s.diff = diff
                r.consume("diff")
                for problem in scratch.problems { log.warning(problem.path, problem.message) }
            } else {
                for problem in scratch.problems where problem.severity == .error {
                    log.warning(problem.path, problem.message + " (the diff is kept as written, unread)")
                }
            }
        }
        s.others = r.rest
        return s
    }

    /// The integer program's part, when every one of its keys is there.
    private static func readIntegerProgram(_ r: inout StatsReader) -> IntegerProgram? {
        let known: Set<String> = ["searchSeconds", "milpSeconds", "formulationSeconds", "relaxationSeconds"]
        guard let rows = r.peekInt("rows"), let columns = r.peekInt("columns"), let nonZeros = r.peekInt("nonZeros"),
            let roomClasses = r.peekInt("roomClasses"), let concurrency = r.peek("concurrency")?.string.flatMap(Concurrency.init),
            let formulationSeconds = r.peekNumber("formulationSeconds"),
            let backendKey = r.keys.first(where: { $0.hasSuffix("Seconds") && $0 != "Seconds" && !known.contains($0) }),
            let backendSeconds = r.peekNumber(backendKey)
        else { return nil }
        var candidates: [Candidate] = []
        if let list = r.peek("candidates") {
            guard case .array(let items) = list else { return nil }
            for item in items {
                guard case .object(let members) = item else { return nil }
                var c = StatsReader(members)
                guard let concurrency = c.peek("concurrency")?.string.flatMap(Concurrency.init), let rows = c.peekInt("rows") else {
                    return nil
                }
                candidates.append(Candidate(concurrency: concurrency, rows: rows, bound: c.int("bound")))
            }
        }
        let backend = String(backendKey.dropLast("Seconds".count))
        var p = IntegerProgram(
            rows: rows, columns: columns, nonZeros: nonZeros, roomClasses: roomClasses, concurrency: concurrency,
            formulationSeconds: formulationSeconds, backendSeconds: backendSeconds)
        p.backend = backend
        p.candidates = candidates
        r.consume("rows", "columns", "nonZeros", "roomClasses", "concurrency", "candidates", "formulationSeconds", backendKey)
        p.relaxationSeconds = r.number("relaxationSeconds")
        p.warmStartUsed = r.take("warmStartUsed") { $0.bool }
        p.agendasTakenUp = r.int("agendasTakenUp")
        p.afterHandOver = r.take("afterHandOver") { $0.bool }
        p.failure = r.take(backend) { $0.string }
        p.rejected = r.take("rejected") { $0.string }
        return p
    }
}

/// The members of a `stats` object, taken out one by one as they are read; what is left is kept.
private struct StatsReader {
    private var members: [JSONValue.Member]

    init(_ members: [JSONValue.Member]) { self.members = members }

    var keys: [String] { members.map(\.key) }
    var rest: [JSONValue.Member] { members }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
    func peek(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
    func peekNumber(_ key: String) -> Double? { peek(key)?.numberValue }
    func peekInt(_ key: String) -> Int? { peekNumber(key).flatMap { Int(exactly: $0) } }

    mutating func consume(_ keys: String...) { members.removeAll { keys.contains($0.key) } }

    /// The member's value as `read` makes it; taken out only when `read` can.
    mutating func take<T>(_ key: String, _ read: (JSONValue) -> T?) -> T? {
        guard let value = peek(key), let result = read(value) else { return nil }
        consume(key)
        return result
    }

    mutating func number(_ key: String) -> Double? { take(key) { $0.numberValue } }
    mutating func int(_ key: String) -> Int? { take(key) { $0.numberValue.flatMap { Int(exactly: $0) } } }
}

extension JSONValue {
    fileprivate var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    fileprivate var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}
