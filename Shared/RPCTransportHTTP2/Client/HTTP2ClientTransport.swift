public import Logging
internal import NIOCore
internal import NIOPosix
public import RPCCore
internal import Synchronization

/// A gRPC client connection to one server over HTTP/2 cleartext: many calls multiplexed on one connection,
/// reconnecting with exponential backoff after failures.
public final class HTTP2ClientTransport: ClientTransport {
    public struct Config: Sendable {
        public var host: String
        public var port: Int
        public var maxReceiveMessageSize: Int = 4 << 20
        public var initialWindowSize: UInt32 = 1 << 20
        public var maxHeaderListSize: UInt32 = 16 << 10
        public var connectTimeout: Duration = .seconds(20)
        /// Reconnect backoff (gRPC connection-backoff defaults).
        public var initialBackoff: Duration = .seconds(1)
        public var backoffMultiplier: Double = 1.6
        public var maxBackoff: Duration = .seconds(120)
        public var backoffJitter: Double = 0.2
        public var userAgent = "grpc-swift-motcua/0.1"

        public init(host: String = "127.0.0.1", port: Int) {
            self.host = host
            self.port = port
        }
    }

    private struct Connection: @unchecked Sendable {
        let id: Int
        let channel: any Channel
        let handler: NIOLoopBound<ClientConnectionHandler>
    }

    private enum State {
        case idle(attempt: Int)
        case connecting(attempt: Int, waiters: [CheckedContinuation<Connection, any Error>])
        case ready(Connection)
        case backingOff(until: ContinuousClock.Instant, error: RPCError, attempt: Int)
        case closed
    }

    public let config: Config
    private let logger: Logger
    private let group: any EventLoopGroup
    private let state = Mutex<State>(.idle(attempt: 0))
    private let nextConnectionID = Atomic<Int>(1)

    public init(config: Config, logger: Logger = Logger(label: "motcua.rpc.client")) {
        self.config = config
        self.logger = logger
        self.group = MultiThreadedEventLoopGroup.singleton
    }

    public convenience init(host: String = "127.0.0.1", port: Int) {
        self.init(config: Config(host: host, port: port))
    }

    // MARK: - ClientTransport

