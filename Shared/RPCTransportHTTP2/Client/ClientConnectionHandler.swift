internal import Logging
internal import NIOCore
internal import RPCCore

/// Runs gRPC calls on one client HTTP/2 connection. Everything here runs on the connection's event loop.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private final class Stream {
        let call: ClientCall
        var machine: ClientStreamStateMachine
        var owedWindow = 0
        var deadlineTask: Scheduled<Void>? = nil

        init(call: ClientCall, machine: ClientStreamStateMachine) {
            self.call = call
            self.machine = machine
        }
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

    func handlerRemoved(context: ChannelHandlerContext) {
        self.connectionLost(reason: "the connection was closed")
        self.context = nil  // the context references this handler: break the cycle
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
        let stream = Stream(call: call, machine: ClientStreamStateMachine(maxMessageSize: self.config.maxReceiveMessageSize))
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
                self.abort(streamID: streamID, status: Status(code: .cancelled, message: "the call was cancelled"))
            }
        }
        self.streamsWithOutput.insert(streamID)
        self.scheduleFlush()
    }

    func pulled(_ call: ClientCall, bytes: Int) {
        guard let stream = self.streams[call.streamID], stream.owedWindow > 0 else { return }
        let owed = stream.owedWindow
        stream.owedWindow = 0
        self.streams[call.streamID] = stream
        self.session.consumeStream(streamID: call.streamID, owed)
        self.scheduleFlush()
    }

    private func deadlineExpired(streamID: Int32) {
        self.abort(streamID: streamID, status: Status(code: .deadlineExceeded, message: "the deadline expired"))
        self.scheduleFlush()
    }

    private func abort(streamID: Int32, status: Status) {
        guard let stream = self.streams[streamID] else { return }
        let action = stream.machine.abort(status, reset: true)
        self.streams[streamID] = stream
        self.perform(action, streamID: streamID)
    }

    /// Carries out a state-machine action for a stream.
    private func perform(_ action: ClientStreamStateMachine.Action, streamID: Int32, windowBytes: Int = 0) {
        guard let stream = self.streams[streamID] else { return }
        switch action {
        case .none:
            self.session.consumeStream(streamID: streamID, windowBytes)
        case .deliverMetadata(let metadata):
            stream.call.deliver(.metadata(metadata))
        case .deliverMessages(let messages):
            var waiting = 0
            for message in messages { waiting = stream.call.deliver(.message(message)) }
            if waiting <= 1 << 20 {
                self.session.consumeStream(streamID: streamID, windowBytes)
            } else {
                self.streams[streamID]?.owedWindow += windowBytes
            }
        case .finish(let status, let metadata, let reset):
            if reset { self.session.resetStream(streamID: streamID, errorCode: 0x8) }
            self.streams.removeValue(forKey: streamID)
            stream.deadlineTask?.cancel()
            stream.call.deliver(.status(status, metadata))
        }
    }

    // MARK: - HTTP/2 events

    private func handle(_ event: HTTP2Event) {
        switch event {
        case .headers(let streamID, let fields, let endStream):
            guard let stream = self.streams[streamID] else { return }
            let action = stream.machine.receiveHeaders(Self.parse(fields), endStream: endStream)
            self.streams[streamID] = stream
            self.perform(action, streamID: streamID)
        case .data(let streamID, var bytes):
            let count = bytes.readableBytes
            self.session.consumeConnection(count)
            guard let stream = self.streams[streamID] else { return }
            let action = stream.machine.receive(data: &bytes)
            self.streams[streamID] = stream
            self.perform(action, streamID: streamID, windowBytes: count)
        case .endStream(let streamID):
            guard let stream = self.streams[streamID] else { return }
            let action = stream.machine.receiveEndStream()
            self.streams[streamID] = stream
            self.perform(action, streamID: streamID)
        case .streamClosed(let streamID, let errorCode):
            self.streamsWithOutput.remove(streamID)
            guard let stream = self.streams[streamID] else { return }
            let action = stream.machine.streamClosed(errorCode: errorCode)
            self.streams[streamID] = stream
            self.perform(action, streamID: streamID)
        case .headersTooLarge(let streamID):
            self.abort(streamID: streamID, status: Status(code: .resourceExhausted, message: "response headers exceed the limit"))
        case .goAway(let lastStreamID, let errorCode, let debugData):
            self.goingAway = true
            self.onUnusable()
            let reason = "the server sent GOAWAY (error \(errorCode)\(debugData.isEmpty ? "" : ", \(debugData)"))"
            for streamID in self.streams.keys where streamID > lastStreamID {
                self.abort(streamID: streamID, status: Status(code: .unavailable, message: reason))
            }
        case .ping:
            break
        }
    }

    static func parse(_ fields: [HeaderField]) -> ClientStreamStateMachine.HeaderBlock {
        var block = ClientStreamStateMachine.HeaderBlock()
        for field in fields {
            switch field.name {
            case ":status": block.httpStatus = field.value
            case "content-type": block.contentType = field.value
            case "grpc-status": block.grpcStatus = Substring(field.value)
            case "grpc-message": block.grpcMessage = PercentEncoding.decode(field.value)
            case "grpc-encoding": block.encoding = field.value
            default:
                if field.name.utf8.first == UInt8(ascii: ":") || field.name.hasPrefix("grpc-") { continue }
                ServerConnectionHandler.addMetadata(name: field.name, value: field.value, to: &block.metadata)
            }
        }
        return block
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
}
