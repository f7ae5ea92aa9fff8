public import Logging
internal import NIOCore
internal import NIOPosix
public import RPCCore
internal import CMotCuaSystem
internal import Synchronization

/// gRPC over HTTP/2 cleartext (prior knowledge), with nghttp2 as the HTTP/2 codec and SwiftNIO for sockets.
///
/// ```swift
/// let transport = HTTP2ServerTransport(config: .init(host: "127.0.0.1", port: 50051))
/// let server = RPCServer(transport: transport, router: router)
/// try await server.serve()
/// ```
public final class HTTP2ServerTransport: ServerTransport {
    /// Server settings. Defaults follow gRPC's where gRPC has one.
    public struct Config: Sendable {
        public var host: String
        /// 0 picks a free port (see ``HTTP2ServerTransport/listeningPort()``).
        public var port: Int
        /// Largest request message accepted (after decompression); larger ones get `RESOURCE_EXHAUSTED`.
        public var maxReceiveMessageSize: Int = 4 << 20
        public var maxConcurrentStreams: UInt32 = 1000
        /// Per-stream flow-control window offered to clients.
        public var initialWindowSize: UInt32 = 1 << 20
        public var maxHeaderListSize: UInt32 = 16 << 10
        /// Compress responses with gzip when the client accepts it (`nil`: never compress).
        public var responseCompression: String? = nil
        /// Server keepalive: a PING after this long, the connection closed if it is not answered within the timeout.
        public var keepaliveTime: Duration? = .seconds(2 * 3600)
        public var keepaliveTimeout: Duration = .seconds(20)
        /// Clients may ping at most this often while no call is active; more often counts as a strike.
        public var minPingIntervalWithoutCalls: Duration = .seconds(300)
        public var maxPingStrikes = 2
        /// A connection without calls for this long is closed with GOAWAY (`nil`: never).
        public var maxIdleTime: Duration? = nil
        /// After a graceful shutdown begins, calls in flight may run this long before they are cancelled.
        public var shutdownGracePeriod: Duration = .seconds(10)
        /// Run handlers on their connection's event loop (fastest); false runs them on the global concurrent executor.
        public var runHandlersOnEventLoop = true
        /// Event loop threads (0: one per core).
        public var eventLoopThreads = 0

        public init(host: String = "127.0.0.1", port: Int) {
            self.host = host
            self.port = port
        }

        var http2Settings: HTTP2SessionSettings {
            var settings = HTTP2SessionSettings()
            settings.maxConcurrentStreams = self.maxConcurrentStreams
            settings.initialWindowSize = self.initialWindowSize
            settings.maxHeaderListSize = self.maxHeaderListSize
            return settings
        }
    }

    private enum State {
        case idle
        case listening(any Channel)
        case stopping
        case stopped
    }

    public let config: Config
    private let logger: Logger
    private let state = Mutex<State>(.idle)
    private let connections = ServerConnectionRegistry()
    private let portWaiters = Mutex<(port: Int?, waiters: [CheckedContinuation<Int, any Error>])>((nil, []))

    public init(config: Config, logger: Logger = Logger(label: "motcua.rpc.server")) {
        self.config = config
        self.logger = logger
    }

    /// The port the server listens on, once it is listening.
    public func listeningPort() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let port: Int? = self.portWaiters.withLock { state in
                if let port = state.port { return port }
                state.waiters.append(continuation)
                return nil
            }
            if let port { continuation.resume(returning: port) }
        }
    }

    public func listen(router: RPCRouter) async throws {
        let threads = self.config.eventLoopThreads > 0 ? self.config.eventLoopThreads : System.coreCount
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        defer { group.shutdownGracefully { _ in } }
        let config = self.config
        let connections = self.connections
        let logger = self.logger
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ServerConnectionHandler(config: config, router: router, connections: connections, logger: logger))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: self.config.host, port: self.config.port).get()
        } catch {
            let failure = RuntimeBindError(host: self.config.host, port: self.config.port, cause: error)
            let waiters = self.portWaiters.withLock { state in
                let waiters = state.waiters
                state.waiters = []
                return waiters
            }
            for waiter in waiters { waiter.resume(throwing: failure) }
            throw failure
        }
        let shouldClose: Bool = self.state.withLock { state in
            if case .idle = state {
                state = .listening(channel)
                return false
            }
            return true
        }
        let port = channel.localAddress?.port ?? self.config.port
        let waiters = self.portWaiters.withLock { state in
            state.port = port
            let waiters = state.waiters
            state.waiters = []
            return waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
        self.logger.info("listening", metadata: ["address": "\(self.config.host):\(port)"])
        if shouldClose { try? await channel.close() }

        try await withTaskCancellationHandler {
            try await channel.closeFuture.get()
            await self.connections.waitUntilEmpty()
        } onCancel: {
            self.beginGracefulShutdown()
        }
        self.state.withLock { $0 = .stopped }
    }

    public func beginGracefulShutdown() {
        let channel: (any Channel)? = self.state.withLock { state in
            switch state {
            case .listening(let channel):
                state = .stopping
                return channel
            case .idle:
                state = .stopping
                return nil
            case .stopping, .stopped:
                return nil
            }
        }
        guard let channel else { return }
        self.logger.info("graceful shutdown: no new connections; draining calls in flight")
        channel.close(promise: nil)
        self.connections.drainAll()
    }
}

/// The server could not listen on its address.
public struct RuntimeBindError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var cause: any Error

    public var description: String { "cannot listen on \(self.host):\(self.port): \(self.cause)" }
}

/// The open connections of a server, so that shutdown can drain them and wait for them.
final class ServerConnectionRegistry: Sendable {
    private struct State {
        var nextID = 1
        var drains: [Int: @Sendable () -> Void] = [:]
        var draining = false
        var emptyWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Registers a connection; `drain` starts its graceful shutdown. Returns its id.
    func add(drain: @escaping @Sendable () -> Void) -> Int {
        let (id, drainNow): (Int, Bool) = self.state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.drains[id] = drain
            return (id, state.draining)
        }
        if drainNow { drain() }
        return id
    }

    func remove(_ id: Int) {
        let (waiters, idle): ([CheckedContinuation<Void, Never>], Bool) = self.state.withLock { state in
            state.drains[id] = nil
            guard state.drains.isEmpty else { return ([], false) }
            let waiters = state.emptyWaiters
            state.emptyWaiters = []
            return (waiters, true)
        }
        if idle { Self.releaseFreeMemory() }
        for waiter in waiters { waiter.resume() }
    }

    /// With no connection left the server is idle: hand freed heap pages back to the system, so that an idle
    /// server's footprint does not keep the high-water mark of its last burst.
    private static func releaseFreeMemory() {
        _ = cmotcua_malloc_trim()
    }

    func drainAll() {
        let drains = self.state.withLock { state in
            state.draining = true
            return Array(state.drains.values)
        }
        for drain in drains { drain() }
    }

    func waitUntilEmpty() async {
        await withCheckedContinuation { continuation in
            let done: Bool = self.state.withLock { state in
                if state.drains.isEmpty { return true }
                state.emptyWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
