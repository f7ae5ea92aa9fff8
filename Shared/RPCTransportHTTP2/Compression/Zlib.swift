internal import CZlib
public import RPCCore

/// gzip compression of single gRPC messages (each message is compressed on its own).
///
/// The only code that touches zlib.
public enum Gzip {
    /// Compresses one message.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard czlib_deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK else {
            fatalError("deflateInit2 failed: out of memory")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var input = input
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let rv = deflate(&stream, Z_FINISH)
                precondition(rv == Z_STREAM_END, "deflate with a deflateBound-sized buffer must finish")
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - written)
        return output
    }

    /// Decompresses one message, refusing to produce more than `limit` bytes.
    ///
    /// - Throws: ``RPCError`` `INTERNAL` for corrupt data, `RESOURCE_EXHAUSTED` when the output exceeds `limit`.
    public static func decompress(_ input: [UInt8], limit: Int) throws(RPCError) -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflateInit2(&stream, 15 + 32) == Z_OK else {  // +32: accept gzip or zlib headers
            throw RPCError(code: .internalError, message: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: min(max(input.count * 4, 4096), 1 << 20))
        var input = input
        var result: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    result = inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return }
                if result == Z_BUF_ERROR && stream.avail_in == 0 { return }
            } while result == Z_OK
        }
        if output.count > limit {
            throw RPCError(
                code: .resourceExhausted,
                message: "decompressed message exceeds the limit of \(limit) bytes")
        }
        guard result == Z_STREAM_END else {
            throw RPCError(code: .internalError, message: "failed to decompress a gzip message (zlib error \(result))")
        }
        return output
    }
}
