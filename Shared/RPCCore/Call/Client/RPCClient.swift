/// A gRPC client over one transport (one server address). Safe to share: calls are multiplexed.
public struct RPCClient: Sendable {
    public let transport: any ClientTransport
    public let interceptors: [any ClientInterceptor]

    public init(transport: any ClientTransport, interceptors: [any ClientInterceptor] = []) {
        self.transport = transport
        self.interceptors = interceptors
    }

    /// Closes the connection.
    public func close() { self.transport.close() }

    // MARK: - The four kinds of call

    /// Makes a unary call.
    ///
    /// - Throws: ``RPCError`` with the call's status if it did not end with `OK`.
    public func unary<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        request: ClientRequest<Input>,
        options: CallOptions = .defaults,
        responseType: Output.Type = Output.self
    ) async throws -> ClientResponse<Output> {
        try await self.bidirectionalStreaming(
            descriptor,
            request: StreamingClientRequest(metadata: request.metadata) { writer in try await writer.write(request.message) },
            options: options
        ) { (response: StreamingClientResponse<Output>) in try await Self.single(from: response) }
    }

    /// Makes a client-streaming call.
    public func clientStreaming<Input: RPCMessage, Output: RPCMessage>(
        _ descriptor: MethodDescriptor,
        request: StreamingClientRequest<Input>,
        options: CallOptions = .defaults,
        responseType: Output.Type = Output.self
    ) async throws -> ClientResponse<Output> {
        try await self.bidirectionalStreaming(descriptor, request: request, options: options) {
            (response: StreamingClientResponse<Output>) in try await Self.single(from: response)
        }
    }

    /// Makes a server-streaming call; `body` reads the responses.
    public func serverStreaming<Input: RPCMessage, Output: RPCMessage, Result: Sendable>(
        _ descriptor: MethodDescriptor,
        request: ClientRequest<Input>,
        options: CallOptions = .defaults,
        body: @Sendable (StreamingClientResponse<Output>) async throws -> Result
    ) async throws -> Result {
        try await self.bidirectionalStreaming(
            descriptor,
            request: StreamingClientRequest(metadata: request.metadata) { writer in try await writer.write(request.message) },
            options: options,
            body: body
        )
    }

    /// Makes a bidirectional-streaming call: the request producer runs concurrently with `body`.
    /// When `body` returns, the call is cancelled if it has not ended.
    public func bidirectionalStreaming<Input: RPCMessage, Output: RPCMessage, Result: Sendable>(
        _ descriptor: MethodDescriptor,
        request: StreamingClientRequest<Input>,
        options: CallOptions = .defaults,
        body: @Sendable (StreamingClientResponse<Output>) async throws -> Result
    ) async throws -> Result {
        let context = ClientContext(descriptor: descriptor, options: options)
        let calls = ClientCallTracker()
        defer { calls.cancelAll() }
        let transport = self.transport
        let base: @Sendable (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output> = {
            request, context in
            try await ClientCallRunner.open(transport: transport, request: request, context: context, tracker: calls)
        }
        let response = try await Self.chain(self.interceptors[...], base: base)(request, context)
        return try await body(response)
    }

    private static func chain<Input: Sendable, Output: Sendable>(
        _ interceptors: ArraySlice<any ClientInterceptor>,
        base: @escaping @Sendable (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
    ) -> @Sendable (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output> {
        guard let first = interceptors.first else { return base }
        let next = Self.chain(interceptors.dropFirst(), base: base)
        return { request, context in try await first.intercept(request: request, context: context, next: next) }
    }

    private static func single<Output: Sendable>(from response: StreamingClientResponse<Output>) async throws -> ClientResponse<Output> {
        var iterator = response.receivedMessages.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(code: .unimplemented, message: "the server ended the call with OK but sent no response message")
        }
        if try await iterator.next() != nil {
            throw RPCError(code: .unimplemented, message: "the server sent more than one response message to a single-response call")
        }
        return ClientResponse(
            message: first.message,
            metadata: response.metadata,
            trailingMetadata: response.trailingMetadata ?? [:],
            wasCompressed: first.wasCompressed
        )
    }
}
