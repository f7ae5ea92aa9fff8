internal import NIOCore
internal import RPCCore

/// The gRPC rules of one client stream's response side, as a value: response headers (or Trailers-Only), messages,
/// trailers, and every way a call can end early. No I/O: the connection handler carries out the returned actions.
struct ClientStreamStateMachine {
    enum State: Equatable {
        case awaitingHeaders
        case receivingMessages
        case closed
    }

    /// A header block as the connection parsed it.
    struct HeaderBlock: Equatable {
        var httpStatus: String? = nil
        var contentType: String? = nil
        var grpcStatus: Substring? = nil
        var grpcMessage = ""
        var encoding: String? = nil
        var metadata = Metadata()
    }

    enum Action: Equatable {
        case deliverMetadata(Metadata)
        case deliverMessages([ReceivedBytes])
        /// The call is over with this status. `reset`: send RST_STREAM(CANCEL) because the stream is still open.
        case finish(Status, Metadata, reset: Bool)
        case none
    }

    private(set) var state: State = .awaitingHeaders
    private var deframer: GRPCMessageDeframer
    private var responseCompressed = false
    private let maxMessageSize: Int

    init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
        self.deframer = GRPCMessageDeframer(maxMessageSize: maxMessageSize)
    }

    /// A HEADERS frame arrived: response headers, Trailers-Only, or trailers.
    mutating func receiveHeaders(_ block: HeaderBlock, endStream: Bool) -> Action {
        switch self.state {
        case .closed:
            return .none
        case .awaitingHeaders:
            if let httpStatus = block.httpStatus, httpStatus != "200" {
                return self.close(Self.status(forHTTPStatus: httpStatus, message: block.grpcMessage), block.metadata, reset: !endStream)
            }
            if let grpcStatus = block.grpcStatus {
                // Trailers-Only.
                return self.close(Status(grpcStatusValue: grpcStatus, message: block.grpcMessage), block.metadata, reset: !endStream)
            }
            guard (block.contentType ?? "").hasPrefix("application/grpc") else {
                let status = Status(code: .unknown, message: "the response has content-type '\(block.contentType ?? "")', not application/grpc")
                return self.close(status, block.metadata, reset: !endStream)
            }
            if let encoding = block.encoding, encoding != "identity" {
                guard encoding == "gzip" else {
                    return self.close(Status(code: .internalError, message: "unsupported response grpc-encoding '\(encoding)'"), [:], reset: !endStream)
                }
                self.responseCompressed = true
            }
            if endStream {
                return self.close(Status(code: .internalError, message: "the server ended the stream without a status"), block.metadata, reset: false)
            }
            self.state = .receivingMessages
            return .deliverMetadata(block.metadata)
        case .receivingMessages:
            if self.deframer.hasPartialMessage {
                return self.close(Status(code: .internalError, message: "the response ended in the middle of a message"), block.metadata, reset: !endStream)
            }
            guard let grpcStatus = block.grpcStatus else {
                return self.close(Status(code: .internalError, message: "the trailers carry no grpc-status"), block.metadata, reset: !endStream)
            }
            return self.close(Status(grpcStatusValue: grpcStatus, message: block.grpcMessage), block.metadata, reset: !endStream)
        }
    }

    /// A DATA chunk arrived.
    mutating func receive(data: inout ByteBuffer) -> Action {
        guard self.state == .receivingMessages else {
            if self.state == .awaitingHeaders {
                return self.close(Status(code: .internalError, message: "the server sent DATA before response headers"), [:], reset: true)
            }
            return .none
        }
        self.deframer.append(&data)
        let messages: [ReceivedBytes]
        do {
            messages = try self.deframer.messages(gzip: self.responseCompressed)
        } catch {
            return self.close(error.status, [:], reset: true)
        }
        return .deliverMessages(messages)
    }

    /// END_STREAM on a DATA frame: the server never sent trailers.
    mutating func receiveEndStream() -> Action {
        guard self.state != .closed else { return .none }
        let message = self.deframer.hasPartialMessage
            ? "the response ended in the middle of a message" : "the server ended the stream without a status"
        return self.close(Status(code: .internalError, message: message), [:], reset: false)
    }

    /// The stream closed (RST_STREAM from the server, or closed by nghttp2) before a status.
    mutating func streamClosed(errorCode: UInt32) -> Action {
        guard self.state != .closed else { return .none }
        return self.close(Self.status(forResetCode: errorCode), [:], reset: false)
    }

    /// The caller cancelled, the deadline passed, or the connection is gone.
    mutating func abort(_ status: Status, reset: Bool) -> Action {
        guard self.state != .closed else { return .none }
        return self.close(status, [:], reset: reset)
    }

    private mutating func close(_ status: Status, _ metadata: Metadata, reset: Bool) -> Action {
        self.state = .closed
        return .finish(status, metadata, reset: reset)
    }

    // MARK: - Status mapping (gRPC's PROTOCOL-HTTP2.md and http-grpc-status-mapping.md)

    static func status(forResetCode code: UInt32) -> Status {
        switch code {
        case 0x7: return Status(code: .unavailable, message: "the server refused the stream (REFUSED_STREAM)")
        case 0x8: return Status(code: .cancelled, message: "the server cancelled the call (RST_STREAM CANCEL)")
        case 0xb: return Status(code: .resourceExhausted, message: "the server reset the stream (ENHANCE_YOUR_CALM)")
        case 0xc: return Status(code: .permissionDenied, message: "the server reset the stream (INADEQUATE_SECURITY)")
        default: return Status(code: .internalError, message: "the server reset the stream (HTTP/2 error \(code))")
        }
    }

    static func status(forHTTPStatus httpStatus: String, message: String) -> Status {
        let code: Status.Code
        switch httpStatus {
        case "400": code = .internalError
        case "401": code = .unauthenticated
        case "403": code = .permissionDenied
        case "404": code = .unimplemented
        case "429", "502", "503", "504": code = .unavailable
        default: code = .unknown
        }
        let detail = message.isEmpty ? "" : ": \(message)"
        return Status(code: code, message: "unexpected HTTP status \(httpStatus)\(detail)")
    }
}
