import RPCCore
import DomainModel
import SubmissionService
import Synchronization
import Testing

@Suite("StreamEvents: the ordered feed", .serialized)
struct FeedTests {
    /// 12 submissions and 18 steps: 30 events.
    static func populate(_ harness: TestHarness) async throws {
        for index in 0..<12 {
            let dossier = try await harness.engine.submit(submitCommand(channel: index % 2 == 0 ? .online : .direct)).dossier
            if index % 2 == 0 {
                _ = try await harness.engine.transition(transitionCommand(dossier.code, .accept, version: 1))
                _ = try await harness.engine.transition(transitionCommand(dossier.code, .startProcessing, version: 2))
                _ = try await harness.engine.transition(transitionCommand(dossier.code, .resolve, version: 3))
            }
        }
    }

    @Test("Resuming after any sequence gives exactly the events after it, in order")
    func resumeAnywhere() async throws {
        try await withHarness { harness in
            try await Self.populate(harness)
            let all = try await harness.store.events(after: 0, limit: 1000)
            #expect(all.map(\.sequence) == Array(1...30))
            for after in 0...30 {
                let collector = try await collectFeed(harness.engine, after: Int64(after), count: 30 - after)
                #expect(collector.events.map(\.sequence) == Array(stride(from: Int64(after + 1), through: 30, by: 1)), "after \(after)")
                #expect(collector.events == Array(all.dropFirst(after)))
                if after < 30 { #expect(collector.started == .started(currentSequence: 30, resetRequired: false)) }
            }
        }
    }

    @Test("The feed follows new events live after catching up")
    func liveFollow() async throws {
        try await withHarness { harness in
            try await Self.populate(harness)
            let collector = try await collectFeed(harness.engine, after: 25, count: 5 + 6) {
                for _ in 0..<6 {
                    _ = try await harness.engine.submit(submitCommand())
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
            #expect(collector.events.map(\.sequence) == Array(26...36))
            #expect(collector.events.suffix(6).allSatisfy { $0.action == .submit })
        }
    }

    @Test("No gap, no duplicate, no reordering while 6 writers commit concurrently")
    func concurrentWriters() async throws {
        try await withHarness { harness in
            let writers = 6
            let perWriter = 20
            let expected = writers * perWriter * 2
            let collector = try await collectFeed(harness.engine, after: 0, count: expected) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            for index in 0..<perWriter {
                                let dossier = try await harness.engine.submit(submitCommand(requestID: "w\(writer)-\(index)")).dossier
                                _ = try await harness.engine.transition(transitionCommand(dossier.code, .startProcessing, version: 1))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            let events = collector.events
            #expect(events.map(\.sequence) == Array(1...Int64(expected)))
            let pairs = events.map { "\($0.dossierCode)#\($0.dossierVersion)" }
            #expect(Set(pairs).count == expected)
            // Each dossier's versions appear in order.
            var lastVersion: [DossierCode: Int64] = [:]
            for event in events {
                #expect(event.dossierVersion == (lastVersion[event.dossierCode] ?? 0) + 1)
                lastVersion[event.dossierCode] = event.dossierVersion
            }
            #expect(lastVersion.count == writers * perWriter)
        }
    }

    @Test("A consumer ahead of the feed is told to reset and gets the feed from the start")
    func reset() async throws {
        try await withHarness { harness in
            for _ in 0..<3 { _ = try await harness.engine.submit(submitCommand()) }
            let collector = try await collectFeed(harness.engine, after: 100, count: 3)
            #expect(collector.started == .started(currentSequence: 3, resetRequired: true))
            #expect(collector.events.map(\.sequence) == [1, 2, 3])
        }
    }

    @Test("A negative after_sequence is INVALID_ARGUMENT")
    func negative() async throws {
        try await withHarness { harness in
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.streamEvents(after: -1) { _ in }
            }
            #expect(error.code == .invalidArgument && error.message.hasPrefix("after_sequence:"))
        }
    }

    @Test("Shutdown ends the open feeds")
    func shutdown() async throws {
        try await withHarness { harness in
            let ended = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await harness.engine.streamEvents(after: 0) { _ in }
                    return true
                }
                while harness.store.feedNotifier.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
                harness.store.feedNotifier.finishAll()
                return try await group.next() ?? false
            }
            #expect(ended)
        }
    }
}
