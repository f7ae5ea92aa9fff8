internal import Synchronization

/// Whether the catalog's data is loaded. Until it is, every RPC answers `UNAVAILABLE` (health says NOT_SERVING too),
/// so that no caller sees a half-seeded catalog.
public final class CatalogReadiness: Sendable {
    private let ready: Mutex<Bool>

    /// - Parameter ready: false for a server that still has to load its data (then call ``markReady()``).
    public init(ready: Bool) {
        self.ready = Mutex(ready)
    }

    public var isReady: Bool { self.ready.withLock { $0 } }

    public func markReady() {
        self.ready.withLock { $0 = true }
    }
}
