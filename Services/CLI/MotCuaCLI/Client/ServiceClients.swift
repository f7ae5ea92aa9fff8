internal import Logging
public import RPCCore
internal import RPCTransportHTTP2

/// One lazily opened client per service, at the addresses the global options chose, with calls that
/// report failures as ``ServiceCallError``.
public final class ServiceClients: Sendable {
    public let addresses: [ServiceKind: ServiceAddress]
    /// The deadline of calls that should end soon (unary calls, listings).
    public let timeout: Duration
    /// The deadline of calls that may run long or indefinitely (imports, watches); nil: none.
    public let longTimeout: Duration?
    private let makeTransport: CLIContext.TransportFactory
    private let clients = LockedBox<[ServiceKind: RPCClient]>([:])

    public init(
        addresses: [ServiceKind: ServiceAddress],
        timeout: Duration,
        longTimeout: Duration?,
        makeTransport: @escaping CLIContext.TransportFactory
    ) {
        self.addresses = addresses
        self.timeout = timeout
        self.longTimeout = longTimeout
        self.makeTransport = makeTransport
    }

    /// The address of a service.
    public func address(of service: ServiceKind) -> ServiceAddress {
        self.addresses[service] ?? service.defaultAddress
    }

    /// The client of a service, opened on first use.
    public func client(_ service: ServiceKind) -> RPCClient {
        self.clients.withLock { clients in
            if let client = clients[service] { return client }
            let client = RPCClient(transport: self.makeTransport(service, self.address(of: service), self.timeout))
            clients[service] = client
            return client
        }
    }

    /// Closes every opened connection.
    public func closeAll() {
        let opened = self.clients.withLock { clients in
            let opened = Array(clients.values)
            clients = [:]
            return opened
        }
        for client in opened { client.close() }
    }

    /// Call options with ``timeout``, or ``longTimeout`` when `limited` is false.
    public func options(limited: Bool = true) -> CallOptions {
        CallOptions(timeout: limited ? self.timeout : self.longTimeout)
    }

    // MARK: - Calls

    /// A unary call.
    public func unary<Input: RPCMessage, Output: RPCMessage>(
        _ service: ServiceKind,
        _ method: MethodDescriptor,
        _ request: Input,
        responseType: Output.Type = Output.self
    ) async throws -> Output {
        try await self.reporting(service) {
            try await self.client(service).unary(
                method, request: ClientRequest(message: request), options: self.options(), responseType: Output.self
            ).message
        }
    }

    /// A client-streaming call: `producer` writes the requests.
    public func clientStreaming<Input: RPCMessage, Output: RPCMessage>(
        _ service: ServiceKind,
        _ method: MethodDescriptor,
        limited: Bool = true,
        responseType: Output.Type = Output.self,
        producer: @escaping @Sendable (RPCWriter<Input>) async throws -> Void
    ) async throws -> Output {
        try await self.reporting(service) {
            try await self.client(service).clientStreaming(
                method, request: StreamingClientRequest(producer: producer), options: self.options(limited: limited),
                responseType: Output.self
            ).message
        }
    }

    /// A server-streaming call: `body` reads the responses.
    public func serverStreaming<Input: RPCMessage, Output: RPCMessage, Result: Sendable>(
        _ service: ServiceKind,
        _ method: MethodDescriptor,
        _ request: Input,
        limited: Bool,
        responseType: Output.Type = Output.self,
        body: @escaping @Sendable (RPCAsyncSequence<Output>) async throws -> Result
    ) async throws -> Result {
        try await self.reporting(service) {
            try await self.client(service).serverStreaming(
                method, request: ClientRequest(message: request), options: self.options(limited: limited)
            ) { (response: StreamingClientResponse<Output>) in
                try await body(response.messages)
            }
        }
    }

    private func reporting<Result>(_ service: ServiceKind, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as RPCError {
            throw ServiceCallError(service: service, address: self.address(of: service), error: error)
        }
    }

    // MARK: - Transport

    /// The real transport: HTTP/2 cleartext, logging nothing (the CLI reports errors itself).
    @Sendable public static func http2Transport(
        service: ServiceKind, address: ServiceAddress, connectTimeout: Duration?
    ) -> any ClientTransport {
        var config = HTTP2ClientTransport.Config(host: address.host, port: address.port)
        if let connectTimeout, connectTimeout < config.connectTimeout {
            config.connectTimeout = connectTimeout
        }
        config.userAgent = "motcua-cli/0.1"
        let logger = Logger(label: "motcua.cli") { _ in SwiftLogNoOpLogHandler() }
        return HTTP2ClientTransport(config: config, logger: logger)
    }
}
