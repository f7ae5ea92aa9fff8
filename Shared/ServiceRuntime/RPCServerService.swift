public import RPCCore
public import ServiceLifecycle

/// Runs an ``RPCServer`` as a lifecycle service: graceful shutdown (SIGTERM/SIGINT through a `ServiceGroup`)
/// sends GOAWAY and lets calls in flight finish within the transport's grace period.
public struct RPCServerService: Service {
    public let server: RPCServer

    public init(server: RPCServer) {
        self.server = server
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await self.server.serve()
        } onGracefulShutdown: {
            self.server.beginGracefulShutdown()
        }
    }
}
