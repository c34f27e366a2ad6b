import Testing

/// Tests run side by side in one process on few cores. A test that measures how soon something
/// happens (a cancelled solve returning) needs the machine to itself; the heavy suites share it.
/// `.measuresTime` waits until no `.sharesCPU` test runs and keeps new ones waiting meanwhile.
package actor CPUGate {
    package static let shared = CPUGate()

    private var sharing = 0
    private var exclusive = false
    private var waitingExclusive = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enterShared() async {
        while exclusive || waitingExclusive > 0 { await park() }
        sharing += 1
    }

    func leaveShared() {
        sharing -= 1
        wake()
    }

    func enterExclusive() async {
        waitingExclusive += 1
        while exclusive || sharing > 0 { await park() }
        waitingExclusive -= 1
        exclusive = true
    }

    func leaveExclusive() {
        exclusive = false
        wake()
    }

    private func park() async { await withCheckedContinuation { waiters.append($0) } }

    private func wake() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}

/// The trait that makes a suite or test share the machine with other heavy tests, but never run
/// while a `.measuresTime` test does.
package struct SharesCPU: SuiteTrait, TestTrait, TestScoping {
    package var isRecursive: Bool { true }

    package func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws
    {
        guard testCase != nil else { return try await function() }
        await CPUGate.shared.enterShared()
        do {
            try await function()
        } catch {
            await CPUGate.shared.leaveShared()
            throw error
        }
        await CPUGate.shared.leaveShared()
    }
}

/// The trait that gives a test the machine to itself (as far as the `.sharesCPU` tests go).
package struct MeasuresTime: SuiteTrait, TestTrait, TestScoping {
    package var isRecursive: Bool { true }

    package func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws
    {
        guard testCase != nil else { return try await function() }
        await CPUGate.shared.enterExclusive()
        do {
            try await function()
        } catch {
            await CPUGate.shared.leaveExclusive()
            throw error
        }
        await CPUGate.shared.leaveExclusive()
    }
}

extension Trait where Self == SharesCPU {
    /// Heavy work that may run beside other heavy work, but not while time is measured.
    package static var sharesCPU: Self { SharesCPU() }
}

extension Trait where Self == MeasuresTime {
    /// Time is measured: the heavy tests wait.
    package static var measuresTime: Self { MeasuresTime() }
}
