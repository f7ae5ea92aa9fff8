/// The outcome of an RPC: a code and a human-readable message.
///
/// Codes follow the gRPC status code catalogue (`doc/statuscodes.md`).
public struct Status: Sendable, Hashable, CustomStringConvertible {
    /// A gRPC status code. Extensible: unknown numeric values are kept as they are.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The numeric value carried in `grpc-status`.
        public let rawValue: Int

        /// Creates a code from its numeric value; values outside 0...16 become ``unknown``.
        public init(rawValue: Int) {
            self.rawValue = (0...16).contains(rawValue) ? rawValue : 2
        }

        public static let ok = Code(rawValue: 0)
        public static let cancelled = Code(rawValue: 1)
        public static let unknown = Code(rawValue: 2)
        public static let invalidArgument = Code(rawValue: 3)
        public static let deadlineExceeded = Code(rawValue: 4)
        public static let notFound = Code(rawValue: 5)
        public static let alreadyExists = Code(rawValue: 6)
        public static let permissionDenied = Code(rawValue: 7)
        public static let resourceExhausted = Code(rawValue: 8)
        public static let failedPrecondition = Code(rawValue: 9)
        public static let aborted = Code(rawValue: 10)
        public static let outOfRange = Code(rawValue: 11)
        public static let unimplemented = Code(rawValue: 12)
        public static let internalError = Code(rawValue: 13)
        public static let unavailable = Code(rawValue: 14)
        public static let dataLoss = Code(rawValue: 15)
        public static let unauthenticated = Code(rawValue: 16)

        private static let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
            "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        ]

        /// The canonical upper-case name, e.g. `NOT_FOUND`.
        public var description: String { Self.names[self.rawValue] }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    public static let ok = Status(code: .ok)

    /// Parses the value of a `grpc-status` header; anything that is not a decimal code is `UNKNOWN`.
    public init(grpcStatusValue: Substring, message: String) {
        if let value = Int(grpcStatusValue), value >= 0 {
            self.init(code: Code(rawValue: value), message: message)
        } else {
            self.init(code: .unknown, message: "invalid grpc-status '\(grpcStatusValue)': \(message)")
        }
    }

    public var description: String {
        self.message.isEmpty ? "\(self.code)" : "\(self.code): \(self.message)"
    }
}
