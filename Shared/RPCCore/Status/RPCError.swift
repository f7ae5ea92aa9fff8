/// An error representing the outcome of an RPC.
///
/// Handlers throw it to end a call with a status; clients receive it when a call does not end with `OK`.
/// See also ``Status``.
public struct RPCError: Error, Sendable, CustomStringConvertible {
    public var code: Status.Code
    public var message: String
    /// Trailing metadata sent with (or received with) the status.
    public var metadata: Metadata
    /// The underlying error, if any. Never sent over the wire.
    public var cause: (any Error)?

    public init(code: Status.Code, message: String, metadata: Metadata = [:], cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.metadata = metadata
        self.cause = cause
    }

    /// Creates an error from a non-OK status.
    public init(status: Status, metadata: Metadata = [:]) {
        self.init(code: status.code, message: status.message, metadata: metadata)
    }

    public var status: Status { Status(code: self.code, message: self.message) }

    public var description: String {
        var text = "\(self.code): \(self.message)"
        if let cause = self.cause { text += " (cause: \(cause))" }
        return text
    }
}

/// A domain error that knows which gRPC status it maps to.
///
/// Throwing a conforming error from a handler ends the call with that status instead of `UNKNOWN`.
public protocol RPCErrorConvertible: Error {
    var rpcErrorCode: Status.Code { get }
    var rpcErrorMessage: String { get }
    var rpcErrorMetadata: Metadata { get }
}

extension RPCErrorConvertible {
    public var rpcErrorMetadata: Metadata { [:] }
}

extension RPCError {
    /// Maps any error thrown by a handler to the error sent to the caller.
    ///
    /// ``RPCError`` passes through, ``RPCErrorConvertible`` errors map to their status, cancellation maps to
    /// `CANCELLED`, and anything else becomes `UNKNOWN` (the message names the error type only, not its content).
    public init(mapping error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self.init(code: error.rpcErrorCode, message: error.rpcErrorMessage, metadata: error.rpcErrorMetadata, cause: error)
        case is CancellationError:
            self.init(code: .cancelled, message: "the call was cancelled", cause: error)
        default:
            self.init(code: .unknown, message: "handler failed: \(type(of: error))", cause: error)
        }
    }
}
