import DomainModel
import SubmissionService
import Testing

@Suite("TransitionDossier", .serialized)
struct TransitionTests {
    @Test("A dossier through its whole life: every step recorded with its state, the version counting the steps")
    func fullLife() async throws {
        try await withHarness(at: vietnamInstant(2022, 1, 20, 9)) { harness in
            let engine = harness.engine
            var dossier = try await engine.submit(submitCommand(procedure: TestCatalog.marriage, channel: .online)).dossier
            #expect(dossier.workflow.dueDate == date(2022, 1, 27))
            let steps: [(DossierActionKind, Payment?, Apology?, UnixInstant)] = [
                (.accept, nil, nil, vietnamInstant(2022, 1, 20, 10)),
                (.startProcessing, nil, nil, vietnamInstant(2022, 1, 20, 11)),
                // Supplement over Tết: paused 26, 27, 28 January and 7 February → due moves from 27 January to 9 February.
                (.requestSupplement, nil, nil, vietnamInstant(2022, 1, 25, 15)),
                (.receiveSupplement, nil, nil, vietnamInstant(2022, 2, 7, 9)),
                (.requestPayment, nil, nil, vietnamInstant(2022, 2, 7, 10)),
                (.recordPayment, Payment(method: .onlineNationalPortal, amountVND: 30_000), nil, vietnamInstant(2022, 2, 7, 11)),
                (.issueApology, nil, Apology(newDate: date(2022, 2, 14), reason: "Chờ xác minh"), vietnamInstant(2022, 2, 9, 16)),
                (.resolve, nil, nil, vietnamInstant(2022, 2, 14, 9)),
                (.returnResult, nil, nil, vietnamInstant(2022, 2, 14, 15)),
            ]
            for (kind, payment, apology, at) in steps {
                harness.clock.set(at)
                dossier = try await engine.transition(
                    transitionCommand(dossier.code, kind, version: dossier.version, payment: payment, apology: apology)).dossier
            }
            #expect(dossier.status == .resultReturned)
            #expect(dossier.version == 10)
            #expect(dossier.workflow.dueDate == date(2022, 2, 9))
            #expect(dossier.workflow.promisedDate == date(2022, 2, 14))
            #expect(dossier.workflow.supplementRequests == 1)
            #expect(dossier.workflow.finishedAt == vietnamInstant(2022, 2, 14, 9))
            #expect(dossier.workflow.returnedAt == vietnamInstant(2022, 2, 14, 15))
            #expect(dossier.history.map(\.status) == [
                .new, .accepted, .processing, .supplementRequested, .processing, .paymentRequested, .processing, .processing, .resolved,
                .resultReturned,
            ])
            let stored = try #require(try await harness.store.dossier(code: dossier.code))
            #expect(stored == dossier)
            let events = try await harness.store.events(after: 0, limit: 100)
            #expect(events.map(\.sequence) == Array(1...10))
            #expect(events.map(\.dossierVersion) == Array(1...10))
            #expect(events[3].after.pausedSince == vietnamInstant(2022, 1, 25, 15))
            #expect(events[4].after.dueDate == date(2022, 2, 9))
            #expect(events[6].payment == Payment(method: .onlineNationalPortal, amountVND: 30_000))
            #expect(events[7].apology?.newDate == date(2022, 2, 14))
            #expect(events.allSatisfy { $0.procedure.feeBearing && $0.procedure.onlineLevel == .onlineSubmission })
        }
    }

    @Test("A stale expected_version is ABORTED and changes nothing")
    func staleVersion() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier
            _ = try await harness.engine.transition(transitionCommand(dossier.code, .startProcessing, version: 1))
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.transition(transitionCommand(dossier.code, .resolve, version: 1))
            }
            #expect(error.code == .aborted)
            #expect(error.message.contains("version 2"))
            #expect(try await harness.store.dossier(code: dossier.code)?.status == .processing)
        }
    }

    @Test("A step the status does not allow is FAILED_PRECONDITION naming both statuses")
    func refused() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.transition(transitionCommand(dossier.code, .returnResult, version: 1))
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains(dossier.code.rawValue))
            #expect(error.message.contains("status 2 (accepted)"))
            #expect(error.message.contains("status 9 (resolved)"))
            #expect(error.message.contains("status 10 (result_returned)"))
            #expect(try await harness.store.latestSequence() == 1)
        }
    }

    @Test("Unknown dossiers are NOT_FOUND")
    func unknown() async throws {
        try await withHarness { harness in
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.transition(transitionCommand(DossierCode("03162-220128-0007")!, .accept, version: 1))
            }
            #expect(error.code == .notFound)
        }
    }

    @Test("A step with a retry key is applied once; the retry returns the dossier; other content is ALREADY_EXISTS")
    func retryKey() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier
            let step = transitionCommand(dossier.code, .startProcessing, version: 1, caller: "agency-stp", requestID: "step-1")
            let (first, replayed) = try await harness.engine.transition(step)
            #expect(!replayed && first.version == 2)
            let (again, replayedAgain) = try await harness.engine.transition(step)
            #expect(replayedAgain && again.version == 2)
            let other = transitionCommand(dossier.code, .resolve, version: 2, caller: "agency-stp", requestID: "step-1")
            let error = try await #require(throws: SubmissionError.self) { try await harness.engine.transition(other) }
            #expect(error.code == .alreadyExists)
            #expect(try await harness.store.latestSequence() == 2)
        }
    }

    @Test("Concurrent steps on one dossier with the same version: exactly one wins, the others are ABORTED")
    func optimisticConcurrency() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier
            let outcomes = await withTaskGroup(of: SubmissionError.Code?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            _ = try await harness.engine.transition(transitionCommand(dossier.code, .startProcessing, version: 1))
                            return nil
                        } catch {
                            return (error as? SubmissionError)?.code
                        }
                    }
                }
                return await group.reduce(into: [SubmissionError.Code?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.filter { $0 == .aborted }.count == 19)
        }
    }

    @Test("Receiving a supplement needs the calendar: with the catalog down and nothing cached it is UNAVAILABLE")
    func supplementNeedsCalendar() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier
            _ = try await harness.engine.transition(transitionCommand(dossier.code, .requestSupplement, version: 1))
            harness.catalog.isReachable = false
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.transition(transitionCommand(dossier.code, .receiveSupplement, version: 2))
            }
            #expect(error.code == .unavailable)
            // Steps that need no calendar still work.
            _ = try await harness.engine.transition(transitionCommand(dossier.code, .withdraw, version: 2))
        }
    }

    @Test("An apology's date is checked against the calendar and the current appointment")
    func apology() async throws {
        try await withHarness { harness in
            let dossier = try await harness.engine.submit(submitCommand()).dossier  // due 9 February 2022
            let error = try await #require(throws: SubmissionError.self) {
                try await harness.engine.transition(transitionCommand(
                    dossier.code, .issueApology, version: 1, apology: Apology(newDate: date(2022, 2, 12), reason: "Chậm")))
            }
            #expect(error.code == .invalidArgument)
            #expect(error.message.hasPrefix("apology.new_date:"))
            let ok = try await harness.engine.transition(transitionCommand(
                dossier.code, .issueApology, version: 1, apology: Apology(newDate: date(2022, 2, 14), reason: "Chậm"))).dossier
            #expect(ok.workflow.promisedDate == date(2022, 2, 14))
            #expect(ok.workflow.dueDate == date(2022, 2, 9))
        }
    }
}
