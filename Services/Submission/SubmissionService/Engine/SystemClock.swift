public import DomainModel
internal import Foundation

/// The system's clock.
public enum SystemClock {
    /// The current instant.
    @Sendable
    public static func now() -> UnixInstant {
        let interval = Date().timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return UnixInstant(seconds: Int64(seconds), nanoseconds: Int32(min(999_999_999, (interval - seconds) * 1e9))) ?? UnixInstant(seconds: 0)!
    }
}
