import ConveneCore

/// A solver-neutral mixed-integer linear program: minimise `objective · x` subject to linear
/// rows and variable bounds (no objective constant: the CPLEX LP format has none). It knows nothing of gatherings or of any solver;
/// the schedule's formulation builds one, a backend solves it, the formulation decodes the answer.
package struct IntegerProgram: Sendable {
    /// What values a variable may take.
    package enum Kind: Sendable, Hashable { case binary, integer, continuous }

    /// How a row compares its terms with its right-hand side; the raw value is the LP format's.
    package enum Sense: String, Sendable, Hashable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case equal = "="
    }

    /// One column: its name, kind, bounds and objective coefficient.
    package struct Variable: Sendable, Hashable {
        /// Its name, unique within the program once written (``LPFileWriter`` makes it so).
        package var name: String
        /// What values it may take.
        package var kind: Kind
        /// Its lower bound.
        package var lower: Double
        /// `.infinity` for no upper bound.
        package var upper: Double
        /// Its coefficient in the objective, which is minimised.
        package var objective: Double
    }

    /// One linear row; its terms name each variable at most once, with non-zero coefficients.
    package struct Constraint: Sendable, Hashable {
        /// Its name.
        package var name: String
        /// Its left-hand side.
        package var terms: [Term]
        /// How the terms compare with ``rhs``.
        package var sense: Sense
        /// Its right-hand side.
        package var rhs: Double
    }

    /// One coefficient of a row.
    package struct Term: Sendable, Hashable {
        /// The variable's index in ``IntegerProgram/variables``.
        package var variable: Int
        /// Its coefficient.
        package var coefficient: Double
        package init(_ variable: Int, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// The program's name, written in the LP file's first line.
    package var name: String
    /// Every column, in order.
    package private(set) var variables: [Variable] = []
    /// Every row, in order.
    package private(set) var constraints: [Constraint] = []

    package init(name: String) { self.name = name }

    package var nonZeros: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    /// Adds a variable; binaries get bounds 0…1.
    @discardableResult
    package mutating func addVariable(
        _ name: String, _ kind: Kind, lower: Double = 0, upper: Double = 1,
        objective: Double = 0
    ) -> Int {
        let (lo, up) = kind == .binary ? (0.0, 1.0) : (lower, upper)
        variables.append(Variable(name: name, kind: kind, lower: lo, upper: up, objective: objective))
        return variables.count - 1
    }

    /// Fixes a variable at a value (both bounds).
    package mutating func fix(_ variable: Int, at value: Double) {
        variables[variable].lower = value
        variables[variable].upper = value
    }

    package mutating func addObjective(_ variable: Int, _ coefficient: Double) {
        variables[variable].objective += coefficient
    }

    /// Adds a row, merging repeated variables and dropping zero coefficients (solvers such as
    /// GLPK reject a matrix with a repeated entry).
    package mutating func addConstraint(_ name: String, _ terms: [Term], _ sense: Sense, _ rhs: Double) {
        var merged: [Int: Double] = [:]
        var order: [Int] = []
        for term in terms {
            if merged[term.variable] == nil { order.append(term.variable) }
            merged[term.variable, default: 0] += term.coefficient
        }
        let clean = order.compactMap { v in merged[v].flatMap { $0 == 0 ? nil : Term(v, $0) } }
        constraints.append(Constraint(name: name, terms: clean, sense: sense, rhs: rhs))
    }

    /// The objective value of a point.
    package func objectiveValue(_ x: [Double]) -> Double {
        zip(variables, x).reduce(0) { $0 + $1.0.objective * $1.1 }
    }

    /// The names of the rows and bounds a point breaks (empty: feasible), within `tolerance`.
    package func violations(_ x: [Double], tolerance: Double = 1e-6) -> [String] {
        guard x.count == variables.count else { return ["the point has \(x.count) values for \(variables.count) variables"] }
        var broken: [String] = []
        for (v, value) in zip(variables, x) {
            if value < v.lower - tolerance || value > v.upper + tolerance { broken.append("bounds of \(v.name)") }
            if v.kind != .continuous, abs(value - value.rounded()) > tolerance { broken.append("integrality of \(v.name)") }
        }
        for row in constraints {
            let lhs = row.terms.reduce(0.0) { $0 + $1.coefficient * x[$1.variable] }
            let ok =
                switch row.sense {
                case .lessOrEqual: lhs <= row.rhs + tolerance
                case .greaterOrEqual: lhs >= row.rhs - tolerance
                case .equal: abs(lhs - row.rhs) <= tolerance
                }
            if !ok { broken.append(row.name) }
        }
        return broken
    }
}
