import DomainModel
import Logging
import RPCCore
import RPCTransportHTTP2
import SubmissionService
import Testing

@Suite("GRPCCatalogGateway against a catalog server over HTTP/2", .serialized)
struct CatalogGatewayTests {
    /// Generous per-call deadlines: these tests are about caching and watching, and the test machine may be busy.
    static let patient: GRPCCatalogGateway.Config = {
        var config = GRPCCatalogGateway.Config()
        config.callTimeout = .seconds(30)
        return config
    }()

    @Test("Lookups go over the wire once, then come from the cache")
    func caching() async throws {
        let catalog = FakeCatalogService()
        try await withLoopbackServer([catalog]) { client, _ in
            let gateway = GRPCCatalogGateway(client: client, config: Self.patient)
            let procedure = try await gateway.procedure(code: TestCatalog.birth.code)
            #expect(procedure?.name == "Đăng ký khai sinh")
            #expect(procedure?.legalDeadline == .workingDays(3))
            #expect(try await gateway.procedure(code: ProcedureCode("9.999999")!) == nil)
            let unit = try await gateway.unit(code: TestCatalog.namKe.code, on: date(2022, 1, 28))
            #expect(unit?.name == "Xã Nậm Kè")
            #expect(try await gateway.unit(code: UnitCode("03999")!, on: date(2022, 1, 28)) == nil)
            let calendar = try await gateway.calendar()
            #expect(!calendar.isWorkingDay(date(2022, 2, 1)))
            let calls = catalog.lookups
            #expect(calls == 4)
            _ = try await gateway.procedure(code: TestCatalog.birth.code)
            _ = try await gateway.procedure(code: ProcedureCode("9.999999")!)
            _ = try await gateway.unit(code: TestCatalog.chungChai.code, on: date(2022, 1, 28))
            _ = try await gateway.calendar()
            #expect(catalog.lookups == calls)
        }
    }

    @Test("Unreachable with nothing cached: UNAVAILABLE; with a cache: cached answers")
    func unreachable() async throws {
        // Nothing listens on this port (the server below is gone once the first block returns).
        let deadPort = try await withLoopbackServer([FakeCatalogService()]) { _, port in port }
        var config = HTTP2ClientTransport.Config(host: "127.0.0.1", port: deadPort)
        config.connectTimeout = .seconds(1)
        let dead = GRPCCatalogGateway(client: RPCClient(transport: HTTP2ClientTransport(config: config)))
        let error = try await #require(throws: SubmissionError.self) { try await dead.procedure(code: TestCatalog.birth.code) }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("procedure 1.001193"))

        let catalog = FakeCatalogService()
        let gateway = try await withLoopbackServer([catalog]) { client, _ in
            let gateway = GRPCCatalogGateway(client: client, config: Self.patient)
            _ = try await gateway.procedure(code: TestCatalog.birth.code)
            _ = try await gateway.calendar()
            _ = try await gateway.unit(code: TestCatalog.namKe.code, on: date(2022, 1, 28))
            return gateway
        }
        // The server is gone: cached answers still come, anything else is UNAVAILABLE.
        #expect(try await gateway.procedure(code: TestCatalog.birth.code)?.name == "Đăng ký khai sinh")
        _ = try await gateway.calendar()
        let uncached = try await #require(throws: SubmissionError.self) { try await gateway.procedure(code: TestCatalog.marriage.code) }
        #expect(uncached.code == .unavailable)
        // A new day: the cached version of Nậm Kè is in force on it too; an unknown code cannot be decided.
        #expect(try await gateway.unit(code: TestCatalog.namKe.code, on: date(2022, 1, 29))?.name == "Xã Nậm Kè")
        let unknownUnit = try await #require(throws: SubmissionError.self) {
            try await gateway.unit(code: UnitCode("03999")!, on: date(2022, 1, 29))
        }
        #expect(unknownUnit.code == .unavailable)
    }

    @Test("A change on WatchCatalog drops the cached procedure: the next lookup sees the new name")
    func watchInvalidates() async throws {
        let catalog = FakeCatalogService()
        try await withLoopbackServer([catalog]) { client, _ in
            let gateway = GRPCCatalogGateway(client: client, config: Self.patient)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await gateway.run() }
                while !gateway.isWatching { try await Task.sleep(for: .milliseconds(10)) }
                #expect(try await gateway.procedure(code: TestCatalog.birth.code)?.name == "Đăng ký khai sinh")
                catalog.change(procedure: TestCatalog.birth.code.rawValue, name: "Đăng ký khai sinh (mới)")
                var name: String?
                for _ in 0..<200 {
                    name = try await gateway.procedure(code: TestCatalog.birth.code)?.name
                    if name == "Đăng ký khai sinh (mới)" { break }
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(name == "Đăng ký khai sinh (mới)")
                group.cancelAll()
            }
        }
    }

    @Test("An engine over the gateway submits with the remote catalog")
    func engineOverGateway() async throws {
        let catalog = FakeCatalogService()
        try await withLoopbackServer([catalog]) { client, _ in
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            let store = try GRDBSubmissionStore.open(directory: directory.path)
            let clock = TestClock(vietnamInstant(2022, 1, 28, 10))
            let engine = SubmissionEngine(store: store, catalog: GRPCCatalogGateway(client: client, config: Self.patient), clock: clock.function)
            let dossier = try await engine.submit(submitCommand()).dossier
            #expect(dossier.code.rawValue == "03162-220128-0001")
            #expect(dossier.workflow.dueDate == date(2022, 2, 9))
        }
    }
}
