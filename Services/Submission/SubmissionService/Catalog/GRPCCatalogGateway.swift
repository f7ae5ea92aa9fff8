public import DomainModel
public import Logging
public import RPCCore
internal import RPCProtobuf
public import ServiceLifecycle
internal import Synchronization

/// The catalog service over gRPC, with a cache that `WatchCatalog` keeps fresh.
///
/// Each lookup is answered from the cache when possible, otherwise by a call with a deadline
/// (``Config/callTimeout``). When the catalog cannot be reached, cached answers are still given; a lookup with nothing
/// cached throws `unavailable` (and the caller writes nothing).
///
/// ``run()`` follows `WatchCatalog` (run it as a background service): it resumes after the last change it saw when it
/// reconnects, drops what a change touches, and drops everything when the catalog asks for a reset or when changes
/// may have been missed.
public final class GRPCCatalogGateway: CatalogGateway, Service {
    public struct Config: Sendable {
        /// Deadline of each lookup call.
        public var callTimeout: Duration = .seconds(3)
        /// First wait before reconnecting the watch; doubles up to ``maximumBackoff``.
        public var initialBackoff: Duration = .milliseconds(250)
        public var maximumBackoff: Duration = .seconds(10)

        public init() {}

        public static let defaults = Config()
    }

    private let client: RPCClient
    private let config: Config
    private let logger: Logger
    let cache = CatalogCache()
    private let watching = Mutex(false)

    public init(client: RPCClient, config: Config = .defaults, logger: Logger = Logger(label: "motcua.submission.catalog")) {
        self.client = client
        self.config = config
        self.logger = logger
    }

    /// Whether the watch is connected (it saw `started` and has not failed since).
    public var isWatching: Bool { self.watching.withLock { $0 } }

    // MARK: - Lookups

    public func procedure(code: ProcedureCode) async throws(SubmissionError) -> Procedure? {
        if let entry = self.cache.procedure(code) { return Self.value(entry) }
        let generation = self.cache.generation
        var request = Motcua_Catalog_V1_GetProcedureRequest()
        request.code = code.rawValue
        do {
            let response = try await self.client.unary(
                Motcua_Catalog_V1_CatalogService.GetProcedure.descriptor, request: ClientRequest(message: request), options: self.options,
                responseType: Motcua_Catalog_V1_Procedure.self)
            let procedure = try CatalogProto.procedure(response.message)
            self.cache.store(.present(procedure), for: code, fetchedAt: generation)
            return procedure
        } catch let error as RPCError where error.code == .notFound {
            self.cache.store(.absent, for: code, fetchedAt: generation)
            return nil
        } catch {
            throw self.unavailable("procedure \(code)", error)
        }
    }

    public func unit(code: UnitCode, on date: CivilDate) async throws(SubmissionError) -> AdministrativeUnit? {
        if let units = self.cache.units(on: date) { return units[code] }
        // A version cached for another date that covers this one needs no call (the first submission of a new day
        // does not wait on the catalog, nor fail while it is down).
        if let unit = self.cache.unitVersion(code, coveringDate: date) { return unit }
        let generation = self.cache.generation
        var request = Motcua_Catalog_V1_ListUnitsRequest()
        request.asOf = Motcua_Catalog_V1_Date(date)
        do {
            let response = try await self.client.unary(
                Motcua_Catalog_V1_CatalogService.ListUnits.descriptor, request: ClientRequest(message: request), options: self.options,
                responseType: Motcua_Catalog_V1_ListUnitsResponse.self)
            var units: [UnitCode: AdministrativeUnit] = [:]
            for message in response.message.units {
                let unit = try CatalogProto.unit(message)
                units[unit.code] = unit
            }
            self.cache.store(units: units, on: date, fetchedAt: generation)
            return units[code]
        } catch {
            throw self.unavailable("the units in force on \(date)", error)
        }
    }

