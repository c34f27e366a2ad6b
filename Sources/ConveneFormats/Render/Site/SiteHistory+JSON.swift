import ConveneCore
import Foundation

/// `versions.json`: the history as a JSON document, public like the rest of the site (it names
/// sessions, times and rooms, nobody's interests).
///
/// ```json
/// {
///   "convene": 1, "event": "P2PU Gathering 2019", "timeZone": "America/New_York",
///   "versions": [
///     { "version": 1, "published": "2019-09-13T16:00:00Z",
///       "rooms": { "rabb": { "name": "Rabb Hall", "site": "Boston Public Library" } },
///       "placements": [ { "session": "update", "title": "Update from P2PU", "start": "2019-09-19T09:00-04:00",
///                         "end": "2019-09-19T10:30-04:00", "rooms": ["rabb"] } ] }
///   ]
/// }
/// ```
///
/// `published` is null for the agenda given with `--previous` before the folder had a history. A
/// placement of a session that takes place more than once says which run it is and how many the
/// session has (`"run": 2, "runs": 2`, after `session`); without them it is run 1 of 1.
extension SiteHistory {
    /// The history as pretty, deterministic JSON.
    package var json: String {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        func time(_ t: Int) -> JSONValue {
            let offset = LocalTime.offset(at: t, in: zone)
            let sign = offset < 0 ? "-" : "+"
            return .string(
                LocalTime.format(t, in: zone) + sign + LocalTime.pad(abs(offset) / 3600) + ":" + LocalTime.pad(abs(offset) % 3600 / 60))
        }
        let versions: [JSONValue] = versions.enumerated().map { i, v in
            var rooms: [JSONValue.Member] = []
            var seen = Set<String>()
            for room in v.placements.flatMap(\.rooms) where seen.insert(room.id).inserted {
                var fields = [JSONValue.Member(key: "name", value: .string(room.name))]
                if let site = room.site { fields.append(.init(key: "site", value: .string(site))) }
                rooms.append(.init(key: room.id, value: .object(fields)))
            }
            let placements: [JSONValue] = v.placements.map { p in
                .object(
                    [.init(key: "session", value: .string(p.session))]
                        + (p.runs > 1 || p.run > 1
                            ? [.init(key: "run", value: .number(Double(p.run))), .init(key: "runs", value: .number(Double(p.runs)))] : [])
                        + [
                            .init(key: "title", value: .string(p.title)), .init(key: "start", value: time(p.start)),
                            .init(key: "end", value: time(p.end)), .init(key: "rooms", value: .array(p.rooms.map { .string($0.id) })),
                        ])
            }
            return .object([
                .init(key: "version", value: .number(Double(i + 1))),
                .init(key: "published", value: v.published.map { .string(Self.utc($0)) } ?? .null),
                .init(key: "rooms", value: .object(rooms)),
                .init(key: "placements", value: .array(placements)),
            ])
        }
        return JSONWriter.write(
            .object([
                .init(key: "convene", value: .number(1)), .init(key: "event", value: .string(event)),
                .init(key: "timeZone", value: .string(timeZone)), .init(key: "versions", value: .array(versions)),
            ]))
    }

    /// `2019-09-20T12:05:00Z`.
    static func utc(_ t: Int) -> String {
        let c = LocalTime.components(t, in: TimeZone(secondsFromGMT: 0) ?? .current)
        return "\(LocalTime.pad(c.year, 4))-\(LocalTime.pad(c.month))-\(LocalTime.pad(c.day))T"
            + "\(LocalTime.pad(c.hour)):\(LocalTime.pad(c.minute)):\(LocalTime.pad(c.second))Z"
    }

