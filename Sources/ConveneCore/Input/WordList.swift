extension Array where Element == String {
    /// The items as a sentence lists them: `A`, `A and B`, `A, B and C`.
    package var joinedInWords: String {
        count > 1 ? dropLast().joined(separator: ", ") + " and " + (last ?? "") : joined()
    }
}
