import Synchronization

/// A value behind a lock, shareable between tasks.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        self.mutex = Mutex(value)
    }

    func withLock<T: Sendable>(_ body: (inout sending Value) throws -> T) rethrows -> T {
        try self.mutex.withLock { try body(&$0) }
    }
}
