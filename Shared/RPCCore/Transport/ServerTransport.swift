/// One message received by a server, still encoded.
public struct ReceivedBytes: Sendable, Hashable {
    /// The message bytes, already decompressed.
    public var bytes: [UInt8]
    /// Whether the message arrived compressed on the wire.
    public var wasCompressed: Bool

    public init(bytes: [UInt8], wasCompressed: Bool) {
        self.bytes = bytes
        self.wasCompressed = wasCompressed
    }
}

/// The request side of one server call, as a transport delivers it: encoded messages in order.
public protocol ServerInbound: Sendable {
    /// The next request message; nil once the client has half-closed.
    ///
    /// - Throws: ``RPCError`` if the call was cancelled, the deadline passed, or the client sent a bad message
    ///   (for example one over the size limit).
    func next() async throws(RPCError) -> ReceivedBytes?
}

/// The response side of one server call, as a transport sends it.
public protocol ServerOutbound: Sendable {
    /// Sets the response headers. Sent with the first message, or merged into a Trailers-Only response if the call
    /// ends before any message.
    func writeHeaders(_ metadata: Metadata)

    /// Sends one encoded message, suspending while the peer is not reading (flow control).
    ///
    /// - Parameter compress: whether to compress it with the call's response encoding (ignored if there is none).
    /// - Throws: ``RPCError`` (`CANCELLED`) if the call has already ended.
    func writeMessage(_ bytes: [UInt8], compress: Bool) async throws(RPCError)

    /// Ends the call with a status and trailing metadata. Later writes fail.
    func finish(status: Status, trailers: Metadata)
}

/// Everything a server handler needs from a transport for one call.
public struct ServerRPCStream: Sendable {
    public var context: ServerContext
    public var inbound: any ServerInbound
    public var outbound: any ServerOutbound

    public init(context: ServerContext, inbound: any ServerInbound, outbound: any ServerOutbound) {
        self.context = context
        self.inbound = inbound
        self.outbound = outbound
    }
}

/// A server transport accepts connections and turns each incoming call into a ``ServerRPCStream``.
public protocol ServerTransport: Sendable {
    /// Listens until ``beginGracefulShutdown()`` has drained every connection, or until the task is cancelled.
    ///
    /// - Parameter router: resolves each request's path to a handler; unknown paths are answered by the transport
    ///   with `UNIMPLEMENTED`.
    func listen(router: RPCRouter) async throws

    /// Stops accepting calls and connections; calls in flight may finish within the transport's grace period.
    func beginGracefulShutdown()
}
