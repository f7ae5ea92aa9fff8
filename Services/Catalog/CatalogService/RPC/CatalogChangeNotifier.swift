internal import Synchronization

/// Wakes the open WatchCatalog streams when the catalog changes. It carries no data: each watcher then reads the
/// change log after the last sequence it sent, so changes reach every watcher in order and without gaps, however
/// many writes happen while it is busy.
public final class CatalogChangeNotifier: Sendable {
    private struct State {
        var watchers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// How many watch streams are open.
    public var watcherCount: Int { self.state.withLock { $0.watchers.count } }

    /// A stream that yields after each committed write (coalesced while the watcher is busy) and finishes with
    /// ``finishAll()``. Subscribe before reading the current sequence so that no write is missed.
    func subscribe() -> AsyncStream<Void> {
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

    /// Tells every watcher that the change log has grown.
    public func publish() {
        let watchers = self.state.withLock { Array($0.watchers.values) }
        for watcher in watchers { watcher.yield() }
    }

    /// Ends every watch stream (they end with OK) and refuses new ones: for shutdown.
    public func finishAll() {
        let watchers = self.state.withLock { state in
            state.finished = true
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers { watcher.finish() }
    }
}
