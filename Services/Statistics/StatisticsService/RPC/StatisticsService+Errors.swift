internal import DomainModel
internal import Logging
internal import RPCCore

extension StatisticsService {
    /// Runs a handler body once the service is ready, mapping every error to the ``RPCError`` the caller receives.
    func handling<T>(_ body: () async throws -> T) async throws(RPCError) -> T {
        guard self.readiness.isOpen else {
            throw RPCError(code: .unavailable, message: "the statistics service is still loading its counters; retry shortly")
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
        case let error as StatisticsError:
            switch error.code {
            case .unavailable:
                self.logger.warning("dependency unavailable", metadata: ["error": "\(error)"])
                return RPCError(code: .unavailable, message: error.message, cause: error)
            case .notFound:
                return RPCError(code: .notFound, message: error.message, cause: error)
            default:
                self.logger.error("statistics failure", metadata: ["error": "\(error)"])
                return RPCError(code: .internalError, message: "statistics failure (\(error.code))", cause: error)
            }
        case is CancellationError:
            return RPCError(code: .cancelled, message: "the call was cancelled", cause: error)
        default:
            self.logger.error("statistics handler failed", metadata: ["error": "\(error)"])
            return RPCError(code: .internalError, message: "statistics handler failed: \(type(of: error))", cause: error)
        }
    }

    /// Today in Vietnam.
    var today: CivilDate { VietnamTime.date(of: self.clock()) }

    /// The units in force on the period's last day (or, when the unit is not among them, today), and the unit.
    ///
    /// - Throws: ``DomainError`` `notFound` for a unit the catalog does not know.
    func tree(for period: PeriodQuery, unit code: String, field: String) async throws -> (tree: UnitTree, unit: UnitInfo) {
        let tree = try await self.catalog.units(asOf: period.lastDay)
        if let unit = tree.unit(code) { return (tree, unit) }
        let current = try await self.catalog.units(asOf: self.today)
        if let unit = current.unit(code) { return (current, unit) }
        throw DomainError.notFound("\(field): no unit \(code) in the catalog (on \(period.lastDay) or today)")
    }
}
