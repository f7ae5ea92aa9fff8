/// A type-erased, single-consumer asynchronous sequence of messages.
///
/// Iterating it twice is a programming error: both iterators pull from the same underlying stream.
public struct RPCAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error
    private let pull: @Sendable () async throws -> Element?

    public init(_ pull: @escaping @Sendable () async throws -> Element?) {
        self.pull = pull
    }

    /// An empty sequence.
    public static var empty: Self { Self { nil } }

    /// A sequence of the given elements.
    public static func elements(_ elements: [Element]) -> Self {
        let box = LockedBox(elements[...])
        return Self {
            box.withLock { remaining in remaining.popFirst() }
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let pull: @Sendable () async throws -> Element?
        public mutating func next() async throws -> Element? { try await self.pull() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pull: self.pull) }

    /// A sequence of transformed elements.
    public func mapElements<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) -> RPCAsyncSequence<T> {
        let pull = self.pull
        return RPCAsyncSequence<T> {
            guard let element = try await pull() else { return nil }
            return try transform(element)
        }
    }
}

/// Writes messages of one call.
public struct RPCWriter<Element: Sendable>: Sendable {
    private let writeElement: @Sendable (Element, Bool?) async throws -> Void

    /// - Parameter write: receives each element and the per-message compression choice (nil: the call's default).
    public init(_ write: @escaping @Sendable (Element, Bool?) async throws -> Void) {
        self.writeElement = write
    }

    /// Writes one message, suspending while the receiver is slow.
    public func write(_ element: Element) async throws {
        try await self.writeElement(element, nil)
    }

    /// Writes one message, choosing whether this message is compressed.
    public func write(_ element: Element, compressed: Bool) async throws {
        try await self.writeElement(element, compressed)
    }

    /// Writes each message in turn.
    public func write<S: Sequence>(contentsOf elements: S) async throws where S.Element == Element {
        for element in elements { try await self.write(element) }
    }
}
