/// Maps request paths to handlers. Built before the server starts; read-only afterwards.
public struct RPCRouter: Sendable {
    /// A registered method: runs a whole call over a transport stream.
    public struct Handler: Sendable {
        public let descriptor: MethodDescriptor
        public let kind: RPCKind
        public let run: @Sendable (ServerRPCStream) async -> Void
    }

    private var handlers: [String: Handler] = [:]
    private var serviceNames: Set<String> = []
    /// Applied, in order, to every method registered after they are set.
    public var interceptors: [any ServerInterceptor] = []

    public init() {}

    /// The handler for a `:path`, if registered.
    public func handler(forPath path: String) -> Handler? { self.handlers[path] }

    /// Whether any method of the service is registered.
    public func hasService(_ service: String) -> Bool { self.serviceNames.contains(service) }

    /// The fully-qualified names of every registered service, sorted.
    public var services: [String] { self.serviceNames.sorted() }

    /// Every registered method.
    public var methods: [MethodDescriptor] { self.handlers.values.map(\.descriptor).sorted { $0.path < $1.path } }

    /// Registers a handler working on raw streams (no decoding, no interceptors).
    public mutating func registerRaw(
        _ descriptor: MethodDescriptor,
        kind: RPCKind,
        run: @escaping @Sendable (ServerRPCStream) async -> Void
    ) {
        self.handlers[descriptor.path] = Handler(descriptor: descriptor, kind: kind, run: run)
        self.serviceNames.insert(descriptor.service)
    }

    /// Registers a handler of any kind in its most general, streaming form.
    public mutating func register<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        kind: RPCKind,
        input: Input.Type = Input.self,
        output: Output.Type = Output.self,
        handler: @escaping @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) {
        let interceptors = self.interceptors
        self.registerRaw(descriptor, kind: kind) { stream in
            await ServerCallRunner.run(stream: stream, kind: kind, interceptors: interceptors, handler: handler)
        }
    }

    /// Registers a unary handler.
    public mutating func registerUnary<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        handler: @escaping @Sendable (ServerRequest<Input>, ServerContext) async throws -> ServerResponse<Output>
    ) {
        if self.interceptors.isEmpty {
            // Without interceptors a unary call needs no request or response streams: a shorter path.
            self.registerRaw(descriptor, kind: .unary) { stream in
                await ServerCallRunner.runUnary(stream: stream, handler: handler)
            }
            return
        }
        self.register(descriptor, kind: .unary) { (request: StreamingServerRequest<Input>, context) in
            let single = try await ServerCallRunner.single(from: request)
            return StreamingServerResponse(single: try await handler(single, context))
        }
    }

    /// Registers a server-streaming handler.
    public mutating func registerServerStreaming<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        handler: @escaping @Sendable (ServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) {
        self.register(descriptor, kind: .serverStreaming) { (request: StreamingServerRequest<Input>, context) in
            let single = try await ServerCallRunner.single(from: request)
            return try await handler(single, context)
        }
    }

    /// Registers a client-streaming handler.
    public mutating func registerClientStreaming<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        handler: @escaping @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> ServerResponse<Output>
    ) {
        self.register(descriptor, kind: .clientStreaming) { (request: StreamingServerRequest<Input>, context) in
            StreamingServerResponse(single: try await handler(request, context))
        }
    }

    /// Registers a bidirectional-streaming handler.
    public mutating func registerBidirectionalStreaming<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        handler: @escaping @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) {
        self.register(descriptor, kind: .bidirectionalStreaming, handler: handler)
    }
}

/// A set of methods that registers itself with a router (one per gRPC service).
public protocol RegistrableRPCService: Sendable {
    func registerMethods(with router: inout RPCRouter)
}

extension RPCRouter {
    /// Registers every method of a service.
    public mutating func register(_ service: some RegistrableRPCService) {
        service.registerMethods(with: &self)
    }
}
