internal import ArgumentParser
internal import DomainModel
internal import Logging
internal import RPCCore
internal import RPCTransportHTTP2
internal import ServiceRuntime
internal import SubmissionService

/// `submission-server`: the MotCua submission service (`motcua.submission.v1.SubmissionService`) with health and
/// reflection.
///
/// Dossiers live in `<data-dir>/submission.sqlite` (created on first start). Procedures, units and the calendar come
/// from the catalog service at `--catalog`, cached and kept fresh by its change feed; the server starts even while the
/// catalog is down (submissions then answer UNAVAILABLE until it is reachable or cached).
@main
struct SubmissionServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submission-server",
        abstract: "Serves MotCua dossiers: submission, workflow, imports, the ordered event feed.",
        discussion: """
            Every option can also be set by an environment variable; a command-line option wins over the variable, \
            the variable over the default: MOTCUA_SUBMISSION_HOST, MOTCUA_SUBMISSION_PORT, MOTCUA_SUBMISSION_DATA_DIR, \
            MOTCUA_CATALOG_ADDRESS, MOTCUA_LOG_LEVEL.
            """)

    @Option(help: "Address to listen on. [env: MOTCUA_SUBMISSION_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on, 0 for any free port. [env: MOTCUA_SUBMISSION_PORT] (default: 50052)")
    var port: Int?

    @Option(
        name: .customLong("data-dir"),
        help: "Folder of submission.sqlite, created if missing. [env: MOTCUA_SUBMISSION_DATA_DIR] (default: data/submission)")
    var dataDir: String?

    @Option(help: "The catalog service, host:port. [env: MOTCUA_CATALOG_ADDRESS] (default: 127.0.0.1:50051)")
    var catalog: String?

    @Option(
        name: .customLong("log-level"),
        help: "trace, debug, info, notice, warning, error or critical. [env: MOTCUA_LOG_LEVEL] (default: info)")
    var logLevel: String?

    func run() async throws {
        let settings = try SubmissionServerSettings(
            host: self.host, port: self.port, dataDir: self.dataDir, catalog: self.catalog, logLevel: self.logLevel)
        LoggingSetup.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "motcua.submission-server")
        logger.info(
            "starting",
            metadata: [
                "host": "\(settings.host)", "port": "\(settings.port)", "data_dir": "\(settings.dataDir)",
                "catalog": "\(settings.catalogHost):\(settings.catalogPort)", "log_level": "\(settings.logLevel)",
            ])

        let store = try GRDBSubmissionStore.open(directory: settings.dataDir, logger: logger)
        var clientConfig = HTTP2ClientTransport.Config(host: settings.catalogHost, port: settings.catalogPort)
        clientConfig.connectTimeout = .seconds(3)
        clientConfig.initialBackoff = .milliseconds(200)
        clientConfig.maxBackoff = .seconds(3)
        let client = RPCClient(transport: HTTP2ClientTransport(config: clientConfig, logger: logger))
        let gateway = GRPCCatalogGateway(client: client, logger: logger)
        let engine = SubmissionEngine(store: store, catalog: gateway, logger: logger)
        let runner = ServiceRunner(
            name: "submission-server", transportConfig: HTTP2ServerTransport.Config(host: settings.host, port: settings.port),
            logger: logger)
        // Open StreamEvents calls never end on their own: end them as soon as shutdown begins, so that they do not
        // hold the process for the transport's whole grace period.
        try await runner.run(
            services: [SubmissionRPCService(engine: engine)], background: [gateway],
            onShutdown: { store.feedNotifier.finishAll() }
        ) {
            let sequence = try await store.latestSequence()
            logger.info("feed ready", metadata: ["sequence": "\(sequence)"])
            await gateway.warmUp(today: VietnamTime.date(of: SystemClock.now()))
        }
        client.close()
    }
}

/// The server's settings: each from its option, else its environment variable, else the default.
struct SubmissionServerSettings {
    var host: String
    var port: Int
    var dataDir: String
    var catalogHost: String
    var catalogPort: Int
    var logLevel: Logger.Level

    init(host: String?, port: Int?, dataDir: String?, catalog: String?, logLevel: String?) throws {
        self.host = host ?? Environment.string("MOTCUA_SUBMISSION_HOST", default: "127.0.0.1")
        if let port {
            self.port = port
        } else if let text = Environment.value("MOTCUA_SUBMISSION_PORT") {
            guard let value = Int(text) else { throw ValidationError("MOTCUA_SUBMISSION_PORT must be a port number (got \"\(text)\")") }
            self.port = value
        } else {
            self.port = 50052
        }
        guard (0...65535).contains(self.port) else { throw ValidationError("the port must be 0 to 65535 (got \(self.port))") }
        self.dataDir = dataDir ?? Environment.string("MOTCUA_SUBMISSION_DATA_DIR", default: "data/submission")
        guard !self.dataDir.isEmpty else { throw ValidationError("the data folder must not be empty") }
        let address = catalog ?? Environment.string("MOTCUA_CATALOG_ADDRESS", default: "127.0.0.1:50051")
        guard let colon = address.lastIndex(of: ":"), let catalogPort = Int(address[address.index(after: colon)...]),
            (1...65535).contains(catalogPort), colon != address.startIndex
        else { throw ValidationError("the catalog address must be host:port (got \"\(address)\")") }
        var catalogHost = String(address[..<colon])
        if catalogHost.hasPrefix("[") && catalogHost.hasSuffix("]") { catalogHost = String(catalogHost.dropFirst().dropLast()) }
        self.catalogHost = catalogHost
        self.catalogPort = catalogPort
        let levelName = logLevel ?? Environment.string("MOTCUA_LOG_LEVEL", default: "info")
        guard let level = Logger.Level(name: levelName) else {
            throw ValidationError("the log level must be trace, debug, info, notice, warning, error or critical (got \"\(levelName)\")")
        }
        self.logLevel = level
    }
}
