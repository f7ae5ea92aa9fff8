/// A dossier (hồ sơ): what was filed, for whom, where and how, its workflow state and its whole history.
public struct Dossier: Hashable, Sendable {
    public var code: DossierCode
    public var procedure: ProcedureSnapshot
    public var unit: UnitSnapshot
    public var channel: DossierChannel
    /// Whether desk staff typed an online dossier in on the citizen's behalf.
    public var assistedByStaff: Bool
    public var applicant: Applicant
    public var attachments: [Attachment]
    public var receivedAt: UnixInstant
    /// The current workflow state (the state after the last history entry).
    public var workflow: DossierWorkflow
    /// Every entry, in order; never empty.
    public var history: [DossierHistoryEntry]
    /// Set for imported dossiers.
    public var origin: ImportOrigin?

    public init(
        code: DossierCode, procedure: ProcedureSnapshot, unit: UnitSnapshot, channel: DossierChannel, assistedByStaff: Bool,
        applicant: Applicant, attachments: [Attachment], receivedAt: UnixInstant, workflow: DossierWorkflow,
        history: [DossierHistoryEntry], origin: ImportOrigin?
    ) {
        self.code = code
        self.procedure = procedure
        self.unit = unit
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.applicant = applicant
        self.attachments = attachments
        self.receivedAt = receivedAt
        self.workflow = workflow
        self.history = history
        self.origin = origin
    }

    /// A dossier just received: version 1, its receipt as the only history entry.
    ///
    /// - Parameters:
    ///   - due: the appointment date computed for `receivedAt` and the procedure's deadline.
    ///   - recordedAt: when this service records it (the receipt instant itself for a live submission).
    public static func received(
        code: DossierCode, procedure: ProcedureSnapshot, unit: UnitSnapshot, channel: DossierChannel, assistedByStaff: Bool,
        applicant: Applicant, attachments: [Attachment], receivedAt: UnixInstant, due: DueDate, actor: String, note: String,
        recordedAt: UnixInstant, origin: ImportOrigin? = nil
    ) -> Dossier {
        let workflow = DossierWorkflow(channel: channel, receivedAt: receivedAt, due: due)
        let entry = DossierHistoryEntry(
            step: 1, action: .submit, fromStatus: nil, occurredAt: receivedAt, recordedAt: recordedAt, actor: actor, note: note,
            after: workflow)
        return Dossier(
            code: code, procedure: procedure, unit: unit, channel: channel, assistedByStaff: assistedByStaff,
            applicant: applicant, attachments: attachments, receivedAt: receivedAt, workflow: workflow, history: [entry],
            origin: origin)
    }

    /// The version: how many history entries it has (1 after the receipt).
    public var version: Int64 { Int64(self.history.count) }

    public var status: DossierStatus { self.workflow.status }

    /// The date of receipt in Vietnam.
    public var receivedOn: CivilDate { self.code.receiptDate }

    /// When it last changed (recorded time).
    public var updatedAt: UnixInstant { self.history.last?.recordedAt ?? self.receivedAt }

    /// Applies one workflow step and appends its history entry.
    ///
    /// - Throws: ``DomainError`` as ``DossierWorkflow/apply(_:at:calendar:)``; nothing changes when it throws.
    @discardableResult
    public mutating func apply(
        _ action: DossierAction, at instant: UnixInstant, actor: String, note: String, recordedAt: UnixInstant,
        calendar: WorkingCalendar
    ) throws(DomainError) -> DossierTransition {
        var workflow = self.workflow
        let transition = try workflow.apply(action, at: instant, calendar: calendar)
        self.workflow = workflow
        self.history.append(DossierHistoryEntry(
            step: self.history.count + 1, action: action.kind, fromStatus: transition.from, occurredAt: instant,
            recordedAt: recordedAt, actor: actor, note: note, apology: action.apology, payment: action.payment, after: workflow))
        return transition
    }

    /// The event of a history entry (by default the last one), with the given feed sequence.
    public func event(sequence: Int64, entry: DossierHistoryEntry? = nil) -> DossierEvent {
        DossierEvent(sequence: sequence, dossier: self, entry: entry ?? self.history[self.history.count - 1])
    }
}
