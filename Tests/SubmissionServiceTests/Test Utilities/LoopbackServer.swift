import RPCCore
import RPCTransportHTTP2

/// Serves `services` on a free 127.0.0.1 port for the duration of `body`, which gets a client and the port.
func withLoopbackServer<R: Sendable>(
    _ services: [any RegistrableRPCService], _ body: @Sendable (RPCClient, Int) async throws -> R
) async throws -> R {
    var config = HTTP2ServerTransport.Config(host: "127.0.0.1", port: 0)
    config.eventLoopThreads = 1
    config.shutdownGracePeriod = .milliseconds(200)
    var router = RPCRouter()
    for service in services { router.register(service) }
    let transport = HTTP2ServerTransport(config: config)
    let server = RPCServer(transport: transport, router: router)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.serve() }
        let port = try await transport.listeningPort()
        let clientTransport = HTTP2ClientTransport(host: "127.0.0.1", port: port)
        defer {
            clientTransport.close()
            server.beginGracefulShutdown()
        }
        return try await body(RPCClient(transport: clientTransport), port)
    }
}
