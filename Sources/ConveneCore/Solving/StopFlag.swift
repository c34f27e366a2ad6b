import Synchronization

/// A flag that stops a solve: set when the calling task is cancelled, or by the portfolio when
/// one solver no longer needs the other. A flag with a parent is also set when its parent is.
/// Solvers read it between moves and from GLPK's callback, so it must be cheap: one atomic load
/// per level.
package final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    private let parent: StopFlag?

    package init(parent: StopFlag? = nil) { self.parent = parent }

    package var isRaised: Bool { raised.load(ordering: .relaxed) || parent?.isRaised == true }

    package func raise() { raised.store(true, ordering: .relaxed) }
}
