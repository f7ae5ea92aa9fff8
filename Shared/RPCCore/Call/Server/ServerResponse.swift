/// A single-message response (unary and client-streaming calls).
public struct ServerResponse<Message: Sendable>: Sendable {
    public var metadata: Metadata
    public var message: Message
    public var trailingMetadata: Metadata
    /// Whether to compress the message; nil uses the server's default.
    public var compressed: Bool?

    public init(message: Message, metadata: Metadata = [:], trailingMetadata: Metadata = [:], compressed: Bool? = nil) {
        self.metadata = metadata
        self.message = message
        self.trailingMetadata = trailingMetadata
        self.compressed = compressed
    }
}

/// A streamed response: headers now, then messages written by a producer, then trailing metadata.
public struct StreamingServerResponse<Message: Sendable>: Sendable {
    public var metadata: Metadata
    /// Writes the response messages and returns the trailing metadata. Throwing ends the call with the error's
    /// status (headers already sent stay sent).
    public var producer: @Sendable (RPCWriter<Message>) async throws -> Metadata

    public init(metadata: Metadata = [:], producer: @escaping @Sendable (RPCWriter<Message>) async throws -> Metadata) {
        self.metadata = metadata
        self.producer = producer
    }

    /// Wraps a single-message response.
    public init(single response: ServerResponse<Message>) {
        self.metadata = response.metadata
        self.producer = { writer in
            if let compressed = response.compressed {
                try await writer.write(response.message, compressed: compressed)
            } else {
                try await writer.write(response.message)
            }
            return response.trailingMetadata
        }
    }
}
