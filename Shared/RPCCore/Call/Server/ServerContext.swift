/// What a server handler knows about the call it is serving, besides the messages.
public struct ServerContext: Sendable {
    /// The method being called.
    public var descriptor: MethodDescriptor
    /// The request metadata (custom headers only; pseudo-headers and reserved `grpc-*` headers are removed).
    public var requestMetadata: Metadata
    /// The remote peer, e.g. `ipv4:127.0.0.1:31415`.
    public var remotePeer: String
    /// The local address, e.g. `ipv4:127.0.0.1:50051`.
    public var localPeer: String
    /// The instant after which the call is cancelled (from `grpc-timeout`), if any.
    public var deadline: ContinuousClock.Instant?
    /// The compression the client used for its messages (`identity` when none).
    public var requestEncoding: String

    public init(
        descriptor: MethodDescriptor,
        requestMetadata: Metadata,
        remotePeer: String = "",
        localPeer: String = "",
        deadline: ContinuousClock.Instant? = nil,
        requestEncoding: String = "identity"
    ) {
        self.descriptor = descriptor
        self.requestMetadata = requestMetadata
        self.remotePeer = remotePeer
        self.localPeer = localPeer
        self.deadline = deadline
        self.requestEncoding = requestEncoding
    }
}
