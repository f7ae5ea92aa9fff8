/// Names one RPC method: the fully-qualified service (`package.Service`) and the method name.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The fully-qualified service name, e.g. `grpc.testing.TestService`.
    public let service: String
    /// The method name, e.g. `UnaryCall`.
    public let method: String
    /// The HTTP/2 `:path`, e.g. `/grpc.testing.TestService/UnaryCall`.
    public let path: String

    public init(service: String, method: String) {
        self.service = service
        self.method = method
        self.path = "/\(service)/\(method)"
    }

    /// Parses a `:path` of the form `/service/method`; nil if it has another shape.
    public init?(path: String) {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty,
            let service = String(parts[1]), let method = String(parts[2])
        else { return nil }
        self.service = service
        self.method = method
        self.path = path
    }

    public var description: String { self.path }
}

/// The four kinds of RPC.
public enum RPCKind: Sendable, Hashable {
    case unary
    case clientStreaming
    case serverStreaming
    case bidirectionalStreaming
}
