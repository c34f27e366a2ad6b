/// The settings of a MILP solve that every backend honours; a backend's own knobs (GLPK's cuts,
/// branching rule, presolver) are its own type's.
package struct MILPSettings: Sendable {
    /// The exact solver does not build a program with more placement columns than this (a
    /// million is about a gigabyte of memory before the backend starts); it says so and returns
    /// no agenda.
    package var columnLimit = 1_000_000
    /// Receives the backend's terminal output; nil keeps it silent.
    package var log: (@Sendable (String) -> Void)?

    /// The settings the exact solver and the portfolio use by default.
    package init() {}
}
