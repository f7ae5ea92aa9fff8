public import RPCCore

/// A message type generated from a `.proto` file by `proto/generate.sh`.
///
/// Generated messages are plain Swift values: every field is a `var` with its proto3 default
/// (`0`, `""`, `[]`, `[:]`, enum value 0), and message-typed fields are optionals where `nil`
/// means "absent". Encoding and decoding go through libprotobuf-c (see ``RPCMessage``).
public protocol ProtobufMessage: RPCMessage, Hashable {
    /// The fully-qualified protobuf name, e.g. `grpc.testing.SimpleRequest`.
    static var protoMessageName: String { get }
}

extension ProtobufMessage {
    /// Creates a message and lets `configure` set its fields.
    ///
    /// ```swift
    /// let request = Grpc_Testing_SimpleRequest.with {
    ///     $0.responseSize = 314_159
    ///     $0.payload = .with { $0.body = [UInt8](repeating: 0, count: 271_828) }
    /// }
    /// ```
    public static func with(_ configure: (inout Self) throws -> Void) rethrows -> Self {
        var message = Self()
        try configure(&message)
        return message
    }
}
