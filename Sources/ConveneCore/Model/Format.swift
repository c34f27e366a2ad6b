/// A kind of session (large group, breakout, workshop…), kept for display.
package struct Format: Sendable, Hashable, Identifiable {
    /// The format's id in the input.
    package internal(set) var id: String
    /// Its position in ``Gathering/formats``.
    package internal(set) var index: Int
    /// Its name for display, if the input gives one.
    package internal(set) var name: String?

    /// Its name, or its id without one.
    package var label: String { name ?? id }
}
