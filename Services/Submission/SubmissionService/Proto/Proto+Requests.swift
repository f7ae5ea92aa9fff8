internal import DomainModel
internal import RPCProtobuf

// Wire → domain: requests become validated commands; every offending field is named.

enum RequestParsing {
    static func channel(_ value: Motcua_Submission_V1_Channel, field: String, problems: inout [FieldViolation]) -> DossierChannel? {
        if value.rawValue == 0 { return nil }
        guard let channel = DossierChannel(rawValue: Int(value.rawValue)) else {
            problems.append(FieldViolation(field: field, reason: "unknown channel \(value.rawValue)"))
            return nil
        }
        return channel
    }

    static func applicant(_ message: Motcua_Submission_V1_Applicant?) -> Applicant? {
        message.map { Applicant(fullName: $0.fullName, idNumber: $0.idNumber, phone: $0.phone, email: $0.email, address: $0.address) }
    }

    static func attachments(_ messages: [Motcua_Submission_V1_Attachment]) -> [Attachment] {
        messages.map {
            Attachment(name: $0.name, component: $0.component, mediaType: $0.mediaType, sizeBytes: $0.sizeBytes, sha256: $0.sha256)
        }
    }

    static func actionKind(_ value: Motcua_Submission_V1_DossierAction, field: String, problems: inout [FieldViolation]) -> DossierActionKind? {
        if value.rawValue == 0 { return nil }
        guard let kind = DossierActionKind(rawValue: Int(value.rawValue)) else {
            problems.append(FieldViolation(field: field, reason: "unknown action \(value.rawValue)"))
            return nil
        }
        return kind
    }

    static func payment(_ message: Motcua_Submission_V1_Payment?, field: String, problems: inout [FieldViolation]) -> Payment? {
        guard let message else { return nil }
        guard let method = PaymentMethod(rawValue: Int(message.method.rawValue)) else {
            problems.append(FieldViolation(
                field: "\(field).method", reason: message.method.rawValue == 0 ? "is required" : "unknown payment method \(message.method.rawValue)"))
            return Payment(method: .atDesk, amountVND: message.amountVnd)
        }
        return Payment(method: method, amountVND: message.amountVnd)
    }

    static func apology(_ message: Motcua_Submission_V1_Apology?, field: String, problems: inout [FieldViolation]) -> Apology? {
        guard let message else { return nil }
        guard let raw = message.newDate else {
            problems.append(FieldViolation(field: "\(field).new_date", reason: "is required"))
            return nil
        }
        guard let date = CivilDate(year: Int(raw.year), month: Int(raw.month), day: Int(raw.day)) else {
            problems.append(FieldViolation(field: "\(field).new_date", reason: "\(raw.year)-\(raw.month)-\(raw.day) is not a valid date"))
            return nil
        }
        return Apology(newDate: date, reason: message.reason)
    }

    /// Throws the violations found while reading the wire values together with those of the command itself.
    static func build<T>(_ problems: [FieldViolation], _ make: () throws(DomainError) -> T) throws(SubmissionError) -> T {
        do throws(DomainError) {
            let value = try make()
            guard problems.isEmpty else { throw DomainError.invalid(problems) }
            return value
        } catch {
            var all = problems
            for violation in error.violations where !all.contains(violation) { all.append(violation) }
            throw SubmissionError(all.isEmpty ? error : DomainError.invalid(all))
        }
    }

    static func submit(_ request: Motcua_Submission_V1_SubmitDossierRequest) throws(SubmissionError) -> SubmitCommand {
        var problems: [FieldViolation] = []
        let channel = self.channel(request.channel, field: "channel", problems: &problems)
        return try self.build(problems) { () throws(DomainError) in
            try SubmitCommand(
                caller: request.caller, requestID: request.requestID, procedureCode: request.procedureCode, unitCode: request.unitCode,
                channel: channel, assistedByStaff: request.assistedByStaff, applicant: self.applicant(request.applicant),
                attachments: self.attachments(request.attachments), receivedBy: request.receivedBy, note: request.note)
        }
    }

    static func transition(_ request: Motcua_Submission_V1_TransitionDossierRequest) throws(SubmissionError) -> TransitionCommand {
        var problems: [FieldViolation] = []
        let kind = self.actionKind(request.action, field: "action", problems: &problems)
        let payment = self.payment(request.payment, field: "payment", problems: &problems)
        let apology = self.apology(request.apology, field: "apology", problems: &problems)
        return try self.build(problems) { () throws(DomainError) in
            try TransitionCommand(
                code: request.code, action: kind, payment: payment, apology: apology, expectedVersion: request.expectedVersion,
                actor: request.actor, note: request.note, caller: request.caller, requestID: request.requestID)
        }
    }

    /// An imported dossier as read from the wire.
    enum ParsedImport {
        case command(ImportCommand)
        case rejected([FieldViolation])
    }

