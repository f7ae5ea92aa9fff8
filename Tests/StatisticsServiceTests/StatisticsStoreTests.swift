import DomainModel
@testable import StatisticsService
import Testing

/// A simulated crash between writing a batch and committing it.
struct SimulatedCrash: Error {}

@Suite("SQLite store: exactly-once batches, gaps, rebuild, reopen")
struct StatisticsStoreTests {
    static func allEvents() -> [FeedEvent] {
        let feed = CommuneScenario.script()
        CommuneScenario.neighbours(after: feed)
        return feed.events
    }

    static func report(_ index: StatisticsIndex, unit: String = "03162") -> ReportCounts {
        index.sums(units: [unit], from: CommuneScenario.from.daysSinceEpoch, to: CommuneScenario.to.daysSinceEpoch)
            .units[unit]?.report ?? ReportCounts()
    }

    /// Every unit's sums before each day of December 2021 to February 2022.
    static func fingerprint(_ index: StatisticsIndex) -> [String: [CounterVector]] {
        var result: [String: [CounterVector]] = [:]
        for unit in ["03162", "03157", "096"] {
            result[unit] = (0..<90).map { offset in
                let day = day(12, 1, year: 2021).adding(days: offset).daysSinceEpoch
                return index.sums(units: [unit], from: day, to: day).units[unit]?.beforeTo ?? CounterVector()
            }
        }
        return result
    }

    @Test("the scenario through the store gives the hand-computed columns, in any batch size")
    func batchesOfAnySize() async throws {
        let events = Self.allEvents()
        var fingerprints: [[String: [CounterVector]]] = []
        for size in [1, 7, events.count] {
            let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
            for start in stride(from: 0, to: events.count, by: size) {
                try await ingest.apply(Array(events[start..<min(start + size, events.count)]))
            }
            #expect(Self.report(ingest.index) == CommuneScenario.expected)
            #expect(ingest.index.cursor == Int64(events.count))
            #expect(ingest.index.dossiers == 17)
            #expect(try await ingest.store.dossierCount() == 17)
            fingerprints.append(Self.fingerprint(ingest.index))
        }
        #expect(fingerprints[0] == fingerprints[1])
        #expect(fingerprints[1] == fingerprints[2])
    }

