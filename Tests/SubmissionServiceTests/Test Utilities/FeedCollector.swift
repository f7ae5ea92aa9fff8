import DomainModel
import SubmissionService
import Synchronization

struct FeedTimeout: Error {}

/// Collects a feed until it has `count` events (or times out), then stops it.
final class FeedCollector: Sendable {
    private let state = Mutex<(started: SubmissionEngine.FeedMessage?, events: [DossierEvent])>((nil, []))
    let count: Int

    init(count: Int) { self.count = count }

    var started: SubmissionEngine.FeedMessage? { self.state.withLock { $0.started } }
    var events: [DossierEvent] { self.state.withLock { $0.events } }

    /// Receives one message; throws `CancellationError` (which ends the feed) once enough events arrived.
    func receive(_ message: SubmissionEngine.FeedMessage) throws {
        let done = self.state.withLock { state -> Bool in
            switch message {
            case .started: state.started = message
            case .event(let event): state.events.append(event)
            }
            return state.events.count >= self.count
        }
        if done { throw CancellationError() }
    }
}

/// Follows the feed after `after` until `count` events arrived; `whileFollowing` runs once the feed has started.
func collectFeed(
    _ engine: SubmissionEngine, after: Int64, count: Int, timeout: Duration = .seconds(30),
    whileFollowing: @escaping @Sendable () async throws -> Void = {}
) async throws -> FeedCollector {
    let collector = FeedCollector(count: count)
    try await withThrowingTaskGroup(of: Bool.self) { group in
        group.addTask {
            if count == 0 { return true }
            try await engine.streamEvents(after: after) { message in try collector.receive(message) }
            return true
        }
        group.addTask {
            while collector.started == nil { try await Task.sleep(for: .milliseconds(5)) }
            try await whileFollowing()
            return false
        }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw FeedTimeout()
        }
        while let finishedFeed = try await group.next() {
            if finishedFeed { break }
        }
        group.cancelAll()
    }
    return collector
}
