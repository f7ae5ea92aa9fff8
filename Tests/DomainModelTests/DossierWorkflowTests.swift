import DomainModel
import Testing

@Suite("Dossier workflow: every allowed and every refused step")
struct DossierWorkflowTests {
    /// The national workflow, written out independently of the implementation: (from, step) → status after.
    static let expected: [DossierStatus: [DossierActionKind: DossierStatus]] = [
        .new: [
            .accept: .accepted, .reject: .rejected, .requestSupplement: .supplementRequested, .withdraw: .withdrawn,
            .issueApology: .new,
        ],
        .accepted: [
            .startProcessing: .processing, .requestSupplement: .supplementRequested, .requestPayment: .paymentRequested,
            .withdraw: .withdrawn, .stopProcessing: .stopped, .issueApology: .accepted,
        ],
        .processing: [
            .resolve: .resolved, .requestSupplement: .supplementRequested, .requestPayment: .paymentRequested,
            .withdraw: .withdrawn, .stopProcessing: .stopped, .issueApology: .processing,
        ],
        // The fixture requests supplements and payments from `processing`, so that is where they return.
        .supplementRequested: [
            .receiveSupplement: .processing, .withdraw: .withdrawn, .stopProcessing: .stopped, .issueApology: .supplementRequested,
        ],
        .paymentRequested: [
            .recordPayment: .processing, .withdraw: .withdrawn, .stopProcessing: .stopped, .issueApology: .paymentRequested,
        ],
        .resolved: [.returnResult: .resultReturned],
        .rejected: [:], .withdrawn: [:], .stopped: [:], .resultReturned: [:],
    ]

    static let pairs: [(DossierStatus, DossierActionKind)] = DossierStatus.allCases.flatMap { status in
        DossierActionKind.steps.map { (status, $0) }
    }

