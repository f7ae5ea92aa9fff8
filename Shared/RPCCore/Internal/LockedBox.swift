import Synchronization

/// A mutable value guarded by a lock, shareable across tasks.
package final class LockedBox<Value: ~Copyable>: Sendable {
    private let mutex: Mutex<Value>

    package init(_ value: consuming sending Value) {
        self.mutex = Mutex(value)
    }

    package func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        try self.mutex.withLock(body)
    }
}
