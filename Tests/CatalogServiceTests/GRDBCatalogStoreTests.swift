import CatalogService
import DomainModel
import Foundation
import Logging
import Storage
import Synchronization
import Testing

@Suite("GRDBCatalogStore: one SQLite file per service, WAL, migrations, seeding, change log")
struct GRDBCatalogStoreTests {
    let logger = Logger(label: "test.catalog.store", factory: { _ in SwiftLogNoOpLogHandler() })
    let now = vietnamInstant(2022, 2, 10, 8)

    @Test("Opening a data folder creates and migrates catalog.sqlite in write-ahead-log mode")
    func opensInWALMode() async throws {
        try await withTemporaryDirectory { directory in
            let folder = directory + "/nested/catalog"
            let store = try GRDBCatalogStore.open(directory: folder, logger: logger)
            #expect(try await store.latestSequence() == 0)
            _ = try await store.setCalendarDays([CalendarDay(date: date(2030, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch")], removing: [], at: now)
            let header = fileBytes(folder + "/" + GRDBCatalogStore.fileName)
            #expect(header.starts(with: Array("SQLite format 3".utf8)))
            // Bytes 18 and 19 of the header: file format write/read versions, 2 = WAL.
            #expect(header.count > 20 && header[18] == 2 && header[19] == 2)
            #expect(FileManager.default.fileExists(atPath: folder + "/" + GRDBCatalogStore.fileName + "-wal"))
        }
    }

    @Test("A file that is not a database fails to open with a storage error")
    func rejectsGarbage() async throws {
        try await withTemporaryDirectory { directory in
            try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: directory + "/" + GRDBCatalogStore.fileName))
            #expect(throws: StorageError.self) { try GRDBCatalogStore.open(directory: directory, logger: logger) }
        }
    }

    @Test("The seed is written once, in one transaction; data and migrations survive reopening")
    func seedsOnce() async throws {
        try await withTemporaryDirectory { directory in
            let calls = Mutex(0)
            let store = try GRDBCatalogStore.open(directory: directory, logger: logger)
            let report = try await store.seedIfNeeded(at: now) {
                calls.withLock { $0 += 1 }
                return try BuiltInData.seed()
            }
            #expect(report == SeedReport(units: 140, calendarDays: try BuiltInData.calendarDays().count, procedures: 1_764))
            #expect(try await store.seedIfNeeded(at: now) { calls.withLock { $0 += 1 }; return try BuiltInData.seed() } == nil)
            #expect(calls.withLock { $0 } == 1)

            let reopened = try GRDBCatalogStore.open(directory: directory, logger: logger)
            #expect(try await reopened.seedIfNeeded(at: now) { try BuiltInData.seed() } == nil)
            #expect(try await reopened.units(inForceOn: date(2022, 1, 15)).count == 140)
            let page = try await reopened.procedures(matching: ProcedureFilter(), after: nil, limit: 1)
            #expect(page.total == 1_764)
            let level4 = try await reopened.procedures(matching: ProcedureFilter(onlineLevel: .fullyOnline), after: nil, limit: 0)
            #expect(level4.total == 587)
            let birth = try #require(try await reopened.procedure(code: code("DEMO-HT-X001")))
            #expect(birth.isDemo && birth.revision == 0 && birth.updatedAt == now)
            #expect(try await reopened.latestSequence() == 0)  // the seed is not a change
        }
    }

    @Test("A seed that cannot be built writes nothing; the next start seeds")
    func failedSeedWritesNothing() async throws {
        struct Broken: Error {}
        try await withTemporaryDirectory { directory in
            let store = try GRDBCatalogStore.open(directory: directory, logger: logger)
            await #expect(throws: Broken.self) { try await store.seedIfNeeded(at: now) { throw Broken() } }
            #expect(try await store.units(inForceOn: date(2022, 1, 15)).isEmpty)
            #expect(try await store.seedIfNeeded(at: now) { try BuiltInData.seed(includeDemoCatalog: false) }?.units == 140)
        }
    }

    @Test("Imports record one change per created or updated procedure, none for unchanged ones")
    func importChangeLog() async throws {
        try await withTemporaryDirectory { directory in
            let store = try GRDBCatalogStore.open(directory: directory, logger: logger)
            let first = try await store.importProcedures(
                [sampleProcedure("1.000001", fees: [Fee(name: "Lệ phí", amountVND: 50_000)]), sampleProcedure("1.000002")],
                validateOnly: false, at: now)
            #expect(first == CatalogWriteResult(created: 2, sequence: 2))
            var changed = sampleProcedure("1.000002")
            changed.name = "Cấp lại giấy phép thử nghiệm"
            let second = try await store.importProcedures(
                [sampleProcedure("1.000001", fees: [Fee(name: "Lệ phí", amountVND: 50_000)]), changed], validateOnly: false, at: now)
            #expect(second == CatalogWriteResult(updated: 1, unchanged: 1, sequence: 3))
            let dryRun = try await store.importProcedures([sampleProcedure("1.000003")], validateOnly: true, at: now)
            #expect(dryRun == CatalogWriteResult(created: 1, sequence: 3))
            #expect(try await store.procedure(code: code("1.000003")) == nil)

            let changes = try await store.changes(after: 0, limit: 10)
            #expect(changes.map(\.sequence) == [1, 2, 3])
            #expect(changes.map(\.action) == [.created, .created, .updated])
            #expect(changes.last?.subject == .procedure(code("1.000002")))
            let stored = try #require(try await store.procedure(code: code("1.000002")))
            #expect(stored.revision == 3 && stored.name == "Cấp lại giấy phép thử nghiệm")
            #expect(try await store.procedure(code: code("1.000001"))?.fees == [Fee(name: "Lệ phí", amountVND: 50_000)])
            #expect(try await store.oldestRetainedSequence() == 1)
        }
    }

    @Test("Unit upserts are checked against the stored versions in the same transaction")
    func unitUpserts() async throws {
        try await withTemporaryDirectory { directory in
            let store = try GRDBCatalogStore.open(directory: directory, logger: logger)
            _ = try await store.seedIfNeeded(at: now) { try BuiltInData.seed(includeDemoCatalog: false) }
            // Merge two communes of Mường Nhé into a new one from 2023-01-01.
            var closedA = try #require(try await store.unitVersions(code: unitCode("03154")).first)
            var closedB = try #require(try await store.unitVersions(code: unitCode("03155")).first)
            closedA.validity.through = date(2022, 12, 31)
            closedB.validity.through = date(2022, 12, 31)
            let merged = AdministrativeUnit(
                code: unitCode("03999"), name: "Xã Sín Thầu Mới", level: .commune, type: .commune, parentCode: unitCode("096"),
                validity: Validity(from: date(2023, 1, 1)))
            let result = try await store.upsertUnits([closedA, closedB, merged], at: now)
            #expect(result == CatalogWriteResult(created: 1, updated: 2, sequence: 3))
            #expect(try await store.units(inForceOn: date(2022, 6, 1)).count == 140)
            #expect(try await store.units(inForceOn: date(2023, 6, 1)).count == 139)

            // An overlapping version is refused and nothing is written.
            let overlapping = AdministrativeUnit(
                code: unitCode("03157"), name: "Xã Chung Chải", level: .commune, type: .commune, parentCode: unitCode("096"),
                validity: Validity(from: date(2022, 6, 1)))
            await #expect(throws: DomainError.self) { try await store.upsertUnits([merged, overlapping], at: now) }
            #expect(try await store.latestSequence() == 3)
        }
    }

    @Test("Calendar days: set, replace, remove, with their changes")
    func calendarDays() async throws {
        try await withTemporaryDirectory { directory in
            let store = try GRDBCatalogStore.open(directory: directory, logger: logger)
            let day = CalendarDay(date: date(2028, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch")
            #expect(try await store.setCalendarDays([day], removing: [], at: now) == CatalogWriteResult(created: 1, sequence: 1))
            #expect(try await store.setCalendarDays([day], removing: [], at: now) == CatalogWriteResult(unchanged: 1, sequence: 1))
            let removed = try await store.setCalendarDays([], removing: [date(2028, 1, 1), date(2028, 1, 2)], at: now)
            #expect(removed == CatalogWriteResult(removed: 1, sequence: 2))
            #expect(try await store.calendarDays(from: nil, through: nil).isEmpty)
            #expect(try await store.changes(after: 1, limit: 5).map(\.action) == [.removed])
        }
    }
}
