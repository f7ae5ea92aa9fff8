internal import Foundation
public import GRDB
public import Logging

/// Opens the SQLite database of a service: one file per service in its data folder, write-ahead logging,
/// `synchronous=FULL` (a committed transaction survives power loss), foreign keys on, migrations applied.
///
/// ```swift
/// let database = try SQLiteDatabase.open(directory: "./data/catalog", fileName: "catalog.sqlite", migrator: migrator)
/// ```
public enum SQLiteDatabase {
    /// How long a writer waits for a lock held by another connection before giving up with `SQLITE_BUSY`.
    public static let busyTimeoutSeconds: Double = 5

    /// Opens (creating folder and file when missing) `directory/fileName` as a WAL database pool and migrates it.
    ///
    /// - Throws: ``StorageError`` (``StorageError/Code/cannotOpen`` when the folder or file cannot be created
    ///   or opened, ``StorageError/Code/corrupt`` for a file that is not a database).
    public static func open(
        directory: String, fileName: String, migrator: DatabaseMigrator, label: String? = nil, logger: Logger? = nil
    ) throws(StorageError) -> DatabasePool {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StorageError(code: .cannotOpen, message: "cannot create the data folder \(folder.path)", cause: error)
        }
        let path = folder.appendingPathComponent(fileName).path
        do {
            let pool = try DatabasePool(path: path, configuration: self.configuration(label: label))
            try migrator.migrate(pool)
            logger?.info("database opened", metadata: ["path": "\(path)", "journal": "wal", "synchronous": "full"])
            return pool
        } catch {
            var mapped = StorageError(mapping: error)
            mapped.message = "\(path): \(mapped.message)"
            throw mapped
        }
    }

    /// An in-memory database (for tests), migrated.
    public static func inMemory(migrator: DatabaseMigrator, label: String? = nil) throws(StorageError) -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(configuration: self.configuration(label: label))
            try migrator.migrate(queue)
            return queue
        } catch {
            throw StorageError(mapping: error)
        }
    }

    /// The connection settings every service uses.
    public static func configuration(label: String? = nil) -> Configuration {
        var configuration = Configuration()
        configuration.label = label
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(self.busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }
}
