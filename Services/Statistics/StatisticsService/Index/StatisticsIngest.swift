public import DomainModel

/// Applies feed events: each batch to the store (one transaction with the cursor), then, once committed, to the
/// in-memory index, then tells the watchers. The only writer of the store and the index.
public struct StatisticsIngest: Sendable {
    public let store: any StatisticsStore
    public let index: StatisticsIndex
    public let notifier: ReportChangeNotifier

    public init(store: any StatisticsStore, index: StatisticsIndex, notifier: ReportChangeNotifier = ReportChangeNotifier()) {
        self.store = store
        self.index = index
        self.notifier = notifier
    }

    /// Loads the index from the store (at startup).
    public func loadIndex() async throws {
        let units = try await self.store.loadUnitCounters()
        let cells = try await self.store.loadCellCounters()
        guard units.cursor == cells.cursor else {
            throw StatisticsError(code: .storage, message: "the store changed while the index was loading (cursor \(units.cursor), then \(cells.cursor))")
        }
        self.index.load(units, cells: cells)
        self.notifier.publish()
    }

    /// Applies a batch of consecutive events after the cursor.
    ///
    /// - Throws: ``StatisticsError`` (`sequenceGap` when the batch does not continue the cursor); nothing changes then.
    @discardableResult
    public func apply(_ events: [FeedEvent], beforeCommit: (@Sendable () throws -> Void)? = nil) async throws -> AppliedBatch {
        let batch = try await self.store.apply(events, beforeCommit: beforeCommit)
        self.index.apply(batch)
        if batch.events > 0 { self.notifier.publish() }
        return batch
    }

    /// Forgets everything, to rebuild from sequence 0.
    public func reset() async throws {
        try await self.store.reset()
        self.index.reset()
        self.notifier.publish()
    }
}
