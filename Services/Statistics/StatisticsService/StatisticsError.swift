/// The error of the statistics service's own components (store, feed consumer, catalog directory): a code, a message
/// and the underlying cause (for logs only). Handlers map it to the status callers receive.
public struct StatisticsError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. Extensible without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case sequenceGap
            case unavailable
            case storage
            case invalidEvent
            case notFound
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The feed skipped a sequence (or repeated one): nothing is applied past the cursor.
        public static let sequenceGap = Code(.sequenceGap)
        /// A dependency (the catalog, the submission service) cannot be reached and nothing cached answers.
        public static let unavailable = Code(.unavailable)
        /// The database failed.
        public static let storage = Code(.storage)
        /// An event lacks what the statistics need (dossier code, receipt date).
        public static let invalidEvent = Code(.invalidEvent)
        /// A unit the catalog does not know.
        public static let notFound = Code(.notFound)

        public var description: String {
            switch self.base {
            case .sequenceGap: "sequence gap"
            case .unavailable: "unavailable"
            case .storage: "storage"
            case .invalidEvent: "invalid event"
            case .notFound: "not found"
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
        var text = "\(self.code): \(self.message)"
        if let cause = self.cause { text += " (cause: \(cause))" }
        return text
    }
}
