internal import ArgumentParser
internal import DomainModel
internal import Foundation
internal import Logging
internal import RPCCore
internal import RPCProtobuf
internal import RPCTransportHTTP2
internal import StatisticsService

/// `statistics-bench`: generates a province of dossiers directly into the statistics store, then measures GetReport
/// for the province over one year by commune, and the catch-up rate of the feed (decode + apply, and the consumer
/// over HTTP/2). See Tests/bench/statistics-bench.sh.
@main
struct StatisticsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statistics-bench",
        abstract: "Benchmarks the statistics service: GetReport over a generated province, and feed catch-up.")

    @Option(name: .customLong("data-dir"), help: "Folder of the generated statistics.sqlite (reused when it holds the same data set).")
    var dataDir = ".build/bench/statistics"

    @Option(help: "Dossiers generated over two years in 129 communes.")
    var dossiers = 10_000_000

    @Option(name: .customLong("replay-dossiers"), help: "New dossiers whose events are replayed through decode + apply.")
    var replayDossiers = 200_000

    @Option(name: .customLong("consumer-dossiers"), help: "New dossiers whose events the feed consumer reads over HTTP/2.")
    var consumerDossiers = 100_000

    @Option(help: "Events per transaction when applying (as FeedConsumer.Config.batchSize).")
    var batch = FeedConsumer.Config().batchSize

    @Option(help: "Timed GetReport calls.")
    var runs = 30

    @Option(help: "Seed of the generated data.")
    var seed: UInt64 = 766

    @Flag(help: "Generate the data set again even if the data folder holds it.")
    var regenerate = false

    @Option(help: "What to measure, comma-separated: reports, apply, consumer.")
    var phases = "reports,apply,consumer"

    func run() async throws {
        var logger = Logger(label: "motcua.statistics-bench")
        logger.logLevel = .warning
        let world = BenchWorld(seed: self.seed)
        let marker = URL(fileURLWithPath: self.dataDir).appendingPathComponent("generated-\(self.dossiers)-\(self.seed)")
        if self.regenerate || !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(atPath: self.dataDir)
            try await self.generate(world: world, logger: logger)
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        } else {
            print("reusing the data set in \(self.dataDir) (--regenerate to make it again)")
        }

        // Open as statistics-server does: the store, then the per-unit counters into memory.
        let clock = ContinuousClock()
        let openStart = clock.now
        let store = try GRDBStatisticsStore.open(directory: self.dataDir, logger: logger)
        let ingest = StatisticsIngest(store: store, index: StatisticsIndex())
        try await ingest.loadIndex()
        let openTime = clock.now - openStart
        let size = (try? FileManager.default.attributesOfItem(atPath: self.dataDir + "/statistics.sqlite")[.size] as? Int) ?? 0
        print("store: \(ingest.index.dossiers) dossiers, \(size / 1_000_000) MB; opened and counters loaded in \(ms(openTime)) ms")

        let service = StatisticsService(ingest: ingest, catalog: world.catalog, logger: logger)
        let phases = Set(self.phases.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if phases.contains("reports") { try await self.measureReports(service: service, logger: logger) }
        if phases.contains("apply") { try await self.measureApply(world: world, ingest: ingest) }
        if phases.contains("consumer") { try await self.measureConsumer(world: world, ingest: ingest, logger: logger) }
    }

    // MARK: - Generation

    func generate(world: BenchWorld, logger: Logger) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let store = try GRDBStatisticsStore.open(directory: self.dataDir, logger: logger)
        let counts = world.dossierCounts(total: self.dossiers)
        var loaded = 0
        for (index, count) in counts.enumerated() {
            loaded += try await store.bulkLoad(world.facts(commune: index, count: count, seed: self.seed))
            if (index + 1) % 16 == 0 || index == counts.count - 1 {
                let elapsed = clock.now - start
                print("generated \(loaded) of \(self.dossiers) dossiers (\(index + 1) of 129 communes) in \(seconds(elapsed)) s")
            }
        }
    }

    // MARK: - Reports

    func measureReports(service: StatisticsService, logger: Logger) async throws {
        var request = Motcua_Statistics_V1_GetReportRequest()
        request.unitCode = "11"
        request.period = period(from: CivilDate(year: 2023, month: 1, day: 1)!, to: CivilDate(year: 2024, month: 1, day: 1)!)
        request.breakdown = .commune
        let report = try await service.getReport(request)
        let total = report.total ?? Motcua_Statistics_V1_Counts()
        let rowsTotal = report.rows.reduce(Int64(0)) { $0 + ($1.counts?.toHandle ?? 0) }
        print("GetReport 11, 2023, by commune: \(report.rows.count) rows; to handle \(total.toHandle) (rows \(rowsTotal)), "
            + "carried over \(total.carriedOver), new \(total.newTotal), resolved \(total.resolvedTotal), returned \(total.returned), "
            + "in progress \(total.inProgressTotal) (overdue \(total.inProgressOverdue))")
        guard report.rows.count == 129, rowsTotal == total.toHandle,
            total.toHandle == total.resolvedTotal + total.returned + total.inProgressTotal
        else { throw ValidationError("the report does not add up") }

        try await self.time("GetReport province, one year, by commune (handler)") { _ = try await service.getReport(request) }
        var byDistrict = request
        byDistrict.breakdown = .childUnit
        try await self.time("GetReport province, one year, by district (handler)") { _ = try await service.getReport(byDistrict) }
        var activity = Motcua_Statistics_V1_ListUnitActivityRequest()
        activity.parentCode = "11"
        activity.period = request.period
        activity.level = .commune
        activity.sort = .newTotal
        try await self.time("ListUnitActivity province communes, one year (handler)") { _ = try await service.listUnitActivity(activity) }
        var series = Motcua_Statistics_V1_GetTimeSeriesRequest()
        series.unitCode = "11"
        series.period = request.period
        try await self.time("GetTimeSeries province, one year by day (handler)") { _ = try await service.getTimeSeries(series) }
        var byField = request
        byField.breakdown = .field
        try await self.time("GetReport province, one year, by field (handler; per-cell blocks + stored partial days)") {
            _ = try await service.getReport(byField)
        }
        var index = Motcua_Statistics_V1_GetServiceIndexRequest()
        index.unitCode = "11"
        index.period = request.period
        try await self.time("GetServiceIndex province, one year (handler)") { _ = try await service.getServiceIndex(index) }
        var gaps = Motcua_Statistics_V1_GetAdoptionGapsRequest()
        gaps.unitCode = "11"
        gaps.period = request.period
        try await self.time("GetAdoptionGaps province, one year (handler)") { _ = try await service.getAdoptionGaps(gaps) }

        // The same over gRPC on loopback HTTP/2.
        var config = HTTP2ServerTransport.Config(host: "127.0.0.1", port: 0)
        config.eventLoopThreads = 1
        var router = RPCRouter()
        router.register(service)
        let transport = HTTP2ServerTransport(config: config, logger: logger)
        let server = RPCServer(transport: transport, router: router)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            let port = try await transport.listeningPort()
            let client = RPCClient(transport: HTTP2ClientTransport(host: "127.0.0.1", port: port))
            try await self.time("GetReport province, one year, by commune (over gRPC, loopback)") {
                _ = try await client.unary(
                    Motcua_Statistics_V1_StatisticsService.GetReport.descriptor, request: ClientRequest(message: request),
                    responseType: Motcua_Statistics_V1_Report.self)
            }
            client.close()
            server.beginGracefulShutdown()
            try await group.waitForAll()
        }
    }

    func time(_ label: String, runs: Int? = nil, _ body: () async throws -> Void) async throws {
        let clock = ContinuousClock()
        for _ in 0..<2 { try await body() }
        var durations: [Duration] = []
        for _ in 0..<(runs ?? self.runs) {
            let start = clock.now
            try await body()
            durations.append(clock.now - start)
        }
        durations.sort()
        let p50 = durations[durations.count / 2]
        let p90 = durations[min(durations.count - 1, durations.count * 9 / 10)]
        print("\(label): p50 \(ms(p50)) ms, p90 \(ms(p90)) ms, max \(ms(durations[durations.count - 1])) ms (\(durations.count) runs)")
    }

    // MARK: - Catch-up

    func measureApply(world: BenchWorld, ingest: StatisticsIngest) async throws {
        let cursor = try await ingest.store.cursor()
        let events = ReplayFeed.events(world: world, dossiers: self.replayDossiers, firstSequence: cursor + 1, tag: "A\(cursor)", seed: self.seed)
        let encoded = events.map { $0.serializedBytes() }
        let clock = ContinuousClock()
        let start = clock.now
        var applying = Duration.zero
        var batch: [FeedEvent] = []
        batch.reserveCapacity(self.batch)
        for bytes in encoded {
            batch.append(try FeedEvent(try Motcua_Submission_V1_DossierEvent(serializedBytes: bytes)))
            if batch.count == self.batch {
                let applyStart = clock.now
                try await ingest.apply(batch)
                applying += clock.now - applyStart
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty {
            let applyStart = clock.now
            try await ingest.apply(batch)
            applying += clock.now - applyStart
        }
        let elapsed = clock.now - start
        print("  of which decoding \(seconds(elapsed - applying)) s, applying (store transaction + index) \(seconds(applying)) s")
        print("catch-up, decode + apply in batches of \(self.batch) (one transaction each, cursor included): \(encoded.count) events "
            + "of \(self.replayDossiers) dossiers in \(seconds(elapsed)) s = \(rate(encoded.count, elapsed)) events/s")
    }

    func measureConsumer(world: BenchWorld, ingest: StatisticsIngest, logger: Logger) async throws {
        let cursor = try await ingest.store.cursor()
        let events = ReplayFeed.events(
            world: world, dossiers: self.consumerDossiers, firstSequence: cursor + 1, tag: "C\(cursor)", seed: self.seed &+ 1)
        let last = events.last?.sequence ?? cursor
        var config = HTTP2ServerTransport.Config(host: "127.0.0.1", port: 0)
        config.eventLoopThreads = 1
        config.shutdownGracePeriod = .milliseconds(100)
        var router = RPCRouter()
        router.register(ReplayFeedService(events: events))
        let transport = HTTP2ServerTransport(config: config, logger: logger)
        let server = RPCServer(transport: transport, router: router)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            let port = try await transport.listeningPort()
            let client = RPCClient(transport: HTTP2ClientTransport(host: "127.0.0.1", port: port))
            let consumer = FeedConsumer(
                client: client, ingest: ingest, status: FeedStatusTracker(submissionAddress: "127.0.0.1:\(port)"), logger: logger)
            let clock = ContinuousClock()
            let start = clock.now
            group.addTask { try await consumer.run() }
            while ingest.index.cursor < last { try await Task.sleep(for: .milliseconds(5)) }
            let elapsed = clock.now - start
            print("catch-up, FeedConsumer over HTTP/2 from a StreamEvents server: \(events.count) events of \(self.consumerDossiers) "
                + "dossiers in \(seconds(elapsed)) s = \(rate(events.count, elapsed)) events/s")
            group.cancelAll()
            client.close()
            server.beginGracefulShutdown()
            try? await group.waitForAll()
        }
    }
}

func period(from: CivilDate, to: CivilDate) -> Motcua_Statistics_V1_Period {
    var period = Motcua_Statistics_V1_Period()
    period.fromDate = ReplayFeed.protoDate(from)
    period.toDate = ReplayFeed.protoDate(to)
    return period
}

func ms(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%.2f", value)
}

func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.1f", value)
}

func rate(_ count: Int, _ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(Int((Double(count) / max(value, 1e-9)).rounded()))
}
