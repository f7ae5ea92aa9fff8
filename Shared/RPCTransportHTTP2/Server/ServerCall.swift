internal import DequeModule
internal import NIOCore
internal import RPCCore
internal import Synchronization

/// One server call as seen from both sides: the handler's task (``ServerInbound``/``ServerOutbound``) and the
/// connection's event loop. All shared state sits behind one lock; the event loop does the HTTP/2 work.
final class ServerCall: ServerInbound, ServerOutbound, @unchecked Sendable {
    enum Op {
        case message(ByteBuffer)
        case finish(Status, Metadata)
    }

    struct State {
        // Inbound
        var received = Deque<ReceivedBytes>()
        var receivedBytes = 0
        var inboundFinished = false
        var inboundError: RPCError? = nil
        var reader: CheckedContinuation<ReceivedBytes?, any Error>? = nil
        // Outbound
        var headers: Metadata? = nil
        var ops: [Op] = []
        var opsBytes = 0
        var flushScheduled = false
        var finished = false
        var writer: CheckedContinuation<Void, any Error>? = nil
        var cancelled = false
        var sessionQueued = 0
    }

    let streamID: Int32
    let responseEncoding: String?
    let maxReceiveMessageSize: Int
    private let state = Mutex(State())
    /// The connection that drains outbound operations and reopens flow-control windows, on its event loop.
    private let connection: NIOLoopBound<ServerConnectionHandler>
    static let outboundHighWater = 1 << 20
    static let outboundLowWater = 256 << 10

    init(
        streamID: Int32,
        responseEncoding: String?,
        maxReceiveMessageSize: Int,
        connection: NIOLoopBound<ServerConnectionHandler>
    ) {
        self.streamID = streamID
        self.responseEncoding = responseEncoding
        self.maxReceiveMessageSize = maxReceiveMessageSize
        self.connection = connection
    }

    /// Outbound operations are waiting: the connection drains them on its event loop (after the current job, so
    /// that a handler's headers, message and status go out together).
    private func scheduleFlush() {
        let connection = self.connection
        connection.eventLoop.execute { connection.value.drain(self) }
    }

    /// The handler pulled bytes: the connection may reopen the stream's flow-control window.
    private func pulled(_ bytes: Int) {
        let connection = self.connection
        if connection.eventLoop.inEventLoop {
            connection.value.handlerPulled(self, bytes: bytes)
        } else {
            connection.eventLoop.execute { connection.value.handlerPulled(self, bytes: bytes) }
        }
    }

    // MARK: - ServerInbound (handler side)

    func next() async throws(RPCError) -> ReceivedBytes? {
        do {
            return try await withTaskCancellationHandler {
                try await self.nextUncancellable()
            } onCancel: {
                self.cancel(RPCError(code: .cancelled, message: "the call was cancelled"))
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .cancelled, message: "the call was cancelled")
        }
    }

