import DomainModel
import RPCProtobuf
import StatisticsService
import Synchronization
import Testing

@Suite("StatisticsService: time series, Decision 766 index, adoption gaps, WatchReport")
struct StatisticsServiceIndexTests {
    static func fixture(extra: [FeedEvent] = []) async throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        try await fixture.ingest.apply(ServiceFixture.scenarioEvents())
        if !extra.isEmpty { try await fixture.ingest.apply(extra) }
        return fixture
    }

    /// In-person filings of online-capable procedures: 03157 two at the desk and one by post of P-CT-01 (level 4),
    /// one online of P-CT-01; 03162 one at the desk of P-HT-03 (level 3).
    static func gapEvents(after sequence: Int64) -> [FeedEvent] {
        let feed = FeedScript(firstSequence: sequence + 1)
        for (index, channel) in [DossierChannel.direct, .direct, .postal, .online].enumerated() {
            feed.receive(
                "03157-220118-000\(index + 1)", unit: "03157", procedure: "P-CT-01", field: "Chứng thực", level: 4, scheme: .fullProcess,
                channel: channel, on: jan(18), due: jan(19))
        }
        feed.receive("03162-220118-0001", procedure: "P-HT-03", level: 3, scheme: .partial, on: jan(18), due: jan(25))
        return feed.events
    }

    @Test("GetTimeSeries by day, week and month: buckets cover the period, sum to the report, in-progress at each end")
    func timeSeries() async throws {
        let fixture = try await Self.fixture()
        var request = Motcua_Statistics_V1_GetTimeSeriesRequest()
        request.unitCode = "03162"
        request.period = period(CommuneScenario.from, CommuneScenario.to)
        let days = try await fixture.service.getTimeSeries(request)
        #expect(days.points.count == 10)
        #expect(days.granularity == .day)
        // 01-10: D06, D07, D08, D09, D13 at the desk; 01-11: D02 online; 01-12: D03 postal, D04 desk.
        #expect(days.points[0].newDirect == 5)
        #expect(days.points[1].newOnline == 1)
        #expect(days.points[2].newPostal == 1)
        #expect(days.points[2].newDirect == 1)
        #expect(days.points[5].newAssisted == 1)  // 01-15: D05
        #expect(days.points.reduce(0) { $0 + $1.newTotal } == 10)
        #expect(days.points.reduce(0) { $0 + $1.resolvedTotal } == 6)
        #expect(days.points.reduce(0) { $0 + $1.returned } == 2)
        #expect(days.points.last?.inProgressTotal == 3)
        #expect(days.points[0].inProgressTotal == 1 + 5)  // D01 carried over, the five of 01-10

        request.granularity = .week
        let weeks = try await fixture.service.getTimeSeries(request)
        #expect(weeks.points.map { $0.start?.day ?? 0 } == [10, 17])  // Monday 2022-01-10 and 01-17
        #expect(weeks.points.reduce(0) { $0 + $1.newTotal } == 10)
        request.granularity = .month
        request.period = period(day(12, 1, year: 2021), day(2, 1))
        let months = try await fixture.service.getTimeSeries(request)
        #expect(months.points.count == 2)
        #expect(months.points[1].newTotal == 13)  // every 03162 dossier was received in January
        #expect(months.points[1].inProgressTotal == 4)  // D04, D05, D11, D13 at 02-01
    }

    @Test("GetServiceIndex for commune 03162: 766 on-time 7/11, online 3/10, procedures offered online, scored")
    func serviceIndex() async throws {
        let fixture = try await Self.fixture()
        var request = Motcua_Statistics_V1_GetServiceIndexRequest()
        request.unitCode = "03162"
        request.period = period(CommuneScenario.from, CommuneScenario.to)
        let index = try await fixture.service.getServiceIndex(request)
        let byCode = Dictionary(uniqueKeysWithValues: index.indicators.map { ($0.code, $0) })
        #expect(index.indicators.map(\.code) == ["2.1", "3.1", "3.2", "3.3", "3.6"])
        let onTime = try #require(byCode["2.1"])
        #expect(onTime.numerator == 7)
        #expect(onTime.denominator == 11)
        #expect(onTime.points == 20.0 * 7.0 / 11.0)
        // Commune-level procedures: 4, offered online: P-HT-02, P-HT-03, P-CT-01 (3 of 4 = 75% < 80%).
        let offered = try #require(byCode["3.1"])
        #expect(offered.numerator == 3)
        #expect(offered.denominator == 4)
        #expect(offered.points == 0.75 * 4 / 0.8)
        // With an online dossier in 03162: P-HT-02 (D02), P-HT-03 (D05, D12).
        #expect(byCode["3.2"]?.numerator == 2)
        #expect(byCode["3.2"]?.denominator == 3)
        let online = try #require(byCode["3.3"])
        #expect(online.numerator == 3)
        #expect(online.denominator == 10)
        #expect(online.points == 0.3 * 4 / 0.5)
        #expect(byCode["3.6"]?.denominator == 0)
        #expect(byCode["3.6"]?.points == 0)
        #expect(abs(index.points - index.indicators.reduce(0) { $0 + $1.points }) < 1e-9)
        #expect(index.maxPoints == 42)
        #expect(!index.notSupported.isEmpty)
    }

    @Test("GetAdoptionGaps: communes ranked by in-person filings of online-capable procedures, with the procedures")
    func adoptionGaps() async throws {
        let events = ServiceFixture.scenarioEvents()
        let fixture = try await Self.fixture(extra: Self.gapEvents(after: Int64(events.count)))
        var request = Motcua_Statistics_V1_GetAdoptionGapsRequest()
        request.unitCode = "11"
        request.period = period(CommuneScenario.from, CommuneScenario.to)
        let gaps = try await fixture.service.getAdoptionGaps(request)
        #expect(gaps.communes.map { $0.unit?.code ?? "" } == ["03157", "03162"])
        #expect(gaps.communes.map(\.rank) == [1, 2])
        #expect(gaps.totalInPersonOnlineCapable == 4)
        let first = gaps.communes[0]
        #expect(first.inPersonOnlineCapable == 3)
        #expect(first.online == 2)  // the online P-CT-01 and the scenario's online P-HT-02 of 03157
        #expect(first.onlineShare == 0.4)
        #expect(first.procedures.map(\.procedureCode) == ["P-CT-01"])
        #expect(first.procedures[0].procedureName == "Chứng thực bản sao")
        #expect(first.procedures[0].inPerson == 3)
        #expect(first.procedures[0].online == 1)
        #expect(first.procedures[0].onlineLevel == 4)
        #expect(gaps.communes[1].procedures.map(\.procedureCode) == ["P-HT-03"])
        request.includeWithoutGap = true
        let all = try await fixture.service.getAdoptionGaps(request)
        #expect(all.communes.map { $0.unit?.code ?? "" } == ["03157", "03162", "03124", "03154"])
    }

    @Test("WatchReport: the report at once, then again after a change, coalesced")
    func watchReport() async throws {
        let events = ServiceFixture.scenarioEvents()
        let fixture = try await Self.fixture()
        var request = Motcua_Statistics_V1_WatchReportRequest()
        request.report = StatisticsServiceReportTests.request("03157")
        request.minIntervalMs = 100
        let first = try await fixture.service.getReport(request.report!)
        let watchRequest = request
        let received = Locked<[Motcua_Statistics_V1_WatchReportResponse]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await fixture.service.watchReport(watchRequest, first: first, interval: .milliseconds(100)) { message in
                    received.withLock { $0.append(message) }
                }
            }
            try await Self.waitUntil { received.withLock { $0.count } == 1 }
            // Unrelated commune: no new message. Then 03157 gets three dossiers in three batches.
            let extra = Self.gapEvents(after: Int64(events.count))
            try await fixture.ingest.apply([extra[4]].map { event in
                var event = event
                event.sequence = Int64(events.count + 1)
                return event
            })
            for (offset, event) in extra[0..<3].enumerated() {
                var event = event
                event.sequence = Int64(events.count + 2 + offset)
                try await fixture.ingest.apply([event])
            }
            try await Self.waitUntil { received.withLock { $0.last?.report?.total?.newDirect } == 3 }
            fixture.ingest.notifier.finishAll()
            try await group.waitForAll()
        }
        let messages = received.withLock { $0 }
        #expect(messages.first?.revision == 1)
        #expect(messages.first?.report?.total?.newDirect == 1)
        #expect(messages.count <= 3)  // coalesced: 4 batches, one unrelated, at most a message per 100 ms
        #expect(messages.map(\.revision) == Array(1...Int64(messages.count)))
        #expect(messages.last?.report?.total?.newPostal == 1)
    }

    static func waitUntil(timeout: Duration = .seconds(10), _ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition not met within \(timeout)")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
