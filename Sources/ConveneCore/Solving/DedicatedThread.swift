import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs long, blocking work (the search, GLPK) on a thread of its own rather than on one of
/// Swift concurrency's few shared threads, with a stack large enough for GLPK, and returns only
/// once that thread has ended: no thread outlives the call that started it.
package enum DedicatedThread {
    /// Counts the dedicated threads started within a task (and its child tasks) that are still
    /// running: set one with `$tally.withValue` around a solve, and it reads zero once the solve
    /// has returned.
    @TaskLocal package static var tally: Tally?

    /// A count of running threads.
    package final class Tally: Sendable {
        private let count = Atomic<Int>(0)
        package init() {}
        /// Threads started and not yet ended.
        package var running: Int { count.load(ordering: .acquiring) }
        fileprivate func add(_ n: Int) { count.add(n, ordering: .acquiringAndReleasing) }
    }

    /// GLPK's branch-and-cut and presolver recurse deeply on large programs.
    package static let defaultStackSize = 64 << 20

    /// Runs `body` on a new thread; the caller awaits its result without blocking a shared thread.
    package static func run<T: Sendable>(stackSize: Int = defaultStackSize, _ body: @escaping @Sendable () -> T) async -> T {
        let job = Job(body, tally: tally)
        var thread: Handle?
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            job.setContinuation(continuation)
            thread = start(job, stackSize: stackSize)
            if thread == nil { job.runHere() }  // no thread could be made: run on this one
        }
        if let thread { join(thread) }
        return job.takeResult()
    }

    /// Runs two bodies at once, each on a new thread that the calling task starts itself (a child
    /// task, as `async let` makes, first waits for a thread of Swift's small shared pool, which on a
    /// busy machine can outlast a time limit), and returns both results once both have ended.
    package static func run<A: Sendable, B: Sendable>(
        stackSize: Int = defaultStackSize, _ a: @escaping @Sendable () -> A, _ b: @escaping @Sendable () -> B
    ) async -> (A, B) {
        let latch = Latch()
        let first = Job(
            {
                defer { latch.arrive() }
                return a()
            }, tally: tally)
        let second = Job(
            {
                defer { latch.arrive() }
                return b()
            }, tally: tally)
        var threads: [Handle] = []
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            latch.wait(for: 2, then: continuation)
            if let thread = start(first, stackSize: stackSize) { threads.append(thread) } else { first.runHere() }
            if let thread = start(second, stackSize: stackSize) { threads.append(thread) } else { second.runHere() }
        }
        for thread in threads { join(thread) }
        return (first.takeResult(), second.takeResult())
    }

    /// Resumes a continuation once a number of threads have arrived.
    private final class Latch: Sendable {
        private let state = Mutex<(left: Int, continuation: CheckedContinuation<Void, Never>?)>((0, nil))

        func wait(for count: Int, then continuation: CheckedContinuation<Void, Never>) {
            state.withLock { $0 = (count, continuation) }
        }

        func arrive() {
            let done = state.withLock { s -> CheckedContinuation<Void, Never>? in
                s.left -= 1
                guard s.left == 0 else { return nil }
                defer { s.continuation = nil }
                return s.continuation
            }
            done?.resume()
        }
    }

    /// Runs `body` on a new thread and blocks the calling thread until it has ended, for callers
    /// that are not async (the explainer's feasibility checks).
    package static func runAndWait<T: Sendable>(stackSize: Int = defaultStackSize, _ body: @escaping @Sendable () -> T) -> T {
        let job = Job(body, tally: tally)
        if let thread = start(job, stackSize: stackSize) { join(thread) } else { job.runHere() }
        return job.takeResult()
    }

    typealias Handle = pthread_t

    private static func start<T>(_ job: Job<T>, stackSize: Int) -> Handle? {
        job.tally?.add(1)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let argument = Unmanaged.passRetained(job as AnyObject).toOpaque()
        #if canImport(Darwin)
            var handle: pthread_t?
            guard pthread_create(&handle, &attributes, entry, argument) == 0, let handle else {
                Unmanaged<AnyObject>.fromOpaque(argument).release()
                job.tally?.add(-1)
                return nil
            }
            return handle
        #else
            var handle = pthread_t()
            guard pthread_create(&handle, &attributes, entry, argument) == 0 else {
                Unmanaged<AnyObject>.fromOpaque(argument).release()
                job.tally?.add(-1)
                return nil
            }
            return handle
        #endif
    }

    private static func join(_ thread: Handle) {
        pthread_join(thread, nil)
    }
}

/// What the thread runs: the body, its result, and whom to tell when it is done.
private final class Job<T: Sendable>: Sendable, Runnable {
    private let body: @Sendable () -> T
    let tally: DedicatedThread.Tally?
    private let state = Mutex<(result: T?, continuation: CheckedContinuation<Void, Never>?)>((nil, nil))

    init(_ body: @escaping @Sendable () -> T, tally: DedicatedThread.Tally?) {
        self.body = body
        self.tally = tally
    }

    /// The thread is about to end.
    func finished() { tally?.add(-1) }

    func setContinuation(_ continuation: CheckedContinuation<Void, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    func runHere() {
        let result = body()
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.result = result
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume()
    }

    func takeResult() -> T {
        guard let result = state.withLock({ $0.result }) else {
            // `runHere` sets the result before the thread ends, and callers ask only after it has.
            preconditionFailure("a dedicated thread ended without a result")
        }
        return result
    }
}

private protocol Runnable: AnyObject {
    func runHere()
    func finished()
}

#if canImport(Darwin)
    private let entry: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { argument in
        let job = Unmanaged<AnyObject>.fromOpaque(argument).takeRetainedValue() as? Runnable
        job?.runHere()
        job?.finished()
        return nil
    }
#else
    private let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { argument in
        guard let argument else { return nil }
        let job = Unmanaged<AnyObject>.fromOpaque(argument).takeRetainedValue() as? Runnable
        job?.runHere()
        job?.finished()
        return nil
    }
#endif
