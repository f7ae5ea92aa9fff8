/// A message that can cross the wire: encoded to and decoded from protobuf bytes.
///
/// The protobuf-c codec (`RPCProtobuf`) makes every generated message conform. The core never looks inside.
public protocol RPCMessage: Sendable {
    /// The empty message (all fields at their defaults).
    init()

    /// Decodes a message from its protobuf encoding.
    ///
    /// - Throws: ``RPCError`` with `INTERNAL` for malformed, truncated or too deeply nested input,
    ///   or for strings that are not valid UTF-8.
    init(serializedBytes bytes: [UInt8]) throws(RPCError)

    /// Encodes the message.
    func serializedBytes() -> [UInt8]
}
