public import DomainModel
internal import Foundation
public import Logging
public import RPCCore
internal import RPCProtobuf
public import ServiceLifecycle

/// Follows `SubmissionService.StreamEvents` from the durable cursor and applies the events in batches
/// (``StatisticsIngest``), each batch in one transaction with its cursor, so every event counts exactly once across
/// crashes and restarts.
///
/// - A sequence that does not continue the cursor (a gap, or an event seen before) is refused: nothing after it is
///   applied, the state is `gap_detected`, and the consumer reconnects from its cursor after a backoff.
/// - `started.reset_required` (the feed is behind the cursor, e.g. the submission database was restored) makes it
///   forget everything and rebuild from sequence 0.
/// - Connection failures and the end of the stream (the submission service restarting) are retried with
///   exponential backoff (with jitter), reset once events flow again.
///
/// A ServiceLifecycle `Service`: it runs until graceful shutdown or cancellation, waiting first for `gate` (the
/// index loaded).
public struct FeedConsumer: Service {
    public struct Config: Sendable {
        /// Most events applied in one transaction. While catching up, batches are this large (fewer, larger
        /// transactions: each counter row and dossier touched once per batch); when the feed is live, a batch is
        /// whatever arrived while the previous one was being committed.
        public var batchSize = 32_768
        /// Most events read ahead of the applier.
        public var bufferCapacity = 65_536
        public var initialBackoff: Duration = .milliseconds(200)
        public var maxBackoff: Duration = .seconds(10)

        public init() {}
    }

    let client: RPCClient
    let ingest: StatisticsIngest
    let status: FeedStatusTracker
    let gate: StartupGate
    let config: Config
    let clock: @Sendable () -> UnixInstant
    let logger: Logger

    public init(
        client: RPCClient, ingest: StatisticsIngest, status: FeedStatusTracker, gate: StartupGate = StartupGate(open: true),
        config: Config = Config(), clock: @escaping @Sendable () -> UnixInstant = StatisticsService.systemClock,
        logger: Logger = Logger(label: "motcua.statistics.feed")
    ) {
        self.client = client
        self.ingest = ingest
        self.status = status
        self.gate = gate
        self.config = config
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await self.gate.wait()
            await self.follow()
        }
        self.status.set(.stopped)
    }

    /// Connects, applies, reconnects, until cancelled.
    func follow() async {
        var backoff = self.config.initialBackoff
        while !Task.isCancelled {
            self.status.set(.connecting)
            let appliedBefore = self.status.snapshot.eventsApplied
            do {
                try await self.followOnce()
                self.logger.notice("the feed ended; reconnecting", metadata: ["cursor": "\(self.ingest.index.cursor)"])
                self.status.failed(.backingOff, "the feed ended (the submission service stopped)")
            } catch let error as StatisticsError where error.code == .sequenceGap {
                self.logger.error("refusing a sequence gap", metadata: ["error": "\(error.message)", "cursor": "\(self.ingest.index.cursor)"])
                self.status.failed(.gapDetected, error.message)
            } catch {
                if Task.isCancelled { break }
                self.logger.warning("feed failure; will reconnect", metadata: ["error": "\(error)", "cursor": "\(self.ingest.index.cursor)"])
                self.status.failed(.backingOff, "\(error)")
            }
            if self.status.snapshot.eventsApplied > appliedBefore { backoff = self.config.initialBackoff }
            do {
                try await Task.sleep(for: backoff * Double.random(in: 0.8...1.2))
            } catch {
                break
            }
            backoff = min(backoff * 2, self.config.maxBackoff)
        }
    }

    /// One connection: reads the stream into a buffer while batches are applied from it, until the stream ends or
    /// fails.
    func followOnce() async throws {
        let cursor = try await self.ingest.store.cursor()
        self.status.resumed(from: cursor)
        var message = Motcua_Submission_V1_StreamEventsRequest()
        message.afterSequence = cursor
        let request = ClientRequest(message: message)
        let buffer = EventBuffer<Motcua_Submission_V1_StreamEventsResponse>(capacity: self.config.bufferCapacity)
        let client = self.client
        let applier = Applier(consumer: self, expected: cursor + 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await client.serverStreaming(
                        Motcua_Submission_V1_SubmissionService.StreamEvents.descriptor, request: request
                    ) { (response: StreamingClientResponse<Motcua_Submission_V1_StreamEventsResponse>) in
                        for try await message in response.messages { try await buffer.push(message) }
                    }
                    buffer.finish()
                } catch {
                    buffer.finish(throwing: error)
                }
            }
            group.addTask {
                var applier = applier
                while let messages = try await buffer.take(limit: self.config.batchSize) {
                    try await applier.handle(messages)
                }
            }
            do {
                // Not waitForAll(): it would wait for the reader (blocked on a live stream) before reporting an
                // applier's failure.
                while try await group.next() != nil {}
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Applies the messages of one connection in order.
    struct Applier {
        let consumer: FeedConsumer
        /// The sequence the next event must have.
        var expected: Int64
        var started = false

        init(consumer: FeedConsumer, expected: Int64) {
            self.consumer = consumer
            self.expected = expected
        }

        mutating func handle(_ messages: [Motcua_Submission_V1_StreamEventsResponse]) async throws {
            var events: [FeedEvent] = []
            events.reserveCapacity(messages.count)
            for message in messages {
                switch message.message {
                case .started(let started)?:
                    try await self.flush(&events)
                    try await self.start(started)
                case .event(let event)?:
                    guard self.started else {
                        throw StatisticsError(code: .sequenceGap, message: "the feed sent event \(event.sequence) before `started`")
                    }
                    guard event.sequence == self.expected else {
                        try await self.flush(&events)
                        throw StatisticsError(
                            code: .sequenceGap,
                            message: event.sequence > self.expected
                                ? "sequence gap: expected \(self.expected), got \(event.sequence)"
                                : "sequence repeated: expected \(self.expected), got \(event.sequence) again")
                    }
                    events.append(try FeedEvent(event))
                    self.expected += 1
                case nil:
                    continue
                }
            }
            try await self.flush(&events)
        }

        private mutating func start(_ started: Motcua_Submission_V1_StreamStarted) async throws {
            if started.resetRequired {
                self.consumer.logger.warning(
                    "the feed is behind the cursor (reset required): rebuilding from sequence 0",
                    metadata: ["cursor": "\(self.expected - 1)", "feed_head": "\(started.currentSequence)"])
                self.consumer.status.set(.rebuilding)
                try await self.consumer.ingest.reset()
                self.expected = 1
                self.consumer.status.resumed(from: 0)
            }
            self.started = true
            self.consumer.status.connected(head: started.currentSequence)
            self.consumer.logger.info(
                "following the feed", metadata: ["after": "\(self.expected - 1)", "feed_head": "\(started.currentSequence)"])
        }

        private mutating func flush(_ events: inout [FeedEvent]) async throws {
            guard !events.isEmpty else { return }
            let batch = try await self.consumer.ingest.apply(events)
            self.consumer.status.applied(events: batch.events, cursor: batch.cursor, at: self.consumer.clock())
            if self.consumer.status.snapshot.state != .following { self.consumer.status.set(.following) }
            self.consumer.logger.debug("applied", metadata: ["events": "\(batch.events)", "cursor": "\(batch.cursor)"])
            events.removeAll(keepingCapacity: true)
        }
    }
}
