/// A request message as a handler sees it: the message together with whether it arrived compressed.
public struct Received<Message: Sendable>: Sendable {
    public var message: Message
    public var wasCompressed: Bool

    public init(message: Message, wasCompressed: Bool) {
        self.message = message
        self.wasCompressed = wasCompressed
    }
}

/// A single-message request (unary and server-streaming calls).
public struct ServerRequest<Message: Sendable>: Sendable {
    public var metadata: Metadata
    public var message: Message
    /// Whether the message arrived compressed.
    public var wasCompressed: Bool

    public init(metadata: Metadata, message: Message, wasCompressed: Bool = false) {
        self.metadata = metadata
        self.message = message
        self.wasCompressed = wasCompressed
    }
}

/// A streamed request (client-streaming and bidirectional calls, and the shape every handler is reduced to).
public struct StreamingServerRequest<Message: Sendable>: Sendable {
    public var metadata: Metadata
    /// Each message with its compression flag.
    public var receivedMessages: RPCAsyncSequence<Received<Message>>

    /// The messages alone.
    public var messages: RPCAsyncSequence<Message> { self.receivedMessages.mapElements { $0.message } }

    public init(metadata: Metadata, receivedMessages: RPCAsyncSequence<Received<Message>>) {
        self.metadata = metadata
        self.receivedMessages = receivedMessages
    }

    public init(metadata: Metadata, messages: RPCAsyncSequence<Message>) {
        self.metadata = metadata
        self.receivedMessages = messages.mapElements { Received(message: $0, wasCompressed: false) }
    }
}
