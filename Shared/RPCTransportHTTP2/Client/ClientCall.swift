internal import DequeModule
internal import NIOCore
internal import RPCCore
internal import Synchronization

/// One client call as seen from both sides: the caller's task (``ClientOutbound``/``ClientInbound``) and the
/// connection's event loop.
final class ClientCall: ClientOutbound, ClientInbound, @unchecked Sendable {
    enum Op {
        case message(ByteBuffer)
        case end
        case cancel
    }

    private struct State {
        var parts = Deque<ClientResponsePart>()
        var partsBytes = 0
        var statusDelivered = false
        var ended = false
        var reader: CheckedContinuation<ClientResponsePart?, Never>? = nil
        var ops: [Op] = []
        var opsBytes = 0
        var sessionQueued = 0
        var flushScheduled = false
        var outboundClosed = false
        var writer: CheckedContinuation<Void, any Error>? = nil
    }

    let requestEncoding: String?
    private let state = Mutex(State())
    private let scheduleFlush: @Sendable (ClientCall) -> Void
    private let pulled: @Sendable (ClientCall, Int) -> Void
    /// Set by the connection once the stream exists.
    var streamID: Int32 = 0

    static let outboundHighWater = 1 << 20
    static let outboundLowWater = 256 << 10

    init(
        requestEncoding: String?,
        scheduleFlush: @escaping @Sendable (ClientCall) -> Void,
        pulled: @escaping @Sendable (ClientCall, Int) -> Void
    ) {
        self.requestEncoding = requestEncoding
        self.scheduleFlush = scheduleFlush
        self.pulled = pulled
    }

    // MARK: - ClientOutbound

    func writeMessage(_ bytes: [UInt8], compress: Bool) async throws(RPCError) {
        let compressed = compress && self.requestEncoding != nil
        let payload = compressed ? Gzip.compress(bytes) : bytes
        var framed = ByteBuffer()
        GRPCMessageFramer.frame(payload, compressed: compressed, into: &framed)
        enum Outcome { case queued(schedule: Bool, wait: Bool), closed }
        let outcome: Outcome = self.state.withLock { state in
            if state.outboundClosed || state.ended { return .closed }
            state.ops.append(.message(framed))
            state.opsBytes += framed.readableBytes
            let schedule = !state.flushScheduled
            state.flushScheduled = true
            return .queued(schedule: schedule, wait: state.opsBytes + state.sessionQueued > Self.outboundHighWater)
        }
        switch outcome {
        case .closed:
            // The call has ended (its status explains why); writing more is not an error of the caller's.
            throw RPCError(code: .cancelled, message: "the call has already ended")
        case .queued(let schedule, let wait):
            if schedule { self.scheduleFlush(self) }
            if wait {
                do {
                    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                        let result: Result<Void, any Error>? = self.state.withLock { state in
                            if state.ended { return .failure(RPCError(code: .cancelled, message: "the call has already ended")) }
                            if state.opsBytes + state.sessionQueued <= Self.outboundLowWater { return .success(()) }
                            state.writer = continuation
                            return nil
                        }
                        if let result { continuation.resume(with: result) }
                    }
                } catch {
                    throw RPCError(code: .cancelled, message: "the call has already ended")
                }
            }
        }
    }

    func finish() {
        self.enqueue(.end, closing: true)
    }

    // MARK: - ClientInbound

    func next() async -> ClientResponsePart? {
        enum Immediate { case part(ClientResponsePart?), wait }
        let immediate: Immediate = self.state.withLock { state in
            if let first = state.parts.popFirst() {
                if case .message(let message) = first { state.partsBytes -= message.bytes.count }
                return .part(first)
            }
            if state.statusDelivered { return .part(nil) }
            return .wait
        }
        let part: ClientResponsePart?
        switch immediate {
        case .part(let value):
            part = value
        case .wait:
            part = await withCheckedContinuation { continuation in
                let now: ClientResponsePart?? = self.state.withLock { state in
                    if let first = state.parts.popFirst() {
                        if case .message(let message) = first { state.partsBytes -= message.bytes.count }
                        return .some(first)
                    }
                    if state.statusDelivered { return .some(nil) }
                    state.reader = continuation
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        }
        if case .message(let message) = part { self.pulled(self, message.bytes.count) }
        return part
    }

    func cancel() {
        self.enqueue(.cancel, closing: true)
    }

    private func enqueue(_ op: Op, closing: Bool) {
        let schedule: Bool = self.state.withLock { state in
            if state.ended || (state.outboundClosed && !isCancel(op)) { return false }
            if closing { state.outboundClosed = true }
            state.ops.append(op)
            let schedule = !state.flushScheduled
            state.flushScheduled = true
            return schedule
        }
        if schedule { self.scheduleFlush(self) }
    }

    // MARK: - Event loop side

    func takeOps() -> [Op] {
        self.state.withLock { state in
            state.flushScheduled = false
            let ops = state.ops
            state.ops.removeAll(keepingCapacity: true)
            state.opsBytes = 0
            return ops
        }
    }

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

    /// Delivers a response part; returns the message bytes now waiting for the caller. A `.status` part ends the
    /// call: anything delivered after it is dropped.
    @discardableResult
    func deliver(_ part: ClientResponsePart) -> Int {
        let (reader, writer, waiting): (CheckedContinuation<ClientResponsePart?, Never>?, CheckedContinuation<Void, any Error>?, Int) =
            self.state.withLock { state in
                if state.ended { return (nil, nil, state.partsBytes) }
                var writer: CheckedContinuation<Void, any Error>? = nil
                if case .status = part {
                    state.ended = true
                    state.outboundClosed = true
                    writer = state.writer
                    state.writer = nil
                }
                if let reader = state.reader {
                    state.reader = nil
                    if case .status = part { state.statusDelivered = true }
                    return (reader, writer, state.partsBytes)
                }
                state.parts.append(part)
                if case .message(let message) = part { state.partsBytes += message.bytes.count }
                if case .status = part { state.statusDelivered = true }
                return (nil, writer, state.partsBytes)
            }
        writer?.resume(throwing: RPCError(code: .cancelled, message: "the call has ended"))
        if let reader {
            reader.resume(returning: part)
            if case .message(let message) = part { self.pulled(self, message.bytes.count) }
        }
        return waiting
    }

    var hasEnded: Bool { self.state.withLock { $0.ended } }
}

private func isCancel(_ op: ClientCall.Op) -> Bool {
    if case .cancel = op { return true }
    return false
}
