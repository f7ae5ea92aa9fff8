internal import Logging
internal import NIOCore
internal import RPCCore

/// Runs gRPC calls on one client HTTP/2 connection. Everything here runs on the connection's event loop.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Stream {
        let call: ClientCall
        var deframer: GRPCMessageDeframer
        var responseCompressed = false
        var receivedHeaders = false
        var owedWindow = 0
        var deadlineTask: Scheduled<Void>? = nil
    }

    private let config: HTTP2ClientTransport.Config
    private var logger: Logger
    private var session: NGHTTP2Session!
    private var context: ChannelHandlerContext?
    private var streams: [Int32: Stream] = [:]
    private var streamsWithOutput: Set<Int32> = []
    private var reading = false
    private var flushPending = false
    private var closed = false
    private(set) var goingAway = false
    /// Told when the connection can take no new calls (GOAWAY or closed).
    private let onUnusable: @Sendable () -> Void

    init(config: HTTP2ClientTransport.Config, logger: Logger, onUnusable: @escaping @Sendable () -> Void) {
        self.config = config
        self.logger = logger
        self.onUnusable = onUnusable
    }

    var isUsable: Bool { !self.closed && !self.goingAway }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        do {
            var settings = HTTP2SessionSettings()
            settings.initialWindowSize = self.config.initialWindowSize
            settings.maxHeaderListSize = self.config.maxHeaderListSize
            self.session = try NGHTTP2Session(role: .client, settings: settings)
        } catch {
            self.logger.error("cannot create HTTP/2 session: \(error)")
            context.close(promise: nil)
            return
        }
        self.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.connectionLost(reason: "the connection was closed")
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.connectionLost(reason: "connection error: \(error)")
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = self.unwrapInboundIn(data)
        self.reading = true
        let events: [HTTP2Event]
        do {
            events = try self.session.receive(buffer)
        } catch {
            self.reading = false
            self.flush()
            self.connectionLost(reason: "HTTP/2 protocol error: \(error)")
            context.close(promise: nil)
            return
        }
        for event in events { self.handle(event) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.reading = false
        self.flush()
    }

    // MARK: - Calls

    /// Opens a stream for a call (on the event loop).
    func start(call: ClientCall, fields: [HeaderField], timeout: Duration?) throws(RPCError) {
        guard self.isUsable, let context = self.context else {
            throw RPCError(code: .unavailable, message: "the connection is closing")
        }
        let streamID: Int32
        do {
            streamID = try self.session.submitRequest(fields: fields)
        } catch {
            throw RPCError(code: .unavailable, message: "cannot open a stream: \(error)")
        }
        call.streamID = streamID
        var stream = Stream(call: call, deframer: GRPCMessageDeframer(maxMessageSize: self.config.maxReceiveMessageSize))
        if let timeout {
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            stream.deadlineTask = context.eventLoop.scheduleTask(in: .nanoseconds(ServerConnectionHandler.nanoseconds(timeout))) {
                loopBound.value.deadlineExpired(streamID: streamID)
            }
        }
        self.streams[streamID] = stream
        self.scheduleFlush()
    }

    func drain(_ call: ClientCall) {
        let ops = call.takeOps()
        let streamID = call.streamID
        guard self.streams[streamID] != nil else { return }
        for op in ops {
            switch op {
            case .message(var bytes):
                self.session.enqueueData(streamID: streamID, &bytes)
            case .end:
                self.session.enqueueEndStream(streamID: streamID)
            case .cancel:
                self.session.resetStream(streamID: streamID, errorCode: 0x8)
                self.endCall(streamID: streamID, status: Status(code: .cancelled, message: "the call was cancelled"), trailers: [:])
            }
        }
        self.streamsWithOutput.insert(streamID)
        self.scheduleFlush()
    }

    func pulled(_ call: ClientCall, bytes: Int) {
        guard var stream = self.streams[call.streamID], stream.owedWindow > 0 else { return }
        let owed = stream.owedWindow
        stream.owedWindow = 0
        self.streams[call.streamID] = stream
        self.session.consumeStream(streamID: call.streamID, owed)
        self.scheduleFlush()
    }

    private func deadlineExpired(streamID: Int32) {
        guard self.streams[streamID] != nil else { return }
        self.session.resetStream(streamID: streamID, errorCode: 0x8)
        self.endCall(streamID: streamID, status: Status(code: .deadlineExceeded, message: "the deadline expired"), trailers: [:])
        self.scheduleFlush()
    }

    private func endCall(streamID: Int32, status: Status, trailers: Metadata) {
        guard let stream = self.streams.removeValue(forKey: streamID) else { return }
        stream.deadlineTask?.cancel()
        stream.call.deliver(.status(status, trailers))
    }

    // MARK: - HTTP/2 events

    private func handle(_ event: HTTP2Event) {
        switch event {
        case .headers(let streamID, let fields, let endStream):
            self.receivedHeaders(streamID: streamID, fields: fields, endStream: endStream)
        case .data(let streamID, var bytes):
            self.session.consumeConnection(bytes.readableBytes)
            self.receivedData(streamID: streamID, bytes: &bytes)
        case .endStream(let streamID):
            if let stream = self.streams[streamID] {
                let message = stream.deframer.hasPartialMessage ? "the response ended in the middle of a message" : "the server ended the stream without a status"
                self.endCall(streamID: streamID, status: Status(code: .internalError, message: message), trailers: [:])
            }
        case .streamClosed(let streamID, let errorCode):
            self.streamsWithOutput.remove(streamID)
            if self.streams[streamID] != nil {
                self.endCall(streamID: streamID, status: Self.status(forResetCode: errorCode), trailers: [:])
            }
        case .headersTooLarge(let streamID):
            self.session.resetStream(streamID: streamID, errorCode: 0x8)
            self.endCall(streamID: streamID, status: Status(code: .resourceExhausted, message: "response headers exceed the limit"), trailers: [:])
        case .goAway(let lastStreamID, let errorCode, let debugData):
            self.goingAway = true
            self.onUnusable()
            let reason = "the server sent GOAWAY (error \(errorCode)\(debugData.isEmpty ? "" : ", \(debugData)"))"
            for streamID in self.streams.keys where streamID > lastStreamID {
                self.endCall(streamID: streamID, status: Status(code: .unavailable, message: reason), trailers: [:])
            }
        case .ping:
            break
        }
    }

    private func receivedHeaders(streamID: Int32, fields: [HeaderField], endStream: Bool) {
        guard var stream = self.streams[streamID] else { return }
        var httpStatus: String? = nil
        var contentType: String? = nil
        var grpcStatus: Substring? = nil
        var grpcMessage = ""
        var encoding: String? = nil
        var metadata = Metadata()
        for field in fields {
            switch field.name {
            case ":status": httpStatus = field.value
            case "content-type": contentType = field.value
            case "grpc-status": grpcStatus = Substring(field.value)
            case "grpc-message": grpcMessage = PercentEncoding.decode(field.value)
            case "grpc-encoding": encoding = field.value
            default:
                if field.name.utf8.first == UInt8(ascii: ":") || field.name.hasPrefix("grpc-") { continue }
                ServerConnectionHandler.addMetadata(name: field.name, value: field.value, to: &metadata)
            }
        }
        if !stream.receivedHeaders {
            stream.receivedHeaders = true
            // Response headers (or Trailers-Only): check HTTP status and content type first.
            if let httpStatus, httpStatus != "200" {
                let status = Self.status(forHTTPStatus: httpStatus, grpcStatus: grpcStatus, message: grpcMessage)
                self.session.resetStream(streamID: streamID, errorCode: 0x8)
                self.endCall(streamID: streamID, status: status, trailers: metadata)
                return
            }
            if grpcStatus == nil, !(contentType ?? "").hasPrefix("application/grpc") {
                self.session.resetStream(streamID: streamID, errorCode: 0x8)
                self.endCall(
                    streamID: streamID,
                    status: Status(code: .unknown, message: "the response has content-type '\(contentType ?? "")', not application/grpc"),
                    trailers: metadata)
                return
            }
            if let encoding, encoding != "identity" {
                guard encoding == "gzip" else {
                    self.session.resetStream(streamID: streamID, errorCode: 0x8)
                    self.endCall(streamID: streamID, status: Status(code: .internalError, message: "unsupported response grpc-encoding '\(encoding)'"), trailers: [:])
                    return
                }
                stream.responseCompressed = true
            }
            self.streams[streamID] = stream
            if let grpcStatus {
                self.endCall(streamID: streamID, status: Status(grpcStatusValue: grpcStatus, message: grpcMessage), trailers: metadata)
                return
            }
            stream.call.deliver(.metadata(metadata))
            if endStream {
                self.endCall(streamID: streamID, status: Status(code: .internalError, message: "the server ended the stream without a status"), trailers: [:])
            }
            return
        }
        // Trailers.
        if stream.deframer.hasPartialMessage {
            self.endCall(streamID: streamID, status: Status(code: .internalError, message: "the response ended in the middle of a message"), trailers: metadata)
            return
        }
        guard let grpcStatus else {
            self.endCall(streamID: streamID, status: Status(code: .internalError, message: "the trailers carry no grpc-status"), trailers: metadata)
            return
        }
        self.endCall(streamID: streamID, status: Status(grpcStatusValue: grpcStatus, message: grpcMessage), trailers: metadata)
    }

    private func receivedData(streamID: Int32, bytes: inout ByteBuffer) {
        guard var stream = self.streams[streamID] else { return }
        let count = bytes.readableBytes
        stream.deframer.append(&bytes)
        var waiting = 0
        do {
            while let frame = try stream.deframer.next() {
                var payload = Array(frame.bytes.readableBytesView)
                if frame.compressed {
                    guard stream.responseCompressed else {
                        throw RPCError(code: .internalError, message: "received a compressed message but the response has no grpc-encoding")
                    }
                    payload = try Gzip.decompress(payload, limit: self.config.maxReceiveMessageSize)
                }
                waiting = stream.call.deliver(.message(ReceivedBytes(bytes: payload, wasCompressed: frame.compressed)))
            }
        } catch let error as RPCError {
            self.session.resetStream(streamID: streamID, errorCode: 0x8)
            self.endCall(streamID: streamID, status: error.status, trailers: [:])
            self.scheduleFlush()
            return
        } catch {
            return
        }
        if waiting <= 1 << 20 {
            self.session.consumeStream(streamID: streamID, count)
        } else {
            stream.owedWindow += count
        }
        self.streams[streamID] = stream
    }

    // MARK: - Output

    private func scheduleFlush() {
        guard !self.reading, !self.flushPending, let context = self.context else { return }
        self.flushPending = true
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute { loopBound.value.flush() }
    }

    private func flush() {
        self.flushPending = false
        guard let context = self.context, let session = self.session, !self.closed else { return }
        var output = context.channel.allocator.buffer(capacity: 0)
        do {
            try session.send(into: &output)
        } catch {
            self.connectionLost(reason: "HTTP/2 send failed: \(error)")
            context.close(promise: nil)
            return
        }
        for streamID in self.streamsWithOutput {
            if let stream = self.streams[streamID] {
                stream.call.updateSessionQueued(session.queuedBytes(streamID: streamID))
            }
            if !session.hasPendingOutput(streamID: streamID) { self.streamsWithOutput.remove(streamID) }
        }
        if output.readableBytes > 0 {
            context.writeAndFlush(self.wrapOutboundOut(output), promise: nil)
        }
        if !session.wantsRead && !session.wantsWrite {
            self.connectionLost(reason: "the HTTP/2 session ended")
            context.close(promise: nil)
        }
    }

    private func connectionLost(reason: String) {
        guard !self.closed else { return }
        self.closed = true
        self.onUnusable()
        let streams = self.streams
        self.streams.removeAll()
        for (_, stream) in streams {
            stream.deadlineTask?.cancel()
            stream.call.deliver(.status(Status(code: .unavailable, message: reason), [:]))
        }
    }

    // MARK: - Status mapping

    static func status(forResetCode code: UInt32) -> Status {
        switch code {
        case 0x7: return Status(code: .unavailable, message: "the server refused the stream (REFUSED_STREAM)")
        case 0x8: return Status(code: .cancelled, message: "the server cancelled the call (RST_STREAM CANCEL)")
        case 0xb: return Status(code: .resourceExhausted, message: "the server reset the stream (ENHANCE_YOUR_CALM)")
        case 0xc: return Status(code: .permissionDenied, message: "the server reset the stream (INADEQUATE_SECURITY)")
        default: return Status(code: .internalError, message: "the server reset the stream (HTTP/2 error \(code))")
        }
    }

    static func status(forHTTPStatus httpStatus: String, grpcStatus: Substring?, message: String) -> Status {
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
