internal import ArgumentParser
internal import Logging
internal import InteropService
internal import RPCCore
internal import RPCProtobuf
internal import RPCStandardServices
internal import RPCTransportHTTP2
internal import ServiceLifecycle
internal import ServiceRuntime
internal import UnixSignals

/// `interop-server --port N`: gRPC's interop TestService on 127.0.0.1, with health and reflection.
@main
struct InteropServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interop-server",
        abstract: "Serves gRPC's interop grpc.testing.TestService, with health and reflection.")

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 50051

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        LoggingSetup.bootstrap(level: Logger.Level(name: self.logLevel) ?? .info)
        let logger = Logger(label: "motcua.interop-server")
        let health = HealthService()
        var router = RPCRouter()
        router.register(TestService())
        router.register(health)
        router.register(ReflectionService(router: router))
        health.provider.setStatus(.serving, forService: "")
        health.provider.setStatus(.serving, forService: "grpc.testing.TestService")

        var config = HTTP2ServerTransport.Config(host: self.host, port: self.port)
        config.responseCompression = "gzip"
        config.shutdownGracePeriod = .seconds(5)
        let transport = HTTP2ServerTransport(config: config, logger: logger)
        let server = RPCServer(transport: transport, router: router)
        let group = ServiceGroup(
            services: [RPCServerService(server: server, onShutdown: { health.provider.shutDown() })],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        try await group.run()
    }
}
