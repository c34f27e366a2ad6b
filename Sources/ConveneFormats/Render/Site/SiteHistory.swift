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

    /// Where and when a session ran in one version. (When sessions run more than once, a run
    /// number will join the session's id as the key of an event.)
    package struct Placement: Sendable, Equatable {
        /// The session's id.
        package var session: String
        /// Its title (its id when it has none).
        package var title: String
        /// First and last instant, seconds since 1970.
        package var start: Int
        package var end: Int
        package var rooms: [Room]

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
        var seen = Set<String>()
        var out: [Placement] = []
        for p in agenda.placements where seen.insert(p.session).inserted {
            let rooms = p.rooms.map { id in
                g.roomIndex[id].map { Room(id: id, name: g.rooms[$0].name ?? id, site: g.rooms[$0].siteName) }
                    ?? Room(id: id, name: id, site: nil)
            }
            if let s = g.sessionIndex[p.session], let t = g.slotIndex[p.start],
                let chain = chains.chain(minutes: g.sessions[s].durationMinutes, from: t)
            {
                out.append(
                    Placement(
                        session: p.session, title: g.sessions[s].title ?? p.session, start: g.slots[chain.lowerBound].startSecond,
                        end: g.slots[chain.upperBound - 1].endSecond, rooms: rooms))
            } else if let text = p.startTime ?? g.slotIndex[p.start].map({ LocalTime.format(g.slots[$0].startSecond, in: g.timeZone) }),
                case .success(let start) = LocalTime.instant(text, in: g.timeZone)
            {
                var end = start
                if let text = p.endTime, case .success(let t) = LocalTime.instant(text, in: g.timeZone) { end = t }
                out.append(Placement(session: p.session, title: p.session, start: start, end: max(start, end), rooms: rooms))
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
        let before = Dictionary(a.map { ($0.session, $0) }, uniquingKeysWith: { x, _ in x })
        return b.contains { p in before[p.session].map { $0.differs(from: p) } ?? true }
    }

    /// What one session's event has been through, for its calendar entry.
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

    /// Every session the history has ever placed, by id.
    package func revisions() -> [String: Revisions] {
        var out: [String: Revisions] = [:]
        var firstTime: Int?
        // A change in a version without a time (the agenda given with --previous) is dated by the
        // first publish after it.
        var undated: Set<String> = []
        for (i, version) in versions.enumerated() {
            let now = Dictionary(version.placements.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
            if firstTime == nil, let t = version.published {
                firstTime = t
                for id in undated { out[id]?.lastModified = t }
                undated = []
            }
            func touch(_ id: String) {
                if let t = version.published { out[id]?.lastModified = t } else { undated.insert(id) }
            }
            for p in version.placements {
                if var r = out[p.session] {
                    if r.cancelled || r.last.differs(from: p) {
                        r.sequence += 1
                        r.cancelled = false
                        r.last = p
                        out[p.session] = r
                        touch(p.session)
                    } else {
                        out[p.session]?.last = p
                    }
                } else {
                    out[p.session] = Revisions(sequence: 0, lastModified: nil, last: p, cancelled: false)
                    touch(p.session)
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
        let before = Dictionary(versions[index - 1].placements.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        let after = versions[index].placements
        let now = Set(after.map(\.session))
        var out: [SiteChange] = []
        for p in after {
            guard let was = before[p.session] else {
                out.append(SiteChange(kind: .added, before: nil, after: p))
                continue
            }
            if was.start != p.start || was.end != p.end {
                out.append(SiteChange(kind: .moved, before: was, after: p))
            } else if was.differs(from: p) {
                out.append(SiteChange(kind: .roomChanged, before: was, after: p))
            }
        }
        for p in versions[index - 1].placements where !now.contains(p.session) {
            out.append(SiteChange(kind: .cancelled, before: p, after: nil))
        }
        return out.sorted { ($0.placement.start, $0.placement.title, $0.session) < ($1.placement.start, $1.placement.title, $1.session) }
    }
}

/// One session's change from one published version to the next.
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
