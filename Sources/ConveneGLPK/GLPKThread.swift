import Foundation

/// Runs a GLPK solve on a thread of its own (GLPK's environment is per thread, and the problem
/// is created, solved and deleted there) and waits for it no longer than the time limit plus a
/// grace period (`wait`, in seconds; nil waits as long as it takes). GLPK cannot be interrupted
/// between its callbacks, and some phases (the root LP
/// of a large model, cut preparation) run long without one; then the solve is cancelled, left
/// to finish on its own thread, and nil is returned so the caller keeps its promise.
enum GLPKThread {
    static func run(wait: Double?, cancel: Cancellation, _ body: @escaping @Sendable () -> GLPKResult) -> GLPKResult? {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(body())
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        guard let wait else {
            done.wait()
            return box.value
        }
        if done.wait(timeout: .now() + wait) == .timedOut {
            cancel.cancel()
            return nil
        }
        return box.value
    }

    private final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var result: GLPKResult?
        var value: GLPKResult? {
            lock.lock()
            defer { lock.unlock() }
            return result
        }
        func set(_ r: GLPKResult) {
            lock.lock()
            result = r
            lock.unlock()
        }
    }
}
