import DomainModel
import Foundation
import SubmissionService
import Testing

@Suite("SubmitDossier", .serialized)
struct SubmitTests {
    @Test("A desk submission on 28 January 2022 gets code 03162-220128-0001, status accepted, and is due after Tết")
    func directSubmission() async throws {
        try await withHarness { harness in
            let (dossier, replayed) = try await harness.engine.submit(submitCommand())
            #expect(!replayed)
            #expect(dossier.code.rawValue == "03162-220128-0001")
            #expect(dossier.status == .accepted)
            #expect(dossier.version == 1)
            #expect(dossier.workflow.dueDate == date(2022, 2, 9))
            #expect(dossier.unit.name == "Xã Nậm Kè")
            #expect(dossier.procedure.name == "Đăng ký khai sinh")
            #expect(dossier.history.map(\.actor) == ["desk-03162"])
            let stored = try #require(try await harness.store.dossier(code: dossier.code))
            #expect(stored == dossier)
            #expect(try await harness.store.latestSequence() == 1)
        }
    }

    @Test("Online submissions start as new; assisted ones are flagged; the receipt date is the date in Vietnam")
    func online() async throws {
        // 23:30 on 27 January in UTC is 06:30 on 28 January in Vietnam.
        let start = try #require(UnixInstant(seconds: Int64(date(2022, 1, 27).daysSinceEpoch) * 86_400 + 23 * 3600 + 1800))
        try await withHarness(at: start) { harness in
            let (dossier, _) = try await harness.engine.submit(submitCommand(caller: "portal", channel: .online, assisted: true))
            #expect(dossier.status == .new)
            #expect(dossier.assistedByStaff)
            #expect(dossier.code.rawValue == "03162-220128-0001")
            let event = try #require(try await harness.store.events(after: 0, limit: 10).first)
            #expect(event.channel == .online && event.assistedByStaff)
            #expect(event.action == .submit && event.status == .new && event.fromStatus == nil)
            #expect(event.procedure.onlineLevel == .fullyOnline)
            #expect(event.after.dueDate == date(2022, 2, 9))
        }
    }

    @Test("Deadlines in hours and calendar days")
    func otherUnits() async throws {
        try await withHarness(at: vietnamInstant(2022, 1, 20, 9)) { harness in
            let (copies, _) = try await harness.engine.submit(submitCommand(procedure: TestCatalog.copies))
            #expect(copies.workflow.dueAt == vietnamInstant(2022, 1, 20, 17))
            let (residence, _) = try await harness.engine.submit(submitCommand(procedure: TestCatalog.residence))
            #expect(residence.workflow.dueDate == date(2022, 2, 7))
        }
    }

    @Test("Retrying with the same request id returns the same dossier; other content is ALREADY_EXISTS")
    func idempotent() async throws {
        try await withHarness { harness in
            let command = submitCommand(requestID: "retry-1")
            let (first, _) = try await harness.engine.submit(command)
            harness.clock.advance(seconds: 3600)
            let (second, replayed) = try await harness.engine.submit(command)
            #expect(replayed)
            #expect(second == first)
            // The same id from another caller is another request.
            let (other, otherReplayed) = try await harness.engine.submit(submitCommand(requestID: "retry-1", caller: "portal"))
            #expect(!otherReplayed)
            #expect(other.code.number == 2)
            // Different content under the same key.
            let changed = submitCommand(requestID: "retry-1", note: "khác")
            let error = try await #require(throws: SubmissionError.self) { try await harness.engine.submit(changed) }
            #expect(error.code == .alreadyExists)
            #expect(error.message.contains(first.code.rawValue))
            #expect(try await harness.store.latestSequence() == 2)
        }
    }

    @Test("Concurrent retries of one request create one dossier")
    func concurrentRetries() async throws {
        try await withHarness { harness in
            let command = submitCommand(requestID: "same-everywhere")
            let codes = try await withThrowingTaskGroup(of: DossierCode.self) { group in
                for _ in 0..<40 { group.addTask { try await harness.engine.submit(command).dossier.code } }
                return try await group.reduce(into: Set<DossierCode>()) { $0.insert($1) }
            }
            #expect(codes.count == 1)
            #expect(try await harness.store.latestSequence() == 1)
        }
    }

