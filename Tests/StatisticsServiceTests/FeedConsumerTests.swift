import DomainModel
import RPCCore
import RPCProtobuf
import StatisticsService
import Testing

@Suite("Feed consumer over HTTP/2: catch-up, live follow, reconnects, gaps, restarts, reset")
struct FeedConsumerTests {
    static var config: FeedConsumer.Config {
        var config = FeedConsumer.Config()
        config.batchSize = 7
        config.bufferCapacity = 16
        config.initialBackoff = .milliseconds(20)
        config.maxBackoff = .milliseconds(200)
        return config
    }

    /// Runs a consumer of `client` into `ingest` while `body` runs, then stops it.
    static func withConsumer(
        client: RPCClient, ingest: StatisticsIngest, status: FeedStatusTracker = FeedStatusTracker(submissionAddress: "fake"),
        _ body: @Sendable (FeedStatusTracker) async throws -> Void
    ) async throws {
        let consumer = FeedConsumer(client: client, ingest: ingest, status: status, config: Self.config)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await consumer.run() }
            try await body(status)
            group.cancelAll()
            try await group.waitForAll()
        }
    }

    static func report(_ ingest: StatisticsIngest) -> ReportCounts {
        StatisticsStoreTests.report(ingest.index)
    }

    static func waitForCursor(_ ingest: StatisticsIngest, _ cursor: Int64) async throws {
        try await StatisticsServiceIndexTests.waitUntil { ingest.index.cursor == cursor }
        #expect(ingest.index.cursor == cursor)
    }

    @Test("catches up with the feed, then follows new events live")
    func catchUpAndFollow() async throws {
        let events = StatisticsStoreTests.allEvents()
        let feed = FakeSubmissionFeed()
        feed.append(Array(events[..<30]))
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await withFeedServer(feed) { client in
            try await Self.withConsumer(client: client, ingest: ingest) { status in
                try await Self.waitForCursor(ingest, 30)
                feed.append(Array(events[30...]))
                try await Self.waitForCursor(ingest, Int64(events.count))
                #expect(status.snapshot.state == .following)
                #expect(status.snapshot.eventsApplied == Int64(events.count))
                #expect(status.snapshot.headSequence == Int64(events.count))
            }
        }
        #expect(Self.report(ingest) == CommuneScenario.expected)
    }

    @Test("the stream ending mid-way (submission-server stopping) is resumed from the cursor: same numbers")
    func streamEndsAndResumes() async throws {
        let events = StatisticsStoreTests.allEvents()
        let feed = FakeSubmissionFeed()
        feed.append(events)
        feed.configure { $0.endAfterEvents = 9 }
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await withFeedServer(feed) { client in
            try await Self.withConsumer(client: client, ingest: ingest) { status in
                try await Self.waitForCursor(ingest, Int64(events.count))
                #expect(status.snapshot.connections >= Int64((events.count + 8) / 9))
            }
        }
        #expect(feed.streamsOpened >= (events.count + 8) / 9)
        #expect(Self.report(ingest) == CommuneScenario.expected)
        #expect(try await ingest.store.cursor() == Int64(events.count))
    }

    @Test("a sequence gap is refused: nothing past it is applied until the feed delivers the missing event")
    func gap() async throws {
        let events = StatisticsStoreTests.allEvents()
        let feed = FakeSubmissionFeed()
        feed.append(events)
        feed.configure { $0.skipped = [12] }
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await withFeedServer(feed) { client in
            try await Self.withConsumer(client: client, ingest: ingest) { status in
                try await StatisticsServiceIndexTests.waitUntil { status.snapshot.state == .gapDetected }
                #expect(status.snapshot.lastError.contains("expected 12, got 13"))
                try await Task.sleep(for: .milliseconds(100))
                #expect(ingest.index.cursor == 11)
                #expect(try await ingest.store.cursor() == 11)
                feed.configure { $0.skipped = [] }
                try await Self.waitForCursor(ingest, Int64(events.count))
            }
        }
        #expect(Self.report(ingest) == CommuneScenario.expected)
    }

    @Test("a restarted consumer (reopened database) resumes after its cursor and ends with the same numbers")
    func restart() async throws {
        let events = StatisticsStoreTests.allEvents()
        let feed = FakeSubmissionFeed()
        feed.append(Array(events[..<20]))
        try await withTemporaryDirectory { directory in
            try await withFeedServer(feed) { client in
                let first = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
                try await Self.withConsumer(client: client, ingest: first) { _ in
                    try await Self.waitForCursor(first, 20)
                }
                feed.append(Array(events[20...]))
                let second = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
                try await second.loadIndex()
                #expect(second.index.cursor == 20)
                try await Self.withConsumer(client: client, ingest: second) { status in
                    try await Self.waitForCursor(second, Int64(events.count))
                    #expect(status.snapshot.eventsApplied == Int64(events.count - 20))
                }
                #expect(Self.report(second) == CommuneScenario.expected)
                #expect(try await second.store.dossierCount() == 17)
            }
        }
    }

    @Test("reset_required (the feed is behind the cursor): the consumer rebuilds from sequence 0")
    func resetRequired() async throws {
        let events = StatisticsStoreTests.allEvents()
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await ingest.apply(events)
        let reference = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await reference.apply(Array(events[..<25]))
        let feed = FakeSubmissionFeed()
        feed.append(Array(events[..<25]))
        try await withFeedServer(feed) { client in
            try await Self.withConsumer(client: client, ingest: ingest) { _ in
                try await StatisticsServiceIndexTests.waitUntil { ingest.index.cursor == 25 }
            }
        }
        #expect(StatisticsStoreTests.fingerprint(ingest.index) == StatisticsStoreTests.fingerprint(reference.index))
        #expect(try await ingest.store.cursor() == 25)
    }
}
