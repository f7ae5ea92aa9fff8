import DomainModel
import Foundation
import Logging
import SubmissionService

/// An engine over a fresh SQLite store in a temporary folder, the test catalog and a settable clock.
struct TestHarness: Sendable {
    let directory: TemporaryDirectory
    let store: GRDBSubmissionStore
    let catalog: InMemoryCatalogGateway
    let clock: TestClock
    let engine: SubmissionEngine

    init(at start: UnixInstant = vietnamInstant(2022, 1, 28, 10), directory: TemporaryDirectory = TemporaryDirectory()) throws {
        self.directory = directory
        self.store = try GRDBSubmissionStore.open(directory: directory.path)
        self.catalog = TestCatalog.gateway()
        self.clock = TestClock(start)
        self.engine = SubmissionEngine(store: self.store, catalog: self.catalog, clock: self.clock.function)
    }

    /// The same folder opened again (as after a restart), with the same catalog and clock.
    func reopened() throws -> TestHarness {
        try TestHarness(reopening: self)
    }

    private init(reopening other: TestHarness) throws {
        self.directory = other.directory
        self.store = try GRDBSubmissionStore.open(directory: other.directory.path)
        self.catalog = other.catalog
        self.clock = other.clock
        self.engine = SubmissionEngine(store: self.store, catalog: self.catalog, clock: self.clock.function)
    }

    var service: SubmissionRPCService { SubmissionRPCService(engine: self.engine) }

    func remove() { self.directory.remove() }
}

/// Runs `body` with a fresh harness and removes its folder afterwards.
func withHarness<R>(at start: UnixInstant = vietnamInstant(2022, 1, 28, 10), _ body: (TestHarness) async throws -> R) async throws -> R {
    let harness = try TestHarness(at: start)
    defer { harness.remove() }
    return try await body(harness)
}

/// A valid submission.
func submitCommand(
    requestID: String = UUID().uuidString, caller: String = "desk-03162", procedure: Procedure = TestCatalog.birth,
    unit: AdministrativeUnit = TestCatalog.namKe, channel: DossierChannel = .direct, assisted: Bool = false,
    applicant: Applicant = Applicant(fullName: "Giàng A Páo", idNumber: "011095001234", phone: "0912345678"),
    attachments: [Attachment] = [Attachment(name: "to-khai.pdf", component: "Tờ khai", mediaType: "application/pdf", sizeBytes: 2048)],
    note: String = ""
) -> SubmitCommand {
    do {
        return try SubmitCommand(
            caller: caller, requestID: requestID, procedureCode: procedure.code.rawValue, unitCode: unit.code.rawValue, channel: channel,
            assistedByStaff: assisted, applicant: applicant, attachments: attachments, receivedBy: "", note: note)
    } catch {
        fatalError("invalid test submission: \(error)")
    }
}

/// A valid workflow step.
func transitionCommand(
    _ code: DossierCode, _ kind: DossierActionKind, version: Int64, payment: Payment? = nil, apology: Apology? = nil,
    caller: String = "", requestID: String = "", note: String = ""
) -> TransitionCommand {
    do {
        return try TransitionCommand(
            code: code.rawValue, action: kind, payment: payment, apology: apology, expectedVersion: version, actor: "can-bo-1", note: note,
            caller: caller, requestID: requestID)
    } catch {
        fatalError("invalid test step: \(error)")
    }
}
