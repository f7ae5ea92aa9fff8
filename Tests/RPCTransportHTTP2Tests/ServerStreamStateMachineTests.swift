import NIOCore
import RPCCore
import Testing

@testable import RPCTransportHTTP2

@Suite("Server stream state machine")
struct ServerStreamStateMachineTests {
    static func framed(_ message: [UInt8], compressed: Bool = false) -> ByteBuffer {
        var buffer = ByteBuffer()
        GRPCMessageFramer.frame(message, compressed: compressed, into: &buffer)
        return buffer
    }

    @Test("a status before any message is a Trailers-Only response")
    func trailersOnly() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100, requestClosed: true)
        #expect(machine.sendStatus() == .sendTrailersOnly(resetAfterwards: false))
        #expect(machine.isClosed)
        #expect(machine.sendMessage() == .drop)
        #expect(machine.sendStatus() == .drop)
    }

    @Test("the first message sends headers, later ones do not, then trailers")
    func normalResponse() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100, requestClosed: true)
        #expect(machine.sendMessage() == .sendHeadersAndMessage)
        #expect(machine.sendMessage() == .sendMessage)
        #expect(machine.sendStatus() == .sendTrailers(resetAfterwards: false))
    }

    @Test("ending while the client still sends asks for RST_STREAM(NO_ERROR) afterwards")
    func earlyClose() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100)
        #expect(machine.sendStatus() == .sendTrailersOnly(resetAfterwards: true))
        var data = Self.framed([1])
        #expect(machine.receive(data: &data) == .ignore)
        #expect(machine.receiveEndStream() == .ignore)
    }

    @Test("messages are delivered as they complete")
    func delivery() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100)
        var wire = Self.framed([1, 2, 3])
        wire.writeImmutableBuffer(Self.framed([4]))
        var first = wire.readSlice(length: 6)!
        #expect(machine.receive(data: &first) == .deliver([]))
        #expect(machine.receive(data: &wire) == .deliver([
            ReceivedBytes(bytes: [1, 2, 3], wasCompressed: false), ReceivedBytes(bytes: [4], wasCompressed: false),
        ]))
        #expect(machine.receiveEndStream() == .finishInbound)
        #expect(machine.receiveEndStream() == .ignore)
    }

    @Test("END_STREAM in the middle of a message fails the call")
    func truncated() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100)
        var partial = ByteBuffer(bytes: [0, 0, 0, 0, 9, 1])
        #expect(machine.receive(data: &partial) == .deliver([]))
        guard case .fail(let status) = machine.receiveEndStream() else {
            Issue.record("expected a failure")
            return
        }
        #expect(status.code == .internalError)
    }

    @Test("an oversize message fails with RESOURCE_EXHAUSTED")
    func oversize() {
        var machine = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 4)
        var data = Self.framed([1, 2, 3, 4, 5])
        guard case .fail(let status) = machine.receive(data: &data) else {
            Issue.record("expected a failure")
            return
        }
        #expect(status.code == .resourceExhausted)
    }

    @Test("a compressed message without grpc-encoding is INTERNAL; with gzip it is decompressed")
    func compression() {
        var plain = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100)
        var data = Self.framed(Gzip.compress([1, 2]), compressed: true)
        guard case .fail(let status) = plain.receive(data: &data) else {
            Issue.record("expected a failure")
            return
        }
        #expect(status.code == .internalError)

        var gzip = ServerStreamStateMachine(requestCompressed: true, maxMessageSize: 100)
        var compressed = Self.framed(Gzip.compress([1, 2]), compressed: true)
        #expect(gzip.receive(data: &compressed) == .deliver([ReceivedBytes(bytes: [1, 2], wasCompressed: true)]))
    }

    @Test("a peer reset cancels the handler unless the status was already sent")
    func reset() {
        var open = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100)
        #expect(open.streamClosed() == .cancelHandler)
        #expect(open.sendStatus() == .drop)

        var done = ServerStreamStateMachine(requestCompressed: false, maxMessageSize: 100, requestClosed: true)
        _ = done.sendStatus()
        #expect(done.streamClosed() == .none)
    }
}

@Suite("Client stream state machine")
struct ClientStreamStateMachineTests {
    typealias Machine = ClientStreamStateMachine

    static func headers(_ status: String = "200", contentType: String = "application/grpc") -> Machine.HeaderBlock {
        Machine.HeaderBlock(httpStatus: status, contentType: contentType)
    }

