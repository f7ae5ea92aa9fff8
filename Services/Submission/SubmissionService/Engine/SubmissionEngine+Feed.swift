internal import RPCCore
public import DomainModel

extension SubmissionEngine {
    /// One message of the event feed.
    public enum FeedMessage: Hashable, Sendable {
        /// First: the latest sequence when the feed was opened, and whether the consumer must rebuild.
        case started(currentSequence: Int64, resetRequired: Bool)
        case event(DossierEvent)
    }

    /// Events read from the store at a time while catching up.
    public static let feedBatchSize = 1000

    /// Sends `started`, then every event after `afterSequence` in order, then each new event as it is committed, until
    /// the caller is cancelled or the feed is finished (shutdown).
    ///
    /// The stream subscribes to commits before it reads the latest sequence, and always reads the store after the last
    /// sequence it sent: nothing is skipped, repeated or reordered, however many writers commit meanwhile.
    ///
    /// - Parameter send: writes one message (suspends while the consumer is slow).
    public func streamEvents(
        after afterSequence: Int64, send: @escaping @Sendable (FeedMessage) async throws -> Void
    ) async throws(SubmissionError) {
        guard afterSequence >= 0 else {
            throw SubmissionError.invalid(field: "after_sequence", "must not be negative (got \(afterSequence))")
        }
        let wakeUps = self.store.feedNotifier.subscribe()
        do {
            let current = try await self.store.latestSequence()
            let reset = afterSequence > current
            try await send(.started(currentSequence: current, resetRequired: reset))
            var last = reset ? 0 : afterSequence
            func catchUp() async throws {
                while true {
                    try Task.checkCancellation()
                    let events = try await self.store.events(after: last, limit: Self.feedBatchSize)
                    for event in events {
                        try await send(.event(event))
                        last = event.sequence
                    }
                    if events.count < Self.feedBatchSize { return }
                }
            }
            try await catchUp()
            for await _ in wakeUps {
                try await catchUp()
            }
        } catch is CancellationError {
            return
        } catch {
            throw SubmissionError(mapping: error)
        }
    }
}