    private func nextUncancellable() async throws -> ReceivedBytes? {
        enum Immediate { case value(ReceivedBytes?), failure(RPCError), wait }
        let immediate: Immediate = self.state.withLock { state in
            if let first = state.received.popFirst() {
                state.receivedBytes -= first.bytes.count
                return .value(first)
            }
            if let error = state.inboundError { return .failure(error) }
            if state.inboundFinished { return .value(nil) }
            return .wait
        }
        switch immediate {
        case .value(let value):
            if let value { self.pulled(value.bytes.count) }
            return value
        case .failure(let error):
            throw error
        case .wait:
            let value = try await withCheckedThrowingContinuation { continuation in
                let resumeNow: Result<ReceivedBytes?, any Error>? = self.state.withLock { state in
                    if let first = state.received.popFirst() {
                        state.receivedBytes -= first.bytes.count
                        return .success(first)
                    }
                    if let error = state.inboundError { return .failure(error) }
                    if state.inboundFinished { return .success(nil) }
                    state.reader = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
            if let value { self.pulled(value.bytes.count) }
            return value
        }
    }

    // MARK: - ServerOutbound (handler side)

    func writeHeaders(_ metadata: Metadata) {
        self.state.withLock { state in
            if state.headers == nil { state.headers = metadata } else { state.headers!.add(contentsOf: metadata) }
        }
    }

    func writeMessage(_ bytes: [UInt8], compress: Bool) async throws(RPCError) {
        let compressed = compress && self.responseEncoding != nil
        let payload = compressed ? Gzip.compress(bytes) : bytes
        var framed = ByteBuffer()
        GRPCMessageFramer.frame(payload, compressed: compressed, into: &framed)
        enum Outcome { case queued(schedule: Bool, wait: Bool), failed(RPCError) }
        let outcome: Outcome = self.state.withLock { state in
            if state.finished || state.cancelled {
                return .failed(state.inboundError ?? RPCError(code: .cancelled, message: "the call has already ended"))
            }
            state.ops.append(.message(framed))
            state.opsBytes += framed.readableBytes
            let schedule = !state.flushScheduled
            state.flushScheduled = true
            return .queued(schedule: schedule, wait: state.opsBytes + state.sessionQueued > Self.outboundHighWater)
        }
        switch outcome {
        case .failed(let error):
            throw error
        case .queued(let schedule, let wait):
            if schedule { self.scheduleFlush() }
            if wait { try await self.waitUntilWritable() }
        }
    }

    /// Suspends while this call's unsent output is over the high-water mark (the peer is not reading).
    private func waitUntilWritable() async throws(RPCError) {
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let result: Result<Void, any Error>? = self.state.withLock { state in
                    if state.cancelled { return .failure(state.inboundError ?? RPCError(code: .cancelled, message: "cancelled")) }
                    if state.opsBytes + state.sessionQueued <= Self.outboundLowWater { return .success(()) }
                    state.writer = continuation
                    return nil
                }
                if let result { continuation.resume(with: result) }
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(code: .cancelled, message: "the call was cancelled")
        }
    }

    /// Records how many bytes of this call nghttp2 has not sent yet, and wakes a blocked writer below the
    /// low-water mark.
    func updateSessionQueued(_ bytes: Int) {
        let writer: CheckedContinuation<Void, any Error>? = self.state.withLock { state in
            state.sessionQueued = bytes
            guard state.writer != nil, state.opsBytes + bytes <= Self.outboundLowWater else { return nil }
            let writer = state.writer
            state.writer = nil
            return writer
        }
        writer?.resume()
    }

    func finish(status: Status, trailers: Metadata) {
        let schedule: Bool = self.state.withLock { state in
            if state.finished || state.cancelled { return false }
            state.finished = true
            state.ops.append(.finish(status, trailers))
            if state.flushScheduled { return false }
            state.flushScheduled = true
            return true
        }
        if schedule { self.scheduleFlush() }
    }

    // MARK: - Event loop side

    /// Takes the queued outbound operations (and the headers, the first time).
    func takeOps() -> (headers: Metadata?, ops: [Op]) {
        self.state.withLock { state in
            state.flushScheduled = false
            let ops = state.ops
            state.ops.removeAll(keepingCapacity: true)
            state.opsBytes = 0
            return (state.headers, ops)
        }
    }

    /// Delivers a received message; returns the bytes now waiting for the handler.
    func deliver(_ message: ReceivedBytes) -> Int {
        let (reader, waiting): (CheckedContinuation<ReceivedBytes?, any Error>?, Int) = self.state.withLock { state in
            if let reader = state.reader {
                state.reader = nil
                return (reader, state.receivedBytes)
            }
            state.received.append(message)
            state.receivedBytes += message.bytes.count
            return (nil, state.receivedBytes)
        }
        if let reader {
            reader.resume(returning: message)
            self.pulled(message.bytes.count)
        }
        return waiting
    }

    /// The client half-closed.
    func finishInbound() {
        let reader: CheckedContinuation<ReceivedBytes?, any Error>? = self.state.withLock { state in
            state.inboundFinished = true
            let reader = state.reader
            state.reader = nil
            return reader
        }
        reader?.resume(returning: nil)
    }

    /// The call ended abnormally (RST_STREAM, deadline, connection loss, bad input): wakes the handler's reader
    /// with the error and makes later writes fail. Returns false if the call had already been cancelled.
    @discardableResult
    func cancel(_ error: RPCError) -> Bool {
        let (reader, writer, first): (CheckedContinuation<ReceivedBytes?, any Error>?, CheckedContinuation<Void, any Error>?, Bool) =
            self.state.withLock { state in
                let first = !state.cancelled
                state.cancelled = true
                if state.inboundError == nil { state.inboundError = error }
                let reader = state.reader
                let writer = state.writer
                state.reader = nil
                state.writer = nil
                return (reader, writer, first)
            }
        reader?.resume(throwing: error)
        writer?.resume(throwing: error)
        return first
    }

    var isFinishedOrCancelled: Bool { self.state.withLock { $0.finished || $0.cancelled } }
}
