public import DomainModel
public import RPCCore

/// The one error shape of the submission service: a code that maps to a gRPC status, a message (which starts with the
/// offending field for invalid arguments), and the underlying cause.
public struct SubmissionError: Error, Sendable, CustomStringConvertible, RPCErrorConvertible {
    /// The kind of failure. Extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidArgument, notFound, alreadyExists, aborted, failedPrecondition, unavailable, internalError
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The request is malformed or breaks a rule (`INVALID_ARGUMENT`).
        public static let invalidArgument = Code(.invalidArgument)
        /// The dossier does not exist, or the citizen's ID number does not match (`NOT_FOUND`).
        public static let notFound = Code(.notFound)
        /// A retry key was reused with different content (`ALREADY_EXISTS`).
        public static let alreadyExists = Code(.alreadyExists)
        /// The dossier changed since the caller's `expected_version` (`ABORTED`).
        public static let aborted = Code(.aborted)
        /// The workflow does not allow the step, or the data cannot answer (`FAILED_PRECONDITION`).
        public static let failedPrecondition = Code(.failedPrecondition)
        /// The catalog or the database cannot be reached (`UNAVAILABLE`); nothing was written.
        public static let unavailable = Code(.unavailable)
        /// A bug or a broken database (`INTERNAL`).
        public static let `internal` = Code(.internalError)

        public var status: Status.Code {
            switch self.base {
            case .invalidArgument: .invalidArgument
            case .notFound: .notFound
            case .alreadyExists: .alreadyExists
            case .aborted: .aborted
            case .failedPrecondition: .failedPrecondition
            case .unavailable: .unavailable
            case .internalError: .internalError
            }
        }

        public var description: String { "\(self.status)" }
    }

    public var code: Code
    public var message: String
    /// The underlying error, if any. Never sent to callers.
    public var cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The error of a domain rule.
    public init(_ error: DomainError) {
        let code: Code
        switch error.code {
        case .invalidArgument: code = .invalidArgument
        case .notFound: code = .notFound
        case .failedPrecondition: code = .failedPrecondition
        default: code = .internal
        }
        self.init(code: code, message: error.message, cause: error)
    }

    /// Maps any error: ``SubmissionError`` passes through, ``DomainError`` maps by code, ``RPCError`` keeps its
    /// status when it is one of ours, anything else is ``Code/internal``.
    public init(mapping error: any Error) {
        switch error {
        case let error as SubmissionError: self = error
        case let error as DomainError: self.init(error)
        default: self.init(code: .internal, message: "internal error: \(type(of: error))", cause: error)
        }
    }

    public static func invalid(field: String, _ reason: String) -> SubmissionError {
        SubmissionError(code: .invalidArgument, message: "\(field): \(reason)")
    }

    public static func notFound(_ message: String) -> SubmissionError { SubmissionError(code: .notFound, message: message) }

    public static func unavailable(_ message: String, cause: (any Error)? = nil) -> SubmissionError {
        SubmissionError(code: .unavailable, message: message, cause: cause)
    }

    public var rpcErrorCode: Status.Code { self.code.status }
    public var rpcErrorMessage: String { self.message }

    public var description: String {
        var text = "\(self.code): \(self.message)"
        if let cause = self.cause { text += " (cause: \(cause))" }
        return text
    }
}
