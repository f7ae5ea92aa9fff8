public import RPCCore
public import DomainModel
internal import Foundation
internal import GRDB
public import Logging

/// ``SubmissionStore`` on SQLite through GRDB: one database file (`submission.sqlite`) in write-ahead-log mode with
/// `synchronous=FULL`, so a commit is on disk before it returns.
///
/// All writes go through one ``GroupCommitter``: concurrent writes share a transaction (one fsync), isolated from each
/// other (a failing write sends its batch back to run write by write, each in a savepoint); the feed sequence and the daily numbers are allocated inside the transaction, in commit order, so the
/// feed has no gaps and numbers no gaps or duplicates. Reads use the pool's readers and never wait for writes.
public final class GRDBSubmissionStore: SubmissionStore {
    public static let fileName = "submission.sqlite"
    /// How long a connection waits for a lock held by another process before failing.
    static let busyTimeoutSeconds: Double = 5
    /// WAL pages between automatic checkpoints (SQLite's default is 1,000).
    static let checkpointPages = 10_000
    /// Page cache per connection, in KiB.
    static let cacheKiB = 65_536

    let pool: DatabasePool
    private let counters = WriteCounters()
    private let committer: GroupCommitter<GRDBSubmissionTransaction>
    public let feedNotifier = EventFeedNotifier()
    private let logger: Logger

    private init(pool: DatabasePool, maximumBatch: Int, logger: Logger) {
        self.pool = pool
        self.logger = logger
        let counters = self.counters
        let notifier = self.feedNotifier
        self.committer = GroupCommitter(maximumBatch: maximumBatch) { bodies in
            await Self.commit(bodies, pool: pool, counters: counters, notifier: notifier, logger: logger)
        }
    }

