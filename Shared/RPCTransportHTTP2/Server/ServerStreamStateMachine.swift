internal import NIOCore
internal import RPCCore

/// The gRPC rules of one server stream, as a value: what to do with each DATA chunk, END_STREAM, response message,
/// status, peer reset and deadline. No I/O: the connection handler carries out the returned actions.
struct ServerStreamStateMachine {
    enum ResponseState: Equatable {
        /// No response HEADERS sent yet: a status now becomes a Trailers-Only response.
        case idle
        /// Response HEADERS sent: messages and then trailers follow.
        case streaming
        /// The status has been sent (or the call was reset): nothing more goes out.
        case closed
    }

    private(set) var response: ResponseState = .idle
    /// The client half-closed (END_STREAM) or the stream was reset.
    private(set) var requestClosed: Bool
    private var deframer: GRPCMessageDeframer
    private let requestCompressed: Bool
    private let maxMessageSize: Int

    init(requestCompressed: Bool, maxMessageSize: Int, requestClosed: Bool = false) {
        self.requestCompressed = requestCompressed
        self.maxMessageSize = maxMessageSize
        self.requestClosed = requestClosed
        self.deframer = GRPCMessageDeframer(maxMessageSize: maxMessageSize)
    }

    // MARK: - Inbound

    enum ReceiveAction: Equatable {
        /// Hand these messages (possibly none) to the handler.
        case deliver([ReceivedBytes])
        /// The client sent something invalid: end the call with this status.
        case fail(Status)
        /// The call is over; drop the bytes.
        case ignore
    }

    /// A DATA chunk arrived.
    mutating func receive(data: inout ByteBuffer) -> ReceiveAction {
        guard !self.requestClosed, self.response != .closed else { return .ignore }
        self.deframer.append(&data)
        let messages: [ReceivedBytes]
        do {
            messages = try self.deframer.messages(gzip: self.requestCompressed)
        } catch {
            return .fail(error.status)
        }
        return .deliver(messages)
    }

    enum EndAction: Equatable {
        /// Tell the handler there are no more messages.
        case finishInbound
        case fail(Status)
        case ignore
    }

    /// END_STREAM arrived from the client.
    mutating func receiveEndStream() -> EndAction {
        guard !self.requestClosed else { return .ignore }
        self.requestClosed = true
        if self.response == .closed { return .ignore }
        if self.deframer.hasPartialMessage {
            return .fail(Status(code: .internalError, message: "the request ended in the middle of a message"))
        }
        return .finishInbound
    }

    // MARK: - Outbound

    enum SendMessageAction: Equatable {
        /// Submit the response HEADERS, then the message.
        case sendHeadersAndMessage
        case sendMessage
        /// The call is over; drop it.
        case drop
    }

    /// The handler wrote a message.
    mutating func sendMessage() -> SendMessageAction {
        switch self.response {
        case .idle:
            self.response = .streaming
            return .sendHeadersAndMessage
        case .streaming:
            return .sendMessage
        case .closed:
            return .drop
        }
    }

    enum SendStatusAction: Equatable {
        /// One HEADERS frame with END_STREAM carrying `:status`, `content-type` and the status.
        case sendTrailersOnly(resetAfterwards: Bool)
        /// Trailers after the queued messages.
        case sendTrailers(resetAfterwards: Bool)
        case drop
    }

    /// The call ends with a status. `resetAfterwards`: the client is still sending, so RST_STREAM(NO_ERROR) must
    /// follow our END_STREAM.
    mutating func sendStatus() -> SendStatusAction {
        let reset = !self.requestClosed
        switch self.response {
        case .idle:
            self.response = .closed
            return .sendTrailersOnly(resetAfterwards: reset)
        case .streaming:
            self.response = .closed
            return .sendTrailers(resetAfterwards: reset)
        case .closed:
            return .drop
        }
    }

    enum ResetAction: Equatable {
        /// Cancel the handler: the client gave up on the call.
        case cancelHandler
        case none
    }

    /// The stream was closed by the peer (RST_STREAM) or by the connection going away.
    mutating func streamClosed() -> ResetAction {
        self.requestClosed = true
        if self.response == .closed { return .none }
        self.response = .closed
        return .cancelHandler
    }

    /// Whether the status has been sent (or the stream reset).
    var isClosed: Bool { self.response == .closed }
}
