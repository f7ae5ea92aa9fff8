import NIOCore
import RPCCore
import Testing

@testable import RPCTransportHTTP2

@Suite("gRPC message framing")
struct FramingTests {
    static func framed(_ messages: [[UInt8]], compressed: Bool = false) -> [UInt8] {
        var buffer = ByteBuffer()
        for message in messages { GRPCMessageFramer.frame(message, compressed: compressed, into: &buffer) }
        return Array(buffer.readableBytesView)
    }

    @Test("messages split across chunks at every byte boundary are reassembled")
    func splitAtAnyByte() throws {
        let messages: [[UInt8]] = [[1, 2, 3], [], Array(repeating: 7, count: 300)]
        let wire = Self.framed(messages)
        for split in 0...wire.count {
            var deframer = GRPCMessageDeframer(maxMessageSize: 1 << 20)
            var decoded: [[UInt8]] = []
            for part in [wire[0..<split], wire[split...]] {
                var chunk = ByteBuffer(bytes: Array(part))
                deframer.append(&chunk)
                while let frame = try deframer.next() { decoded.append(Array(frame.bytes.readableBytesView)) }
            }
            #expect(decoded == messages, "split at \(split)")
            #expect(!deframer.hasPartialMessage)
        }
    }

    @Test("one byte at a time")
    func byteByByte() throws {
        let wire = Self.framed([[9, 8, 7, 6]])
        var deframer = GRPCMessageDeframer(maxMessageSize: 100)
        var frames: [GRPCMessageDeframer.Frame] = []
        for byte in wire {
            var chunk = ByteBuffer(bytes: [byte])
            deframer.append(&chunk)
            while let frame = try deframer.next() { frames.append(frame) }
        }
        #expect(frames.count == 1)
        #expect(Array(frames[0].bytes.readableBytesView) == [9, 8, 7, 6])
    }

    @Test("an oversize message is rejected from its prefix alone")
    func oversize() {
        var deframer = GRPCMessageDeframer(maxMessageSize: 10)
        var prefix = ByteBuffer(bytes: [0, 0, 0, 0, 11])
        deframer.append(&prefix)
        #expect(throws: RPCError.self) { try deframer.next() }
        do {
            _ = try deframer.next()
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test("a bad flag byte is INTERNAL")
    func badFlag() {
        var deframer = GRPCMessageDeframer(maxMessageSize: 10)
        var bytes = ByteBuffer(bytes: [2, 0, 0, 0, 0])
        deframer.append(&bytes)
        do {
            _ = try deframer.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .internalError)
        }
    }

    @Test("a truncated message is reported as partial")
    func truncated() throws {
        var deframer = GRPCMessageDeframer(maxMessageSize: 100)
        var bytes = ByteBuffer(bytes: [0, 0, 0, 0, 5, 1, 2])
        deframer.append(&bytes)
        #expect(try deframer.next() == nil)
        #expect(deframer.hasPartialMessage)
    }

    @Test("the compressed flag is carried")
    func compressedFlag() throws {
        var deframer = GRPCMessageDeframer(maxMessageSize: 100)
        var bytes = ByteBuffer(bytes: Self.framed([[1]], compressed: true))
        deframer.append(&bytes)
        #expect(try deframer.next()?.compressed == true)
    }
}

@Suite("grpc-timeout")
struct TimeoutTests {
    @Test("parses every unit", arguments: [
        ("1H", Duration.seconds(3600)), ("2M", .seconds(120)), ("3S", .seconds(3)), ("4m", .milliseconds(4)),
        ("5u", .microseconds(5)), ("6n", .nanoseconds(6)), ("99999999S", .seconds(99_999_999)),
    ])
    func parse(value: String, expected: Duration) {
        #expect(GRPCTimeout.parse(value) == expected)
    }

    @Test("rejects malformed values", arguments: ["", "S", "1", "123456789S", "1x", "-1S", "1.5S", " 1S"])
    func malformed(value: String) {
        #expect(GRPCTimeout.parse(value) == nil)
    }

    @Test("formats within 8 digits")
    func format() {
        #expect(GRPCTimeout.format(.milliseconds(1)) == "1000000n")
        #expect(GRPCTimeout.format(.seconds(30)) == "30000000u")
        #expect(GRPCTimeout.format(.seconds(3600)) == "3600000m")
        let parsed = GRPCTimeout.parse(GRPCTimeout.format(.seconds(1_000_000)))!
        #expect(parsed >= .seconds(1_000_000))
    }
}

@Suite("grpc-message percent-encoding")
struct PercentEncodingTests {
    @Test("special_status_message round-trips")
    func roundTrip() {
        let message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
        let encoded = PercentEncoding.encode(message)
        #expect(encoded.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
        #expect(PercentEncoding.decode(encoded) == message)
    }

    @Test("percent itself is encoded")
    func percent() {
        #expect(PercentEncoding.encode("100%") == "100%25")
    }

    @Test("decoding never fails")
    func lenient() {
        #expect(PercentEncoding.decode("%") == "%")
        #expect(PercentEncoding.decode("%zz") == "%zz")
        #expect(PercentEncoding.decode("%4") == "%4")
        #expect(PercentEncoding.decode("a%41") == "aA")
    }
}

@Suite("gzip")
struct GzipTests {
    @Test("round trip")
    func roundTrip() throws {
        let input = Array("hello hello hello hello".utf8) + [UInt8](repeating: 0, count: 10_000)
        let compressed = Gzip.compress(input)
        #expect(compressed.count < input.count)
        #expect(try Gzip.decompress(compressed, limit: 1 << 20) == input)
    }

    @Test("a decompression bomb stops at the limit")
    func bomb() {
        let compressed = Gzip.compress([UInt8](repeating: 0, count: 5 << 20))
        do {
            _ = try Gzip.decompress(compressed, limit: 1 << 20)
            Issue.record("expected RESOURCE_EXHAUSTED")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test("corrupt input is INTERNAL")
    func corrupt() {
        do {
            _ = try Gzip.decompress([1, 2, 3, 4, 5], limit: 100)
            Issue.record("expected INTERNAL")
        } catch {
            #expect(error.code == .internalError)
        }
    }
}
