internal import RPCCore
internal import DomainModel
public import RPCProtobuf

extension CatalogService {
    /// WatchCatalog: sends `started`, then the changes after `after_sequence` (when it can be continued), then every
    /// change as it is committed, until the caller cancels or the notifier is finished (shutdown).
    ///
    /// - Parameter send: writes one response message.
    public func watchCatalog(
        _ request: Motcua_Catalog_V1_WatchCatalogRequest,
        send: @escaping @Sendable (Motcua_Catalog_V1_WatchCatalogResponse) async throws -> Void
    ) async throws {
        try await self.handling {
            try self.validateWatch(request)
            // Subscribed before the current sequence is read, so that no write in between is missed.
            let wakeUps = self.notifier.subscribe()
            let current = try await self.store.latestSequence()
            let oldest = try await self.store.oldestRetainedSequence()
            let after = request.afterSequence
            let canContinue = after > 0 && after <= current && (after == current || (oldest.map { after >= $0 - 1 } ?? false))
            var started = Motcua_Catalog_V1_WatchStarted()
            started.currentSequence = current
            started.resetRequired = after > 0 && !canContinue
            var first = Motcua_Catalog_V1_WatchCatalogResponse()
            first.event = .started(started)
            try await send(first)

            var last = canContinue ? after : current
            func catchUp() async throws {
                while true {
                    try Task.checkCancellation()
                    let changes = try await self.store.changes(after: last, limit: Self.watchBatchSize)
                    for change in changes {
                        var message = Motcua_Catalog_V1_WatchCatalogResponse()
                        message.event = .change(Motcua_Catalog_V1_CatalogChange(change))
                        try await send(message)
                        last = change.sequence
                    }
                    if changes.count < Self.watchBatchSize { return }
                }
            }
            try await catchUp()
            for await _ in wakeUps {
                try await catchUp()
            }
        }
    }

    func validateWatch(_ request: Motcua_Catalog_V1_WatchCatalogRequest) throws(DomainError) {
        guard request.afterSequence >= 0 else {
            throw DomainError.invalid(field: "after_sequence", "must not be negative (got \(request.afterSequence))")
        }
    }
}
