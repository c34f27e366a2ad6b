/// Writes an ``IntegerProgram`` in the CPLEX LP file format, which CBC, HiGHS, Gurobi, CPLEX
/// and GLPK (`glp_read_lp`, `glpsol --lp`) all read.
package enum LPFileWriter {
    /// The program as LP text: names made unique and LP-safe, bounds and binaries declared.
    package static func write(_ program: IntegerProgram) -> String {
        let names = uniqueNames(program.variables.map(\.name), prefix: "x")
        let rowNames = uniqueNames(program.constraints.map(\.name), prefix: "r")
        var out =
            "\\ \(program.name.replacingNewlines): \(program.variables.count) columns, \(program.constraints.count) rows, "
            + "\(program.nonZeros) non-zeros\n"
        out += "Minimize\n obj:"
        let objective = program.variables.indices.filter { program.variables[$0].objective != 0 }
        if objective.isEmpty { out += " 0 \(names.first ?? "x")" }
        appendTerms(objective.map { ($0, program.variables[$0].objective) }, names: names, into: &out)
        out += "\nSubject To\n"
        for (row, name) in zip(program.constraints, rowNames) {
            out += " \(name):"
            if row.terms.isEmpty { out += " 0 \(names.first ?? "x")" }
            appendTerms(row.terms.map { ($0.variable, $0.coefficient) }, names: names, into: &out)
            out += " \(row.sense.rawValue) \(number(row.rhs))\n"
        }
        out += "Bounds\n"
        for (v, name) in zip(program.variables, names) where v.kind != .binary {
            switch (v.lower, v.upper) {
            case (-.infinity, .infinity): out += " \(name) free\n"
            case (let lo, .infinity): out += " \(name) >= \(number(lo))\n"
            case (let lo, let up) where lo == up: out += " \(name) = \(number(lo))\n"
            case (let lo, let up): out += " \(number(lo)) <= \(name) <= \(number(up))\n"
            }
        }
        let general = zip(program.variables, names).filter { $0.0.kind == .integer }.map(\.1)
        let binary = zip(program.variables, names).filter { $0.0.kind == .binary }.map(\.1)
        if !general.isEmpty { out += "General\n" + wrapped(general) }
        if !binary.isEmpty { out += "Binary\n" + wrapped(binary) }
        out += "End\n"
        return out
    }

    /// Terms as ` + 3 x - y`, broken over lines so that none is longer than the format allows.
    private static func appendTerms(_ terms: [(Int, Double)], names: [String], into out: inout String) {
        var lineLength = 0
        for (variable, coefficient) in terms {
            var term = coefficient < 0 ? " -" : " +"
            if abs(coefficient) != 1 { term += " " + number(abs(coefficient)) }
            term += " " + names[variable]
            if lineLength + term.count > 200 {
                out += "\n  "
                lineLength = 0
            }
            out += term
            lineLength += term.count
        }
    }

    private static func wrapped(_ names: [String]) -> String {
        var out = ""
        var line = ""
        for name in names {
            if line.count + name.count > 200 {
                out += line + "\n"
                line = ""
            }
            line += " " + name
        }
        return line.isEmpty ? out : out + line + "\n"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Names the format accepts (letters, digits and `!"#$%&()/,.;?@_'{}|~`, not starting with a
    /// digit, a period or the letter e followed by a digit), made unique.
    package static func uniqueNames(_ names: [String], prefix: String) -> [String] {
        var seen = Set<String>()
        return names.enumerated().map { i, raw in
            var name = String(raw.unicodeScalars.map { allowed.contains($0) ? Character($0) : "_" }.prefix(200))
            if name.isEmpty || name.first.map({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" }) == true {
                name = prefix + "_" + name
            }
            if !seen.insert(name).inserted {
                name += "_\(i)"
                seen.insert(name)
            }
            return name
        }
    }

    private static let allowed: Set<Unicode.Scalar> = {
        var set = Set<Unicode.Scalar>("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars)
        set.formUnion("!\"#$%&()/,.;?@_'{}|~".unicodeScalars)
        return set
    }()
}

extension String {
    fileprivate var replacingNewlines: String { String(map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }
}
