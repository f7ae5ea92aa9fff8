internal import Synchronization

/// Opens once: tasks that wait on it resume when it opens (or at once if it is open). The feed consumer waits on it
/// until the in-memory index has been loaded from the store.
public final class StartupGate: Sendable {
    private struct State {
        var open = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    public init(open: Bool = false) {
        self.state.withLock { $0.open = open }
    }

    public var isOpen: Bool { self.state.withLock { $0.open } }

    public func open() {
        let waiters = self.state.withLock { state in
            state.open = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits until the gate is open (returns at once if it is).
    ///
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func wait() async throws {
        let id = self.state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = self.state.withLock { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        if !self.isOpen { throw CancellationError() }
    }
}
