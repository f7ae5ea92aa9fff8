internal import DomainModel
internal import Foundation
internal import GRDB
public import Logging

/// The SQLite store of the statistics service (`<data-dir>/statistics.sqlite`, write-ahead log, migrations).
///
/// `synchronous=NORMAL`: a commit cut by a power loss may be lost, but then with its cursor, so the events are
/// consumed again from the feed and still count once.
public final class GRDBStatisticsStore: StatisticsStore {
    /// The file name in the data folder.
    public static let fileName = "statistics.sqlite"

    let writer: any DatabaseWriter
    let cells = CellRegistry()
    /// The committed facts of the last 200,000 or so dossiers changed.
    let recentFacts = FactsCache(capacity: 200_000)
    let logger: Logger

    init(writer: any DatabaseWriter, logger: Logger) throws {
        self.writer = writer
        self.logger = logger
        try self.loadCells()
    }

    /// Opens (creating the folder and the file when missing) `directory/statistics.sqlite` and migrates it.
    ///
    /// - Throws: ``StatisticsError`` `storage` when the folder or the database cannot be opened.
    public static func open(directory: String, logger: Logger = Logger(label: "motcua.statistics.store")) throws -> GRDBStatisticsStore {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StatisticsError(code: .storage, message: "cannot create the data folder \(folder.path)", cause: error)
        }
        let path = folder.appendingPathComponent(self.fileName).path
        do {
            let pool = try DatabasePool(path: path, configuration: self.configuration())
            try StatisticsMigrations.migrator.migrate(pool)
            logger.info("database opened", metadata: ["path": "\(path)", "journal": "wal"])
            return try GRDBStatisticsStore(writer: pool, logger: logger)
        } catch {
            throw StatisticsError(code: .storage, message: "cannot open \(path): \(error)", cause: error)
        }
    }

    /// A store in memory (tests).
    public static func inMemory(logger: Logger = Logger(label: "motcua.statistics.store")) throws -> GRDBStatisticsStore {
        let queue = try DatabaseQueue(configuration: self.configuration())
        try StatisticsMigrations.migrator.migrate(queue)
        return try GRDBStatisticsStore(writer: queue, logger: logger)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "statistics"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Checkpoints every 8,192 pages (32 MB) rather than 1,000: a catch-up batch touches thousands of pages.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456")
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192") }
        }
        return configuration
    }

    private func loadCells() throws {
        let entries = try self.writer.read { db -> [StatCell: Int64] in
            var entries: [StatCell: Int64] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, unit_code, procedure_code, field, online_level, online_scheme FROM stat_cell")
            while let row = try rows.next() {
                let cell = StatCell(
                    unitCode: row[1], procedureCode: row[2], field: row[3], onlineLevel: row[4],
                    onlineScheme: OnlineScheme?(storedName: row[5]))
                entries[cell] = row[0]
            }
            return entries
        }
        self.cells.register(entries)
    }

    /// Runs a database access, mapping its errors to ``StatisticsError`` (``StatisticsError`` and cancellation pass
    /// through).
    func access<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StatisticsError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StatisticsError(code: .storage, message: "\(what): \(error)", cause: error)
        }
    }

    // MARK: - Cursor and counts

    public func cursor() async throws -> Int64 {
        try await self.access("reading the cursor") {
            try await self.writer.read { db in try Self.cursor(db) }
        }
    }

    static func cursor(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT last_sequence FROM feed_cursor WHERE id = 1") ?? 0
    }

    public func dossierCount() async throws -> Int64 {
        try await self.access("counting dossiers") {
            try await self.writer.read { db in try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier_facts") ?? 0 }
        }
    }

    public func loadUnitCounters() async throws -> StoredUnitCounters {
        try await self.access("loading the unit counters") {
            try await self.writer.read { db in
                let cursor = try Self.cursor(db)
                let dossiers = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier_facts") ?? 0
                var days: [(unit: String, day: Int, counters: CounterVector)] = []
                let columns = StatCounter.allCases.map(\.name).joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT unit_code, day, \(columns) FROM unit_day")
                while let row = try rows.next() {
                    let values = (0..<StatCounter.count).map { row[2 + $0] as Int64 }
                    days.append((row[0], row[1], CounterVector(values: values)))
                }
                return StoredUnitCounters(cursor: cursor, dossiers: dossiers, days: days)
            }
        }
    }

    public func reset() async throws {
        try await self.access("resetting") {
            try await self.writer.write { db in
                try db.execute(sql: """
                    DELETE FROM dossier_facts;
                    DELETE FROM cell_day;
                    DELETE FROM unit_day;
                    DELETE FROM stat_cell;
                    UPDATE feed_cursor SET last_sequence = 0 WHERE id = 1;
                    """)
            }
            self.cells.removeAll()
            self.recentFacts.removeAll()
        }
    }

    // MARK: - Catalog copy

    public func saveCatalogCopy(key: String, bytes: [UInt8]) async throws {
        try await self.access("saving the catalog copy") {
            try await self.writer.write { db in
                try db.execute(
                    sql: "INSERT INTO catalog_copy (key, bytes) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes",
                    arguments: [key, Data(bytes)])
            }
        }
    }

    public func catalogCopy(key: String) async throws -> [UInt8]? {
        try await self.access("reading the catalog copy") {
            try await self.writer.read { db in
                try Data.fetchOne(db, sql: "SELECT bytes FROM catalog_copy WHERE key = ?", arguments: [key]).map { [UInt8]($0) }
            }
        }
    }
}
