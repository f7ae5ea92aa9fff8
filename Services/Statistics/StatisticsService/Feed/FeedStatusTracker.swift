public import DomainModel
internal import Synchronization

/// Where the feed consumer stands, for GetFeedStatus and for logs.
public final class FeedStatusTracker: Sendable {
    /// The consumer's state (`motcua.statistics.v1.FeedState`).
    public enum State: String, Sendable {
        case connecting
        case following
        case backingOff = "backing_off"
        case gapDetected = "gap_detected"
        case rebuilding
        case stopped
    }

    /// A copy of the status.
    public struct Snapshot: Sendable {
        public var state: State
        public var appliedSequence: Int64
        public var headSequence: Int64
        public var submissionAddress: String
        public var eventsApplied: Int64
        public var connections: Int64
        public var lastError: String
        public var lastAppliedAt: UnixInstant?
    }

    private let status: Mutex<Snapshot>

    public init(submissionAddress: String) {
        self.status = Mutex(Snapshot(
            state: .connecting, appliedSequence: 0, headSequence: 0, submissionAddress: submissionAddress, eventsApplied: 0,
            connections: 0, lastError: "", lastAppliedAt: nil))
    }

    public var snapshot: Snapshot { self.status.withLock { $0 } }

    func set(_ state: State) {
        self.status.withLock { $0.state = state }
    }

    func connected(head: Int64) {
        self.status.withLock { status in
            status.state = .following
            status.connections += 1
            status.headSequence = max(status.headSequence, head)
        }
    }

    func applied(events: Int, cursor: Int64, at instant: UnixInstant) {
        self.status.withLock { status in
            status.eventsApplied += Int64(events)
            status.appliedSequence = cursor
            status.headSequence = max(status.headSequence, cursor)
            status.lastAppliedAt = instant
        }
    }

    func resumed(from cursor: Int64) {
        self.status.withLock { $0.appliedSequence = cursor }
    }

    func failed(_ state: State, _ message: String) {
        self.status.withLock { status in
            status.state = state
            status.lastError = message
        }
    }
}
