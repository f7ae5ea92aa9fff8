internal import Synchronization

/// Wakes the open watch-style server streams (a change feed, a catalog watch, a live report) after each committed
/// change. It carries no data: each stream then reads what happened after the last thing it sent (or recomputes what
/// it shows), so every stream sees every change in order, however many commits happen while it is busy.
///
/// Call ``finishAll()`` when shutdown begins (see `ServiceRunner`'s `onShutdown`) so open streams end at once instead
/// of holding the process for the transport's grace period.
public final class ChangeNotifier: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// How many streams are subscribed.
    public var subscriberCount: Int { self.state.withLock { $0.subscribers.count } }

    /// A stream that yields after each commit (coalesced while the subscriber is busy) and finishes with
    /// ``finishAll()``. Subscribe before reading the feed so that no commit is missed.
    public func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id: Int? = self.state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every subscriber that the feed has grown.
    public func publish() {
        let subscribers = self.state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield() }
    }

    /// Ends every subscription and refuses new ones (for shutdown).
    public func finishAll() {
        let subscribers = self.state.withLock { state in
            state.finished = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
