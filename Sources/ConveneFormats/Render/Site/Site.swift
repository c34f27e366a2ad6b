/// A published agenda: every file of the static site, by path relative to its folder, so that
/// tests read it without a disk and the command line writes it wherever it is asked to.
public struct Site: Sendable {
    /// One file of the site.
    public struct File: Sendable, Equatable {
        /// Relative to the site's folder, with `/` between folders: `sessions/update.html`.
        public package(set) var path: String
        /// UTF-8 text.
        public package(set) var contents: String

        package init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    /// Every file, sorted by path.
    public package(set) var files: [File]
    /// The publisher's private state, kept in the folder's `.convene/` and never to be served:
    /// what each personal calendar held, and the table of personal links.
    package var state: [File] = []

    package init(files: [File], state: [File] = []) {
        self.files = files
        self.state = state
    }

    /// The contents of the file at `path`, if the site has one.
    package subscript(path: String) -> String? { files.first { $0.path == path }?.contents }
}
