/// A single-message response.
public struct ClientResponse<Message: Sendable>: Sendable {
    public var metadata: Metadata
    public var message: Message
    public var trailingMetadata: Metadata
    /// Whether the response message arrived compressed.
    public var wasCompressed: Bool

    public init(message: Message, metadata: Metadata = [:], trailingMetadata: Metadata = [:], wasCompressed: Bool = false) {
        self.metadata = metadata
        self.message = message
        self.trailingMetadata = trailingMetadata
        self.wasCompressed = wasCompressed
    }
}

/// A streamed response: headers, then messages. Iterating past the last message throws ``RPCError`` if the call
/// ended with a non-OK status; after a successful end ``trailingMetadata`` holds the trailers.
public struct StreamingClientResponse<Message: Sendable>: Sendable {
    public var metadata: Metadata
    /// Each message with its compression flag.
    public var receivedMessages: RPCAsyncSequence<Received<Message>>
    private let trailers: LockedBox<Metadata?>

    public var messages: RPCAsyncSequence<Message> { self.receivedMessages.mapElements { $0.message } }

    /// The trailing metadata, once the messages have been read to the end (nil before).
    public var trailingMetadata: Metadata? { self.trailers.withLock { $0 } }

    package init(metadata: Metadata, receivedMessages: RPCAsyncSequence<Received<Message>>, trailers: LockedBox<Metadata?>) {
        self.metadata = metadata
        self.receivedMessages = receivedMessages
        self.trailers = trailers
    }

    package var trailersBox: LockedBox<Metadata?> { self.trailers }
}
