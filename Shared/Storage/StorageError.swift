/// A failure of the storage layer, whatever the database engine.
///
/// Services map the code to a status: ``Code/unavailable`` → `UNAVAILABLE` (try again), ``Code/conflict`` →
/// `ABORTED` or `ALREADY_EXISTS`, the others → `INTERNAL`. The ``cause`` is for logs only.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. Extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case unavailable
            case conflict
            case corrupt
            case full
            case cannotOpen
            case `internal`
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Busy or locked; retrying later may succeed.
        public static let unavailable = Code(.unavailable)
        /// A constraint (unique key, foreign key, check) rejected the write.
        public static let conflict = Code(.conflict)
        /// The database file is damaged or not a database.
        public static let corrupt = Code(.corrupt)
        /// The disk or the database is full.
        public static let full = Code(.full)
        /// The database file or its folder cannot be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// Anything else: I/O errors, misuse, bugs.
        public static let `internal` = Code(.internal)

        public var description: String {
            switch self.base {
            case .unavailable: "unavailable"
            case .conflict: "conflict"
            case .corrupt: "corrupt"
            case .full: "full"
            case .cannotOpen: "cannot open"
            case .internal: "internal"
            }
        }
    }

    public var code: Code
    public var message: String
    /// The underlying error (never shown to callers).
    public var cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        var text = "storage \(self.code): \(self.message)"
        if let cause = self.cause { text += " (cause: \(cause))" }
        return text
    }
}
