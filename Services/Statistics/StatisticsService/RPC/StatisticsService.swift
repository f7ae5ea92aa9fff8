public import DomainModel
internal import Foundation
public import Logging
public import RPCCore
internal import RPCProtobuf

/// `motcua.statistics.v1.StatisticsService`: reports, unit activity, time series, the Decision 766 indicators,
/// adoption gaps, a live report stream and the feed status, all answered from the pre-aggregated counters (the
/// in-memory ``StatisticsIndex`` for unit totals, the store's per-cell counters for fields, levels and procedures).
///
/// Every RPC is also a public method taking and returning the proto messages, so tests can call the handlers without
/// a transport. Methods throw ``RPCError`` only: `INVALID_ARGUMENT` (message starting with the field), `NOT_FOUND`
/// (unknown unit), `UNAVAILABLE` (still loading, or the catalog unreachable with nothing cached), `INTERNAL`.
public struct StatisticsService: RegistrableRPCService {
    /// WatchReport's least interval between messages when the request gives none.
    public static let defaultWatchInterval: Duration = .milliseconds(250)

    let index: StatisticsIndex
    let store: any StatisticsStore
    let catalog: any CatalogDirectory
    let notifier: ReportChangeNotifier
    let feedStatus: FeedStatusTracker
    let readiness: StartupGate
    let clock: @Sendable () -> UnixInstant
    let logger: Logger

    /// - Parameters:
    ///   - readiness: until it is open every RPC answers `UNAVAILABLE` (the index is loading).
    ///   - notifier: wakes WatchReport streams after each applied batch (finish it to end them at shutdown).
    ///   - clock: "now", for `generated_at` and "today".
    public init(
        ingest: StatisticsIngest, catalog: any CatalogDirectory, feedStatus: FeedStatusTracker = FeedStatusTracker(submissionAddress: ""),
        readiness: StartupGate = StartupGate(open: true), clock: @escaping @Sendable () -> UnixInstant = StatisticsService.systemClock,
        logger: Logger = Logger(label: "motcua.statistics")
    ) {
        self.index = ingest.index
        self.store = ingest.store
        self.notifier = ingest.notifier
        self.catalog = catalog
        self.feedStatus = feedStatus
        self.readiness = readiness
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
        typealias Service = Motcua_Statistics_V1_StatisticsService
        router.registerUnary(Service.GetReport.descriptor) { (request: ServerRequest<Service.GetReport.Input>, _) in
            ServerResponse(message: try await self.getReport(request.message))
        }
        router.registerUnary(Service.ListUnitActivity.descriptor) { (request: ServerRequest<Service.ListUnitActivity.Input>, _) in
            ServerResponse(message: try await self.listUnitActivity(request.message))
        }
        router.registerUnary(Service.GetTimeSeries.descriptor) { (request: ServerRequest<Service.GetTimeSeries.Input>, _) in
            ServerResponse(message: try await self.getTimeSeries(request.message))
        }
        router.registerUnary(Service.GetServiceIndex.descriptor) { (request: ServerRequest<Service.GetServiceIndex.Input>, _) in
            ServerResponse(message: try await self.getServiceIndex(request.message))
        }
        router.registerUnary(Service.GetAdoptionGaps.descriptor) { (request: ServerRequest<Service.GetAdoptionGaps.Input>, _) in
            ServerResponse(message: try await self.getAdoptionGaps(request.message))
        }
        router.registerServerStreaming(Service.WatchReport.descriptor) { (request: ServerRequest<Service.WatchReport.Input>, _) in
            // The first report is computed before the response starts, so that a bad request ends with its status alone.
            let first = try await self.getReport(request.message.report ?? Motcua_Statistics_V1_GetReportRequest())
            let interval = try await self.handling { try Self.watchInterval(request.message) }
            return StreamingServerResponse { (writer: RPCWriter<Service.WatchReport.Output>) in
                try await self.watchReport(request.message, first: first, interval: interval) { try await writer.write($0) }
                return [:]
            }
        }
        router.registerUnary(Service.GetFeedStatus.descriptor) { (request: ServerRequest<Service.GetFeedStatus.Input>, _) in
            ServerResponse(message: try await self.getFeedStatus(request.message))
        }
    }
}
