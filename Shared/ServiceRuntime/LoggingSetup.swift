public import Logging
internal import Synchronization

/// Process-wide logging: structured key=value lines on standard error, level from configuration.
public enum LoggingSetup {
    private static let bootstrapped = Mutex(false)

    /// Bootstraps swift-log once per process.
    public static func bootstrap(level: Logger.Level) {
        let first = self.bootstrapped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

extension Logger.Level {
    /// Parses `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }
}
