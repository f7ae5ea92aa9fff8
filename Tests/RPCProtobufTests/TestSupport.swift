internal import RPCCore
internal import RPCProtobuf
internal import Testing

/// Decodes `bytes` as `Message` and records an issue unless it fails with `INTERNAL` and a message
/// that contains every fragment.
func expectInternalError<Message: ProtobufMessage>(
    _ type: Message.Type,
    decoding bytes: [UInt8],
    messageContains fragments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let decoded = try Message(serializedBytes: bytes)
        Issue.record("expected INTERNAL, decoded \(decoded)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.code == .internalError, "\(error)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                error.message.contains(fragment),
                "'\(error.message)' lacks '\(fragment)'",
                sourceLocation: sourceLocation
            )
        }
    }
}

/// Encodes a message and decodes the result.
func roundTrip<Message: ProtobufMessage>(_ message: Message) throws(RPCError) -> Message {
    try Message(serializedBytes: message.serializedBytes())
}

/// The wire encoding of a varint.
func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
        value >>= 7
    }
    bytes.append(UInt8(value))
    return bytes
}

/// The wire encoding of a length-delimited field.
func lengthDelimited(field: UInt64, _ payload: [UInt8]) -> [UInt8] {
    varint(field << 3 | 2) + varint(UInt64(payload.count)) + payload
}

/// A chain of `motcua.testing.v1.Node` messages nested `depth` levels deep (field 1 = child),
/// built directly on the wire from the inside out.
func nestedNodeBytes(depth: Int) -> [UInt8] {
    // innerLengths[k] is the encoded size of the node k levels above the innermost (empty) one.
    var innerLengths = [0]
    for level in 0..<depth {
        innerLengths.append(1 + varint(UInt64(innerLengths[level])).count + innerLengths[level])
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(innerLengths[depth])
    for level in stride(from: depth - 1, through: 0, by: -1) {
        bytes.append(0x0A)
        bytes += varint(UInt64(innerLengths[level]))
    }
    return bytes
}
