import Foundation
import Synchronization

/// One job's progress on its way to the people watching it: each better agenda or bound as a `progress` event, then
/// `done`. Solvers report from their own threads, so the state is kept under a lock.
///
/// A job is cancelled when it loses its last listener before it ends (the events stream's client went away and no
/// other stream of the same job is open); a job nobody ever listened to runs to its end.
package final class JobChannel: Sendable {
    /// A better agenda or bound, as the `progress` event carries it.
    package struct Progress: Sendable, Equatable {
        package var objective: Int?
        package var bound: Int?
        package var solver: String
        package var seconds: Double

        /// (objective − bound) ÷ objective, when both are known.
        package var gap: Double? {
            guard let objective, let bound else { return nil }
            return objective == 0 ? (bound >= 0 ? 0 : 1) : Double(objective - bound) / Double(abs(objective))
        }

        var json: String {
            func int(_ v: Int?) -> String { v.map(String.init) ?? "null" }
            let gapText = gap.map { String(format: "%.6g", $0) } ?? "null"
            let seconds = String(format: "%.3f", self.seconds)
            return #"{"objective":\#(int(objective)),"bound":\#(int(bound)),"gap":\#(gapText),"solver":"\#(solver)","seconds":\#(seconds)}"#
        }
    }

    private struct State {
        var latest: Progress?
        var listeners: [Int: AsyncStream<ArraySlice<UInt8>>.Continuation] = [:]
        var nextListener = 0
        /// The `done` event, once the job has ended.
        var done: ArraySlice<UInt8>?
        var ticker: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let abandoned: @Sendable () -> Void

    /// `abandoned` is called when the last listener leaves before the job has ended.
    package init(abandoned: @escaping @Sendable () -> Void) { self.abandoned = abandoned }

    /// The best agenda and bound reported so far.
    package var latest: Progress? { state.withLock { $0.latest } }

    /// Merges a report (a better agenda, or a better bound) into the best so far and tells every listener.
    package func report(objective: Int?, bound: Int?, solver: String, seconds: Double) {
        state.withLock { s in
            var next = s.latest ?? Progress(objective: nil, bound: nil, solver: solver, seconds: seconds)
            var better = s.latest == nil
            if let objective, next.objective.map({ objective < $0 }) ?? true {
                next.objective = objective
                better = true
            }
            if let bound, next.bound.map({ bound > $0 }) ?? true {
                next.bound = bound
                better = true
            }
            // Only a better agenda or a better bound is news.
            guard better else { return }
            next.solver = solver
            next.seconds = seconds
            s.latest = next
            let event = Self.event("progress", next.json)
            for listener in s.listeners.values { listener.yield(event) }
        }
    }

    /// Ends the stream of every listener with the `done` event (its data: the job as `GET /api/jobs/J` shows it).
    package func finish(job: Data) {
        let listeners = state.withLock { s in
            s.done = Self.event("done", String(decoding: job, as: UTF8.self))
            s.ticker?.cancel()
            s.ticker = nil
            defer { s.listeners = [:] }
            return s.listeners.values.map { ($0, s.done ?? []) }
        }
        for (listener, event) in listeners {
            listener.yield(event)
            listener.finish()
        }
    }

    /// A new listener's events: the latest progress first, then each report, then `done`; a comment line every second
    /// meanwhile, so that a client that went away is noticed.
    package func listen() -> JobEvents {
        let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream(bufferingPolicy: .unbounded)
        let id: Int? = state.withLock { s in
            if let done = s.done {
                if let latest = s.latest { continuation.yield(Self.event("progress", latest.json)) }
                continuation.yield(done)
                continuation.finish()
                return nil
            }
            let id = s.nextListener
            s.nextListener += 1
            s.listeners[id] = continuation
            continuation.yield(ArraySlice(": listening\n\n".utf8))
            if let latest = s.latest { continuation.yield(Self.event("progress", latest.json)) }
            return id
        }
        guard let id else { return JobEvents(stream: stream, leave: nil) }
        startTicking()
        let leave: @Sendable () -> Void = { [weak self] in self?.leave(id) }
        return JobEvents(stream: stream, leave: leave)
    }

    /// A comment line to every listener each second while the job has listeners.
    private func startTicking() {
        let ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                self?.tick()
            }
        }
        let kept = state.withLock { s -> Bool in
            guard s.ticker == nil, s.done == nil else { return false }
            s.ticker = ticker
            return true
        }
        if !kept { ticker.cancel() }
    }

    private func tick() {
        state.withLock { s in
            for listener in s.listeners.values { listener.yield(ArraySlice(": waiting\n\n".utf8)) }
        }
    }

    private func leave(_ id: Int) {
        let lastLeft = state.withLock { s in
            guard s.listeners.removeValue(forKey: id) != nil, s.done == nil else { return false }
            if s.listeners.isEmpty {
                s.ticker?.cancel()
                s.ticker = nil
                return true
            }
            return false
        }
        if lastLeft { abandoned() }
    }

    private static func event(_ name: String, _ data: String) -> ArraySlice<UInt8> {
        ArraySlice("event: \(name)\ndata: \(data)\n\n".utf8)
    }
}

/// One listener's server-sent events. When the server stops reading them (the client went away) the iterator is
/// released, and the listener leaves its job's channel.
package struct JobEvents: AsyncSequence, Sendable {
    package typealias Element = ArraySlice<UInt8>
    let stream: AsyncStream<ArraySlice<UInt8>>
    let leave: (@Sendable () -> Void)?

    package func makeAsyncIterator() -> Iterator { Iterator(stream.makeAsyncIterator(), leave: leave) }

    /// Reads the stream; leaves the channel when released.
    package final class Iterator: AsyncIteratorProtocol {
        private var base: AsyncStream<ArraySlice<UInt8>>.Iterator
        private let leave: (@Sendable () -> Void)?

        init(_ base: AsyncStream<ArraySlice<UInt8>>.Iterator, leave: (@Sendable () -> Void)?) {
            self.base = base
            self.leave = leave
        }

        package func next() async -> ArraySlice<UInt8>? { await base.next() }

        deinit { leave?() }
    }
}
