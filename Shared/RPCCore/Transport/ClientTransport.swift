/// Per-call options on the client side.
public struct CallOptions: Sendable {
    /// How long the call may take; sent as `grpc-timeout`. nil means no deadline.
    public var timeout: Duration?
    /// Compression for request messages (`gzip`), or nil for none.
    public var compression: String?
    /// Wait for the connection to become ready instead of failing fast while the server is unreachable.
    public var waitForReady: Bool

    public init(timeout: Duration? = nil, compression: String? = nil, waitForReady: Bool = false) {
        self.timeout = timeout
        self.compression = compression
        self.waitForReady = waitForReady
    }

    public static let defaults = CallOptions()
}

/// What a client receives for one call, in order: headers, messages, then the status.
public enum ClientResponsePart: Sendable {
    case metadata(Metadata)
    case message(ReceivedBytes)
    case status(Status, Metadata)
}

/// The request side of one client call.
public protocol ClientOutbound: Sendable {
    /// Sends one encoded message, suspending under flow control.
    ///
    /// - Parameter compress: whether to compress it with the call's request encoding.
    func writeMessage(_ bytes: [UInt8], compress: Bool) async throws(RPCError)
    /// Half-closes the request stream (END_STREAM).
    func finish()
}

/// The response side of one client call.
public protocol ClientInbound: Sendable {
    /// The next response part; nil after the status has been returned.
    /// A transport failure is reported as a `.status` part (never thrown), so the caller always learns a status.
    func next() async -> ClientResponsePart?
    /// Cancels the call (RST_STREAM CANCEL). The next `next()` returns a `CANCELLED` status.
    func cancel()
}

/// A client-side RPC stream opened by a transport.
public struct ClientRPCStream: Sendable {
    public var outbound: any ClientOutbound
    public var inbound: any ClientInbound

    public init(outbound: any ClientOutbound, inbound: any ClientInbound) {
        self.outbound = outbound
        self.inbound = inbound
    }
}

/// A client transport opens RPC streams to one server.
public protocol ClientTransport: Sendable {
    /// Opens a stream for one call and sends the request headers.
    ///
    /// - Throws: ``RPCError`` `UNAVAILABLE` if no connection could be made (unless `waitForReady`).
    func openStream(
        descriptor: MethodDescriptor,
        metadata: Metadata,
        options: CallOptions
    ) async throws(RPCError) -> ClientRPCStream

    /// Closes the connection; calls in flight end with `UNAVAILABLE`.
    func close()
}
