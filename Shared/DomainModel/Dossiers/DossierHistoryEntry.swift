/// One entry of a dossier's history: the receipt or one workflow step, with the workflow state after it.
public struct DossierHistoryEntry: Hashable, Sendable {
    public static let maximumActorLength = 200
    public static let maximumNoteLength = 2000

    /// Position from 1 (the receipt); also the dossier's version after the entry.
    public var step: Int
    public var action: DossierActionKind
    /// The status before; nil for the receipt.
    public var fromStatus: DossierStatus?
    /// When it happened (for imported dossiers, the original instant).
    public var occurredAt: UnixInstant
    /// When it was recorded here.
    public var recordedAt: UnixInstant
    public var actor: String
    public var note: String
    public var apology: Apology?
    public var payment: Payment?
    /// The workflow state after the entry.
    public var after: DossierWorkflow

    public init(
        step: Int, action: DossierActionKind, fromStatus: DossierStatus?, occurredAt: UnixInstant, recordedAt: UnixInstant,
        actor: String, note: String, apology: Apology? = nil, payment: Payment? = nil, after: DossierWorkflow
    ) {
        self.step = step
        self.action = action
        self.fromStatus = fromStatus
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.actor = actor
        self.note = note
        self.apology = apology
        self.payment = payment
        self.after = after
    }

    /// The status after the entry.
    public var status: DossierStatus { self.after.status }

    /// What is wrong with an actor and a note given for an entry (fields `actor`, `note`).
    public static func textViolations(actor: String, note: String, actorRequired: Bool) -> [FieldViolation] {
        var problems: [FieldViolation] = []
        if actorRequired && actor.trimmingWhitespace.isEmpty {
            problems.append(FieldViolation(field: "actor", reason: "is required"))
        } else if actor.count > self.maximumActorLength {
            problems.append(FieldViolation(field: "actor", reason: "must be at most \(self.maximumActorLength) characters"))
        }
        if note.count > self.maximumNoteLength {
            problems.append(FieldViolation(field: "note", reason: "must be at most \(self.maximumNoteLength) characters"))
        }
        return problems
    }
}
