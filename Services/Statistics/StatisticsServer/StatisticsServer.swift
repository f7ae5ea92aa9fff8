internal import ArgumentParser
internal import DomainModel
internal import Logging
internal import RPCCore
internal import RPCTransportHTTP2
internal import ServiceRuntime
internal import StatisticsService

/// `statistics-server`: the MotCua statistics (`motcua.statistics.v1.StatisticsService`) with health and reflection,
/// and the consumer of the submission service's event feed as a background service.
///
/// At start it opens `<data-dir>/statistics.sqlite` and loads the per-unit counters into memory (health is
/// NOT_SERVING until then); the feed consumer then resumes after the last event it applied.
@main
struct StatisticsServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statistics-server",
        abstract: "Serves the MotCua statistics: period reports, unit activity, time series, Decision 766 indicators, adoption gaps.",
        discussion: """
            Every option can also be set by an environment variable; a command-line option wins over the variable, \
            the variable over the default: MOTCUA_STATISTICS_HOST, MOTCUA_STATISTICS_PORT, MOTCUA_STATISTICS_DATA_DIR, \
            MOTCUA_CATALOG_ADDRESS, MOTCUA_SUBMISSION_ADDRESS, MOTCUA_LOG_LEVEL.
            """)

    @Option(help: "Address to listen on. [env: MOTCUA_STATISTICS_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port. [env: MOTCUA_STATISTICS_PORT] (default: 50053)")
    var port: Int?

    @Option(
        name: .customLong("data-dir"),
        help: "Folder of statistics.sqlite, created if missing. [env: MOTCUA_STATISTICS_DATA_DIR] (default: data/statistics)")
    var dataDir: String?

    @Option(help: "The catalog service, host:port. [env: MOTCUA_CATALOG_ADDRESS] (default: 127.0.0.1:50051)")
    var catalog: String?

    @Option(help: "The submission service whose event feed is followed, host:port. [env: MOTCUA_SUBMISSION_ADDRESS] (default: 127.0.0.1:50052)")
    var submission: String?

    @Option(
        name: .customLong("log-level"),
        help: "trace, debug, info, notice, warning, error or critical. [env: MOTCUA_LOG_LEVEL] (default: info)")
    var logLevel: String?

    func run() async throws {
        let settings = try StatisticsServerSettings(
            host: self.host, port: self.port, dataDir: self.dataDir, catalog: self.catalog, submission: self.submission,
            logLevel: self.logLevel)
        LoggingSetup.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "motcua.statistics-server")
        logger.info(
            "starting",
            metadata: [
                "host": "\(settings.host)", "port": "\(settings.port)", "data_dir": "\(settings.dataDir)",
                "catalog": "\(settings.catalog.host):\(settings.catalog.port)",
                "submission": "\(settings.submission.host):\(settings.submission.port)", "log_level": "\(settings.logLevel)",
            ])

        let store = try GRDBStatisticsStore.open(directory: settings.dataDir, logger: logger)
        let ingest = StatisticsIngest(store: store, index: StatisticsIndex())
        let readiness = StartupGate()
        let catalogClient = RPCClient(transport: HTTP2ClientTransport(host: settings.catalog.host, port: settings.catalog.port))
        let submissionClient = RPCClient(transport: HTTP2ClientTransport(host: settings.submission.host, port: settings.submission.port))
        defer {
            catalogClient.close()
            submissionClient.close()
        }
        let directory = GRPCCatalogDirectory(client: catalogClient, store: store, logger: logger)
        let feedStatus = FeedStatusTracker(submissionAddress: "\(settings.submission.host):\(settings.submission.port)")
        let consumer = FeedConsumer(client: submissionClient, ingest: ingest, status: feedStatus, gate: readiness, logger: logger)
        let service = StatisticsService(ingest: ingest, catalog: directory, feedStatus: feedStatus, readiness: readiness, logger: logger)
        let runner = ServiceRunner(
            name: "statistics-server", transportConfig: HTTP2ServerTransport.Config(host: settings.host, port: settings.port),
            logger: logger)
        // Open WatchReport streams end as soon as shutdown begins, so dashboards do not hold the process.
        let notifier = ingest.notifier
        try await runner.run(
            services: [service], background: [consumer], onShutdown: { notifier.finishAll() },
            prepare: {
                try await ingest.loadIndex()
                logger.info(
                    "counters loaded", metadata: ["cursor": "\(ingest.index.cursor)", "dossiers": "\(ingest.index.dossiers)"])
                readiness.open()
                if (try? await directory.units(asOf: VietnamTime.date(of: StatisticsService.systemClock()))) == nil {
                    logger.warning("the catalog is not reachable yet; reports will wait for it")
                }
            }
        )
    }
}

/// The server's settings: each from its option, else its environment variable, else the default.
struct StatisticsServerSettings {
    var host: String
    var port: Int
    var dataDir: String
    var catalog: (host: String, port: Int)
    var submission: (host: String, port: Int)
    var logLevel: Logger.Level

    init(host: String?, port: Int?, dataDir: String?, catalog: String?, submission: String?, logLevel: String?) throws {
        self.host = host ?? Environment.string("MOTCUA_STATISTICS_HOST", default: "127.0.0.1")
        if let port {
            self.port = port
        } else if let text = Environment.value("MOTCUA_STATISTICS_PORT") {
            guard let value = Int(text) else { throw ValidationError("MOTCUA_STATISTICS_PORT must be a port number (got \"\(text)\")") }
            self.port = value
        } else {
            self.port = 50053
        }
        guard (0...65535).contains(self.port) else { throw ValidationError("the port must be 0 to 65535 (got \(self.port))") }
        self.dataDir = dataDir ?? Environment.string("MOTCUA_STATISTICS_DATA_DIR", default: "data/statistics")
        guard !self.dataDir.isEmpty else { throw ValidationError("the data folder must not be empty") }
        self.catalog = try Self.address(catalog ?? Environment.string("MOTCUA_CATALOG_ADDRESS", default: "127.0.0.1:50051"), what: "catalog")
        self.submission = try Self.address(
            submission ?? Environment.string("MOTCUA_SUBMISSION_ADDRESS", default: "127.0.0.1:50052"), what: "submission")
        let levelName = logLevel ?? Environment.string("MOTCUA_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(name: levelName) else {
            throw ValidationError("the log level must be trace, debug, info, notice, warning, error or critical (got \"\(levelName)\")")
        }
        self.logLevel = level
    }

    /// Parses `host:port`.
    static func address(_ text: String, what: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            throw ValidationError("the \(what) address must be host:port (got \"\(text)\")")
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else { throw ValidationError("the \(what) address must be host:port (got \"\(text)\")") }
        return (host, port)
    }
}
