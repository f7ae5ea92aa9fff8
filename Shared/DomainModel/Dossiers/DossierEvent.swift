/// One change of one dossier in the event feed: what statistics and outside systems need (unit, procedure and its
/// online level, channel, assisted flag, timestamps, due date, status) and no applicant data.
public struct DossierEvent: Hashable, Sendable {
    /// Position in the feed: 1, 2, 3, … in commit order.
    public var sequence: Int64
    public var dossierCode: DossierCode
    /// The dossier's version after the change (the history step).
    public var dossierVersion: Int64
    public var action: DossierActionKind
    public var fromStatus: DossierStatus?
    public var occurredAt: UnixInstant
    public var recordedAt: UnixInstant
    /// Whether the change came from an import.
    public var imported: Bool
    public var unitCode: UnitCode
    public var procedure: ProcedureSnapshot
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    public var receivedAt: UnixInstant
    public var payment: Payment?
    public var apology: Apology?
    /// The workflow state after the change.
    public var after: DossierWorkflow

    public init(
        sequence: Int64, dossierCode: DossierCode, dossierVersion: Int64, action: DossierActionKind, fromStatus: DossierStatus?,
        occurredAt: UnixInstant, recordedAt: UnixInstant, imported: Bool, unitCode: UnitCode, procedure: ProcedureSnapshot,
        channel: DossierChannel, assistedByStaff: Bool, receivedAt: UnixInstant, payment: Payment?, apology: Apology?,
        after: DossierWorkflow
    ) {
        self.sequence = sequence
        self.dossierCode = dossierCode
        self.dossierVersion = dossierVersion
        self.action = action
        self.fromStatus = fromStatus
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.imported = imported
        self.unitCode = unitCode
        self.procedure = procedure
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.receivedAt = receivedAt
        self.payment = payment
        self.apology = apology
        self.after = after
    }

    /// The event of one history entry of a dossier.
    public init(sequence: Int64, dossier: Dossier, entry: DossierHistoryEntry) {
        self.init(
            sequence: sequence, dossierCode: dossier.code, dossierVersion: Int64(entry.step), action: entry.action,
            fromStatus: entry.fromStatus, occurredAt: entry.occurredAt, recordedAt: entry.recordedAt, imported: dossier.origin != nil,
            unitCode: dossier.unit.code, procedure: dossier.procedure, channel: dossier.channel,
            assistedByStaff: dossier.assistedByStaff, receivedAt: dossier.receivedAt, payment: entry.payment, apology: entry.apology,
            after: entry.after)
    }

    public var status: DossierStatus { self.after.status }
}
