public import DomainModel

/// One validated dossier of an ImportDossiers stream.
public struct ImportCommand: Sendable {
    /// One step of the imported history.
    public struct Step: Sendable {
        public var action: DossierAction
        public var occurredAt: UnixInstant
        public var actor: String
        public var note: String
        /// The status the source system recorded after the step, to check.
        public var expectedStatus: DossierStatus?

        public init(action: DossierAction, occurredAt: UnixInstant, actor: String, note: String, expectedStatus: DossierStatus?) {
            self.action = action
            self.occurredAt = occurredAt
            self.actor = actor
            self.note = note
            self.expectedStatus = expectedStatus
        }
    }

    public static let maximumSteps = 200
    /// The earliest receipt an import accepts (dossier codes name years 2000–2099).
    public static let earliestReceipt = VietnamTime.startOfDay(CivilDate(year: 2000, month: 1, day: 1)!)

    /// Position in the stream, from 1.
    public var position: Int
    public var origin: ImportOrigin
    /// The original code, kept when given.
    public var code: DossierCode?
    public var procedureCode: ProcedureCode
    public var unitCode: UnitCode
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    public var applicant: Applicant
    public var attachments: [Attachment]
    public var receivedAt: UnixInstant
    /// The original appointment date; nil: computed.
    public var dueDate: CivilDate?
    public var receivedBy: String
    public var history: [Step]

    public init(
        position: Int, origin: ImportOrigin, code: DossierCode?, procedureCode: ProcedureCode, unitCode: UnitCode,
        channel: DossierChannel, assistedByStaff: Bool, applicant: Applicant, attachments: [Attachment], receivedAt: UnixInstant,
        dueDate: CivilDate?, receivedBy: String, history: [Step]
    ) {
        self.position = position
        self.origin = origin
        self.code = code
        self.procedureCode = procedureCode
        self.unitCode = unitCode
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.applicant = applicant
        self.attachments = attachments
        self.receivedAt = receivedAt
        self.dueDate = dueDate
        self.receivedBy = receivedBy
        self.history = history
    }

    /// The content a repeated import must have to count as the same dossier.
    public var fingerprint: [UInt8] {
        var fingerprint = Fingerprint(kind: "import")
        fingerprint.add(self.code?.rawValue ?? "")
        fingerprint.add(self.procedureCode.rawValue)
        fingerprint.add(self.unitCode.rawValue)
        fingerprint.add(self.channel.rawValue)
        fingerprint.add(self.assistedByStaff)
        fingerprint.add(self.applicant)
        fingerprint.add(self.attachments)
        fingerprint.add(self.receivedAt.seconds)
        fingerprint.add(Int64(self.receivedAt.nanoseconds))
        fingerprint.add(self.dueDate.map { Int64($0.daysSinceEpoch) } ?? Int64.min)
        fingerprint.add(self.receivedBy)
        fingerprint.add(self.history.count)
        for step in self.history {
            fingerprint.add(step.action)
            fingerprint.add(step.occurredAt.seconds)
            fingerprint.add(Int64(step.occurredAt.nanoseconds))
            fingerprint.add(step.actor)
            fingerprint.add(step.note)
            fingerprint.add(step.expectedStatus?.rawValue ?? 0)
        }
        return fingerprint.bytes
    }
}

/// What became of one imported dossier.
public enum ImportOutcome: Hashable, Sendable {
    /// Written now, with this code.
    case imported(position: Int, sourceID: String, code: DossierCode)
    /// Imported before with the same content: nothing written.
    case alreadyImported(position: Int, sourceID: String, code: DossierCode)
    /// Not written, for these reasons.
    case rejected(position: Int, origin: ImportOrigin, violations: [FieldViolation])
}
