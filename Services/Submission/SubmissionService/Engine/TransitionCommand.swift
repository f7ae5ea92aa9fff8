public import DomainModel

/// A validated TransitionDossier request.
public struct TransitionCommand: Sendable {
    public var code: DossierCode
    public var action: DossierAction
    public var expectedVersion: Int64
    public var actor: String
    public var note: String
    public var key: RetryKey?

    /// Checks every field.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` listing every offending field.
    public init(
        code: String, action: DossierActionKind?, payment: Payment?, apology: Apology?, expectedVersion: Int64, actor: String,
        note: String, caller: String, requestID: String
    ) throws(DomainError) {
        var problems: [FieldViolation] = []
        let parsed = DossierCode(code)
        if parsed == nil {
            problems.append(FieldViolation(field: "code", reason: code.isEmpty ? "is required" : "must look like UNITCODE-YYMMDD-NNNN (got \"\(code.prefix(60))\")"))
        }
        var made: DossierAction?
        if let action {
            do {
                made = try DossierAction.make(kind: action, payment: payment, apology: apology)
            } catch {
                problems += error.violations
            }
        } else {
            problems.append(FieldViolation(field: "action", reason: "is required"))
        }
        if let payment { problems += payment.violations().map { $0.nested(under: "payment") } }
        if let apology { problems += apology.violations().map { $0.nested(under: "apology") } }
        if expectedVersion < 1 {
            problems.append(FieldViolation(field: "expected_version", reason: "is required: the version of the dossier the caller saw (at least 1)"))
        }
        problems += DossierHistoryEntry.textViolations(actor: actor, note: note, actorRequired: true)
        var key: RetryKey?
        do {
            key = try RetryKey.parse(caller: caller, requestID: requestID, required: false)
        } catch {
            problems += error.violations
        }
        guard problems.isEmpty, let parsed, let made else { throw DomainError.invalid(problems) }
        self.code = parsed
        self.action = made
        self.expectedVersion = expectedVersion
        self.actor = actor
        self.note = note
        self.key = key
    }

    /// The content a retry must repeat.
    public var fingerprint: [UInt8] {
        var fingerprint = Fingerprint(kind: "transition")
        fingerprint.add(self.code.rawValue)
        fingerprint.add(self.action)
        fingerprint.add(self.expectedVersion)
        fingerprint.add(self.actor)
        fingerprint.add(self.note)
        return fingerprint.bytes
    }

    /// Whether the step needs the working-day calendar.
    var needsCalendar: Bool {
        switch self.action.kind {
        case .receiveSupplement, .issueApology: true
        default: false
        }
    }
}