    @Test("A retry is answered even while the catalog is unreachable")
    func retryWithoutCatalog() async throws {
        try await withHarness { harness in
            let command = submitCommand(requestID: "before-outage")
            let (first, _) = try await harness.engine.submit(command)
            harness.catalog.isReachable = false
            let (again, replayed) = try await harness.engine.submit(command)
            #expect(replayed && again.code == first.code)
        }
    }

    @Test("Catalog unreachable and nothing cached: UNAVAILABLE and nothing written")
    func catalogDown() async throws {
        try await withHarness { harness in
            harness.catalog.isReachable = false
            let error = try await #require(throws: SubmissionError.self) { try await harness.engine.submit(submitCommand()) }
            #expect(error.code == .unavailable)
            #expect(try await harness.store.latestSequence() == 0)
            harness.catalog.isReachable = true
            let (dossier, _) = try await harness.engine.submit(submitCommand())
            #expect(dossier.code.number == 1)
        }
    }

    @Test("Unknown procedure, unit not in force, and online filing of a level-2 procedure are refused with the field named")
    func refused() async throws {
        try await withHarness { harness in
            let unknownProcedure = try SubmitCommand(
                caller: "portal", requestID: "a", procedureCode: "9.999999", unitCode: "03162", channel: .direct, assistedByStaff: false,
                applicant: Applicant(fullName: "A", idNumber: "012345678901"), attachments: [], receivedBy: "", note: "")
            var error = try await #require(throws: SubmissionError.self) { try await harness.engine.submit(unknownProcedure) }
            #expect(error.code == .invalidArgument && error.message.hasPrefix("procedure_code:"))
            error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.submit(submitCommand(unit: TestCatalog.merged))
            }
            #expect(error.code == .invalidArgument && error.message.hasPrefix("unit_code:"))
            #expect(error.message.contains("2022-01-28"))
            error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.submit(submitCommand(procedure: TestCatalog.copies, channel: .online))
            }
            #expect(error.code == .invalidArgument && error.message.hasPrefix("channel:"))
            #expect(try await harness.store.latestSequence() == 0)
        }
    }

    @Test("Malformed requests name every offending field")
    func malformed() throws {
        let error = try #require(throws: DomainError.self) {
            try SubmitCommand(
                caller: "", requestID: "has space", procedureCode: "", unitCode: "3162", channel: nil, assistedByStaff: false,
                applicant: Applicant(fullName: "", idNumber: "x"), attachments: [Attachment(name: "")], receivedBy: "", note: "")
        }
        #expect(error.violations.map(\.field) == [
            "caller", "request_id", "procedure_code", "unit_code", "channel", "applicant.full_name", "applicant.id_number",
            "attachments[0].name",
        ])
        let assisted = try #require(throws: DomainError.self) {
            try SubmitCommand(
                caller: "desk", requestID: "1", procedureCode: "1.001193", unitCode: "03162", channel: .direct, assistedByStaff: true,
                applicant: Applicant(fullName: "A", idNumber: "012345678901"), attachments: [], receivedBy: "", note: "")
        }
        #expect(assisted.violations.map(\.field) == ["assisted_by_staff"])
    }

    @Test("Applicant data is normalised and kept in the full view only")
    func applicantData() async throws {
        try await withHarness { harness in
            let applicant = Applicant(fullName: " Lò Văn Minh ", idNumber: " c1234567 ", phone: "0912 345 678", email: "minh@example.vn")
            let (dossier, _) = try await harness.engine.submit(submitCommand(applicant: applicant))
            #expect(dossier.applicant.fullName == "Lò Văn Minh")
            #expect(dossier.applicant.idNumber == "C1234567")
            let found = try await harness.engine.lookup(code: dossier.code, idNumber: "c1234567")
            #expect(found.code == dossier.code)
            let wrong = try await #require(throws: SubmissionError.self) { try await harness.engine.lookup(code: dossier.code, idNumber: "C1234568") }
            let unknown = try await #require(throws: SubmissionError.self) {
                try await harness.engine.lookup(code: DossierCode("03162-220128-0099")!, idNumber: "C1234567")
            }
            #expect(wrong.code == .notFound && unknown.code == .notFound)
            #expect(wrong.message.replacingOccurrences(of: "0001", with: "0099") == unknown.message)
        }
    }
}
