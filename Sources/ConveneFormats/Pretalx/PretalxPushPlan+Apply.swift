import ConveneCore
import Foundation

/// Reads pretalx's state and works out a push; the first failure, of pretalx or of the agenda.
public enum PretalxPushError: Error, Sendable {
    /// A request failed (after its retries).
    case pretalx(PretalxError)
    /// The agenda cannot be pushed: every reason, each at its place; nothing was written.
    case refused(DiagnosticError)
}

/// What a push did.
public struct PretalxPushOutcome: Sendable {
    /// Slots written (moved, placed or taken off).
    package internal(set) var slotsWritten = 0
    /// Submissions whose duration was written (once, or there and back).
    package internal(set) var submissionsWritten = 0
    /// Writes pretalx refused, each with what pretalx said; the others were made.
    public internal(set) var refused: [PretalxError] = []
    /// The failure that stopped the push before its end (no answer, pretalx unavailable, the token
    /// refused); running the push again goes on from where it stopped.
    public internal(set) var stopped: PretalxError?
    /// The version released, when the push released one: the one asked for, once ``succeeded``.
    package internal(set) var released: String?

    /// True when everything asked for was done.
    public var succeeded: Bool { refused.isEmpty && stopped == nil }
}

extension PretalxPushPlan {
    /// Checks the agenda, then reads pretalx's state with `client` and matches the agenda to it;
    /// writes nothing.
    ///
    /// - Parameters:
    ///   - gathering: the input the agenda was made for (the import's document).
    ///   - release: the name of a version to release after the push (`1.1`), or nil for none;
    ///     blank, `wip` and `latest` are refused, and so is a name pretalx already has.
    ///   - comment: what changed, shown with the released version in pretalx's changelog.
    ///   - inputName: how the input is named in problems (its file).
    ///   - agendaName: how the agenda is named in problems.
    public static func read(
        using client: PretalxClient, gathering: Gathering, agenda: Agenda, release: String? = nil, comment: String? = nil,
        inputName: String, agendaName: String
    ) async throws(PretalxPushError) -> PretalxPushPlan {
        if let release, let problem = PretalxRelease.problem(version: release) {
            let log = ImportLog()
            log.error(ImportOrigin(file: "--release"), problem)
            throw .refused(DiagnosticError(log.problems))
        }
        do {
            try check(agenda, gathering: gathering, agendaName: agendaName)
        } catch {
            throw .refused(error)
        }
        let state: PretalxState
        do {
            state = try await client.pushState(zone: gathering.timeZone)
        } catch {
            throw .pretalx(error)
        }
        do {
            return try PretalxPushPlan(
                gathering: gathering, agenda: agenda, state: state, release: release.map { PretalxRelease(version: $0, comment: comment) },
                inputName: inputName, agendaName: agendaName)
        } catch {
            throw .refused(error)
        }
    }

    /// Makes the writes, submission by submission (its slots, then its duration), then the release.
    ///
    /// A write pretalx refuses is recorded and the others go on, but nothing is released then;
    /// the token refused, no answer or pretalx unavailable stop the push at once.
    public func apply(using client: PretalxClient) async -> PretalxPushOutcome {
        var outcome = PretalxPushOutcome()
        func refused(_ error: PretalxError) -> Bool {
            if error.kind == .refused, error.status != 401, error.status != 403 {
                outcome.refused.append(error)
                return true
            }
            outcome.stopped = error
            return false
        }
        for submission in writes {
            var written = true
            for write in submission.slots {
                do {
                    try await self.write(write, using: client)
                    outcome.slotsWritten += 1
                } catch {
                    guard refused(error) else { return outcome }
                    written = false
                }
            }
            guard written, let duration = submission.duration else { continue }
            do {
                if duration.roundTrip {
                    _ = try await client.write("PATCH", "submissions/\(duration.code)/", body: Self.duration(duration.minutes + 1))
                }
                _ = try await client.write("PATCH", "submissions/\(duration.code)/", body: Self.duration(duration.minutes))
                outcome.submissionsWritten += 1
            } catch {
                guard refused(error) else { return outcome }
            }
        }
        guard let release, outcome.succeeded else { return outcome }
        var body: [JSONValue.Member] = [.init(key: "version", value: .string(release.version))]
        if let comment = release.comment { body.append(.init(key: "comment", value: .string(comment))) }
        do {
            let answer = try await client.write("POST", "schedules/release/", body: .object(body))
            outcome.released = SourceJSON.text(answer, "version") ?? release.version
        } catch {
            _ = refused(error)
        }
        return outcome
    }

    private static func duration(_ minutes: Int) -> JSONValue { .object([.init(key: "duration", value: .number(Double(minutes)))]) }

    /// One slot's `PATCH`, room and start together (a start without a room is not placed); the
    /// answer must show them, or pretalx did not take them.
    private func write(_ write: SlotWrite, using client: PretalxClient) async throws(PretalxError) {
        let room: JSONValue = write.after.map { .number(Double($0.room)) } ?? .null
        let start: JSONValue = write.after.map { .string(LocalTime.iso8601($0.start, in: zone)) } ?? .null
        let path = "slots/\(write.slot)/"
        let answer = try await client.write(
            "PATCH", path, body: .object([.init(key: "room", value: room), .init(key: "start", value: start)]))
        let shownStart = SourceJSON.text(answer, "start").flatMap(SourceTime.parse).map { $0.instant(in: zone) }
        let shown = PretalxState.Slot(
            id: write.slot, submission: write.run.code, room: SourceJSON.integer(SourceJSON.member(answer, "room")), start: shownStart)
        guard Self.place(shown) == write.after else {
            throw PretalxError(
                .refused, request: client.label("PATCH", client.url(path)),
                message: "pretalx answered with the slot at \(describe(Self.place(shown))), not \(describe(write.after))")
        }
    }
}
