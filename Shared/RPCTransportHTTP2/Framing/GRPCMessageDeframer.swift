public import NIOCore
public import RPCCore

/// Turns the DATA bytes of one stream into gRPC messages: 1 flag byte, 4 length bytes (big-endian), then the
/// message. DATA frame boundaries have no relation to message boundaries.
///
/// The length is checked against the limit as soon as the 5-byte prefix is complete, so an oversize message is
/// rejected before any of it is buffered.
public struct GRPCMessageDeframer {
    /// A complete message, still compressed if its flag says so.
    public struct Frame: Equatable {
        public var compressed: Bool
        public var bytes: ByteBuffer
    }

    private var buffer: ByteBuffer
    private let maxMessageSize: Int

    public init(maxMessageSize: Int) {
        self.maxMessageSize = maxMessageSize
        self.buffer = Self.empty
    }

    /// One shared empty buffer: most streams swap in their first DATA chunk without allocating.
    private static let empty = ByteBuffer()

    /// Bytes received but not yet part of a complete message.
    public var bufferedBytes: Int { self.buffer.readableBytes }

    /// Appends received bytes.
    public mutating func append(_ bytes: inout ByteBuffer) {
        if self.buffer.readableBytes == 0 {
            swap(&self.buffer, &bytes)
        } else {
            self.buffer.writeBuffer(&bytes)
        }
    }

    /// The next complete message, or nil if more bytes are needed.
    ///
    /// - Throws: ``RPCError`` `RESOURCE_EXHAUSTED` for a message over the limit, `INTERNAL` for a flag that is
    ///   neither 0 nor 1.
    public mutating func next() throws(RPCError) -> Frame? {
        guard self.buffer.readableBytes >= 5,
            let flag = self.buffer.getInteger(at: self.buffer.readerIndex, as: UInt8.self),
            let length = self.buffer.getInteger(at: self.buffer.readerIndex + 1, as: UInt32.self)
        else { return nil }
        guard flag <= 1 else {
            throw RPCError(code: .internalError, message: "invalid gRPC message flag \(flag) (expected 0 or 1)")
        }
        guard Int(length) <= self.maxMessageSize else {
            throw RPCError(
                code: .resourceExhausted,
                message: "received message of \(length) bytes exceeds the limit of \(self.maxMessageSize) bytes")
        }
        guard self.buffer.readableBytes >= 5 + Int(length) else { return nil }
        self.buffer.moveReaderIndex(forwardBy: 5)
        let bytes = self.buffer.readSlice(length: Int(length))!
        if self.buffer.readableBytes == 0 { self.buffer.clear() }
        return Frame(compressed: flag == 1, bytes: bytes)
    }

    /// Every complete message buffered so far, decompressed.
    ///
    /// - Parameter gzip: whether the stream declared `grpc-encoding: gzip` (a compressed message without it is an
    ///   error).
    /// - Throws: ``RPCError``: `RESOURCE_EXHAUSTED` over the limit (also after decompression), `INTERNAL` for a bad
    ///   flag, corrupt gzip, or a compressed message on a stream without an encoding.
    public mutating func messages(gzip: Bool) throws(RPCError) -> [ReceivedBytes] {
        var messages: [ReceivedBytes] = []
        while let frame = try self.next() {
            var payload = Array(frame.bytes.readableBytesView)
            if frame.compressed {
                guard gzip else {
                    throw RPCError(code: .internalError, message: "received a compressed message but the stream has no grpc-encoding")
                }
                payload = try Gzip.decompress(payload, limit: self.maxMessageSize)
            }
            messages.append(ReceivedBytes(bytes: payload, wasCompressed: frame.compressed))
        }
        return messages
    }

    /// Whether the stream ended in the middle of a message.
    public var hasPartialMessage: Bool { self.buffer.readableBytes > 0 }
}

/// Writes the 5-byte gRPC prefix and the message.
public enum GRPCMessageFramer {
    public static func frame(_ message: [UInt8], compressed: Bool, into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: message.count + 5)
        buffer.writeInteger(compressed ? 1 : 0, as: UInt8.self)
        buffer.writeInteger(UInt32(message.count), as: UInt32.self)
        buffer.writeBytes(message)
    }
}
