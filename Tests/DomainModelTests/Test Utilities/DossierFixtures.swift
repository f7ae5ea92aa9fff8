import DomainModel

/// Workflows and dossiers in a known state, for the dossier tests.
enum DossierFixtures {
    /// Received Tuesday 1 March 2022 at 09:00 in Vietnam; 5 working days → due Tuesday 8 March.
    static let receivedAt = vietnamInstant(2022, 3, 1, 9)
    static let deadline = LegalDeadline.workingDays(5)

    static func due(receivedAt: UnixInstant = receivedAt, deadline: LegalDeadline = deadline) -> DueDate {
        do {
            return try TestCalendar.calendar.dueDate(receivedAt: receivedAt, deadline: deadline)
        } catch {
            fatalError("due date: \(error)")
        }
    }

    /// A workflow in the given status, reached through allowed steps one hour apart (supplement and payment
    /// requests are made from `processing`; withdrawn, stopped and resolved from `processing`).
    static func workflow(in status: DossierStatus) -> DossierWorkflow {
        let path: [DossierAction]
        let channel: DossierChannel
        switch status {
        case .new: (channel, path) = (.online, [])
        case .accepted: (channel, path) = (.direct, [])
        case .rejected: (channel, path) = (.online, [.reject])
        case .processing: (channel, path) = (.direct, [.startProcessing])
        case .supplementRequested: (channel, path) = (.direct, [.startProcessing, .requestSupplement])
        case .paymentRequested: (channel, path) = (.direct, [.startProcessing, .requestPayment])
        case .withdrawn: (channel, path) = (.direct, [.startProcessing, .withdraw])
        case .stopped: (channel, path) = (.direct, [.startProcessing, .stopProcessing])
        case .resolved: (channel, path) = (.direct, [.startProcessing, .resolve])
        case .resultReturned: (channel, path) = (.direct, [.startProcessing, .resolve, .returnResult])
        }
        var workflow = DossierWorkflow(channel: channel, receivedAt: receivedAt, due: due())
        for (index, action) in path.enumerated() {
            do {
                _ = try workflow.apply(action, at: receivedAt.adding(seconds: Int64(index + 1) * 3600), calendar: TestCalendar.calendar)
            } catch {
                fatalError("fixture path to \(status): \(error)")
            }
        }
        precondition(workflow.status == status)
        return workflow
    }

    /// A valid payload-carrying action of each kind.
    static func action(_ kind: DossierActionKind) -> DossierAction {
        switch kind {
        case .submit: fatalError("submit is not a step")
        case .accept: .accept
        case .reject: .reject
        case .startProcessing: .startProcessing
        case .requestSupplement: .requestSupplement
        case .receiveSupplement: .receiveSupplement
        case .requestPayment: .requestPayment
        case .recordPayment: .recordPayment(Payment(method: .onlineNationalPortal, amountVND: 8000))
        case .resolve: .resolve
        case .returnResult: .returnResult
        case .withdraw: .withdraw
        case .stopProcessing: .stopProcessing
        case .issueApology: .issueApology(Apology(newDate: date(2022, 3, 15), reason: "Chờ xác minh của cơ quan liên quan"))
        }
    }

    static let unit = UnitSnapshot(code: UnitCode("03162")!, name: "Xã Nậm Kè")
    static let procedure = ProcedureSnapshot(
        code: ProcedureCode("1.001193")!, name: "Đăng ký khai sinh", field: "Hộ tịch", onlineLevel: .fullyOnline,
        onlineScheme: .fullProcess, legalDeadline: deadline, feeBearing: false)
    static let applicant = Applicant(fullName: "Giàng A Páo", idNumber: "011095001234", phone: "0912 345 678")

    static func dossier(channel: DossierChannel = .online, number: Int = 1) -> Dossier {
        Dossier.received(
            code: DossierCode(unitCode: unit.code, receiptDate: date(2022, 3, 1), number: number)!, procedure: procedure, unit: unit,
            channel: channel, assistedByStaff: channel == .online, applicant: applicant, attachments: [], receivedAt: receivedAt,
            due: due(), actor: "desk-03162", note: "", recordedAt: receivedAt)
    }
}
