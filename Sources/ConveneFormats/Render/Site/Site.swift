/// A published agenda: every file of the static site, by path relative to its folder, so that
/// tests read it without a disk and the command line writes it wherever it is asked to.
public struct Site: Sendable {
    /// One file of the site.
    public struct File: Sendable, Equatable {
        /// Relative to the site's folder, with `/` between folders: `sessions/update.html`.
        public package(set) var path: String
        /// UTF-8 text.
        public package(set) var contents: String
    }

    /// Every file, sorted by path.
    public package(set) var files: [File]

    /// The contents of the file at `path`, if the site has one.
    package subscript(path: String) -> String? { files.first { $0.path == path }?.contents }
}
