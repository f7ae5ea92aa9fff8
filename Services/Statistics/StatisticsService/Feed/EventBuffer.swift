internal import Synchronization

/// A bounded buffer between the task that reads the feed and the task that applies it: the reader waits while it is
/// full (so a fast feed cannot fill the memory), and the applier takes everything buffered at once, up to a batch
/// size (so batches grow while a commit is in progress and stay small when the feed is live).
final class EventBuffer<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var finished = false
        var failure: (any Error)?
        var waitingProducer: CheckedContinuation<Void, Never>?
        var waitingConsumer: CheckedContinuation<Void, Never>?
        var producerCancelled = false
        var consumerCancelled = false
    }

    private enum TakeOutcome {
        case items([Element], CheckedContinuation<Void, Never>?)
        case end((any Error)?)
        case wait
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Appends an element, waiting while the buffer is full.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func push(_ element: Element) async throws {
        while true {
            try Task.checkCancellation()
            let (accepted, consumer) = self.state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
                guard state.items.count < self.capacity || state.finished else { return (false, nil) }
                if !state.finished { state.items.append(element) }
                defer { state.waitingConsumer = nil }
                return (true, state.waitingConsumer)
            }
            consumer?.resume()
            if accepted { return }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = self.state.withLock { state -> Bool in
                        if state.items.count < self.capacity || state.finished || state.producerCancelled { return true }
                        state.waitingProducer = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                let waiting = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                    state.producerCancelled = true
                    defer { state.waitingProducer = nil }
                    return state.waitingProducer
                }
                waiting?.resume()
            }
        }
    }

    /// Ends the buffer: the consumer gets what is left, then nil (or `failure` thrown).
    func finish(throwing failure: (any Error)? = nil) {
        let (consumer, producer) = self.state.withLock { state in
            if !state.finished {
                state.finished = true
                state.failure = failure
            }
            defer {
                state.waitingConsumer = nil
                state.waitingProducer = nil
            }
            return (state.waitingConsumer, state.waitingProducer)
        }
        consumer?.resume()
        producer?.resume()
    }

    /// Everything buffered, up to `limit` elements, waiting while the buffer is empty; nil once finished and empty.
    ///
    /// - Throws: the failure given to ``finish(throwing:)`` once the buffer is empty; `CancellationError`.
    func take(limit: Int) async throws -> [Element]? {
        while true {
            try Task.checkCancellation()
            let outcome = self.state.withLock { state -> TakeOutcome in
                if !state.items.isEmpty {
                    let taken: [Element]
                    if state.items.count <= limit {
                        taken = state.items
                        state.items = []
                        state.items.reserveCapacity(min(self.capacity, 4096))
                    } else {
                        taken = Array(state.items[..<limit])
                        state.items.removeFirst(limit)
                    }
                    defer { state.waitingProducer = nil }
                    return .items(taken, state.waitingProducer)
                }
                if state.finished { return .end(state.failure) }
                return .wait
            }
            switch outcome {
            case .items(let items, let producer):
                producer?.resume()
                return items
            case .end(let failure):
                if let failure { throw failure }
                return nil
            case .wait:
                await withTaskCancellationHandler {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        let resumeNow = self.state.withLock { state -> Bool in
                            if !state.items.isEmpty || state.finished || state.consumerCancelled { return true }
                            state.waitingConsumer = continuation
                            return false
                        }
                        if resumeNow { continuation.resume() }
                    }
                } onCancel: {
                    let waiting = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
                        state.consumerCancelled = true
                        defer { state.waitingConsumer = nil }
                        return state.waitingConsumer
                    }
                    waiting?.resume()
                }
            }
        }
    }
}
