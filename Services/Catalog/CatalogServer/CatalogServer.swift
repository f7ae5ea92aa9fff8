internal import RPCCore
internal import ArgumentParser
internal import CatalogService
internal import Logging
internal import RPCTransportHTTP2
internal import ServiceRuntime

/// `catalog-server`: the MotCua catalog (`motcua.catalog.v1.CatalogService`) with health and reflection.
///
/// On its first start it creates `<data-dir>/catalog.sqlite` and seeds it in one transaction (the 2022 Điện Biên
/// units, the 2021–2027 holiday calendar, the DEMO procedure catalog); health is NOT_SERVING until that is done.
@main
struct CatalogServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog-server",
        abstract: "Serves the MotCua catalog: administrative units, procedures, the working-day calendar, the change feed.",
        discussion: """
            Every option can also be set by an environment variable; a command-line option wins over the variable, \
            the variable over the default: MOTCUA_CATALOG_HOST, MOTCUA_CATALOG_PORT, MOTCUA_CATALOG_DATA_DIR, MOTCUA_LOG_LEVEL.
            """)

    @Option(help: "Address to listen on. [env: MOTCUA_CATALOG_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port. [env: MOTCUA_CATALOG_PORT] (default: 50051)")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Folder of catalog.sqlite, created if missing. [env: MOTCUA_CATALOG_DATA_DIR] (default: data/catalog)")
    var dataDir: String?

    @Option(
        name: .customLong("log-level"),
        help: "trace, debug, info, notice, warning, error or critical. [env: MOTCUA_LOG_LEVEL] (default: info)")
    var logLevel: String?

    @Flag(name: .customLong("no-demo-catalog"), help: "On the first start, seed units and calendar only, without the DEMO procedures.")
    var noDemoCatalog = false

    func run() async throws {
        let settings = try CatalogServerSettings(host: self.host, port: self.port, dataDir: self.dataDir, logLevel: self.logLevel)
        LoggingSetup.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "motcua.catalog-server")
        logger.info(
            "starting",
            metadata: ["host": "\(settings.host)", "port": "\(settings.port)", "data_dir": "\(settings.dataDir)", "log_level": "\(settings.logLevel)"])

        let store = try GRDBCatalogStore.open(directory: settings.dataDir, logger: logger)
        let readiness = CatalogReadiness(ready: false)
        let notifier = CatalogChangeNotifier()
        let service = CatalogService(store: store, readiness: readiness, notifier: notifier, logger: logger)
        let includeDemo = !self.noDemoCatalog
        let runner = ServiceRunner(
            name: "catalog-server", transportConfig: HTTP2ServerTransport.Config(host: settings.host, port: settings.port), logger: logger)
        try await runner.run(services: [service], onShutdown: { notifier.finishAll() }) {
            let report = try await store.seedIfNeeded(at: CatalogService.systemClock()) {
                try BuiltInData.seed(includeDemoCatalog: includeDemo)
            }
            if let report {
                logger.notice(
                    "catalog seeded",
                    metadata: ["units": "\(report.units)", "calendar_days": "\(report.calendarDays)", "procedures": "\(report.procedures)"])
            } else {
                let sequence = try await store.latestSequence()
                logger.info("catalog already seeded", metadata: ["sequence": "\(sequence)"])
            }
            readiness.markReady()
        }
    }
}

/// The server's settings: each from its option, else its environment variable, else the default.
struct CatalogServerSettings {
    var host: String
    var port: Int
    var dataDir: String
    var logLevel: Logger.Level

    init(host: String?, port: Int?, dataDir: String?, logLevel: String?) throws {
        self.host = host ?? Environment.string("MOTCUA_CATALOG_HOST", default: "127.0.0.1")
        if let port {
            self.port = port
        } else if let text = Environment.value("MOTCUA_CATALOG_PORT") {
            guard let value = Int(text) else { throw ValidationError("MOTCUA_CATALOG_PORT must be a port number (got \"\(text)\")") }
            self.port = value
        } else {
            self.port = 50051
        }
        guard (0...65535).contains(self.port) else { throw ValidationError("the port must be 0 to 65535 (got \(self.port))") }
        self.dataDir = dataDir ?? Environment.string("MOTCUA_CATALOG_DATA_DIR", default: "data/catalog")
        guard !self.dataDir.isEmpty else { throw ValidationError("the data folder must not be empty") }
        let levelName = logLevel ?? Environment.string("MOTCUA_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(name: levelName) else {
            throw ValidationError("the log level must be trace, debug, info, notice, warning, error or critical (got \"\(levelName)\")")
        }
        self.logLevel = level
    }
}
