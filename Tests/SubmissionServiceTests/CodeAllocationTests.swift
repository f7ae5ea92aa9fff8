import DomainModel
import SubmissionService
import Testing

@Suite("Dossier codes: per-unit daily numbers without gaps or duplicates", .serialized)
struct CodeAllocationTests {
    @Test("150 concurrent submissions over 3 units: each unit numbered 1…n, no gap, no duplicate")
    func concurrent() async throws {
        try await withHarness { harness in
            let units = [TestCatalog.namKe, TestCatalog.chungChai, TestCatalog.sinThau]
            let codes = try await withThrowingTaskGroup(of: DossierCode.self) { group in
                for index in 0..<150 {
                    let unit = units[index % 3]
                    group.addTask { try await harness.engine.submit(submitCommand(unit: unit)).dossier.code }
                }
                return try await group.reduce(into: [DossierCode]()) { $0.append($1) }
            }
            #expect(Set(codes).count == 150)
            for unit in units {
                let numbers = codes.filter { $0.unitCode == unit.code }.map(\.number).sorted()
                #expect(numbers == Array(1...50), "unit \(unit.code)")
            }
            #expect(try await harness.store.latestSequence() == 150)
        }
    }

    @Test("Numbering restarts each day in Vietnam: 16:59:59 UTC and 17:00:00 UTC are different days")
    func dayBoundary() async throws {
        try await withHarness(at: vietnamInstant(2022, 3, 1, 23, 59, 59)) { harness in
            let first = try await harness.engine.submit(submitCommand()).dossier.code
            let second = try await harness.engine.submit(submitCommand()).dossier.code
            harness.clock.advance(seconds: 1)
            let third = try await harness.engine.submit(submitCommand()).dossier.code
            #expect([first, second, third].map(\.rawValue) == ["03162-220301-0001", "03162-220301-0002", "03162-220302-0001"])
        }
    }

    @Test("Numbering continues after a restart")
    func restart() async throws {
        let harness = try TestHarness()
        defer { harness.remove() }
        for _ in 0..<5 { _ = try await harness.engine.submit(submitCommand()) }
        let reopened = try harness.reopened()
        let code = try await reopened.engine.submit(submitCommand()).dossier.code
        #expect(code.number == 6)
        #expect(try await reopened.store.latestSequence() == 6)
    }

    @Test("A failed submission in a batch uses no number")
    func failedInBatch() async throws {
        try await withHarness { harness in
            _ = try await harness.engine.submit(submitCommand(requestID: "taken"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        // Every third one reuses the taken key with other content: refused inside the batch.
                        let command = index % 3 == 0 ? submitCommand(requestID: "taken", note: "\(index)") : submitCommand()
                        _ = try? await harness.engine.submit(command)
                    }
                }
                try await group.waitForAll()
            }
            let page = try await harness.store.listDossiers(DossierQuery(pageSize: 500))
            #expect(page.total == 41)
            #expect(page.dossiers.map(\.code.number).sorted() == Array(1...41))
            #expect(try await harness.store.latestSequence() == 41)
        }
    }
}
