internal import GRDB

extension StorageError {
    /// Maps any error of a database access: ``StorageError`` passes through, GRDB's `DatabaseError` maps by
    /// result code, cancellation stays cancellation (rethrow it yourself), anything else is ``Code/internal``.
    public init(mapping error: any Error) {
        switch error {
        case let error as StorageError:
            self = error
        case let error as DatabaseError:
            let code: Code
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: code = .unavailable
            case .SQLITE_CONSTRAINT: code = .conflict
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: code = .corrupt
            case .SQLITE_FULL: code = .full
            case .SQLITE_CANTOPEN, .SQLITE_READONLY: code = .cannotOpen
            default: code = .internal
            }
            self.init(code: code, message: error.message ?? "SQLite error \(error.resultCode.rawValue)", cause: error)
        default:
            self.init(code: .internal, message: "\(type(of: error))", cause: error)
        }
    }

    /// Runs a database access and maps its errors with ``init(mapping:)`` (cancellation passes through).
    public static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as CancellationError {
            throw error
        } catch {
            throw StorageError(mapping: error)
        }
    }
}
