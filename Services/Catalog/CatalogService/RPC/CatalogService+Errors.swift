internal import DomainModel
internal import Logging
internal import RPCCore
internal import Storage

extension CatalogService {
    /// Runs a handler body once the catalog is ready, mapping every error to the ``RPCError`` the caller receives.
    func handling<T>(_ body: () async throws -> T) async throws(RPCError) -> T {
        guard self.readiness.isReady else {
            throw RPCError(code: .unavailable, message: "the catalog is still loading its data; retry shortly")
        }
        do {
            return try await body()
        } catch {
            throw self.rpcError(error)
        }
    }

    func rpcError(_ error: any Error) -> RPCError {
        switch error {
        case let error as RPCError:
            return error
        case let error as DomainError:
            let code: Status.Code
            switch error.code {
            case .notFound: code = .notFound
            case .failedPrecondition: code = .failedPrecondition
            default: code = .invalidArgument
            }
            return RPCError(code: code, message: error.message, cause: error)
        case let error as StorageError:
            switch error.code {
            case .unavailable:
                self.logger.warning("catalog database busy", metadata: ["error": "\(error)"])
                return RPCError(code: .unavailable, message: "the catalog database is busy; retry shortly", cause: error)
            case .conflict:
                self.logger.warning("catalog write conflict", metadata: ["error": "\(error)"])
                return RPCError(code: .aborted, message: "the write conflicted with another one; retry", cause: error)
            default:
                self.logger.error("catalog storage failure", metadata: ["error": "\(error)"])
                return RPCError(code: .internalError, message: "catalog storage failure (\(error.code))", cause: error)
            }
        case is CancellationError:
            return RPCError(code: .cancelled, message: "the call was cancelled", cause: error)
        default:
            self.logger.error("catalog handler failed", metadata: ["error": "\(error)"])
            return RPCError(code: .internalError, message: "catalog handler failed: \(type(of: error))", cause: error)
        }
    }

    /// Today in Vietnam.
    var today: CivilDate { VietnamTime.date(of: self.clock()) }
}
