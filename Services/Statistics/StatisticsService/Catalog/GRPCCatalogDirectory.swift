public import DomainModel
public import Logging
public import RPCCore
internal import RPCProtobuf
internal import Synchronization

/// The catalog over gRPC (`motcua.catalog.v1.CatalogService`), cached: unit trees per date for `unitsTTL`,
/// procedures for `proceduresTTL`. The last successful answers are also saved in the store, so that reports still
/// work (with the last known units) while the catalog is unreachable, even after a restart.
public final class GRPCCatalogDirectory: CatalogDirectory {
    private struct Cached<Value: Sendable>: Sendable {
        var value: Value
        var fetchedAt: ContinuousClock.Instant
    }

    private struct State {
        var trees: [CivilDate: Cached<UnitTree>] = [:]
        var procedures: Cached<[CatalogProcedure]>?
    }

    static let unitsKey = "units"
    static let proceduresKey = "procedures"
    static let maximumCachedDates = 64

    let client: RPCClient
    let store: (any StatisticsStore)?
    let unitsTTL: Duration
    let proceduresTTL: Duration
    let callTimeout: Duration
    let logger: Logger
    private let state = Mutex(State())

    public init(
        client: RPCClient, store: (any StatisticsStore)?, unitsTTL: Duration = .seconds(60), proceduresTTL: Duration = .seconds(300),
        callTimeout: Duration = .seconds(5), logger: Logger = Logger(label: "motcua.statistics.catalog")
    ) {
        self.client = client
        self.store = store
        self.unitsTTL = unitsTTL
        self.proceduresTTL = proceduresTTL
        self.callTimeout = callTimeout
        self.logger = logger
    }

    public func units(asOf date: CivilDate) async throws -> UnitTree {
        let now = ContinuousClock.now
        let cached = self.state.withLock { $0.trees[date] }
        if let cached, now - cached.fetchedAt < self.unitsTTL { return cached.value }
        do {
            var request = Motcua_Catalog_V1_ListUnitsRequest()
            request.asOf = Motcua_Catalog_V1_Date(date)
            let response = try await self.client.unary(
                Motcua_Catalog_V1_CatalogService.ListUnits.descriptor, request: ClientRequest(message: request),
                options: CallOptions(timeout: self.callTimeout), responseType: Motcua_Catalog_V1_ListUnitsResponse.self)
            let tree = UnitTree(response.message.units.map(UnitInfo.init))
            self.state.withLock { state in
                if state.trees.count >= Self.maximumCachedDates { state.trees.removeAll() }
                state.trees[date] = Cached(value: tree, fetchedAt: now)
            }
            try? await self.store?.saveCatalogCopy(key: Self.unitsKey, bytes: response.message.serializedBytes())
            return tree
        } catch {
            if let cached {
                self.logger.warning("catalog unreachable; using cached units", metadata: ["error": "\(error)"])
                return cached.value
            }
            if let bytes = try? await self.store?.catalogCopy(key: Self.unitsKey),
                let saved = try? Motcua_Catalog_V1_ListUnitsResponse(serializedBytes: bytes)
            {
                self.logger.warning("catalog unreachable; using the saved copy of the units", metadata: ["error": "\(error)"])
                return UnitTree(saved.units.map(UnitInfo.init))
            }
            throw StatisticsError(code: .unavailable, message: "the catalog is unreachable and no unit list is cached", cause: error)
        }
    }

    public func procedures() async throws -> [CatalogProcedure] {
        let now = ContinuousClock.now
        let cached = self.state.withLock { $0.procedures }
        if let cached, now - cached.fetchedAt < self.proceduresTTL { return cached.value }
        do {
            var all: [Motcua_Catalog_V1_Procedure] = []
            var token = ""
            repeat {
                var request = Motcua_Catalog_V1_ListProceduresRequest()
                request.pageSize = 500
                request.pageToken = token
                let response = try await self.client.unary(
                    Motcua_Catalog_V1_CatalogService.ListProcedures.descriptor, request: ClientRequest(message: request),
                    options: CallOptions(timeout: self.callTimeout), responseType: Motcua_Catalog_V1_ListProceduresResponse.self)
                all += response.message.procedures
                token = response.message.nextPageToken
            } while !token.isEmpty
            let procedures = all.map(CatalogProcedure.init)
            self.state.withLock { $0.procedures = Cached(value: procedures, fetchedAt: now) }
            var copy = Motcua_Catalog_V1_ListProceduresResponse()
            copy.procedures = all
            try? await self.store?.saveCatalogCopy(key: Self.proceduresKey, bytes: copy.serializedBytes())
            return procedures
        } catch {
            if let cached {
                self.logger.warning("catalog unreachable; using cached procedures", metadata: ["error": "\(error)"])
                return cached.value
            }
            if let bytes = try? await self.store?.catalogCopy(key: Self.proceduresKey),
                let saved = try? Motcua_Catalog_V1_ListProceduresResponse(serializedBytes: bytes)
            {
                self.logger.warning("catalog unreachable; using the saved copy of the procedures", metadata: ["error": "\(error)"])
                return saved.procedures.map(CatalogProcedure.init)
            }
            throw StatisticsError(code: .unavailable, message: "the catalog is unreachable and no procedure list is cached", cause: error)
        }
    }
}

extension UnitInfo {
    init(_ unit: Motcua_Catalog_V1_Unit) {
        let level: UnitLevel
        switch unit.level {
        case .province: level = .province
        case .district: level = .district
        case .commune: level = .commune
        default: level = UnitLevel(codeLength: unit.code.utf8.count) ?? .commune
        }
        self.init(code: unit.code, name: unit.name, level: level, parentCode: unit.parentCode.isEmpty ? nil : unit.parentCode)
    }
}

extension CatalogProcedure {
    init(_ procedure: Motcua_Catalog_V1_Procedure) {
        let implementing: ImplementingLevel?
        switch procedure.implementingLevel {
        case .province: implementing = .province
        case .district: implementing = .district
        case .commune: implementing = .commune
        default: implementing = nil
        }
        let scheme: OnlineScheme?
        switch procedure.onlineScheme {
        case .fullProcess: scheme = .fullProcess
        case .partial: scheme = .partial
        case .none: scheme = .notOnline
        default: scheme = nil
        }
        self.init(
            code: procedure.code, name: procedure.name, field: procedure.field, implementingLevel: implementing,
            onlineLevel: Int(procedure.onlineLevel), onlineScheme: scheme)
    }
}
