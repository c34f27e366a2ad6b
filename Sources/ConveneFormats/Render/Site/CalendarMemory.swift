import ConveneCore

/// What each personal calendar has held, kept between publishes in `.convene/calendars.json`
/// (private: it says who wanted what). A session an earlier version placed in someone's calendar
/// and the newest does not place stays in their calendar as cancelled, even once the input no
/// longer says who wanted it.
package struct CalendarMemory: Sendable, Equatable {
    /// Session ids by participant id.
    package var sessions: [String: Set<String>]

    package init(sessions: [String: Set<String>] = [:]) { self.sessions = sessions }

    /// `{"convene": 1, "calendars": {"attendee-02": ["failures", …]}}`, ids sorted.
    package var json: String {
        let members = sessions.keys.sorted().map { id in
            JSONValue.Member(key: id, value: .array((sessions[id] ?? []).sorted().map(JSONValue.string)))
        }
        return JSONWriter.write(.object([.init(key: "convene", value: .number(1)), .init(key: "calendars", value: .object(members))]))
    }

    /// Reads the file back.
    ///
    /// - Throws: ``SiteStateError`` when it is not such a document.
    package init(json bytes: [UInt8], file: String) throws(SiteStateError) {
        let root = try SiteStateError.document(bytes, file: file)
        guard case .object(let top) = root, case .object(let calendars)? = top.first(where: { $0.key == "calendars" })?.value else {
            throw SiteStateError(problems: ["\(file): calendars: should be an object of session ids by participant id"])
        }
        var sessions: [String: Set<String>] = [:]
        for member in calendars {
            guard case .array(let ids) = member.value else {
                throw SiteStateError(problems: ["\(file): calendars.\(member.key): should be a list of session ids"])
            }
            sessions[member.key] = Set(ids.compactMap { if case .string(let s) = $0 { s } else { nil } })
        }
        self.sessions = sessions
    }
}
