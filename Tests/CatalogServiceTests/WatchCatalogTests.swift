import CatalogService
import DomainModel
import RPCCore
import RPCProtobuf
import Testing

@Suite("WatchCatalog: started, replay, live changes", .timeLimit(.minutes(1)))
struct WatchCatalogTests {
    /// Starts a watch; returns its messages and the task running it.
    func watch(_ service: CatalogService, after: Int64 = 0) -> (AsyncStream<Motcua_Catalog_V1_WatchCatalogResponse>, Task<Void, any Error>) {
        let (stream, continuation) = AsyncStream<Motcua_Catalog_V1_WatchCatalogResponse>.makeStream()
        var request = Motcua_Catalog_V1_WatchCatalogRequest()
        request.afterSequence = after
        let task = Task {
            defer { continuation.finish() }
            try await service.watchCatalog(request) { continuation.yield($0) }
        }
        return (stream, task)
    }

    @Test("A watcher receives the change after an import, in sequence order")
    func changeAfterImport() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let (stream, task) = watch(fixture.service)
            var messages = stream.makeAsyncIterator()
            guard case .started(let started)? = await messages.next()?.event else {
                Issue.record("the first message is not started")
                return
            }
            #expect(started.currentSequence == 0 && !started.resetRequired)

            let response = try await fixture.service.importProcedures(importStream([[importRow("7.000001"), importRow("7.000002")]]))
            #expect(response.applied)
            var changes: [Motcua_Catalog_V1_CatalogChange] = []
            while changes.count < 2, let message = await messages.next() {
                if case .change(let change)? = message.event { changes.append(change) }
            }
            #expect(changes.map(\.sequence) == [1, 2])
            #expect(changes.map(\.action) == [.created, .created])
            #expect(changes.map(\.subject) == [.procedureCode("7.000001"), .procedureCode("7.000002")])
            #expect(changes.allSatisfy { $0.changedAt?.seconds == CatalogFixture.now.seconds })
            task.cancel()
            _ = await task.result
            #expect(fixture.notifier.subscriberCount == 0)
        }
    }

    @Test("after_sequence replays what a reconnecting client missed; a sequence ahead of the catalog requires a reset")
    func replayAndReset() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            _ = try await fixture.service.importProcedures(importStream([[importRow("8.000001"), importRow("8.000002"), importRow("8.000003")]]))
            let (stream, task) = watch(fixture.service, after: 1)
            var messages = stream.makeAsyncIterator()
            guard case .started(let started)? = await messages.next()?.event else { Issue.record("no started"); return }
            #expect(started.currentSequence == 3 && !started.resetRequired)
            var replayed: [Int64] = []
            while replayed.count < 2, let message = await messages.next() {
                if case .change(let change)? = message.event { replayed.append(change.sequence) }
            }
            #expect(replayed == [2, 3])
            task.cancel()

            let (ahead, aheadTask) = watch(fixture.service, after: 99)
            var aheadMessages = ahead.makeAsyncIterator()
            guard case .started(let reset)? = await aheadMessages.next()?.event else { Issue.record("no started"); return }
            #expect(reset.resetRequired && reset.currentSequence == 3)
            // Live changes follow after a reset.
            var unit = Motcua_Catalog_V1_SetCalendarDaysRequest()
            var day = Motcua_Catalog_V1_CalendarDay()
            day.date = protoDate(2028, 1, 1)
            day.kind = .publicHoliday
            day.name = "Tết Dương lịch"
            unit.days = [day]
            _ = try await fixture.service.setCalendarDays(unit)
            guard case .change(let change)? = await aheadMessages.next()?.event else { Issue.record("no change"); return }
            #expect(change.sequence == 4 && change.subject == .calendarDate(protoDate(2028, 1, 1)))
            aheadTask.cancel()
        }
    }

    @Test("A negative after_sequence is INVALID_ARGUMENT; finishing the notifier ends open watches with OK")
    func negativeAndShutdown() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            var request = Motcua_Catalog_V1_WatchCatalogRequest()
            request.afterSequence = -1
            await expectFailure(.invalidArgument, field: "after_sequence") { try await fixture.service.watchCatalog(request) { _ in } }

            let (stream, task) = watch(fixture.service)
            var messages = stream.makeAsyncIterator()
            _ = await messages.next()
            fixture.notifier.finishAll()
            try await task.value  // returns normally
            #expect(await messages.next() == nil)
        }
    }
}
