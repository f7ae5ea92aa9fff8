internal import Synchronization

/// Wakes the open WatchReport streams after each committed batch. It carries no data: each watcher recomputes its
/// report and sends it only if it changed, so many batches while a watcher is busy cost it one recomputation.
public final class ReportChangeNotifier: Sendable {
    private struct State {
        var watchers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// How many watchers are subscribed.
    public var watcherCount: Int { self.state.withLock { $0.watchers.count } }

    /// A stream that yields after each change (coalesced while the watcher is busy) and finishes with ``finishAll()``.
    public func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id: Int? = self.state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.watchers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every watcher that the numbers may have changed.
    public func publish() {
        let watchers = self.state.withLock { Array($0.watchers.values) }
        for watcher in watchers { watcher.yield() }
    }

    /// Ends every watch stream and refuses new ones: for shutdown.
    public func finishAll() {
        let watchers = self.state.withLock { state in
            state.finished = true
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.finish() }
    }
}
