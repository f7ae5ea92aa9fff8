/// A failure the CLI reports itself (not an RPC status): a bad argument, an unreadable file, a CSV
/// file with bad rows, rejected import rows.
public struct CLIError: Error, Sendable, CustomStringConvertible {
    /// How the failure is reported and which exit code it gives.
    public enum Kind: Sendable {
        /// A usage error (exit code 2): bad option values, missing arguments.
        case usage
        /// Any other failure (exit code 1).
        case failure
    }

    public var kind: Kind
    /// One line, without the `motcua: ` prefix.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A usage error (exit code 2).
    public static func usage(_ message: String) -> CLIError { CLIError(.usage, message) }

    /// A failure (exit code 1).
    public static func failure(_ message: String) -> CLIError { CLIError(.failure, message) }

    public var description: String { self.message }

    /// The process exit code.
    public var exitCode: Int32 { self.kind == .usage ? 2 : 1 }
}
