import DomainModel
import SubmissionService
import Testing

@Suite("ImportDossiers", .serialized)
struct ImportTests {
    static let origin = ImportOrigin(sourceSystem: "igate-dienbien", sourceID: "HS-2021-000123")

    /// A dossier received on 27 December 2021 and resolved on 5 January 2022: carried over into 2022.
    static func carriedOver(position: Int = 1, origin: ImportOrigin = origin, code: DossierCode? = nil, note: String = "") -> ImportCommand {
        ImportCommand(
            position: position, origin: origin, code: code, procedureCode: TestCatalog.marriage.code, unitCode: TestCatalog.namKe.code,
            channel: .direct, assistedByStaff: false, applicant: Applicant(fullName: "Lò Thị Xuân", idNumber: "011190004321"),
            attachments: [], receivedAt: vietnamInstant(2021, 12, 27, 8, 30), dueDate: nil, receivedBy: "mot-cua-nam-ke",
            history: [
                ImportCommand.Step(action: .startProcessing, occurredAt: vietnamInstant(2021, 12, 27, 10), actor: "", note: "", expectedStatus: .processing),
                ImportCommand.Step(action: .requestSupplement, occurredAt: vietnamInstant(2021, 12, 28, 9), actor: "cb-tuphap", note: note, expectedStatus: nil),
                ImportCommand.Step(action: .receiveSupplement, occurredAt: vietnamInstant(2021, 12, 30, 9), actor: "cb-tuphap", note: "", expectedStatus: nil),
                ImportCommand.Step(action: .resolve, occurredAt: vietnamInstant(2022, 1, 5, 14), actor: "cb-tuphap", note: "", expectedStatus: .resolved),
            ])
    }

