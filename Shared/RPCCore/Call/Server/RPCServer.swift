/// A gRPC server: a router of registered services served by one transport.
///
/// ```swift
/// var router = RPCRouter()
/// router.register(MyService())
/// let server = RPCServer(transport: transport, router: router)
/// try await server.serve()      // until beginGracefulShutdown() drains every call
/// ```
public struct RPCServer: Sendable {
    public let transport: any ServerTransport
    public let router: RPCRouter

    public init(transport: any ServerTransport, router: RPCRouter) {
        self.transport = transport
        self.router = router
    }

    /// Serves calls until the transport shuts down.
    public func serve() async throws {
        try await self.transport.listen(router: self.router)
    }

    /// Stops accepting new calls; calls in flight finish within the transport's grace period.
    public func beginGracefulShutdown() {
        self.transport.beginGracefulShutdown()
    }
}
