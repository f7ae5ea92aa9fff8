/// The error every domain rule throws: a code that says what kind of failure it is, a message, and the
/// offending fields when the input was at fault.
///
/// Services map the code to their transport's status (`invalidArgument` → `INVALID_ARGUMENT`, and so on).
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure. Extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidArgument
            case notFound
            case failedPrecondition
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The input is malformed or breaks a rule; ``DomainError/violations`` names the fields.
        public static let invalidArgument = Code(.invalidArgument)
        /// Something the input refers to does not exist.
        public static let notFound = Code(.notFound)
        /// The input is fine but the current data cannot answer it (e.g. a year without holiday data).
        public static let failedPrecondition = Code(.failedPrecondition)

        public var description: String {
            switch self.base {
            case .invalidArgument: "invalid argument"
            case .notFound: "not found"
            case .failedPrecondition: "failed precondition"
            }
        }
    }

    public var code: Code
    public var message: String
    /// The offending fields (for ``Code/invalidArgument``), in input order.
    public var violations: [FieldViolation]

    public init(code: Code, message: String, violations: [FieldViolation] = []) {
        self.code = code
        self.message = message
        self.violations = violations
    }

    /// An ``Code/invalidArgument`` error listing the violations; the message joins them.
    public static func invalid(_ violations: [FieldViolation]) -> DomainError {
        DomainError(code: .invalidArgument, message: violations.map(\.description).joined(separator: "; "), violations: violations)
    }

    /// An ``Code/invalidArgument`` error for one field.
    public static func invalid(field: String, _ reason: String) -> DomainError {
        .invalid([FieldViolation(field: field, reason: reason)])
    }

    public static func notFound(_ message: String) -> DomainError {
        DomainError(code: .notFound, message: message)
    }

    public static func failedPrecondition(_ message: String) -> DomainError {
        DomainError(code: .failedPrecondition, message: message)
    }

    public var description: String { "\(self.code): \(self.message)" }
}
