import CatalogService
import DomainModel
import Logging
import RPCCore
import RPCProtobuf
import Testing

/// A catalog service over a fresh SQLite file in a temporary folder, seeded like a first start (units, calendar and,
/// by default, the demo catalog), with a fixed clock: 10 February 2022, 09:00 in Vietnam.
struct CatalogFixture {
    static let now = vietnamInstant(2022, 2, 10, 9)
    static let quietLogger = Logger(label: "test.catalog", factory: { _ in SwiftLogNoOpLogHandler() })

    let service: CatalogService
    let store: GRDBCatalogStore
    let notifier: CatalogChangeNotifier

    static func with<T: Sendable>(demo: Bool = true, _ body: @Sendable (CatalogFixture) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try GRDBCatalogStore.open(directory: directory, logger: quietLogger)
            _ = try await store.seedIfNeeded(at: now) { try BuiltInData.seed(includeDemoCatalog: demo) }
            let notifier = CatalogChangeNotifier()
            let service = CatalogService(store: store, notifier: notifier, clock: { now }, logger: quietLogger)
            return try await body(CatalogFixture(service: service, store: store, notifier: notifier))
        }
    }

    /// One demo-seeded catalog in memory, shared by the tests that only read (seeding 1,764 procedures for each of
    /// them would only slow the whole test run down).
    static func readOnly() async throws -> CatalogFixture {
        try await self.shared.value
    }

    private static let shared = Task<CatalogFixture, any Error> {
        let store = try GRDBCatalogStore.inMemory(logger: quietLogger)
        _ = try await store.seedIfNeeded(at: now) { try BuiltInData.seed() }
        let notifier = CatalogChangeNotifier()
        let service = CatalogService(store: store, notifier: notifier, clock: { now }, logger: quietLogger)
        return CatalogFixture(service: service, store: store, notifier: notifier)
    }
}

/// The RPCError a call ends with, or nil when it succeeds (any other error is recorded as an issue).
func rpcError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> RPCError? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        Issue.record("expected an RPCError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Expects the call to fail with `code`, and for INVALID_ARGUMENT with a message that starts with `field` + ":".
func expectFailure(
    _ code: Status.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    let error = await rpcError(body, sourceLocation: sourceLocation)
    #expect(error?.code == code, "got \(error.map { "\($0)" } ?? "success")", sourceLocation: sourceLocation)
    if let field {
        #expect(error?.message.hasPrefix(field + ":") == true, "message: \(error?.message ?? "-")", sourceLocation: sourceLocation)
    }
}

func protoDate(_ year: Int, _ month: Int, _ day: Int) -> Motcua_Catalog_V1_Date {
    var date = Motcua_Catalog_V1_Date()
    date.year = Int32(year)
    date.month = Int32(month)
    date.day = Int32(day)
    return date
}

func timestamp(_ instant: UnixInstant) -> Google_Protobuf_Timestamp {
    var timestamp = Google_Protobuf_Timestamp()
    timestamp.seconds = instant.seconds
    timestamp.nanos = instant.nanoseconds
    return timestamp
}

/// An import row: a valid procedure unless changed.
func importRow(
    _ code: String, name: String = "Cấp giấy phép thử nghiệm", field: String = "Thử nghiệm", level: Motcua_Catalog_V1_ImplementingLevel = .province,
    onlineLevel: Int32 = 3, amount: Int32 = 10, unit: Motcua_Catalog_V1_DeadlineUnit = .workingDays
) -> Motcua_Catalog_V1_Procedure {
    var row = Motcua_Catalog_V1_Procedure()
    row.code = code
    row.name = name
    row.field = field
    row.implementingLevel = level
    row.onlineLevel = onlineLevel
    var deadline = Motcua_Catalog_V1_LegalDeadline()
    deadline.amount = amount
    deadline.unit = unit
    row.legalDeadline = deadline
    row.issuesPaperResult = true
    return row
}

/// An ImportProcedures stream of messages carrying these rows.
func importStream(_ batches: [[Motcua_Catalog_V1_Procedure]], validateOnly: Bool = false) -> RPCAsyncSequence<Motcua_Catalog_V1_ImportProceduresRequest> {
    .elements(batches.map { rows in
        var message = Motcua_Catalog_V1_ImportProceduresRequest()
        message.procedures = rows
        message.validateOnly = validateOnly
        return message
    })
}
