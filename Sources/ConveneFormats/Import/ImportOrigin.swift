import ConveneCore

/// Where something read by `convene import` comes from: a file, and a place in it that a person
/// can find (a JSON path, a spreadsheet row and column, or a line and column).
package struct ImportOrigin: Sendable, Hashable, CustomStringConvertible {
    package typealias Place = Diagnostic.Place

    /// The file's name as given on the command line.
    package var file: String
    /// Where in the file.
    package var place: Place

    /// A place in a file (the whole file by default).
    package init(file: String, place: Place = .file) {
        self.file = file
        self.place = place
    }

    /// The same file, one key deeper when the place is a JSON path (other places stay as they are).
    func appending(_ key: String) -> ImportOrigin {
        guard case .json(let path) = place else { return self }
        return ImportOrigin(file: file, place: .json(path / key))
    }

    func appending(_ index: Int) -> ImportOrigin {
        guard case .json(let path) = place else { return self }
        return ImportOrigin(file: file, place: .json(path / index))
    }

    /// The place alone: `results[3].duration`, `row 12, column 3 (C)`, `line 4, column 7`, or empty.
    package var description: String { place.description }

    /// The file and the place in it, for a diagnostic.
    var location: Diagnostic.Location { .file(file, place) }

    /// `file` or `file: place`, for naming an item in a sentence.
    var label: String { location.description }
}

/// Collects the problems of one import, so that all of them are reported at once.
final class ImportLog {
    private(set) var problems: [Diagnostic] = []

    var hasErrors: Bool { problems.contains { $0.severity == .error } }

    func error(_ origin: ImportOrigin, _ message: String) { problems.append(Diagnostic(.error, at: origin.location, message)) }
    func warning(_ origin: ImportOrigin, _ message: String) { problems.append(Diagnostic(.warning, at: origin.location, message)) }
}
