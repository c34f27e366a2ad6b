extension GatheringBuilder {
    /// One problem of a gathering being built: which field, and what is wrong.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The builder's field: `session("stories").facilitators[0]`, `slot("thu-1").time.upperBound`.
        public package(set) var field: String
        /// What is wrong and what would fix it.
        public package(set) var message: String
        /// Whether the gathering can be built despite it.
        public package(set) var severity: InputProblem.Severity

        /// `session("stories").facilitators[0]: no person has the id "p9"`.
        public var description: String { "\(field): \(message)" }

        init(_ problem: InputProblem, in document: InputDocument) {
            field = Self.field(problem.path.components, in: document)
            message = problem.message
            severity = problem.severity
        }

        /// A JSON path in the builder's words: a list item by its id, a window's ends as the
        /// range's bounds.
        static func field(_ path: [JSONPath.Component], in document: InputDocument) -> String {
            guard case .key(let list)? = path.first else { return "gathering" }
            var rest = Array(path.dropFirst())
            var text: String
            if case .index(let i)? = rest.first, let (kind, id) = item(list, i, in: document) {
                text = "\(kind)(\"\(id)\")"
                rest.removeFirst()
            } else {
                text = list == "event" ? "" : list
            }
            var previous: String?
            for component in rest {
                switch component {
                case .index(let i): text += "[\(i)]"
                case .key(let key):
                    let name = Self.bound(key, after: previous, list: list)
                    text += text.isEmpty ? name : "." + name
                    previous = key
                }
            }
            return text.isEmpty ? "gathering" : text
        }

        /// The kind and id of list item `i`, when it has an id.
        private static func item(_ list: String, _ i: Int, in d: InputDocument) -> (String, String)? {
            func at<T>(_ items: [T], _ id: (T) -> String) -> String? { items.indices.contains(i) ? id(items[i]) : nil }
            let found: (String, String?) =
                switch list {
                case "slots": ("slot", at(d.slots, \.id))
                case "rooms": ("room", at(d.rooms, \.id))
                case "formats": ("format", at(d.formats, \.id))
                case "people": ("person", at(d.people, \.id))
                case "sessions": ("session", at(d.sessions, \.id))
                case "attendees": ("attendee", at(d.attendees, \.id))
                default: (list, nil)
                }
            guard let id = found.1 else { return nil }
            return (found.0, id)
        }

        /// Windows and slots are ranges in the builder: `start`/`end` are their bounds.
        private static func bound(_ key: String, after previous: String?, list: String) -> String {
            guard key == "start" || key == "end" else { return key }
            let bound = key == "start" ? "lowerBound" : "upperBound"
            return list == "slots" && previous == nil ? "time.\(bound)" : bound
        }
    }

    /// Every problem found when a gathering was built.
    public struct BuildError: Error, Sendable, CustomStringConvertible {
        /// The problems, errors and warnings, in the order validation found them.
        public package(set) var problems: [Problem]

        /// One problem per line.
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }
}
