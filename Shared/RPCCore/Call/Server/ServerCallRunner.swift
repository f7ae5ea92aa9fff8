/// Runs one server call: decodes requests, applies interceptors, calls the handler, encodes responses and maps
/// errors to a status.
enum ServerCallRunner {
    static func run<Input: RPCMessage, Output: RPCMessage>(
        stream: ServerRPCStream,
        kind: RPCKind,
        interceptors: [any ServerInterceptor],
        handler: @escaping @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async {
        let inbound = stream.inbound
        let outbound = stream.outbound
        let request = StreamingServerRequest<Input>(
            metadata: stream.context.requestMetadata,
            receivedMessages: RPCAsyncSequence {
                guard let received = try await inbound.next() else { return nil }
                return Received(message: try Input(serializedBytes: received.bytes), wasCompressed: received.wasCompressed)
            }
        )
        do {
            let response = try await Self.chain(interceptors[...], handler: handler)(request, stream.context)
            outbound.writeHeaders(response.metadata)
            let writer = RPCWriter<Output> { message, compressed in
                try await outbound.writeMessage(message.serializedBytes(), compress: compressed ?? true)
            }
            let trailers = try await response.producer(writer)
            outbound.finish(status: .ok, trailers: trailers)
        } catch {
            let rpcError = RPCError(mapping: error)
            outbound.finish(status: rpcError.status, trailers: rpcError.metadata)
        }
    }

    /// A unary call without interceptors: one message in, one message out.
    static func runUnary<Input: RPCMessage, Output: RPCMessage>(
        stream: ServerRPCStream,
        handler: @Sendable (ServerRequest<Input>, ServerContext) async throws -> ServerResponse<Output>
    ) async {
        let outbound = stream.outbound
        do {
            guard let first = try await stream.inbound.next() else {
                throw RPCError(code: .unimplemented, message: "expected exactly one request message, received none")
            }
            if try await stream.inbound.next() != nil {
                throw RPCError(code: .unimplemented, message: "expected exactly one request message, received more")
            }
            let request = ServerRequest(
                metadata: stream.context.requestMetadata,
                message: try Input(serializedBytes: first.bytes),
                wasCompressed: first.wasCompressed)
            let response = try await handler(request, stream.context)
            outbound.writeHeaders(response.metadata)
            try await outbound.writeMessage(response.message.serializedBytes(), compress: response.compressed ?? true)
            outbound.finish(status: .ok, trailers: response.trailingMetadata)
        } catch {
            let rpcError = RPCError(mapping: error)
            outbound.finish(status: rpcError.status, trailers: rpcError.metadata)
        }
    }

    private static func chain<Input: Sendable, Output: Sendable>(
        _ interceptors: ArraySlice<any ServerInterceptor>,
        handler: @escaping @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) -> @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output> {
        guard let first = interceptors.first else { return handler }
        let next = Self.chain(interceptors.dropFirst(), handler: handler)
        return { request, context in
            try await first.intercept(request: request, context: context, next: next)
        }
    }

    /// Reads exactly one request message; zero or several violate the call's cardinality (`UNIMPLEMENTED`).
    static func single<Input: Sendable>(from request: StreamingServerRequest<Input>) async throws -> ServerRequest<Input> {
        var iterator = request.receivedMessages.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(code: .unimplemented, message: "expected exactly one request message, received none")
        }
        if try await iterator.next() != nil {
            throw RPCError(code: .unimplemented, message: "expected exactly one request message, received more")
        }
        return ServerRequest(metadata: request.metadata, message: first.message, wasCompressed: first.wasCompressed)
    }
}
