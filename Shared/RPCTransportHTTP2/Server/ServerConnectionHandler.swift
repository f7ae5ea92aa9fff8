internal import Logging
internal import NIOCore
internal import RPCCore

/// Serves gRPC on one HTTP/2 connection: owns the nghttp2 session, turns requests into calls, runs their handlers
/// and writes their responses. Everything here runs on the connection's event loop.
final class ServerConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Loop-side state of one stream (a class: it is looked up and changed in place on every event).
    private final class Stream {
        let call: ServerCall
        var machine: ServerStreamStateMachine
        var task: Task<Void, Never>? = nil
        /// Bytes the handler has not pulled yet whose stream window we have not reopened.
        var owedWindow = 0
        var deadlineTask: Scheduled<Void>? = nil

        init(call: ServerCall, machine: ServerStreamStateMachine) {
            self.call = call
            self.machine = machine
        }
    }

    private let config: HTTP2ServerTransport.Config
    private let router: RPCRouter
    private let connections: ServerConnectionRegistry
    private var logger: Logger
    private var session: NGHTTP2Session!
    private var context: ChannelHandlerContext!
    private var streams: [Int32: Stream] = [:]
    private var streamsWithOutput: Set<Int32> = []
    /// Streams to reset with NO_ERROR once their final HEADERS are out (the client was still sending).
    private var pendingResets: Set<Int32> = []
    private var executor: EventLoopTaskExecutor!
    private var loopBound: NIOLoopBound<ServerConnectionHandler>?
    private var reading = false
    private var flushPending = false
    private var closing = false
    private var draining = false
    private var remotePeer = ""
    private var localPeer = ""
    private var idleTask: Scheduled<Void>? = nil
    private var keepaliveTask: Scheduled<Void>? = nil
    private var keepaliveTimeout: Scheduled<Void>? = nil
    private var graceTask: Scheduled<Void>? = nil
    private var pingStrikes = 0
    private var lastPingReceived: NIODeadline? = nil
    private var connectionID: Int = 0

    init(config: HTTP2ServerTransport.Config, router: RPCRouter, connections: ServerConnectionRegistry, logger: Logger) {
        self.config = config
        self.router = router
        self.connections = connections
        self.logger = logger
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.executor = EventLoopTaskExecutor(eventLoop: context.eventLoop)
        self.loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.remotePeer = Self.describe(context.channel.remoteAddress)
        self.localPeer = Self.describe(context.channel.localAddress)
        self.logger[metadataKey: "peer"] = "\(self.remotePeer)"
        do {
            self.session = try NGHTTP2Session(role: .server, settings: self.config.http2Settings)
        } catch {
            self.logger.error("cannot create HTTP/2 session: \(error)")
            context.close(promise: nil)
            return
        }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        self.connectionID = self.connections.add {
            eventLoop.execute { loopBound.value.beginDrain() }
        }
        self.flush()
        self.armIdleTimer()
        self.armKeepalive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.connectionClosed()
        self.context = nil  // the context references this handler: break the cycle
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.connectionClosed()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = self.unwrapInboundIn(data)
        self.reading = true
        let events: [HTTP2Event]
        do {
            events = try self.session.receive(buffer)
        } catch {
            self.logger.debug("closing connection after HTTP/2 error: \(error)")
            self.reading = false
            self.flush()
            self.closeNow()
            return
        }
        for event in events { self.handle(event) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.reading = false
        self.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.logger.debug("connection error: \(error)")
        self.closeNow()
    }

    // MARK: - HTTP/2 events

    private func handle(_ event: HTTP2Event) {
        switch event {
        case .headers(let streamID, let fields, let endStream):
            if self.streams[streamID] == nil {
                self.startCall(streamID: streamID, fields: fields, endStream: endStream)
            } else if endStream {
                self.inboundEnded(streamID: streamID)
            }
        case .data(let streamID, var bytes):
            self.session.consumeConnection(bytes.readableBytes)
            self.received(streamID: streamID, bytes: &bytes)
        case .endStream(let streamID):
            self.inboundEnded(streamID: streamID)
        case .streamClosed(let streamID, let errorCode):
            self.streamClosed(streamID: streamID, errorCode: errorCode)
        case .headersTooLarge(let streamID):
            self.session.resetStream(streamID: streamID, errorCode: 0x2)
        case .goAway:
            break
        case .ping(let ack, let opaque):
            if ack {
                if opaque == Self.keepaliveOpaque {
                    self.keepaliveTimeout?.cancel()
                    self.keepaliveTimeout = nil
                }
            } else {
                self.pingReceived()
            }
        }
    }

    private func startCall(streamID: Int32, fields: [HeaderField], endStream: Bool) {
        var request = RequestHead()
        var metadata = Metadata()
        for field in fields {
            if field.name.utf8.first == UInt8(ascii: ":") {
                switch field.name {
                case ":path": request.path = field.value
                case ":method": request.method = field.value
                default: break
                }
                continue
            }
            switch field.name {
            case "content-type": request.contentType = field.value
            case "grpc-timeout": request.timeout = field.value
            case "grpc-encoding": request.encoding = field.value
            case "grpc-accept-encoding": request.acceptEncoding = field.value
            case "te", "connection", "host":
                break
            default:
                if field.name.hasPrefix("grpc-") { continue }
                Self.addMetadata(name: field.name, value: field.value, to: &metadata)
            }
        }

        // HTTP-level checks first: a non-gRPC request gets an HTTP status, not a gRPC one.
        guard request.contentType.hasPrefix("application/grpc") else {
            self.respondHTTPError(streamID: streamID, status: "415", message: "unsupported content-type '\(request.contentType)', expected application/grpc")
            return
        }
        guard request.method == "POST" else {
            self.respondHTTPError(streamID: streamID, status: "405", message: "gRPC requires POST, got \(request.method)")
            return
        }
        guard let handler = self.router.handler(forPath: request.path) else {
            let message: String
            if let descriptor = MethodDescriptor(path: request.path), self.router.hasService(descriptor.service) {
                message = "Method not found: \(request.path)"
            } else if let descriptor = MethodDescriptor(path: request.path) {
                message = "Service not found: \(descriptor.service) (method \(request.path))"
            } else {
                message = "Malformed method path: '\(request.path)'"
            }
            self.respondTrailersOnly(streamID: streamID, status: Status(code: .unimplemented, message: message))
            return
        }
        if self.draining {
            self.respondTrailersOnly(streamID: streamID, status: Status(code: .unavailable, message: "the server is shutting down"))
            return
        }
        var compressed = false
        if let encoding = request.encoding, encoding != "identity" {
            guard encoding == "gzip" else {
                self.respondTrailersOnly(
                    streamID: streamID,
                    status: Status(code: .unimplemented, message: "unsupported grpc-encoding '\(encoding)'"),
                    extra: [HeaderField(name: "grpc-accept-encoding", value: "identity,gzip")])
                return
            }
            compressed = true
        }
        var deadline: ContinuousClock.Instant? = nil
        var timeout: Duration? = nil
        if let value = request.timeout {
            guard let parsed = GRPCTimeout.parse(value) else {
                self.respondTrailersOnly(streamID: streamID, status: Status(code: .internalError, message: "malformed grpc-timeout '\(value)'"))
                return
            }
            timeout = parsed
            deadline = ContinuousClock.now.advanced(by: parsed)
        }
        // Compress responses only when the client accepts gzip and the server is configured to.
        var responseEncoding: String? = nil
        if self.config.responseCompression == "gzip", let accept = request.acceptEncoding,
            accept.split(separator: ",").contains(where: { $0.trimmingCharacters(in: " ") == "gzip" })
        {
            responseEncoding = "gzip"
        }

        let descriptor = handler.descriptor
        let context = ServerContext(
            descriptor: descriptor,
            requestMetadata: metadata,
            remotePeer: self.remotePeer,
            localPeer: self.localPeer,
            deadline: deadline,
            requestEncoding: request.encoding ?? "identity"
        )
        let loopBound = self.loopBound!
        let eventLoop = self.context.eventLoop
        let call = ServerCall(
            streamID: streamID,
            responseEncoding: responseEncoding,
            maxReceiveMessageSize: self.config.maxReceiveMessageSize,
            connection: loopBound
        )
        let stream = Stream(
            call: call,
            machine: ServerStreamStateMachine(
                requestCompressed: compressed,
                maxMessageSize: self.config.maxReceiveMessageSize,
                requestClosed: endStream)
        )
        if endStream { call.finishInbound() }
        if let timeout {
            stream.deadlineTask = eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(timeout))) {
                loopBound.value.deadlineExpired(streamID: streamID)
            }
        }
        self.streams[streamID] = stream
        self.idleTask?.cancel()
        self.idleTask = nil

        let rpcStream = ServerRPCStream(context: context, inbound: call, outbound: call)
        let run = handler.run
        let task: Task<Void, Never>
        if self.config.runHandlersOnEventLoop {
            task = Task(executorPreference: self.executor) {
                await run(rpcStream)
                call.finish(status: Status(code: .unknown, message: "the handler returned without ending the call"), trailers: [:])
            }
        } else {
            task = Task {
                await run(rpcStream)
                call.finish(status: Status(code: .unknown, message: "the handler returned without ending the call"), trailers: [:])
            }
        }
        self.streams[streamID]?.task = task
    }

    private func received(streamID: Int32, bytes: inout ByteBuffer) {
        let count = bytes.readableBytes
        guard let stream = self.streams[streamID] else { return }
        let action = stream.machine.receive(data: &bytes)
        self.streams[streamID] = stream
        switch action {
        case .ignore:
            self.session.consumeStream(streamID: streamID, count)
        case .fail(let status):
            self.failCall(streamID: streamID, status: status)
        case .deliver(let messages):
            var waiting = 0
            for message in messages { waiting = stream.call.deliver(message) }
            // Reopen the stream window at once while the handler keeps up; otherwise when it pulls (backpressure).
            if waiting <= Self.inboundHighWater {
                self.session.consumeStream(streamID: streamID, count)
            } else {
                self.streams[streamID]?.owedWindow += count
            }
        }
    }

    private func inboundEnded(streamID: Int32) {
        guard let stream = self.streams[streamID] else { return }
        let action = stream.machine.receiveEndStream()
        self.streams[streamID] = stream
        switch action {
        case .finishInbound: stream.call.finishInbound()
        case .fail(let status): self.failCall(streamID: streamID, status: status)
        case .ignore: break
        }
    }

    func handlerPulled(_ call: ServerCall, bytes: Int) {
        guard let stream = self.streams[call.streamID], stream.owedWindow > 0 else { return }
        let owed = stream.owedWindow
        stream.owedWindow = 0
        self.streams[call.streamID] = stream
        self.session.consumeStream(streamID: call.streamID, owed)
        self.scheduleFlush()
    }

    private func streamClosed(streamID: Int32, errorCode: UInt32) {
        self.streamsWithOutput.remove(streamID)
        self.pendingResets.remove(streamID)
        guard let stream = self.streams.removeValue(forKey: streamID) else { return }
        stream.deadlineTask?.cancel()
        if stream.machine.streamClosed() == .cancelHandler {
            // The client reset the stream (or the connection is going away): cancel the handler.
            stream.call.cancel(RPCError(code: .cancelled, message: "the client cancelled the call (RST_STREAM \(errorCode))"))
            stream.task?.cancel()
        }
        self.streamCountChanged()
    }

    private func deadlineExpired(streamID: Int32) {
        self.failCall(streamID: streamID, status: Status(code: .deadlineExceeded, message: "the deadline expired"))
    }

    /// Ends a call from the transport's side (bad input, deadline): the handler is cancelled and the client gets
    /// the status.
    private func failCall(streamID: Int32, status: Status) {
        guard let stream = self.streams[streamID], !stream.machine.isClosed else { return }
        stream.call.cancel(RPCError(status: status))
        stream.task?.cancel()
        self.sendStatus(streamID: streamID, status: status, trailers: [:], headers: [:])
        self.scheduleFlush()
    }

    // MARK: - Responses

    /// Moves a call's queued output into the session.
    func drain(_ call: ServerCall) {
        // Sending HEADERS or DATA resets ping strikes (as gRPC servers do): clients such as grpcio send BDP pings
        // right after data, between short calls, and must not be taken for abusers.
        self.pingStrikes = 0
        self.lastPingReceived = nil
        let (headers, ops) = call.takeOps()
        let streamID = call.streamID
        guard self.streams[streamID] != nil else { return }
        for op in ops {
            switch op {
            case .message(var bytes):
                switch self.streams[streamID]!.machine.sendMessage() {
                case .sendHeadersAndMessage:
                    self.submitHeaders(streamID: streamID, metadata: headers ?? [:], responseEncoding: call.responseEncoding)
                    self.session.enqueueData(streamID: streamID, &bytes)
                case .sendMessage:
                    self.session.enqueueData(streamID: streamID, &bytes)
                case .drop:
                    break
                }
            case .finish(let status, let trailers):
                self.sendStatus(streamID: streamID, status: status, trailers: trailers, headers: headers ?? [:])
            }
        }
        self.streamsWithOutput.insert(streamID)
        self.scheduleFlush()
    }

    private func submitHeaders(streamID: Int32, metadata: Metadata, responseEncoding: String?) {
        var fields = [
            HeaderField(name: ":status", value: "200"),
            HeaderField(name: "content-type", value: "application/grpc"),
        ]
        if let responseEncoding { fields.append(HeaderField(name: "grpc-encoding", value: responseEncoding)) }
        fields.append(HeaderField(name: "grpc-accept-encoding", value: "identity,gzip"))
        Self.appendMetadata(metadata, to: &fields)
        do {
            try self.session.submitResponse(streamID: streamID, fields: fields)
        } catch {
            self.logger.debug("cannot submit response on stream \(streamID): \(error)")
        }
    }

    /// Sends the status: as trailers after the response, or as a Trailers-Only response (carrying `headers`) if no
    /// response HEADERS went out.
    private func sendStatus(streamID: Int32, status: Status, trailers: Metadata, headers: Metadata) {
        guard let action = self.streams[streamID]?.machine.sendStatus() else { return }
        var fields: [HeaderField] = []
        let resetAfterwards: Bool
        switch action {
        case .drop:
            return
        case .sendTrailersOnly(let reset):
            resetAfterwards = reset
            fields.append(HeaderField(name: ":status", value: "200"))
            fields.append(HeaderField(name: "content-type", value: "application/grpc"))
            Self.appendMetadata(headers, to: &fields)
        case .sendTrailers(let reset):
            resetAfterwards = reset
        }
        fields.append(HeaderField(name: "grpc-status", value: String(status.code.rawValue)))
        if !status.message.isEmpty {
            fields.append(HeaderField(name: "grpc-message", value: PercentEncoding.encode(status.message)))
        }
        Self.appendMetadata(trailers, to: &fields)
        if case .sendTrailersOnly = action {
            do {
                try self.session.submitHeadersOnly(streamID: streamID, fields: fields)
            } catch {
                self.logger.debug("cannot submit trailers-only response on stream \(streamID): \(error)")
            }
        } else {
            self.session.enqueueTrailers(streamID: streamID, fields: fields)
        }
        // If the client is still sending, tell it to stop once our END_STREAM is out.
        if resetAfterwards { self.pendingResets.insert(streamID) }
    }

    private func respondTrailersOnly(streamID: Int32, status: Status, extra: [HeaderField] = []) {
        var fields = [
            HeaderField(name: ":status", value: "200"),
            HeaderField(name: "content-type", value: "application/grpc"),
            HeaderField(name: "grpc-status", value: String(status.code.rawValue)),
            HeaderField(name: "grpc-message", value: PercentEncoding.encode(status.message)),
        ]
        fields.append(contentsOf: extra)
        try? self.session.submitHeadersOnly(streamID: streamID, fields: fields)
        if self.session.isRemoteOpen(streamID: streamID) {
            self.pendingResets.insert(streamID)
        }
    }

    private func respondHTTPError(streamID: Int32, status: String, message: String) {
        let fields = [
            HeaderField(name: ":status", value: status),
            HeaderField(name: "content-type", value: "text/plain"),
            HeaderField(name: "grpc-status", value: String(Status.Code.internalError.rawValue)),
            HeaderField(name: "grpc-message", value: PercentEncoding.encode(message)),
        ]
        try? self.session.submitHeadersOnly(streamID: streamID, fields: fields)
        if self.session.isRemoteOpen(streamID: streamID) {
            self.pendingResets.insert(streamID)
        }
    }

    // MARK: - Output

    private func scheduleFlush() {
        if self.reading || self.flushPending { return }
        self.flushPending = true
        let loopBound = NIOLoopBound(self, eventLoop: self.context.eventLoop)
        self.context.eventLoop.execute { loopBound.value.flush() }
    }

    private func flush() {
        self.flushPending = false
        guard let context = self.context, let session = self.session else { return }
        var output = context.channel.allocator.buffer(capacity: 0)
        do {
            try session.send(into: &output)
            for streamID in self.streamsWithOutput {
                if let stream = self.streams[streamID] {
                    stream.call.updateSessionQueued(session.queuedBytes(streamID: streamID))
                }
                if !session.hasPendingOutput(streamID: streamID) { self.streamsWithOutput.remove(streamID) }
            }
            if !self.pendingResets.isEmpty {
                var resets = false
                for streamID in self.pendingResets where !session.hasPendingOutput(streamID: streamID) {
                    self.pendingResets.remove(streamID)
                    if session.isRemoteOpen(streamID: streamID) {
                        session.resetStream(streamID: streamID, errorCode: 0)
                        resets = true
                    }
                }
                if resets { try session.send(into: &output) }
            }
        } catch {
            self.logger.debug("HTTP/2 send failed: \(error)")
            self.closeNow()
            return
        }
        if output.readableBytes > 0 {
            context.writeAndFlush(self.wrapOutboundOut(output), promise: nil)
        }
        if !session.wantsRead && !session.wantsWrite {
            self.closeNow()
        }
    }

    // MARK: - Connection lifecycle

    private func streamCountChanged() {
        if self.streams.isEmpty {
            if self.draining {
                self.flush()
                self.closeNow()
                return
            }
            self.armIdleTimer()
        }
    }

    /// Graceful shutdown: GOAWAY, let calls in flight finish within the grace period, then close.
    func beginDrain() {
        guard !self.draining, let session = self.session else { return }
        self.draining = true
        session.submitGoAway(errorCode: 0)
        self.flush()
        if self.streams.isEmpty {
            self.closeNow()
            return
        }
        let loopBound = NIOLoopBound(self, eventLoop: self.context.eventLoop)
        self.graceTask = self.context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(self.config.shutdownGracePeriod))) {
            loopBound.value.graceExpired()
        }
    }

    private func graceExpired() {
        for (streamID, stream) in self.streams where stream.machine.streamClosed() == .cancelHandler {
            stream.call.cancel(RPCError(code: .unavailable, message: "the server is shutting down"))
            stream.task?.cancel()
            self.session.resetStream(streamID: streamID, errorCode: 0x8)
        }
        self.flush()
        self.closeNow()
    }

    private func armIdleTimer() {
        guard let maxIdle = self.config.maxIdleTime, let context = self.context else { return }
        self.idleTask?.cancel()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.idleTask = context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(maxIdle))) {
            let handler = loopBound.value
            guard handler.streams.isEmpty else { return }
            handler.logger.debug("closing idle connection")
            handler.beginDrain()
        }
    }

    private static let keepaliveOpaque: UInt64 = 0x6b65_6570_616c_6976  // "keepaliv"

    private func armKeepalive() {
        guard let interval = self.config.keepaliveTime, let context = self.context else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.keepaliveTask = context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(interval))) {
            loopBound.value.sendKeepalive()
        }
    }

    private func sendKeepalive() {
        guard !self.closing, let context = self.context else { return }
        // One keepalive ping at a time: while one is unanswered, its timeout decides.
        guard self.keepaliveTimeout == nil else {
            self.armKeepalive()
            return
        }
        self.session.submitPing(opaque: Self.keepaliveOpaque)
        self.flush()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.keepaliveTimeout = context.eventLoop.scheduleTask(in: .nanoseconds(Self.nanoseconds(self.config.keepaliveTimeout))) {
            let handler = loopBound.value
            handler.logger.debug("keepalive ping not acknowledged; closing the connection")
            handler.closeNow()
        }
        self.armKeepalive()
    }

    /// Keepalive enforcement: pings more frequent than allowed while no call is active count as strikes.
    private func pingReceived() {
        let now = NIODeadline.now()
        defer { self.lastPingReceived = now }
        guard self.streams.isEmpty, let last = self.lastPingReceived else { return }
        let minimum = TimeAmount.nanoseconds(Self.nanoseconds(self.config.minPingIntervalWithoutCalls))
        if now - last < minimum {
            self.pingStrikes += 1
            if self.pingStrikes > self.config.maxPingStrikes {
                self.logger.debug("too many pings; sending GOAWAY")
                self.session.submitGoAway(errorCode: 0xb, debugData: "too_many_pings")
                self.flush()
                self.closeNow()
            }
        }
    }

    private func closeNow() {
        guard !self.closing, let context = self.context else { return }
        self.closing = true
        context.close(promise: nil)
    }

    private func connectionClosed() {
        self.idleTask?.cancel()
        self.keepaliveTask?.cancel()
        self.keepaliveTimeout?.cancel()
        self.graceTask?.cancel()
        for (_, stream) in self.streams {
            stream.deadlineTask?.cancel()
            if stream.machine.streamClosed() == .cancelHandler {
                stream.call.cancel(RPCError(code: .cancelled, message: "the connection was closed"))
                stream.task?.cancel()
            }
        }
        self.streams.removeAll()
        self.loopBound = nil  // breaks the handler ↔ loop-bound reference cycle
        if self.connectionID != 0 {
            self.connections.remove(self.connectionID)
            self.connectionID = 0
        }
    }

    // MARK: - Helpers

    private static let inboundHighWater = 1 << 20

    private struct RequestHead {
        var path = ""
        var method = ""
        var contentType = ""
        var timeout: String? = nil
        var encoding: String? = nil
        var acceptEncoding: String? = nil
    }

    static func addMetadata(name: String, value: String, to metadata: inout Metadata) {
        if Metadata.isBinaryKey(name) {
            for part in value.split(separator: ",") {
                if let bytes = Base64.decode(part.trimmingCharacters(in: " ")) { metadata.addBinary(bytes, forKey: name) }
            }
        } else {
            metadata.addString(value, forKey: name)
        }
    }

    static func appendMetadata(_ metadata: Metadata, to fields: inout [HeaderField]) {
        for element in metadata {
            switch element.value {
            case .string(let value):
                fields.append(HeaderField(name: element.key, value: value))
            case .binary(let bytes):
                fields.append(HeaderField(name: element.key, value: Base64.encode(bytes, padded: false)))
            }
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return .max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }

    static func describe(_ address: SocketAddress?) -> String {
        guard let address else { return "unknown" }
        switch address {
        case .v4(let v4): return "ipv4:\(v4.host):\(address.port ?? 0)"
        case .v6(let v6): return "ipv6:[\(v6.host)]:\(address.port ?? 0)"
        case .unixDomainSocket: return "unix:\(address.pathname ?? "")"
        }
    }
}

extension StringProtocol {
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
