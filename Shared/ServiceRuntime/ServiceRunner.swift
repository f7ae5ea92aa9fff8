public import Logging
public import RPCCore
internal import RPCProtobuf
internal import RPCStandardServices
public import RPCTransportHTTP2
public import ServiceLifecycle
internal import UnixSignals

/// Runs one MotCua service process: its RPC services plus health and reflection on one HTTP/2 server, and any
/// background services (feed consumers, pools), under one `ServiceGroup` that shuts down gracefully on SIGTERM or
/// SIGINT.
///
/// Health is NOT_SERVING until `prepare` has finished (for example, data loaded), then SERVING for the server ("")
/// and for every registered service.
public struct ServiceRunner: Sendable {
    public var name: String
    public var transportConfig: HTTP2ServerTransport.Config
    public var logger: Logger

    public init(name: String, transportConfig: HTTP2ServerTransport.Config, logger: Logger) {
        self.name = name
        self.transportConfig = transportConfig
        self.logger = logger
    }

    /// Serves until a shutdown signal.
    ///
    /// - Parameters:
    ///   - services: the RPC services to serve.
    ///   - background: other long-running services (started before the server, stopped after it).
    ///   - interceptors: server interceptors applied to every service method (not to health and reflection).
    ///   - onShutdown: runs when graceful shutdown begins, before calls drain (end open watch streams here, so they do
    ///     not hold the process for the whole grace period).
    ///   - prepare: runs while the server already answers health checks with NOT_SERVING.
    public func run(
        services: [any RegistrableRPCService],
        background: [any Service] = [],
        interceptors: [any ServerInterceptor] = [],
        onShutdown: @escaping @Sendable () -> Void = {},
        prepare: @escaping @Sendable () async throws -> Void = {}
    ) async throws {
        let health = HealthService()
        var router = RPCRouter()
        router.interceptors = interceptors
        for service in services { router.register(service) }
        let servedNames = router.services
        router.interceptors = []
        router.register(health)
        router.register(ReflectionService(router: router))
        health.provider.setStatus(.notServing, forService: "")
        for service in servedNames { health.provider.setStatus(.notServing, forService: service) }

        let transport = HTTP2ServerTransport(config: self.transportConfig, logger: self.logger)
        let server = RPCServer(transport: transport, router: router)
        let logger = self.logger
        let name = self.name
        let readiness = ReadinessService(logger: logger) {
            try await prepare()
            health.provider.setStatus(.serving, forService: "")
            for service in servedNames { health.provider.setStatus(.serving, forService: service) }
            let port = try await transport.listeningPort()
            logger.notice("\(name) is SERVING", metadata: ["port": "\(port)"])
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: background.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }
                    + [
                        ServiceGroupConfiguration.ServiceConfiguration(
                            service: RPCServerService(server: server, onShutdown: {
                                health.provider.shutDown()
                                onShutdown()
                            })),
                        ServiceGroupConfiguration.ServiceConfiguration(
                            service: readiness, successTerminationBehavior: .ignore),
                    ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}

/// Runs the preparation step once, then finishes.
struct ReadinessService: Service {
    let logger: Logger
    let prepare: @Sendable () async throws -> Void

    init(logger: Logger, prepare: @escaping @Sendable () async throws -> Void) {
        self.logger = logger
        self.prepare = prepare
    }

    func run() async throws {
        do {
            try await self.prepare()
        } catch {
            self.logger.critical("startup failed: \(error)")
            throw error
        }
    }
}
