public import RPCCore
public import ServiceLifecycle

/// Runs an ``RPCServer`` as a lifecycle service: graceful shutdown (SIGTERM/SIGINT through a `ServiceGroup`)
/// sends GOAWAY and lets calls in flight finish within the transport's grace period.
public struct RPCServerService: Service {
    public let server: RPCServer
    private let onShutdown: @Sendable () -> Void

    /// - Parameter onShutdown: runs when graceful shutdown begins, before the transport drains (for example to mark
    ///   health NOT_SERVING and end health watches).
    public init(server: RPCServer, onShutdown: @escaping @Sendable () -> Void = {}) {
        self.server = server
        self.onShutdown = onShutdown
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await self.server.serve()
        } onGracefulShutdown: {
            self.onShutdown()
            self.server.beginGracefulShutdown()
        }
    }
}