    @Test("a crash before the commit leaves nothing; re-applying the batch gives the same numbers as without the crash")
    func crashBeforeCommit() async throws {
        let events = Self.allEvents()
        let half = events.count / 2
        try await withTemporaryDirectory { directory in
            let reference = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
            try await reference.apply(events)

            let store = try GRDBStatisticsStore.open(directory: directory)
            let ingest = StatisticsIngest(store: store, index: StatisticsIndex())
            try await ingest.apply(Array(events[..<half]))
            let before = Self.fingerprint(ingest.index)
            let crash = await #expect(throws: StatisticsError.self) {
                try await ingest.apply(Array(events[half...]), beforeCommit: { throw SimulatedCrash() })
            }
            #expect(crash?.cause is SimulatedCrash)
            #expect(try await store.cursor() == Int64(half))
            #expect(Self.fingerprint(ingest.index) == before)

            // "Restart": a new store on the same file, the index rebuilt from it, then the batch again.
            let reopened = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
            try await reopened.loadIndex()
            #expect(reopened.index.cursor == Int64(half))
            #expect(Self.fingerprint(reopened.index) == before)
            try await reopened.apply(Array(events[half...]))
            #expect(Self.fingerprint(reopened.index) == Self.fingerprint(reference.index))
            #expect(Self.report(reopened.index) == CommuneScenario.expected)
        }
    }

    @Test("a replayed batch is refused and counts nothing twice")
    func replayRefused() async throws {
        let events = Self.allEvents()
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await ingest.apply(events)
        let before = Self.fingerprint(ingest.index)
        let error = await #expect(throws: StatisticsError.self) { try await ingest.apply(Array(events[3..<8])) }
        #expect(error?.code == .sequenceGap)
        #expect(Self.fingerprint(ingest.index) == before)
        #expect(try await ingest.store.cursor() == Int64(events.count))
    }

    @Test("a gap is refused: neither skipped nor partly applied")
    func gapRefused() async throws {
        let events = Self.allEvents()
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await ingest.apply(Array(events[0..<5]))
        let ahead = await #expect(throws: StatisticsError.self) { try await ingest.apply(Array(events[6..<9])) }
        #expect(ahead?.code == .sequenceGap)
        let holed = await #expect(throws: StatisticsError.self) { try await ingest.apply([events[5], events[7]]) }
        #expect(holed?.code == .sequenceGap)
        #expect(try await ingest.store.cursor() == 5)
        #expect(ingest.index.cursor == 5)
        try await ingest.apply(Array(events[5...]))
        #expect(Self.report(ingest.index) == CommuneScenario.expected)
    }

    @Test("a rebuild from sequence 0 gives the same numbers, in memory and in the per-cell counters")
    func rebuild() async throws {
        let events = Self.allEvents()
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await ingest.apply(events)
        let before = Self.fingerprint(ingest.index)
        let from = CommuneScenario.from.daysSinceEpoch
        let to = CommuneScenario.to.daysSinceEpoch
        let fieldsBefore = try await ingest.store.prefixSums(unitCodes: ["03162", "03157", "096"], from: from, to: to, groupBy: .field).sums
        try await ingest.reset()
        #expect(ingest.index.cursor == 0)
        #expect(try await ingest.store.dossierCount() == 0)
        #expect(Self.report(ingest.index) == ReportCounts())
        for start in stride(from: 0, to: events.count, by: 10) {
            try await ingest.apply(Array(events[start..<min(start + 10, events.count)]))
        }
        #expect(Self.fingerprint(ingest.index) == before)
        let fieldsAfter = try await ingest.store.prefixSums(unitCodes: ["03162", "03157", "096"], from: from, to: to, groupBy: .field).sums
        #expect(fieldsAfter == fieldsBefore)
    }

    @Test("per-cell counters agree with the per-unit ones, by unit, field, level and scheme")
    func cellsAgreeWithUnits() async throws {
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        try await ingest.apply(Self.allEvents())
        let units = ["03162", "03157", "096"]
        let from = CommuneScenario.from.daysSinceEpoch
        let to = CommuneScenario.to.daysSinceEpoch
        let memory = ingest.index.sums(units: units, from: from, to: to).units
        let stored = try await ingest.store.prefixSums(unitCodes: units, from: from, to: to, groupBy: .unit).sums
        #expect(stored == memory)
        let total = memory.values.reduce(PeriodSums(), +)
        for grouping in [CellGrouping.field, .onlineLevel, .onlineScheme] {
            let groups = try await ingest.store.prefixSums(unitCodes: units, from: from, to: to, groupBy: grouping).sums
            #expect(groups.values.reduce(PeriodSums(), +) == total, "\(grouping)")
        }
        let levels = try await ingest.store.prefixSums(unitCodes: ["03162"], from: from, to: to, groupBy: .onlineLevel).sums
        #expect(Set(levels.keys) == ["2", "3", "4"])
        #expect(levels["3"]?.report.newOnline == 2)  // D05, D12
        #expect(levels["4"]?.report.resolvedLateWithApology == 1)  // D02
        let fields = try await ingest.store.prefixSums(unitCodes: units, from: from, to: to, groupBy: .field).sums
        #expect(fields["Đất đai"]?.report.newDirect == 1)
        let cells = try await ingest.store.cellSums(unitCodes: ["03162"], from: from, to: to)
        #expect(cells.reduce(0) { $0 + $1.sums[.receivedOnline] } == 3)
    }

    @Test("per-cell sums from the in-memory blocks plus the stored partial days equal the SQL sums, for any period")
    func cellBlocksAgreeWithSQL() async throws {
        try await withTemporaryDirectory { directory in
            let events = Self.allEvents()
            let ingest = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
            try await ingest.apply(Array(events[..<30]))
            try await ingest.apply(Array(events[30...]))
            let reopened = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
            try await reopened.loadIndex()
            let units = ["03162", "03157", "096"]
            for candidate in [ingest, reopened] {
                for start in stride(from: 0, to: 60, by: 3) {
                    for length in [1, 5, 16, 17, 40] {
                        let from = day(12, 1, year: 2021).adding(days: start).daysSinceEpoch
                        let to = from + length
                        for grouping in [CellGrouping.field, .onlineLevel, .onlineScheme, .unit] {
                            let sql = try await candidate.store.prefixSums(unitCodes: units, from: from, to: to, groupBy: grouping)
                            let memory = try await CellQuery(index: candidate.index, store: candidate.store)
                                .grouped(units: units, from: from, to: to, by: grouping)
                            #expect(memory.sums == sql.sums.filter { !$0.value.beforeTo.isZero }, "\(grouping) \(from)…\(to)")
                            #expect(memory.cursor == sql.cursor)
                        }
                    }
                }
            }
        }
    }

    @Test("the counters survive closing and reopening the database")
    func reopen() async throws {
        try await withTemporaryDirectory { directory in
            let first = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
            try await first.apply(Self.allEvents())
            let expected = Self.fingerprint(first.index)
            let second = StatisticsIngest(store: try GRDBStatisticsStore.open(directory: directory), index: StatisticsIndex())
            try await second.loadIndex()
            #expect(Self.fingerprint(second.index) == expected)
            #expect(second.index.dossiers == 17)
            try await second.store.saveCatalogCopy(key: "units", bytes: [1, 2, 3])
            #expect(try await second.store.catalogCopy(key: "units") == [1, 2, 3])
            #expect(try await second.store.catalogCopy(key: "other") == nil)
        }
    }
}
