internal import Synchronization

/// Commits concurrent writes together: one transaction (and one fsync) for every write waiting, with each write
/// isolated from the others.
///
/// There is no background task. A caller that finds no commit in progress becomes the leader: it takes every waiting
/// write (up to ``maximumBatch``) and runs them as one batch through `execute`, repeatedly while more arrive. Once its
/// own writes are done it hands the lead to the caller of the oldest waiting write and returns, so no caller keeps
/// committing for others under a sustained load. Callers that find a commit in progress just wait: their writes go into
/// the next batch. Throughput rises with concurrency while every write is still durable before its caller returns.
final class GroupCommitter<Context>: Sendable {
    /// One write of a batch: runs in the batch's transaction.
    typealias Body = @Sendable (Context) throws -> Void
    /// Runs a batch in one transaction, each body isolated from the others, and commits; returns one outcome per body
    /// (all failures when the commit itself failed).
    typealias Execute = @Sendable ([Body]) async -> [Result<Void, any Error>]

    private struct Item: Sendable {
        let body: Body
        let finish: @Sendable (Result<Void, any Error>) -> Void
        let ticket: Ticket
    }

    private struct State {
        var queue: [Item] = []
        var leading = false
    }

    let maximumBatch: Int
    private let execute: Execute
    private let state = Mutex(State())

    init(maximumBatch: Int = 512, execute: @escaping Execute) {
        self.maximumBatch = maximumBatch
        self.execute = execute
    }

    /// Runs one write; returns its result once its batch is committed.
    func perform<T: Sendable>(_ work: @escaping @Sendable (Context) throws -> T) async throws -> T {
        try await self.performAll([work])[0].get()
    }

    /// Runs writes in order (in one batch when they fit); one outcome each, once all are committed.
    func performAll<T: Sendable>(_ works: [@Sendable (Context) throws -> T]) async -> [Result<T, any Error>] {
        guard !works.isEmpty else { return [] }
        let ticket = Ticket(count: works.count)
        let boxes = works.map { _ in OutcomeBox<T>() }
        var items: [Item] = []
        items.reserveCapacity(works.count)
        for (work, box) in zip(works, boxes) {
            items.append(Item(
                body: { context in box.set(.success(try work(context))) },
                finish: { outcome in
                    if case .failure(let error) = outcome { box.set(.failure(error)) }
                    ticket.itemFinished()
                },
                ticket: ticket))
        }
        let lead = self.state.withLock { state in
            state.queue.append(contentsOf: items)
            if state.leading { return false }
            state.leading = true
            return true
        }
        if lead { await self.lead(until: ticket) }
        while true {
            switch await ticket.next() {
            case .finished:
                return boxes.map { $0.take() }
            case .lead:
                await self.lead(until: ticket)
            }
        }
    }

    private enum Decision {
        case keepGoing
        case stop
        case handOff(Ticket)
    }

    /// Commits batches until this caller's writes are done, then hands the lead over (or gives it up when nothing waits).
    private func lead(until ticket: Ticket) async {
        while true {
            let batch: [Item] = self.state.withLock { state in
                let count = min(state.queue.count, self.maximumBatch)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                return batch
            }
            if !batch.isEmpty {
                let outcomes = await self.execute(batch.map(\.body))
                for (item, outcome) in zip(batch, outcomes) { item.finish(outcome) }
            }
            let decision: Decision = self.state.withLock { state in
                if state.queue.isEmpty {
                    state.leading = false
                    return .stop
                }
                return ticket.isFinished ? .handOff(state.queue[0].ticket) : .keepGoing
            }
            switch decision {
            case .keepGoing: continue
            case .stop: return
            case .handOff(let next):
                next.send(.lead)
                return
            }
        }
    }
}

/// What the caller of a group of writes waits for: the lead (commit the waiting writes) or the end of its writes.
private final class Ticket: Sendable {
    enum Signal: Sendable {
        case lead
        case finished
    }

    private struct State {
        var remaining: Int
        var signals: [Signal] = []
        var waiter: CheckedContinuation<Signal, Never>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        self.state = Mutex(State(remaining: count))
    }

    var isFinished: Bool { self.state.withLock { $0.remaining == 0 } }

    func itemFinished() {
        let finished = self.state.withLock { state in
            state.remaining -= 1
            return state.remaining == 0
        }
        if finished { self.send(.finished) }
    }

    func send(_ signal: Signal) {
        let waiter: CheckedContinuation<Signal, Never>? = self.state.withLock { state in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.signals.append(signal)
            return nil
        }
        waiter?.resume(returning: signal)
    }

    /// The next signal. Not cancellable: a write in a batch always completes, and its caller must hear how.
    func next() async -> Signal {
        await withCheckedContinuation { continuation in
            let ready: Signal? = self.state.withLock { state in
                if !state.signals.isEmpty { return state.signals.removeFirst() }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// The outcome of one write.
private final class OutcomeBox<T: Sendable>: Sendable {
    private let outcome = Mutex<Result<T, any Error>?>(nil)

    func set(_ result: Result<T, any Error>) { self.outcome.withLock { $0 = result } }

    func take() -> Result<T, any Error> {
        self.outcome.withLock { $0 } ?? .failure(SubmissionError(code: .internal, message: "a write finished without an outcome"))
    }
}
