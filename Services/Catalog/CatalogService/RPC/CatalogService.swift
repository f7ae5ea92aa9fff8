public import DomainModel
internal import Foundation
public import Logging
public import RPCCore
internal import RPCProtobuf

/// `motcua.catalog.v1.CatalogService`: administrative units, procedures, the working-day calendar and the change
/// feed, over any ``CatalogStore``.
///
/// Every RPC is also a public method taking and returning the proto messages, so tests can call the handlers
/// without a transport. Methods throw ``RPCError`` only: `INVALID_ARGUMENT` (message starting with the field),
/// `NOT_FOUND`, `FAILED_PRECONDITION`, `UNAVAILABLE` (still loading, or the database is busy), `INTERNAL`.
public struct CatalogService: RegistrableRPCService {
    /// ListProcedures page size when the request gives none.
    public static let defaultPageSize = 50
    /// Largest ListProcedures page; larger requests are reduced to it.
    public static let maximumPageSize = 500
    /// Rows an ImportProcedures stream may carry.
    public static let maximumImportRows = 20_000
    /// Units an UpsertUnits call may carry.
    public static let maximumUnitsPerUpsert = 5_000
    /// Entries (and removals) a SetCalendarDays call may carry.
    public static let maximumCalendarEntries = 1_000
    /// Changes read from the log per query while a watch catches up.
    static let watchBatchSize = 500

    let store: any CatalogStore
    let readiness: CatalogReadiness
    let notifier: CatalogChangeNotifier
    let clock: @Sendable () -> UnixInstant
    let logger: Logger

    /// - Parameters:
    ///   - readiness: until it is ready every RPC answers `UNAVAILABLE`.
    ///   - notifier: wakes WatchCatalog streams after writes (share it to end them at shutdown).
    ///   - clock: "now", for change times and for "today" in Vietnam.
    public init(
        store: any CatalogStore, readiness: CatalogReadiness = CatalogReadiness(ready: true),
        notifier: CatalogChangeNotifier = CatalogChangeNotifier(), clock: @escaping @Sendable () -> UnixInstant = CatalogService.systemClock,
        logger: Logger = Logger(label: "motcua.catalog")
    ) {
        self.store = store
        self.readiness = readiness
        self.notifier = notifier
        self.clock = clock
        self.logger = logger
    }

    /// The system clock.
    public static let systemClock: @Sendable () -> UnixInstant = {
        let now = Date().timeIntervalSince1970
        let seconds = now.rounded(.down)
        return UnixInstant(seconds: Int64(seconds), nanoseconds: Int32(min(999_999_999, (now - seconds) * 1e9))) ?? UnixInstant(seconds: 0)!
    }

    public func registerMethods(with router: inout RPCRouter) {
        typealias Service = Motcua_Catalog_V1_CatalogService
        router.registerUnary(Service.ListUnits.descriptor) { (request: ServerRequest<Service.ListUnits.Input>, _) in
            ServerResponse(message: try await self.listUnits(request.message))
        }
        router.registerUnary(Service.GetUnit.descriptor) { (request: ServerRequest<Service.GetUnit.Input>, _) in
            ServerResponse(message: try await self.getUnit(request.message))
        }
        router.registerUnary(Service.UpsertUnits.descriptor) { (request: ServerRequest<Service.UpsertUnits.Input>, _) in
            ServerResponse(message: try await self.upsertUnits(request.message))
        }
        router.registerUnary(Service.ListProcedures.descriptor) { (request: ServerRequest<Service.ListProcedures.Input>, _) in
            ServerResponse(message: try await self.listProcedures(request.message))
        }
        router.registerUnary(Service.GetProcedure.descriptor) { (request: ServerRequest<Service.GetProcedure.Input>, _) in
            ServerResponse(message: try await self.getProcedure(request.message))
        }
        router.registerUnary(Service.ListFields.descriptor) { (request: ServerRequest<Service.ListFields.Input>, _) in
            ServerResponse(message: try await self.listFields(request.message))
        }
        router.registerClientStreaming(Service.ImportProcedures.descriptor) {
            (request: StreamingServerRequest<Service.ImportProcedures.Input>, _) in
            ServerResponse(message: try await self.importProcedures(request.messages))
        }
        router.registerUnary(Service.ComputeDueDate.descriptor) { (request: ServerRequest<Service.ComputeDueDate.Input>, _) in
            ServerResponse(message: try await self.computeDueDate(request.message))
        }
        router.registerUnary(Service.ListCalendarDays.descriptor) { (request: ServerRequest<Service.ListCalendarDays.Input>, _) in
            ServerResponse(message: try await self.listCalendarDays(request.message))
        }
        router.registerUnary(Service.SetCalendarDays.descriptor) { (request: ServerRequest<Service.SetCalendarDays.Input>, _) in
            ServerResponse(message: try await self.setCalendarDays(request.message))
        }
        router.registerServerStreaming(Service.WatchCatalog.descriptor) { (request: ServerRequest<Service.WatchCatalog.Input>, _) in
            // Checked before the response starts, so that a bad request ends with its status alone.
            try await self.handling { try self.validateWatch(request.message) }
            return StreamingServerResponse { (writer: RPCWriter<Service.WatchCatalog.Output>) in
                try await self.watchCatalog(request.message) { try await writer.write($0) }
                return [:]
            }
        }
    }
}