    public func openStream(
        descriptor: MethodDescriptor,
        metadata: Metadata,
        options: CallOptions
    ) async throws(RPCError) -> ClientRPCStream {
        let start = ContinuousClock.now
        let connection = try await self.connection(waitForReady: options.waitForReady, deadline: options.timeout.map { start + $0 })
        var timeout = options.timeout
        if let requested = options.timeout {
            timeout = requested - (ContinuousClock.now - start)
            if timeout! <= .zero {
                throw RPCError(code: .deadlineExceeded, message: "the deadline expired before the call started")
            }
        }

        var fields = [
            HeaderField(name: ":method", value: "POST"),
            HeaderField(name: ":scheme", value: "http"),
            HeaderField(name: ":path", value: descriptor.path),
            HeaderField(name: ":authority", value: "\(self.config.host):\(self.config.port)"),
            HeaderField(name: "content-type", value: "application/grpc"),
            HeaderField(name: "te", value: "trailers"),
        ]
        if let timeout { fields.append(HeaderField(name: "grpc-timeout", value: GRPCTimeout.format(timeout))) }
        if let compression = options.compression, compression != "identity" {
            fields.append(HeaderField(name: "grpc-encoding", value: compression))
        }
        fields.append(HeaderField(name: "grpc-accept-encoding", value: "identity,gzip"))
        fields.append(HeaderField(name: "user-agent", value: self.config.userAgent))
        ServerConnectionHandler.appendMetadata(metadata, to: &fields)

        let handler = connection.handler
        let eventLoop = connection.channel.eventLoop
        let call = ClientCall(
            requestEncoding: options.compression == "identity" ? nil : options.compression,
            scheduleFlush: { call in eventLoop.execute { handler.value.drain(call) } },
            pulled: { call, bytes in
                if eventLoop.inEventLoop {
                    handler.value.pulled(call, bytes: bytes)
                } else {
                    eventLoop.execute { handler.value.pulled(call, bytes: bytes) }
                }
            }
        )
        let fieldsToSend = fields
        let finalTimeout = timeout
        do {
            try await eventLoop.submit {
                try handler.value.start(call: call, fields: fieldsToSend, timeout: finalTimeout)
            }.get()
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .unavailable, message: "cannot start the call: \(error)")
        }
        return ClientRPCStream(outbound: call, inbound: call)
    }

    public func close() {
        let connection: Connection? = self.state.withLock { state in
            defer { state = .closed }
            if case .ready(let connection) = state { return connection }
            return nil
        }
        connection?.channel.close(promise: nil)
    }

    // MARK: - Connection management

    private func connection(waitForReady: Bool, deadline: ContinuousClock.Instant?) async throws(RPCError) -> Connection {
        while true {
            enum Step { case use(Connection), connect(attempt: Int), wait, fail(RPCError), sleep(until: ContinuousClock.Instant) }
            let step: Step = self.state.withLock { state in
                switch state {
                case .ready(let connection):
                    return .use(connection)
                case .idle(let attempt):
                    state = .connecting(attempt: attempt, waiters: [])
                    return .connect(attempt: attempt)
                case .connecting:
                    return .wait
                case .backingOff(let until, let error, let attempt):
                    if ContinuousClock.now >= until {
                        state = .connecting(attempt: attempt, waiters: [])
                        return .connect(attempt: attempt)
                    }
                    return waitForReady ? .sleep(until: until) : .fail(error)
                case .closed:
                    return .fail(RPCError(code: .unavailable, message: "the client has been closed"))
                }
            }
            switch step {
            case .use(let connection):
                return connection
            case .fail(let error):
                throw error
            case .sleep(let until):
                if let deadline, deadline < until {
                    throw RPCError(code: .deadlineExceeded, message: "the deadline expired while waiting for the server to become reachable")
                }
                do { try await Task.sleep(until: until) } catch {
                    throw RPCError(code: .cancelled, message: "the call was cancelled")
                }
            case .wait:
                do {
                    return try await withCheckedThrowingContinuation { continuation in
                        let ready: Connection?? = self.state.withLock { state in
                            switch state {
                            case .connecting(let attempt, var waiters):
                                waiters.append(continuation)
                                state = .connecting(attempt: attempt, waiters: waiters)
                                return nil
                            case .ready(let connection):
                                return .some(connection)
                            default:
                                return .some(nil)
                            }
                        }
                        switch ready {
                        case .some(.some(let connection)): continuation.resume(returning: connection)
                        case .some(.none): continuation.resume(throwing: RetryConnection())
                        case .none: break
                        }
                    }
                } catch is RetryConnection {
                    continue
                } catch let error as RPCError {
                    if waitForReady { continue }
                    throw error
                } catch {
                    throw RPCError(code: .unavailable, message: "\(error)")
                }
            case .connect(let attempt):
                do {
                    return try await self.connect()
                } catch {
                    let backoff = self.backoff(attempt: attempt)
                    let failure = RPCError(
                        code: .unavailable,
                        message: "cannot connect to \(self.config.host):\(self.config.port): \(error)")
                    let waiters: [CheckedContinuation<Connection, any Error>] = self.state.withLock { state in
                        guard case .connecting(_, let waiters) = state else { return [] }
                        state = .backingOff(until: .now + backoff, error: failure, attempt: attempt + 1)
                        return waiters
                    }
                    for waiter in waiters { waiter.resume(throwing: failure) }
                    if !waitForReady { throw failure }
                }
            }
        }
    }

    private struct RetryConnection: Error {}

    private func connect() async throws -> Connection {
        let id = self.nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
        let config = self.config
        let logger = self.logger
        let onUnusable: @Sendable () -> Void = { [weak self] in self?.connectionUnusable(id: id) }
        let bootstrap = ClientBootstrap(group: self.group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.nanoseconds(ServerConnectionHandler.nanoseconds(self.config.connectTimeout)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ClientConnectionHandler(config: config, logger: logger, onUnusable: onUnusable))
                }
            }
        let channel = try await bootstrap.connect(host: self.config.host, port: self.config.port).get()
        let handler = try await channel.eventLoop.submit {
            NIOLoopBound(try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self), eventLoop: channel.eventLoop)
        }.get()
        let connection = Connection(id: id, channel: channel, handler: handler)
        let (waiters, keep): ([CheckedContinuation<Connection, any Error>], Bool) = self.state.withLock { state in
            switch state {
            case .connecting(_, let waiters):
                state = .ready(connection)
                return (waiters, true)
            default:
                return ([], false)
            }
        }
        if !keep {
            channel.close(promise: nil)
            throw RPCError(code: .unavailable, message: "the client has been closed")
        }
        for waiter in waiters { waiter.resume(returning: connection) }
        return connection
    }

    private func connectionUnusable(id: Int) {
        self.state.withLock { state in
            if case .ready(let connection) = state, connection.id == id {
                state = .idle(attempt: 0)
            }
        }
    }

    private func backoff(attempt: Int) -> Duration {
        var seconds = Double(self.config.initialBackoff.components.seconds)
            + Double(self.config.initialBackoff.components.attoseconds) / 1e18
        let maximum = Double(self.config.maxBackoff.components.seconds)
        for _ in 0..<attempt { seconds = min(seconds * self.config.backoffMultiplier, maximum) }
        let jitter = seconds * self.config.backoffJitter * Double.random(in: -1...1)
        return .milliseconds(Int64(max(0, seconds + jitter) * 1000))
    }
}