    @Test("A carried-over dossier keeps its original timestamps, gets one event per step, and its due date follows the pause")
    func withHistory() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            let outcomes = try await harness.engine.importDossiers([Self.carriedOver()])
            guard case .imported(1, "HS-2021-000123", let code) = try #require(outcomes.first) else {
                Issue.record("not imported: \(outcomes)")
                return
            }
            #expect(code.rawValue == "03162-211227-0001")
            let dossier = try #require(try await harness.store.dossier(code: code))
            #expect(dossier.status == .resolved)
            #expect(dossier.version == 5)
            #expect(dossier.origin == Self.origin)
            #expect(dossier.history.map(\.occurredAt) == [
                vietnamInstant(2021, 12, 27, 8, 30), vietnamInstant(2021, 12, 27, 10), vietnamInstant(2021, 12, 28, 9),
                vietnamInstant(2021, 12, 30, 9), vietnamInstant(2022, 1, 5, 14),
            ])
            #expect(dossier.history.allSatisfy { $0.recordedAt == vietnamInstant(2022, 2, 16, 9) })
            // 5 working days from 27 December 2021: 28, 29, 30, 31 December, 4 January (1 and 3 January off) → paused
            // 29 and 30 December → due 6 January.
            #expect(dossier.history[0].after.dueDate == date(2022, 1, 4))
            #expect(dossier.workflow.dueDate == date(2022, 1, 6))
            let events = try await harness.store.events(after: 0, limit: 100)
            #expect(events.count == 5)
            #expect(events.allSatisfy { $0.imported })
            #expect(events.map(\.action) == [.submit, .startProcessing, .requestSupplement, .receiveSupplement, .resolve])
            #expect(events.last?.occurredAt == vietnamInstant(2022, 1, 5, 14))
            #expect(events.last?.after.finishedAt == vietnamInstant(2022, 1, 5, 14))
        }
    }

    @Test("Importing again is harmless; the same source id with other content is rejected")
    func idempotent() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            _ = try await harness.engine.importDossiers([Self.carriedOver()])
            let again = try await harness.engine.importDossiers([Self.carriedOver(), Self.carriedOver(position: 2, note: "khác")])
            guard case .alreadyImported(1, _, let code) = again[0], case .rejected(2, _, let violations) = again[1] else {
                Issue.record("unexpected \(again)")
                return
            }
            #expect(code.rawValue == "03162-211227-0001")
            #expect(violations.map(\.field) == ["source_id"])
            #expect(try await harness.store.latestSequence() == 5)
        }
    }

    @Test("Every rejected dossier is reported with its position and field; the others are imported")
    func rejections() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            var badStep = Self.carriedOver(position: 2, origin: ImportOrigin(sourceSystem: "igate", sourceID: "2"))
            badStep.history.insert(
                ImportCommand.Step(action: .returnResult, occurredAt: vietnamInstant(2021, 12, 27, 9), actor: "", note: "", expectedStatus: nil), at: 0)
            var wrongStatus = Self.carriedOver(position: 3, origin: ImportOrigin(sourceSystem: "igate", sourceID: "3"))
            wrongStatus.history[0].expectedStatus = .accepted
            var future = Self.carriedOver(position: 4, origin: ImportOrigin(sourceSystem: "igate", sourceID: "4"))
            future.receivedAt = vietnamInstant(2022, 3, 1)
            var unknownUnit = Self.carriedOver(position: 5, origin: ImportOrigin(sourceSystem: "igate", sourceID: "5"))
            unknownUnit.unitCode = UnitCode("03999")!
            var outOfOrder = Self.carriedOver(position: 6, origin: ImportOrigin(sourceSystem: "igate", sourceID: "6"))
            outOfOrder.history[1].occurredAt = vietnamInstant(2021, 12, 26)
            let good = Self.carriedOver(position: 7, origin: ImportOrigin(sourceSystem: "igate", sourceID: "7"))
            let outcomes = try await harness.engine.importDossiers([badStep, wrongStatus, future, unknownUnit, outOfOrder, good])
            var fields: [Int: [String]] = [:]
            for outcome in outcomes {
                if case .rejected(let position, _, let violations) = outcome { fields[position] = violations.map(\.field) }
            }
            #expect(fields == [
                2: ["history[0].action"], 3: ["history[0].status"], 4: ["received_at"], 5: ["unit_code"], 6: ["history[1].occurred_at"],
            ])
            guard case .imported(7, "7", let code) = try #require(outcomes.last) else {
                Issue.record("the good dossier was not imported")
                return
            }
            #expect(code.number == 1)
        }
    }

    @Test("An original code is kept; a code in use or naming another day is rejected; numbering continues after it")
    func originalCodes() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            let kept = Self.carriedOver(origin: ImportOrigin(sourceSystem: "igate", sourceID: "a"), code: DossierCode("03162-211227-0042"))
            let clash = Self.carriedOver(position: 2, origin: ImportOrigin(sourceSystem: "igate", sourceID: "b"), code: DossierCode("03162-211227-0042"))
            let wrongDay = Self.carriedOver(position: 3, origin: ImportOrigin(sourceSystem: "igate", sourceID: "c"), code: DossierCode("03162-211228-0001"))
            let assigned = Self.carriedOver(position: 4, origin: ImportOrigin(sourceSystem: "igate", sourceID: "d"))
            let outcomes = try await harness.engine.importDossiers([kept, clash, wrongDay, assigned])
            #expect(outcomes[0] == .imported(position: 1, sourceID: "a", code: DossierCode("03162-211227-0042")!))
            guard case .rejected(2, _, let clashFields) = outcomes[1], case .rejected(3, _, let dayFields) = outcomes[2] else {
                Issue.record("unexpected \(outcomes)")
                return
            }
            #expect(clashFields.map(\.field) == ["code"] && dayFields.map(\.field) == ["code"])
            #expect(outcomes[3] == .imported(position: 4, sourceID: "d", code: DossierCode("03162-211227-0043")!))
        }
    }

    @Test("An original appointment date is kept")
    func originalDueDate() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            var command = Self.carriedOver()
            command.dueDate = date(2022, 1, 10)
            command.history = []
            let outcomes = try await harness.engine.importDossiers([command])
            guard case .imported(_, _, let code) = try #require(outcomes.first) else { return }
            #expect(try await harness.store.dossier(code: code)?.workflow.dueDate == date(2022, 1, 10))
        }
    }

    @Test("Catalog unreachable: the import fails UNAVAILABLE and writes nothing")
    func catalogDown() async throws {
        try await withHarness(at: vietnamInstant(2022, 2, 16, 9)) { harness in
            harness.catalog.isReachable = false
            let error = try await #require(throws: SubmissionError.self) { try await harness.engine.importDossiers([Self.carriedOver()]) }
            #expect(error.code == .unavailable)
            #expect(try await harness.store.latestSequence() == 0)
        }
    }
}
