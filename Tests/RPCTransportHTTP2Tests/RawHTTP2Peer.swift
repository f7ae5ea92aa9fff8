import NIOCore
import NIOPosix

/// A bare HTTP/2 peer for connection-level tests: sends the client preface and raw frames, records every byte the
/// server sends, and reports when the server closes the connection. It never answers PINGs.
final class RawHTTP2Peer: @unchecked Sendable {
    private final class Recorder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var received: [UInt8] = []
        let closed: EventLoopPromise<Void>

        init(closed: EventLoopPromise<Void>) { self.closed = closed }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = self.unwrapInboundIn(data)
            self.received.append(contentsOf: buffer.readableBytesView)
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.closed.succeed(())
        }
    }

    private let channel: any Channel
    private let recorder: Recorder

    private init(channel: any Channel, recorder: Recorder) {
        self.channel = channel
        self.recorder = recorder
    }

    /// Connects and sends the connection preface with an empty SETTINGS frame.
    static func connect(port: Int) async throws -> RawHTTP2Peer {
        let group = MultiThreadedEventLoopGroup.singleton
        let loop = group.next()
        let recorder = Recorder(closed: loop.makePromise())
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(recorder) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let peer = RawHTTP2Peer(channel: channel, recorder: recorder)
        // The server may already have closed an idle connection on a slow machine: what it sent is still recorded.
        try? await peer.send(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + Self.frame(type: 0x4, flags: 0, stream: 0, payload: []))
        return peer
    }

    static func frame(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8]) -> [UInt8] {
        let length = payload.count
        return [UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff), type, flags,
                UInt8(stream >> 24 & 0x7f), UInt8(stream >> 16 & 0xff), UInt8(stream >> 8 & 0xff), UInt8(stream & 0xff)]
            + payload
    }

    func send(_ bytes: [UInt8]) async throws {
        try await self.channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    /// Sends a PING (not an ACK).
    func sendPing() async throws {
        try await self.send(Self.frame(type: 0x6, flags: 0, stream: 0, payload: [1, 2, 3, 4, 5, 6, 7, 8]))
    }

    /// Waits until the server closes the connection; false if it is still open after `timeout`.
    func waitForClose(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !self.channel.isActive { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return !self.channel.isActive
    }

    /// The frames received so far: (type, flags, stream, payload).
    func frames() async throws -> [(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8])] {
        let bytes = try await self.channel.eventLoop.submit { self.recorder.received }.get()
        var frames: [(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8])] = []
        var index = 0
        while index + 9 <= bytes.count {
            let length = Int(bytes[index]) << 16 | Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            guard index + 9 + length <= bytes.count else { break }
            let stream = UInt32(bytes[index + 5] & 0x7f) << 24 | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 8
                | UInt32(bytes[index + 8])
            frames.append((bytes[index + 3], bytes[index + 4], stream, Array(bytes[(index + 9)..<(index + 9 + length)])))
            index += 9 + length
        }
        return frames
    }

    /// The error code of the first GOAWAY received, and its debug data.
    func goAway() async throws -> (errorCode: UInt32, debug: String)? {
        guard let frame = try await self.frames().first(where: { $0.type == 0x7 }), frame.payload.count >= 8 else { return nil }
        let code = frame.payload[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (code, String(decoding: frame.payload[8...], as: UTF8.self))
    }

    func close() {
        self.channel.close(promise: nil)
    }
}