    @Test("headers, messages, trailers")
    func normal() {
        var machine = Machine(maxMessageSize: 100)
        var headers = Self.headers()
        headers.metadata.addString("v", forKey: "k")
        #expect(machine.receiveHeaders(headers, endStream: false) == .deliverMetadata(["k": .string("v")]))
        var data = ServerStreamStateMachineTests.framed([7])
        #expect(machine.receive(data: &data) == .deliverMessages([ReceivedBytes(bytes: [7], wasCompressed: false)]))
        let trailers = Machine.HeaderBlock(grpcStatus: "0")
        #expect(machine.receiveHeaders(trailers, endStream: true) == .finish(Status(code: .ok), [:], reset: false))
        #expect(machine.streamClosed(errorCode: 0) == .none)
    }

    @Test("Trailers-Only carries the status")
    func trailersOnly() {
        var machine = Machine(maxMessageSize: 100)
        var block = Self.headers()
        block.grpcStatus = "12"
        block.grpcMessage = "Method not found"
        #expect(machine.receiveHeaders(block, endStream: true) == .finish(Status(code: .unimplemented, message: "Method not found"), [:], reset: false))
    }

    @Test("HTTP statuses map to gRPC codes", arguments: [
        ("400", Status.Code.internalError), ("401", .unauthenticated), ("403", .permissionDenied), ("404", .unimplemented),
        ("429", .unavailable), ("502", .unavailable), ("503", .unavailable), ("504", .unavailable), ("500", .unknown),
    ])
    func httpStatus(http: String, code: Status.Code) {
        var machine = Machine(maxMessageSize: 100)
        guard case .finish(let status, _, _) = machine.receiveHeaders(Self.headers(http), endStream: true) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(status.code == code)
    }

    @Test("a non-gRPC content type is UNKNOWN")
    func contentType() {
        var machine = Machine(maxMessageSize: 100)
        guard case .finish(let status, _, let reset) = machine.receiveHeaders(Self.headers(contentType: "text/html"), endStream: false) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(status.code == .unknown)
        #expect(reset)
    }

    @Test("RST_STREAM codes map to statuses", arguments: [
        (UInt32(0x0), Status.Code.internalError), (0x2, .internalError), (0x7, .unavailable), (0x8, .cancelled),
        (0xb, .resourceExhausted), (0xc, .permissionDenied),
    ])
    func resetCodes(code: UInt32, expected: Status.Code) {
        var machine = Machine(maxMessageSize: 100)
        guard case .finish(let status, _, let reset) = machine.streamClosed(errorCode: code) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(status.code == expected)
        #expect(!reset)
    }

    @Test("trailers without grpc-status, or in the middle of a message, are INTERNAL")
    func badTrailers() {
        var machine = Machine(maxMessageSize: 100)
        _ = machine.receiveHeaders(Self.headers(), endStream: false)
        var partial = ByteBuffer(bytes: [0, 0, 0, 0, 3, 1])
        #expect(machine.receive(data: &partial) == .deliverMessages([]))
        guard case .finish(let status, _, _) = machine.receiveHeaders(Machine.HeaderBlock(grpcStatus: "0"), endStream: true) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(status.code == .internalError)

        var noStatus = Machine(maxMessageSize: 100)
        _ = noStatus.receiveHeaders(Self.headers(), endStream: false)
        guard case .finish(let missing, _, _) = noStatus.receiveHeaders(Machine.HeaderBlock(), endStream: true) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(missing.code == .internalError)
    }

    @Test("an oversize response message is RESOURCE_EXHAUSTED and resets the stream")
    func oversize() {
        var machine = Machine(maxMessageSize: 2)
        _ = machine.receiveHeaders(Self.headers(), endStream: false)
        var data = ServerStreamStateMachineTests.framed([1, 2, 3])
        guard case .finish(let status, _, let reset) = machine.receive(data: &data) else {
            Issue.record("expected the call to end")
            return
        }
        #expect(status.code == .resourceExhausted)
        #expect(reset)
    }

    @Test("abort (cancel or deadline) ends the call once")
    func abort() {
        var machine = Machine(maxMessageSize: 100)
        #expect(machine.abort(Status(code: .deadlineExceeded), reset: true) == .finish(Status(code: .deadlineExceeded), [:], reset: true))
        #expect(machine.abort(Status(code: .cancelled), reset: true) == .none)
        var data = ServerStreamStateMachineTests.framed([1])
        #expect(machine.receive(data: &data) == .none)
    }
}