    /// One imported dossier: the command, or the violations that reject it.
    static func imported(_ message: Motcua_Submission_V1_ImportedDossier, position: Int) -> ParsedImport {
        var problems: [FieldViolation] = []
        if let reason = RetryKey.callerProblem(message.sourceSystem) { problems.append(FieldViolation(field: "source_system", reason: reason)) }
        if message.sourceID.isEmpty || message.sourceID.utf8.count > 200 || !message.sourceID.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) {
            problems.append(FieldViolation(field: "source_id", reason: "must be 1 to 200 printable ASCII characters without spaces"))
        }
        var code: DossierCode?
        if !message.code.isEmpty {
            code = DossierCode(message.code)
            if code == nil {
                problems.append(FieldViolation(field: "code", reason: "must look like UNITCODE-YYMMDD-NNNN (got \"\(message.code.prefix(60))\")"))
            }
        }
        let procedure = ProcedureCode(message.procedureCode)
        if procedure == nil { problems.append(FieldViolation(field: "procedure_code", reason: "is not a procedure code")) }
        let unit = UnitCode(message.unitCode)
        if unit == nil { problems.append(FieldViolation(field: "unit_code", reason: "must be a GSO code of 2, 3 or 5 digits")) }
        let channel = self.channel(message.channel, field: "channel", problems: &problems)
        if channel == nil && message.channel.rawValue == 0 { problems.append(FieldViolation(field: "channel", reason: "is required")) }
        if message.assistedByStaff && channel != nil && channel != .online {
            problems.append(FieldViolation(field: "assisted_by_staff", reason: "applies only to online submissions"))
        }
        let applicant = self.applicant(message.applicant)?.normalized
        if let applicant {
            problems += applicant.violations().map { $0.nested(under: "applicant") }
        } else {
            problems.append(FieldViolation(field: "applicant", reason: "is required"))
        }
        let attachments = self.attachments(message.attachments)
        problems += SubmitCommand.attachmentViolations(attachments)
        var receivedAt: UnixInstant?
        if let raw = message.receivedAt {
            receivedAt = UnixInstant(seconds: raw.seconds, nanoseconds: raw.nanos)
            if receivedAt == nil { problems.append(FieldViolation(field: "received_at", reason: "is not a valid timestamp")) }
        } else {
            problems.append(FieldViolation(field: "received_at", reason: "is required"))
        }
        var dueDate: CivilDate?
        if let raw = message.dueDate {
            dueDate = CivilDate(year: Int(raw.year), month: Int(raw.month), day: Int(raw.day))
            if dueDate == nil { problems.append(FieldViolation(field: "due_date", reason: "is not a valid date")) }
        }
        if message.receivedBy.count > DossierHistoryEntry.maximumActorLength {
            problems.append(FieldViolation(field: "received_by", reason: "must be at most 200 characters"))
        }
        if message.history.count > ImportCommand.maximumSteps {
            problems.append(FieldViolation(field: "history", reason: "at most \(ImportCommand.maximumSteps) steps (got \(message.history.count))"))
        }
        var steps: [ImportCommand.Step] = []
        for (index, step) in message.history.prefix(ImportCommand.maximumSteps).enumerated() {
            let path = "history[\(index)]"
            var stepProblems: [FieldViolation] = []
            let kind = self.actionKind(step.action, field: "\(path).action", problems: &stepProblems)
            if kind == nil && step.action.rawValue == 0 { stepProblems.append(FieldViolation(field: "\(path).action", reason: "is required")) }
            let payment = self.payment(step.payment, field: "\(path).payment", problems: &stepProblems)
            let apology = self.apology(step.apology, field: "\(path).apology", problems: &stepProblems)
            var action: DossierAction?
            if let kind {
                do {
                    action = try DossierAction.make(kind: kind, payment: payment, apology: apology)
                } catch {
                    stepProblems += error.violations.map { $0.nested(under: path) }
                }
            }
            let occurredAt = step.occurredAt.flatMap { UnixInstant(seconds: $0.seconds, nanoseconds: $0.nanos) }
            if occurredAt == nil { stepProblems.append(FieldViolation(field: "\(path).occurred_at", reason: "is required (a valid timestamp)")) }
            stepProblems += DossierHistoryEntry.textViolations(actor: step.actor, note: step.note, actorRequired: false).map { $0.nested(under: path) }
            var expected: DossierStatus?
            if step.status.rawValue != 0 {
                expected = DossierStatus(rawValue: Int(step.status.rawValue))
                if expected == nil { stepProblems.append(FieldViolation(field: "\(path).status", reason: "unknown status \(step.status.rawValue)")) }
            }
            problems += stepProblems
            if stepProblems.isEmpty, let action, let occurredAt {
                steps.append(ImportCommand.Step(action: action, occurredAt: occurredAt, actor: step.actor, note: step.note, expectedStatus: expected))
            }
        }
        guard problems.isEmpty, let procedure, let unit, let channel, let applicant, let receivedAt else { return .rejected(problems) }
        return .command(ImportCommand(
            position: position, origin: ImportOrigin(sourceSystem: message.sourceSystem, sourceID: message.sourceID), code: code,
            procedureCode: procedure, unitCode: unit, channel: channel, assistedByStaff: message.assistedByStaff, applicant: applicant,
            attachments: attachments, receivedAt: receivedAt, dueDate: dueDate, receivedBy: message.receivedBy, history: steps))
    }
}
