public import DomainModel
internal import GRDB
public import Logging
internal import Storage

/// The catalog in one SQLite file, `<data-dir>/catalog.sqlite`, through GRDB: write-ahead logging, one writer,
/// concurrent readers, every write one transaction.
public final class GRDBCatalogStore: CatalogStore {
    /// The database file name inside the data folder.
    public static let fileName = "catalog.sqlite"
    /// How many change-log entries are kept; watchers further behind must reload.
    public static let changeLogRetention: Int64 = 100_000

    let writer: any DatabaseWriter
    let logger: Logger

    private init(writer: any DatabaseWriter, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    /// Opens (creating and migrating when needed) `<directory>/catalog.sqlite`.
    ///
    /// - Throws: `StorageError`.
    public static func open(directory: String, logger: Logger) throws -> GRDBCatalogStore {
        let pool = try SQLiteDatabase.open(
            directory: directory, fileName: self.fileName, migrator: CatalogMigrations.migrator, label: "catalog", logger: logger)
        return GRDBCatalogStore(writer: pool, logger: logger)
    }

    /// A migrated in-memory catalog, for tests.
    public static func inMemory(logger: Logger = Logger(label: "motcua.catalog.store")) throws -> GRDBCatalogStore {
        GRDBCatalogStore(writer: try SQLiteDatabase.inMemory(migrator: CatalogMigrations.migrator, label: "catalog"), logger: logger)
    }

    // MARK: - Access helpers (errors mapped to StorageError)

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await StorageError.mapping { try await self.writer.read(body) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await self.writer.write(body)
        } catch let error as DomainError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StorageError(mapping: error)
        }
    }

    // MARK: - Seeding

    public func seedIfNeeded(at instant: UnixInstant, _ makeSeed: @Sendable () throws -> CatalogSeed) async throws -> SeedReport? {
        let seeded = try await self.read { db in try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'seeded_at'") }
        guard seeded == nil else { return nil }
        let seed = try makeSeed()
        return try await self.write { db -> SeedReport? in
            // Checked again inside the write transaction: another process may have seeded meanwhile.
            if try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'seeded_at'") != nil { return nil }
            for unit in seed.units {
                try db.execute(sql: CatalogRows.insertUnitSQL, arguments: CatalogRows.unitArguments(unit))
            }
            for day in seed.calendarDays {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO calendar_day (date, kind, name) VALUES (?, ?, ?)",
                    arguments: [day.date.iso8601, day.kind.rawValue, day.name])
            }
            for procedure in seed.procedures {
                try Self.insert(procedure, revision: 0, updatedAt: instant, db)
            }
            try db.execute(
                sql: "INSERT INTO catalog_meta (key, value) VALUES ('seeded_at', ?), ('seed_counts', ?)",
                arguments: [
                    instant.description,
                    "units=\(seed.units.count) calendar_days=\(seed.calendarDays.count) procedures=\(seed.procedures.count)",
                ])
            return SeedReport(units: seed.units.count, calendarDays: seed.calendarDays.count, procedures: seed.procedures.count)
        }
    }

    // MARK: - Change log

    public func latestSequence() async throws -> Int64 {
        try await self.read { db in try Self.latestSequence(db) }
    }

    public func oldestRetainedSequence() async throws -> Int64? {
        try await self.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(sequence) FROM change_log") }
    }

    public func changes(after sequence: Int64, limit: Int) async throws -> [CatalogChange] {
        try await self.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM change_log WHERE sequence > ? ORDER BY sequence LIMIT ?", arguments: [sequence, max(0, limit)]
            ).map(CatalogRows.change)
        }
    }

    static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'") ?? 0
    }

    /// Appends a change and returns its sequence.
    static func record(_ action: CatalogChange.Action, _ subject: CatalogChange.Subject, at instant: UnixInstant, _ db: Database) throws -> Int64 {
        let columns = CatalogRows.subjectColumns(subject)
        try db.execute(
            sql: "INSERT INTO change_log (subject_kind, subject_key, action, changed_at) VALUES (?, ?, ?, ?)",
            arguments: [columns.kind, columns.key, action.rawValue, instant.seconds])
        return db.lastInsertedRowID
    }

    /// Drops change-log entries older than the retention, at the end of a write.
    static func pruneChangeLog(_ db: Database) throws {
        let latest = try self.latestSequence(db)
        try db.execute(sql: "DELETE FROM change_log WHERE sequence <= ?", arguments: [latest - self.changeLogRetention])
    }
}
