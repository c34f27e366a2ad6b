import Foundation
import FoundationXML

/// The voc/schedule XSD (`validator/xsd/schedule.xml.xsd`) as checks, element by element: what
/// `xmllint --schema` would say, without needing it. Returns every rule broken, empty when none.
enum FrabXMLRules {
    static let patterns: [String: String] = [
        "uuid": #"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$"#,
        "code": #"^[0-9A-Z]{6}$"#,
        "acronym": #"^[a-z0-9_-]{4,}$"#,
        "slug": #"^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$"#,
        "duration": #"^(([0-9]{1,2}:[0-9]{2})|([0-9]{1,2}:[0-9]{2}:[0-9]{1,2}))$"#,
        "start": #"^(([0-2][0-9]:[0-5][0-9])|([0-2][0-9]:[0-5][0-9]:[0-5][0-9]))$"#,
        "dateTimeTZ": #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+[0-9]{1,2}:[0-9]{2}|-[0-9]{1,2}:[0-9]{2})$"#,
        "date": #"^\d{4}-\d{2}-\d{2}$"#,
        "positiveInteger": #"^[1-9][0-9]*$"#,
        "integer": #"^-?[0-9]+$"#,
    ]

    static func matches(_ text: String, _ type: String) -> Bool {
        text.range(of: patterns[type] ?? "^$", options: .regularExpression) != nil
    }

    static func violations(_ xml: String) -> [String] {
        var problems: [String] = []
        guard let document = try? XMLDocument(data: Data(xml.utf8)), let root = document.rootElement() else {
            return ["not well-formed XML"]
        }
        guard root.name == "schedule" else { return ["the root is <\(root.name ?? "")>, not <schedule>"] }
        let order = root.children?.compactMap(\.name) ?? []
        var expected = order.filter { $0 == "generator" || $0 == "url" }
        expected += ["version", "conference"] + Array(repeating: "day", count: max(1, order.filter { $0 == "day" }.count))
        if order != expected { problems.append("schedule's children are \(order), the XSD wants \(expected)") }

        if let conference = root.elements(forName: "conference").first {
            let allowed: Set<String> = [
                "title", "acronym", "start", "end", "days", "timeslot_duration", "base_url", "logo", "url", "time_zone_name", "color",
                "track",
            ]
            let names = conference.children?.compactMap(\.name) ?? []
            for name in names where !allowed.contains(name) { problems.append("conference has <\(name)>") }
            for name in Set(names) where name != "track" && names.filter({ $0 == name }).count > 1 {
                problems.append("conference has <\(name)> twice")
            }
            func value(_ name: String) -> String? { conference.elements(forName: name).first?.stringValue }
            if let acronym = value("acronym"), !matches(acronym, "acronym") { problems.append("acronym \"\(acronym)\"") }
            for key in ["start", "end"] {
                if let v = value(key), !matches(v, "date") && !matches(v, "dateTimeTZ") { problems.append("conference \(key) \"\(v)\"") }
            }
            if let v = value("days"), !matches(v, "integer") { problems.append("days \"\(v)\"") }
            if let v = value("timeslot_duration"), !matches(v, "duration") { problems.append("timeslot_duration \"\(v)\"") }
        }

        var unique: [String: Set<String>] = ["guid": [], "id": [], "code": [], "slug": [], "index": []]
        func once(_ kind: String, _ value: String) {
            if !(unique[kind]?.insert(value).inserted ?? true) { problems.append("\(kind) \"\(value)\" is not unique") }
        }
        for day in root.elements(forName: "day") {
            let index = day.attribute(forName: "index")?.stringValue ?? ""
            if !matches(index, "positiveInteger") { problems.append("day index \"\(index)\"") }
            once("index", index)
            if let date = day.attribute(forName: "date")?.stringValue, !matches(date, "date") { problems.append("day date \"\(date)\"") }
            for key in ["start", "end"] {
                let v = day.attribute(forName: key)?.stringValue ?? ""
                if !matches(v, "dateTimeTZ") { problems.append("day \(key) \"\(v)\"") }
            }
            for child in day.children?.compactMap(\.name) ?? [] where child != "room" { problems.append("day has <\(child)>") }
            for room in day.elements(forName: "room") {
                if (room.attribute(forName: "name")?.stringValue ?? "").isEmpty { problems.append("a room without a name") }
                if let guid = room.attribute(forName: "guid")?.stringValue, !matches(guid, "uuid") {
                    problems.append("room guid \"\(guid)\"")
                }
                for event in room.elements(forName: "event") { problems += eventViolations(event, once: once) }
            }
        }
        return problems
    }

    private static func eventViolations(_ event: XMLElement, once: (String, String) -> Void) -> [String] {
        var problems: [String] = []
        let required: Set<String> = ["room", "title", "type", "date", "start", "duration", "abstract", "track"]
        let optional: Set<String> = [
            "subtitle", "slug", "logo", "persons", "language", "description", "recording", "links", "attachments", "video_download_url",
            "url", "feedback_url", "origin_url",
        ]
        let names = event.children?.compactMap(\.name) ?? []
        let label = event.elements(forName: "title").first?.stringValue ?? "?"
        for name in required where !names.contains(name) { problems.append("event \"\(label)\" lacks <\(name)>") }
        for name in names where !required.contains(name) && !optional.contains(name) { problems.append("event \"\(label)\" has <\(name)>") }
        for name in Set(names) where names.filter({ $0 == name }).count > 1 { problems.append("event \"\(label)\" has <\(name)> twice") }
        func value(_ name: String) -> String { event.elements(forName: name).first?.stringValue ?? "" }
        for (name, type) in [("date", "dateTimeTZ"), ("start", "start"), ("duration", "duration")] where !matches(value(name), type) {
            problems.append("event \"\(label)\" \(name) \"\(value(name))\"")
        }
        if names.contains("slug") {
            if !matches(value("slug"), "slug") { problems.append("event \"\(label)\" slug \"\(value("slug"))\"") }
            once("slug", value("slug"))
        }
        let id = event.attribute(forName: "id")?.stringValue ?? ""
        if !matches(id, "positiveInteger") { problems.append("event \"\(label)\" id \"\(id)\"") }
        once("id", id)
        let guid = event.attribute(forName: "guid")?.stringValue ?? ""
        if !matches(guid, "uuid") { problems.append("event \"\(label)\" guid \"\(guid)\"") }
        once("guid", guid)
        if let code = event.attribute(forName: "code")?.stringValue {
            if !matches(code, "code") { problems.append("event \"\(label)\" code \"\(code)\"") }
            once("code", code)
        }
        for attribute in event.attributes?.compactMap(\.name) ?? [] where !["id", "guid", "code"].contains(attribute) {
            problems.append("event \"\(label)\" has the attribute \(attribute)")
        }
        for person in event.elements(forName: "persons").first?.elements(forName: "person") ?? [] {
            if let id = person.attribute(forName: "id")?.stringValue, !matches(id, "integer") { problems.append("person id \"\(id)\"") }
            if let guid = person.attribute(forName: "guid")?.stringValue, !matches(guid, "uuid") {
                problems.append("person guid \"\(guid)\"")
            }
        }
        return problems
    }
}
