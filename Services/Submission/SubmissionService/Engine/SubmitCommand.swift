public import DomainModel

/// A validated SubmitDossier request.
public struct SubmitCommand: Sendable {
    public static let maximumAttachments = Attachment.maximumCount

    public var key: RetryKey
    public var procedureCode: ProcedureCode
    public var unitCode: UnitCode
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    /// Normalised.
    public var applicant: Applicant
    public var attachments: [Attachment]
    /// The actor of the receipt entry (the caller when not given).
    public var receivedBy: String
    public var note: String

    /// Checks every field; the applicant is normalised.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` listing every offending field.
    public init(
        caller: String, requestID: String, procedureCode: String, unitCode: String, channel: DossierChannel?, assistedByStaff: Bool,
        applicant: Applicant?, attachments: [Attachment], receivedBy: String, note: String
    ) throws(DomainError) {
        var problems: [FieldViolation] = []
        var key: RetryKey?
        do {
            key = try RetryKey.parse(caller: caller, requestID: requestID, required: true)
        } catch {
            problems += error.violations
        }
        let procedure = ProcedureCode(procedureCode)
        if procedure == nil {
            problems.append(FieldViolation(field: "procedure_code", reason: procedureCode.isEmpty ? "is required" : "is not a procedure code (got \"\(procedureCode.prefix(60))\")"))
        }
        let unit = UnitCode(unitCode)
        if unit == nil {
            problems.append(FieldViolation(field: "unit_code", reason: unitCode.isEmpty ? "is required" : "must be a GSO code of 2, 3 or 5 digits (got \"\(unitCode.prefix(40))\")"))
        }
        if channel == nil { problems.append(FieldViolation(field: "channel", reason: "is required (direct, online or postal)")) }
        if assistedByStaff && channel != nil && channel != .online {
            problems.append(FieldViolation(field: "assisted_by_staff", reason: "applies only to online submissions"))
        }
        let normalized = applicant?.normalized
        if let normalized {
            problems += normalized.violations().map { $0.nested(under: "applicant") }
        } else {
            problems.append(FieldViolation(field: "applicant", reason: "is required"))
        }
        problems += Self.attachmentViolations(attachments)
        problems += DossierHistoryEntry.textViolations(actor: receivedBy, note: note, actorRequired: false).map {
            $0.field == "actor" ? FieldViolation(field: "received_by", reason: $0.reason) : $0
        }
        guard problems.isEmpty, let key, let procedure, let unit, let channel, let normalized else { throw DomainError.invalid(problems) }
        self.key = key
        self.procedureCode = procedure
        self.unitCode = unit
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.applicant = normalized
        self.attachments = attachments
        self.receivedBy = receivedBy.isEmpty ? key.caller : receivedBy
        self.note = note
    }

    static func attachmentViolations(_ attachments: [Attachment]) -> [FieldViolation] {
        var problems: [FieldViolation] = []
        if attachments.count > self.maximumAttachments {
            problems.append(FieldViolation(field: "attachments", reason: "at most \(self.maximumAttachments) (got \(attachments.count))"))
        }
        for (index, attachment) in attachments.enumerated() {
            problems += attachment.violations().map { $0.nested(under: "attachments[\(index)]") }
        }
        return problems
    }

    /// The content a retry must repeat.
    public var fingerprint: [UInt8] {
        var fingerprint = Fingerprint(kind: "submit")
        fingerprint.add(self.procedureCode.rawValue)
        fingerprint.add(self.unitCode.rawValue)
        fingerprint.add(self.channel.rawValue)
        fingerprint.add(self.assistedByStaff)
        fingerprint.add(self.applicant)
        fingerprint.add(self.attachments)
        fingerprint.add(self.receivedBy)
        fingerprint.add(self.note)
        return fingerprint.bytes
    }
}