    @Test("120 (status, step) pairs: allowed ones lead to the national status, refused ones change nothing", arguments: pairs)
    func everyPair(status: DossierStatus, kind: DossierActionKind) throws {
        var workflow = DossierFixtures.workflow(in: status)
        let before = workflow
        let at = DossierFixtures.receivedAt.adding(seconds: 24 * 3600)
        if let target = Self.expected[status]?[kind] {
            let transition = try workflow.apply(DossierFixtures.action(kind), at: at, calendar: TestCalendar.calendar)
            #expect(transition.from == status)
            #expect(transition.to == target)
            #expect(workflow.status == target)
            #expect(workflow.lastChangeAt == at)
            #expect(DossierWorkflow.allows(kind, from: status))
        } else {
            let error = try #require(throws: DomainError.self) {
                try workflow.apply(DossierFixtures.action(kind), at: at, calendar: TestCalendar.calendar)
            }
            #expect(error.code == .failedPrecondition)
            #expect(error.message.contains("status \(status)"), "names the current status: \(error.message)")
            #expect(error.message.contains(kind.name), "names the step: \(error.message)")
            #expect(workflow == before, "a refused step changes nothing")
            #expect(!DossierWorkflow.allows(kind, from: status))
        }
    }

    @Test("The allowed steps of each status match the table")
    func allowedSteps() {
        for status in DossierStatus.allCases {
            let expected = Set((Self.expected[status] ?? [:]).keys)
            #expect(Set(DossierWorkflow.allowedSteps(from: status)) == expected, "\(status)")
        }
        #expect(DossierWorkflow.allowedSources(of: .submit).isEmpty)
    }

    @Test("A refusal names the current status and the statuses the step goes from and to")
    func refusalMessage() throws {
        var workflow = DossierFixtures.workflow(in: .new)
        let error = try #require(throws: DomainError.self) {
            try workflow.apply(.resolve, at: DossierFixtures.receivedAt, calendar: TestCalendar.calendar)
        }
        #expect(error.message.contains("status 1 (new)"))
        #expect(error.message.contains("status 4 (processing)"))
        #expect(error.message.contains("status 9 (resolved)"))
        #expect(error.message.contains("accept, reject"))
    }

    @Test("Final statuses allow nothing; resolved allows only returning the result")
    func finals() {
        for status in DossierStatus.allCases where status.isFinal {
            #expect(DossierWorkflow.allowedSteps(from: status).isEmpty)
        }
        #expect(DossierWorkflow.allowedSteps(from: .resolved) == [.returnResult])
    }

    @Test("Channels start where the desk's practice puts them")
    func initialStatus() {
        #expect(DossierChannel.direct.initialStatus == .accepted)
        #expect(DossierChannel.online.initialStatus == .new)
        #expect(DossierChannel.postal.initialStatus == .new)
    }

    @Test("Supplement and payment requests return to the status they were made from")
    func resumeStatus() throws {
        let calendar = TestCalendar.calendar
        for start in [DossierStatus.new, .accepted, .processing] {
            var workflow = DossierFixtures.workflow(in: start)
            let at = DossierFixtures.receivedAt.adding(seconds: 10 * 3600)
            _ = try workflow.apply(.requestSupplement, at: at, calendar: calendar)
            #expect(workflow.resumeStatus == start)
            _ = try workflow.apply(.receiveSupplement, at: at.adding(seconds: 60), calendar: calendar)
            #expect(workflow.status == start)
            #expect(workflow.resumeStatus == nil)
        }
        for start in [DossierStatus.accepted, .processing] {
            var workflow = DossierFixtures.workflow(in: start)
            let at = DossierFixtures.receivedAt.adding(seconds: 10 * 3600)
            _ = try workflow.apply(.requestPayment, at: at, calendar: calendar)
            let transition = try workflow.apply(DossierFixtures.action(.recordPayment), at: at, calendar: calendar)
            #expect(workflow.status == start)
            #expect(transition.effects == [.paymentRecorded(Payment(method: .onlineNationalPortal, amountVND: 8000))])
        }
    }

    @Test("Finishing records the instant and ends a pause")
    func finishing() throws {
        var workflow = DossierFixtures.workflow(in: .supplementRequested)
        #expect(workflow.pausedSince != nil)
        let at = DossierFixtures.receivedAt.adding(seconds: 30 * 3600)
        let transition = try workflow.apply(.withdraw, at: at, calendar: TestCalendar.calendar)
        #expect(transition.effects == [.finished])
        #expect(workflow.finishedAt == at)
        #expect(workflow.pausedSince == nil)
        var resolved = DossierFixtures.workflow(in: .resolved)
        _ = try resolved.apply(.returnResult, at: at, calendar: TestCalendar.calendar)
        #expect(resolved.returnedAt == at)
        #expect(resolved.finishedAt != nil)
    }

    @Test("A step may not happen before the previous one")
    func chronological() throws {
        var workflow = DossierFixtures.workflow(in: .accepted)
        let error = try #require(throws: DomainError.self) {
            try workflow.apply(.startProcessing, at: DossierFixtures.receivedAt.adding(seconds: -1), calendar: TestCalendar.calendar)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.violations.map(\.field) == ["occurred_at"])
    }

    @Test("A payment with an impossible amount is refused")
    func badPayment() throws {
        var workflow = DossierFixtures.workflow(in: .paymentRequested)
        let error = try #require(throws: DomainError.self) {
            try workflow.apply(
                .recordPayment(Payment(method: .atDesk, amountVND: -5)), at: DossierFixtures.receivedAt.adding(seconds: 86_400),
                calendar: TestCalendar.calendar)
        }
        #expect(error.violations.map(\.field) == ["payment.amount_vnd"])
        #expect(workflow.status == .paymentRequested)
    }

    @Test("Payloads must match the step")
    func payloads() throws {
        #expect(throws: DomainError.self) { try DossierAction.make(kind: .recordPayment, payment: nil, apology: nil) }
        #expect(throws: DomainError.self) { try DossierAction.make(kind: .issueApology, payment: nil, apology: nil) }
        #expect(throws: DomainError.self) {
            try DossierAction.make(kind: .accept, payment: Payment(method: .atDesk, amountVND: 1), apology: nil)
        }
        #expect(throws: DomainError.self) { try DossierAction.make(kind: .submit, payment: nil, apology: nil) }
        #expect(try DossierAction.make(kind: .resolve, payment: nil, apology: nil) == .resolve)
    }
}
