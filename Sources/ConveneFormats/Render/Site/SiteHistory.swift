import ConveneCore

/// The versions of an agenda published into one folder, oldest first: what `versions.json`
/// holds. Each version keeps every placement in short form (the session's id and title, its
/// start and end, its rooms with their names and sites), so that "What changed" can say in words
/// what each release changed, and the calendars can number each event's revisions, even for
/// sessions the input no longer has.
///
/// A publish adds a version only when a placement changed (a time, a room, a session added or
/// gone): publishing the same agenda again keeps the history as it is.
package struct SiteHistory: Sendable, Equatable {
    /// A room as a version names it.
    package struct Room: Sendable, Equatable {
        package var id: String
        package var name: String
        /// The building it is in; nil for the default site.
        package var site: String?
    }

    /// One event of the agenda across versions: a session's id and which of its runs (1 for a
    /// session that takes place once).
    package struct Key: Sendable, Hashable, Comparable {
        package var session: String
        package var run: Int

        package init(session: String, run: Int = 1) {
            self.session = session
            self.run = run
        }

        package static func < (a: Key, b: Key) -> Bool { (a.session, a.run) < (b.session, b.run) }
    }

    /// Where and when a run of a session took place in one version.
    package struct Placement: Sendable, Equatable {
        /// The session's id.
        package var session: String
        /// Which run of the session, 1-based, and how many it had then (`run` and `runs` in
        /// `versions.json`, for a session that takes place more than once).
        package var run: Int = 1
        package var runs: Int = 1
        /// Its title (its id when it has none).
        package var title: String
        /// First and last instant, seconds since 1970.
        package var start: Int
        package var end: Int
        package var rooms: [Room]

        /// The event it is a version of.
        package var key: Key { Key(session: session, run: run) }

        /// `Workshop (run 2 of 2)`: the title as the site names the run.
        package var label: String { runs > 1 || run > 1 ? "\(title) (run \(run) of \(max(run, runs)))" : title }

        /// Whether `other` is at another time or in another set of rooms.
        package func differs(from other: Placement) -> Bool {
            start != other.start || end != other.end || Set(rooms.map(\.id)) != Set(other.rooms.map(\.id))
        }
    }

    /// One published version.
    package struct Version: Sendable, Equatable {
        /// When it was published, seconds since 1970; nil for an agenda given with `--previous`
        /// before this folder had a history (published elsewhere, or not at all).
        package var published: Int?
        /// By session id order of the agenda.
        package var placements: [Placement]
    }

    /// The event's name and time zone when the history was last written.
    package var event: String
    package var timeZone: String
    package var versions: [Version]

    package init(event: String, timeZone: String, versions: [Version] = []) {
        self.event = event
        self.timeZone = timeZone
        self.versions = versions
    }

    /// The placements of `agenda` in short form, titles and rooms from `gathering`. A session the
    /// gathering does not have keeps its id as title, and its times from the agenda document.
    package static func placements(_ agenda: Agenda, _ g: Gathering) -> [Placement] {
        let chains = Chains(slots: g.slots, durations: g.sessions.map(\.durationMinutes))
        var seen = Set<Key>()
        var out: [Placement] = []
        for p in agenda.placements where seen.insert(Key(session: p.session, run: p.run)).inserted {
            let rooms = p.rooms.map { id in
                g.roomIndex[id].map { Room(id: id, name: g.rooms[$0].name ?? id, site: g.rooms[$0].siteName) }
                    ?? Room(id: id, name: id, site: nil)
            }
            if let s = g.sessionIndex[p.session], let t = g.slotIndex[p.start],
                let chain = chains.chain(minutes: g.sessions[s].durationMinutes, from: t)
            {
                out.append(
                    Placement(
                        session: p.session, run: p.run, runs: g.sessions[s].runs, title: g.sessions[s].title ?? p.session,
                        start: g.slots[chain.lowerBound].startSecond,
                        end: g.slots[chain.upperBound - 1].endSecond, rooms: rooms))
            } else if let text = p.startTime ?? g.slotIndex[p.start].map({ LocalTime.format(g.slots[$0].startSecond, in: g.timeZone) }),
                case .success(let start) = LocalTime.instant(text, in: g.timeZone)
            {
                var end = start
                if let text = p.endTime, case .success(let t) = LocalTime.instant(text, in: g.timeZone) { end = t }
                out.append(Placement(session: p.session, run: p.run, title: p.session, start: start, end: max(start, end), rooms: rooms))
            }
        }
        return out
    }

    /// The history with `agenda` as its newest version, published at `time`: a new version when
    /// any placement differs from the newest one; otherwise the same history (the newest
    /// version gets `time` if it had none, being published here for the first time).
    package func adding(_ placements: [Placement], at time: Int, event: String, timeZone: String) -> SiteHistory {
        var next = self
        next.event = event
        next.timeZone = timeZone
        if let last = versions.last, !Self.differ(last.placements, placements) {
            if last.published == nil { next.versions[versions.count - 1].published = time }
            return next
        }
        next.versions.append(Version(published: time, placements: placements))
        return next
    }

    static func differ(_ a: [Placement], _ b: [Placement]) -> Bool {
        guard a.count == b.count else { return true }
        let before = Dictionary(a.map { ($0.key, $0) }, uniquingKeysWith: { x, _ in x })
        return b.contains { p in before[p.key].map { $0.differs(from: p) } ?? true }
    }

    /// What one event (a run of a session) has been through, for its calendar entry.
    package struct Revisions: Sendable, Equatable {
        /// The versions in which its time or rooms changed (being cancelled counts; being first
        /// added does not): the event's `SEQUENCE`.
        package var sequence: Int
        /// When the publish that last changed it (or first published it) was made: `LAST-MODIFIED`.
        package var lastModified: Int?
        /// Its newest placement, in the newest version that has one.
        package var last: Placement
        /// Whether the newest version leaves it out.
        package var cancelled: Bool
    }

    /// Every event (run of a session) the history has ever placed.
    package func revisions() -> [Key: Revisions] {
        var out: [Key: Revisions] = [:]
        var firstTime: Int?
        // A change in a version without a time (the agenda given with --previous) is dated by the
        // first publish after it.
        var undated: Set<Key> = []
        for (i, version) in versions.enumerated() {
            let now = Dictionary(version.placements.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            if firstTime == nil, let t = version.published {
                firstTime = t
                for id in undated { out[id]?.lastModified = t }
                undated = []
            }
            func touch(_ id: Key) {
                if let t = version.published { out[id]?.lastModified = t } else { undated.insert(id) }
            }
            for p in version.placements {
                if var r = out[p.key] {
                    if r.cancelled || r.last.differs(from: p) {
                        r.sequence += 1
                        r.cancelled = false
                        r.last = p
                        out[p.key] = r
                        touch(p.key)
                    } else {
                        out[p.key]?.last = p
                    }
                } else {
                    out[p.key] = Revisions(sequence: 0, lastModified: nil, last: p, cancelled: false)
                    touch(p.key)
                }
            }
            guard i > 0 else { continue }
            for (id, r) in out where !r.cancelled && now[id] == nil {
                out[id]?.cancelled = true
                out[id]?.sequence += 1
                touch(id)
            }
        }
        return out
    }

    /// The changes the version at `index` made to the one before it, in time order.
    package func changes(at index: Int) -> [SiteChange] {
        guard versions.indices.contains(index), index > 0 else { return [] }
        let before = Dictionary(versions[index - 1].placements.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let after = versions[index].placements
        let now = Set(after.map(\.key))
        var out: [SiteChange] = []
        for p in after {
            guard let was = before[p.key] else {
                out.append(SiteChange(kind: .added, before: nil, after: p))
                continue
            }
            if was.start != p.start || was.end != p.end {
                out.append(SiteChange(kind: .moved, before: was, after: p))
            } else if was.differs(from: p) {
                out.append(SiteChange(kind: .roomChanged, before: was, after: p))
            }
        }
        for p in versions[index - 1].placements where !now.contains(p.key) {
            out.append(SiteChange(kind: .cancelled, before: p, after: nil))
        }
        return out.sorted { ($0.placement.start, $0.placement.title, $0.key) < ($1.placement.start, $1.placement.title, $1.key) }
    }
}

/// One event's (a run of a session) change from one published version to the next.
package struct SiteChange: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// On the agenda now, not before.
        case added
        /// At another time (and perhaps in other rooms).
        case moved
        /// At the same time in other rooms.
        case roomChanged
        /// On the agenda before, not now (left out, or gone from the input).
        case cancelled
    }

    package var kind: Kind
    package var before: SiteHistory.Placement?
    package var after: SiteHistory.Placement?

    package var session: String { (after ?? before)?.session ?? "" }

    /// The event (session and run) it changed.
    package var key: SiteHistory.Key { (after ?? before)?.key ?? SiteHistory.Key(session: "", run: 1) }

    /// The newer placement, else the older.
    package var placement: SiteHistory.Placement {
        after ?? before ?? SiteHistory.Placement(session: "", title: "", start: 0, end: 0, rooms: [])
    }

    /// `New`, `Moved`, `New room` or `Cancelled`: the mark on the session wherever it appears.
    package var mark: String {
        switch kind {
        case .added: "New"
        case .moved: "Moved"
        case .roomChanged: "New room"
        case .cancelled: "Cancelled"
        }
    }
}
