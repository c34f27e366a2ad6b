extension GatheringBuilder {
    /// A JSON path in the builder's words: a list item by its id (`session("stories")`), the
    /// event's fields by the builder's names (`travelTime`), the document as a whole `gathering`.
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
        for component in rest {
            switch component {
            case .index(let i): text += "[\(i)]"
            case .key(let key): text += text.isEmpty ? (key == "travelMinutes" ? "travelTime" : key) : "." + key
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
}
