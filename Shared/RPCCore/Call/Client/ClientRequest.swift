/// A single-message request (unary and server-streaming calls).
public struct ClientRequest<Message: Sendable>: Sendable {
    public var metadata: Metadata
    public var message: Message

    public init(message: Message, metadata: Metadata = [:]) {
        self.metadata = metadata
        self.message = message
    }
}

/// A streamed request: metadata, then messages written by a producer. Returning from the producer half-closes.
public struct StreamingClientRequest<Message: Sendable>: Sendable {
    public var metadata: Metadata
    public var producer: @Sendable (RPCWriter<Message>) async throws -> Void

    public init(metadata: Metadata = [:], producer: @escaping @Sendable (RPCWriter<Message>) async throws -> Void) {
        self.metadata = metadata
        self.producer = producer
    }
}

/// What a client knows about the call it is making.
public struct ClientContext: Sendable {
    public var descriptor: MethodDescriptor
    public var options: CallOptions

    public init(descriptor: MethodDescriptor, options: CallOptions) {
        self.descriptor = descriptor
        self.options = options
    }
}

/// Intercepts client calls (authentication headers, logging, metrics), outermost first.
public protocol ClientInterceptor: Sendable {
    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingClientRequest<Input>,
        context: ClientContext,
        next: @Sendable (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
    ) async throws -> StreamingClientResponse<Output>
}