    /// Reads `versions.json` back.
    ///
    /// - Throws: ``SiteStateError`` with every problem, each at its JSON path.
    package init(json bytes: [UInt8], file: String) throws(SiteStateError) {
        let root = try SiteStateError.document(bytes, file: file)
        var problems: [String] = []
        func fail(_ path: JSONPath, _ message: String) { problems.append("\(file): \(path): \(message)") }
        func member(_ value: JSONValue, _ key: String) -> JSONValue? {
            if case .object(let members) = value { return members.first { $0.key == key }?.value }
            return nil
        }
        func string(_ value: JSONValue?, _ path: JSONPath) -> String? {
            if case .string(let s)? = value { return s }
            fail(path, "should be a string, found \(value?.kindDescription ?? "nothing")")
            return nil
        }
        let zoneName = string(member(root, "timeZone"), JSONPath.root / "timeZone") ?? "UTC"
        let zone = TimeZone(identifier: zoneName) ?? TimeZone(secondsFromGMT: 0) ?? .current
        func instant(_ value: JSONValue?, _ path: JSONPath) -> Int? {
            guard let text = string(value, path) else { return nil }
            guard case .success(let t) = LocalTime.instant(text, in: zone) else {
                fail(path, "\"\(text)\" is not a time such as 2019-09-19T09:00-04:00")
                return nil
            }
            return t
        }
        var versions: [Version] = []
        guard case .array(let items)? = member(root, "versions") else {
            throw SiteStateError(problems: ["\(file): versions: should be a list of the published versions"])
        }
        for (i, item) in items.enumerated() {
            let path = JSONPath.root / "versions" / i
            var published: Int?
            if let value = member(item, "published"), value != .null { published = instant(value, path / "published") }
            var rooms: [String: Room] = [:]
            if case .object(let members)? = member(item, "rooms") {
                for m in members {
                    let name = string(member(m.value, "name"), path / "rooms" / m.key / "name") ?? m.key
                    let site: String? = if case .string(let s)? = member(m.value, "site") { s } else { nil }
                    rooms[m.key] = Room(id: m.key, name: name, site: site)
                }
            }
            var placements: [Placement] = []
            guard case .array(let list)? = member(item, "placements") else {
                fail(path / "placements", "should be a list of placements")
                continue
            }
            for (k, p) in list.enumerated() {
                let at = path / "placements" / k
                // Each field is read (and reported) even when another is wrong.
                let (session, start, end) = (
                    string(member(p, "session"), at / "session"), instant(member(p, "start"), at / "start"),
                    instant(member(p, "end"), at / "end")
                )
                guard let session, let start, let end else { continue }
                let title: String = if case .string(let t)? = member(p, "title") { t } else { session }
                func count(_ key: String) -> Int {
                    guard let value = member(p, key) else { return 1 }
                    if case .number(let n) = value, n >= 1, n == n.rounded(), n < 1_000_000 { return Int(n) }
                    fail(
                        at / key,
                        "should be a whole number from 1 (\(key == "run" ? "which run" : "how many runs")), found \(value.kindDescription)")
                    return 1
                }
                let (run, runs) = (count("run"), count("runs"))
                var ids: [String] = []
                if case .array(let r)? = member(p, "rooms") { ids = r.compactMap { if case .string(let s) = $0 { s } else { nil } } }
                placements.append(
                    Placement(
                        session: session, run: run, runs: runs, title: title, start: start, end: end,
                        rooms: ids.map { rooms[$0] ?? Room(id: $0, name: $0) }))
            }
            versions.append(Version(published: published, placements: placements))
        }
        guard problems.isEmpty else { throw SiteStateError(problems: problems) }
        self.init(event: (member(root, "event").flatMap { if case .string(let s) = $0 { s } else { nil } }) ?? "", timeZone: zoneName)
        self.versions = versions
    }
}

extension SiteHistory.Room {
    init(id: String, name: String) { self.init(id: id, name: name, site: nil) }
}

/// A file of the publisher's state (`versions.json`, `.convene/…`) that cannot be read: every
/// problem, each with its file and place.
package struct SiteStateError: Error, Sendable {
    package var problems: [String]

    /// The JSON document a state file holds, or the error naming its file, line and column.
    static func document(_ bytes: [UInt8], file: String) throws(SiteStateError) -> JSONValue {
        var parser = JSONParser(bytes)
        do {
            return try parser.parseDocument()
        } catch {
            throw SiteStateError(problems: ["\(file): line \(error.line), column \(error.column): \(error.message)"])
        }
    }
}
