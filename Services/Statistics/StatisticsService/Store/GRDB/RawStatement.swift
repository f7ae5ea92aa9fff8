internal import GRDB
internal import GRDBSQLite

/// Binding and stepping a prepared GRDB statement through the SQLite C API, for the per-event hot paths of
/// ``GRDBStatisticsStore`` (GRDB's `StatementArguments` box every value in an existential, which cost more than the
/// SQL itself at 100,000 events a second). The statement stays owned by GRDB; it is reset after each use.
struct RawStatement {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    let statement: Statement
    let handle: SQLiteStatement

    init(_ statement: Statement) {
        self.statement = statement
        self.handle = statement.sqliteStatement
        sqlite3_reset(self.handle)
    }

    /// Binds parameter `index` (from 1).
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(self.handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(self.handle, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(self.handle, index, Int64(value)) } else { sqlite3_bind_null(self.handle, index) }
    }

    func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(self.handle, index, value ? 1 : 0)
    }

    func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(self.handle, index, chars.baseAddress, Int32(chars.count), Self.transient)
            }
        }
    }

    /// Runs a statement that returns no row, then resets it.
    func run() throws {
        let code = sqlite3_step(self.handle)
        defer { sqlite3_reset(self.handle) }
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw self.error(code) }
    }

    /// Steps once: true with a row to read, false when done. Call ``reset()`` after reading.
    func step() throws -> Bool {
        let code = sqlite3_step(self.handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        sqlite3_reset(self.handle)
        throw self.error(code)
    }

    func reset() {
        sqlite3_reset(self.handle)
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(self.handle, column)
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(self.handle, column))
    }

    func optionalInt(_ column: Int32) -> Int? {
        sqlite3_column_type(self.handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(self.handle, column))
    }

    func bool(_ column: Int32) -> Bool {
        sqlite3_column_int64(self.handle, column) != 0
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(self.handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: self.statement.sql)
    }
}