    /// Opens (creating folder and file when missing) `directory/submission.sqlite` and migrates it.
    ///
    /// - Parameter maximumBatch: most writes committed in one transaction.
    public static func open(directory: String, maximumBatch: Int = 512, logger: Logger = Logger(label: "motcua.submission.store")) throws
        -> GRDBSubmissionStore
    {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SubmissionError(code: .unavailable, message: "cannot create the data folder \(folder.path)", cause: error)
        }
        let path = folder.appendingPathComponent(Self.fileName).path
        var configuration = Configuration()
        configuration.label = "submission"
        configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            // Every commit is on disk before it returns (the WAL is synced at each commit).
            try db.execute(sql: "PRAGMA page_size = 2048")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Fewer, larger checkpoints: a page written by many commits is copied into the database once.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
            try db.execute(sql: "PRAGMA journal_size_limit = \(Self.checkpointPages * 4096 * 2)")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
            // Savepoint journals stay in memory.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try SubmissionMigrations.migrator.migrate(pool)
            logger.info("database opened", metadata: ["path": "\(path)", "journal": "wal", "synchronous": "full"])
            return GRDBSubmissionStore(pool: pool, maximumBatch: maximumBatch, logger: logger)
        } catch {
            throw SubmissionError(code: .unavailable, message: "cannot open \(path): \(error)", cause: error)
        }
    }

    // MARK: - Writes

    public func write<T: Sendable>(_ work: @escaping @Sendable (any SubmissionTransaction) throws -> T) async throws -> T {
        try await self.committer.perform { transaction in try work(transaction) }
    }

    public func writeAll<T: Sendable>(_ works: [@Sendable (any SubmissionTransaction) throws -> T]) async -> [Result<T, any Error>] {
        await self.committer.performAll(works.map { work in { transaction in try work(transaction) } })
    }

    /// Runs a batch in one transaction, each body isolated from the others, and commits.
    private static func commit(
        _ bodies: [GroupCommitter<GRDBSubmissionTransaction>.Body], pool: DatabasePool, counters: WriteCounters,
        notifier: EventFeedNotifier, logger: Logger
    ) async -> [Result<Void, any Error>] {
        // Most batches have no failing write: run them all directly in the transaction (no savepoint, whose journal
        // would grow with the batch). If one fails, that transaction is rolled back and the batch runs again with each
        // write in a savepoint of its own, so that only the failing ones fail.
        var committed = await self.write(pool) { db -> [Result<Void, any Error>] in
            try counters.reloadIfStale(db)
            let snapshot = counters.snapshot()
            let transaction = GRDBSubmissionTransaction(db: db, counters: counters)
            do {
                for body in bodies { try body(transaction) }
            } catch {
                counters.restore(snapshot)
                throw RetryIsolated(cause: error)
            }
            return bodies.map { _ in .success(()) }
        }
        if case .failure(let retry as RetryIsolated) = committed {
            // A single write's failure is its own (its transaction was rolled back); several are run again one by one.
            committed = bodies.count == 1 ? .success([.failure(retry.cause)]) : await self.isolatedWrites(bodies, pool: pool, counters: counters)
        }
        switch committed {
        case .success(let outcomes):
            notifier.publish()
            return outcomes
        case .failure(let error):
            counters.markStale()
            logger.error("a write batch failed to commit", metadata: ["writes": "\(bodies.count)", "error": "\(error)"])
            let failure = SubmissionError.unavailable("the database could not commit the write (nothing was written)", cause: error)
            return bodies.map { _ in .failure(failure) }
        }
    }

    /// Thrown out of a batch transaction (rolling it back) when a write fails.
    private struct RetryIsolated: Error {
        var cause: any Error
    }

    /// Each write in a savepoint of its own.
    private static func isolatedWrites(
        _ bodies: [GroupCommitter<GRDBSubmissionTransaction>.Body], pool: DatabasePool, counters: WriteCounters
    ) async -> Result<[Result<Void, any Error>], any Error> {
        await self.write(pool) { db in
            try counters.reloadIfStale(db)
            let transaction = GRDBSubmissionTransaction(db: db, counters: counters)
            var outcomes: [Result<Void, any Error>] = []
            outcomes.reserveCapacity(bodies.count)
            for body in bodies {
                let snapshot = counters.snapshot()
                do {
                    try db.inSavepoint {
                        try body(transaction)
                        return .commit
                    }
                    outcomes.append(.success(()))
                } catch {
                    counters.restore(snapshot)
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        }
    }

    /// One write transaction on GRDB's writer queue, through its callback API, which does not observe the calling task:
    /// the cancellation of the caller that happens to lead a batch (a client giving up on its call) cannot abort the
    /// other callers' writes.
    private static func write<T: Sendable>(
        _ pool: DatabasePool, _ updates: @escaping @Sendable (Database) throws -> T
    ) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            pool.asyncWrite(updates) { _, result in continuation.resume(returning: result) }
        }
    }

    // MARK: - Reads

    public func dossier(code: DossierCode) async throws -> Dossier? {
        try await self.pool.read { db in try Self.readDossier(db, code: code) }
    }

    public func requestRecord(caller: String, requestID: String) async throws -> RequestRecord? {
        try await self.pool.read { db in
            try Self.readRecord(db, sql: "SELECT fingerprint, code FROM requests WHERE caller = ? AND request_id = ?", arguments: [caller, requestID])
        }
    }

    public func latestSequence() async throws -> Int64 {
        try await self.pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM events") ?? 0 }
    }

    public func events(after sequence: Int64, limit: Int) async throws -> [DossierEvent] {
        try await self.pool.read { db in try Self.readEvents(db, after: sequence, limit: limit) }
    }

    public func listDossiers(_ query: DossierQuery) async throws -> DossierPage {
        try await self.pool.read { db in try Self.readPage(db, query: query) }
    }

    static func readDossier(_ db: Database, code: DossierCode) throws -> Dossier? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM dossiers WHERE code = ?"), arguments: [code.rawValue]) else {
            return nil
        }
        let id: Int64 = row["id"]
        let history = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM history WHERE dossier_id = ? ORDER BY step"), arguments: [id])
        return try StoredDossier.dossier(row, history: history)
    }

    static func readRecord(_ db: Database, sql: String, arguments: StatementArguments) throws -> RequestRecord? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) else { return nil }
        let fingerprint: Data = row["fingerprint"]
        let text = try StoredValues.text(row, "code")
        guard let code = DossierCode(text) else { throw StoredValues.Corrupt(description: "record code \(text)") }
        return RequestRecord(fingerprint: [UInt8](fingerprint), code: code)
    }

    static func readEvents(_ db: Database, after sequence: Int64, limit: Int) throws -> [DossierEvent] {
        var events: [DossierEvent] = []
        events.reserveCapacity(min(limit, 1024))
        let rows = try Row.fetchCursor(db.cachedStatement(sql: StoredEvent.sql), arguments: [sequence, limit])
        while let row = try rows.next() { events.append(try StoredEvent.decode(row)) }
        return events
    }

    static func readPage(_ db: Database, query: DossierQuery) throws -> DossierPage {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let unit = query.unitCode {
            conditions.append("unit_code = ?")
            arguments.append(unit.rawValue)
        }
        if let procedure = query.procedureCode {
            conditions.append("procedure_code = ?")
            arguments.append(procedure.rawValue)
        }
        if !query.statuses.isEmpty {
            let statuses = query.statuses.map(\.rawValue).sorted()
            conditions.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += statuses.map { $0 as (any DatabaseValueConvertible)? }
        }
        if let channel = query.channel {
            conditions.append("channel = ?")
            arguments.append(channel.rawValue)
        }
        if let from = query.receivedFrom {
            conditions.append("received_at >= ?")
            arguments.append(StoredValues.nanos(VietnamTime.startOfDay(from)))
        }
        if let to = query.receivedTo {
            conditions.append("received_at < ?")
            arguments.append(StoredValues.nanos(VietnamTime.startOfDay(to)))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossiers" + filter, arguments: StatementArguments(arguments)) ?? 0
        var pageConditions = conditions
        var pageArguments = arguments
        if let after = query.after {
            let at = StoredValues.nanos(after.receivedAt)
            pageConditions.append("(received_at < ? OR (received_at = ? AND id < ?))")
            pageArguments += [at, at, after.row]
        }
        let pageFilter = pageConditions.isEmpty ? "" : " WHERE " + pageConditions.joined(separator: " AND ")
        pageArguments.append(query.pageSize + 1)
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM dossiers\(pageFilter) ORDER BY received_at DESC, id DESC LIMIT ?", arguments: StatementArguments(pageArguments))
        var summaries: [DossierSummary] = []
        for row in rows.prefix(query.pageSize) { summaries.append(try StoredDossier.summary(row)) }
        var next: DossierQuery.Cursor?
        if rows.count > query.pageSize, let last = rows.prefix(query.pageSize).last {
            next = DossierQuery.Cursor(receivedAt: StoredValues.instant(try StoredValues.int(last, "received_at")), row: try StoredValues.int(last, "id"))
        }
        return DossierPage(dossiers: summaries, next: next, total: total)
    }
}