    public func calendar() async throws(SubmissionError) -> WorkingCalendar {
        if let calendar = self.cache.calendar { return calendar }
        let generation = self.cache.generation
        do {
            let response = try await self.client.unary(
                Motcua_Catalog_V1_CatalogService.ListCalendarDays.descriptor,
                request: ClientRequest(message: Motcua_Catalog_V1_ListCalendarDaysRequest()), options: self.options,
                responseType: Motcua_Catalog_V1_ListCalendarDaysResponse.self)
            var days: [CalendarDay] = []
            for message in response.message.days { days.append(try CatalogProto.calendarDay(message)) }
            let calendar = WorkingCalendar(days: days)
            self.cache.store(calendar: calendar, fetchedAt: generation)
            return calendar
        } catch {
            throw self.unavailable("the holiday calendar", error)
        }
    }

    /// Loads the calendar and today's units into the cache, if the catalog answers (errors are only logged).
    public func warmUp(today: CivilDate) async {
        do {
            _ = try await self.calendar()
            _ = try await self.unit(code: UnitCode("00")!, on: today)
            self.logger.info("catalog cache warmed up", metadata: ["as_of": "\(today)"])
        } catch {
            self.logger.warning("catalog not reachable at startup; lookups will retry", metadata: ["error": "\(error)"])
        }
    }

    private var options: CallOptions { CallOptions(timeout: self.config.callTimeout) }

    private static func value<T>(_ entry: CatalogCache.Entry<T>) -> T? {
        switch entry {
        case .present(let value): value
        case .absent: nil
        }
    }

    private func unavailable(_ what: String, _ error: any Error) -> SubmissionError {
        let reason: String
        switch error {
        case let error as RPCError: reason = "\(error.code): \(error.message)"
        case let error as CatalogProto.Malformed: reason = "malformed answer: \(error)"
        default: reason = "\(error)"
        }
        return SubmissionError.unavailable("the catalog cannot be reached and \(what) is not cached (\(reason))", cause: error)
    }

    // MARK: - Watch

    /// Follows `WatchCatalog` until cancelled or graceful shutdown, reconnecting with backoff.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            let cursor = WatchCursor()
            var backoff = self.config.initialBackoff
            while !Task.isCancelled {
                do {
                    try await self.watchOnce(cursor: cursor)
                } catch is CancellationError {
                    break
                } catch {
                    if Task.isCancelled { break }
                    self.logger.debug("catalog watch interrupted", metadata: ["error": "\(error)", "retry_in": "\(backoff)"])
                }
                let wasConnected = self.watching.withLock { connected in
                    defer { connected = false }
                    return connected
                }
                if wasConnected { backoff = self.config.initialBackoff }
                do {
                    try await Task.sleep(for: backoff)
                } catch {
                    break
                }
                if !wasConnected { backoff = min(backoff * 2, self.config.maximumBackoff) }
            }
            self.watching.withLock { $0 = false }
        }
    }

    private func watchOnce(cursor: WatchCursor) async throws {
        var request = Motcua_Catalog_V1_WatchCatalogRequest()
        let after = cursor.value.withLock { $0 }
        request.afterSequence = after
        let cache = self.cache
        let logger = self.logger
        try await self.client.serverStreaming(
            Motcua_Catalog_V1_CatalogService.WatchCatalog.descriptor, request: ClientRequest(message: request)
        ) { (response: StreamingClientResponse<Motcua_Catalog_V1_WatchCatalogResponse>) in
            for try await message in response.messages {
                switch message.event {
                case .started(let started):
                    // From 0 the watch only sees changes from now on: anything cached before may be stale.
                    if started.resetRequired || after == 0 { cache.invalidateAll() }
                    if started.resetRequired || after == 0 { cursor.value.withLock { $0 = started.currentSequence } }
                    self.watching.withLock { $0 = true }
                    logger.info(
                        "catalog watch started",
                        metadata: ["after": "\(after)", "current": "\(started.currentSequence)", "reset": "\(started.resetRequired)"])
                case .change(let change):
                    switch change.subject {
                    case .procedureCode(let code): cache.invalidateProcedure(code)
                    case .unitCode: cache.invalidateUnits()
                    case .calendarDate: cache.invalidateCalendar()
                    case nil: cache.invalidateAll()
                    }
                    cursor.value.withLock { $0 = max($0, change.sequence) }
                case nil:
                    break
                }
            }
        }
    }
}

/// The sequence of the last catalog change the watch saw.
private final class WatchCursor: Sendable {
    let value = Mutex<Int64>(0)
}
