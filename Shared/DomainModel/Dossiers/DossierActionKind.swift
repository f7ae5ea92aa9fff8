/// The kinds of step in a dossier's history, numbered as `motcua.submission.v1.DossierAction`.
public enum DossierActionKind: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The receipt: the first history entry (not a workflow step).
    case submit = 1
    case accept = 2
    case reject = 3
    case startProcessing = 4
    case requestSupplement = 5
    case receiveSupplement = 6
    case requestPayment = 7
    case recordPayment = 8
    case resolve = 9
    case returnResult = 10
    case withdraw = 11
    case stopProcessing = 12
    case issueApology = 13

    /// Every kind but ``submit``: the steps of the workflow.
    public static let steps: [DossierActionKind] = allCases.filter { $0 != .submit }

    /// English snake-case name, e.g. `request_supplement`.
    public var name: String {
        switch self {
        case .submit: "submit"
        case .accept: "accept"
        case .reject: "reject"
        case .startProcessing: "start_processing"
        case .requestSupplement: "request_supplement"
        case .receiveSupplement: "receive_supplement"
        case .requestPayment: "request_payment"
        case .recordPayment: "record_payment"
        case .resolve: "resolve"
        case .returnResult: "return_result"
        case .withdraw: "withdraw"
        case .stopProcessing: "stop_processing"
        case .issueApology: "issue_apology"
        }
    }

    /// Whether the step's note is a notice addressed to the citizen (refusal, supplement or payment request, stop),
    /// shown in the citizen's view.
    public var noteIsCitizenNotice: Bool {
        switch self {
        case .reject, .requestSupplement, .requestPayment, .stopProcessing: true
        default: false
        }
    }

    public var description: String { self.name }
}

/// One workflow step with what it carries.
public enum DossierAction: Hashable, Sendable, CustomStringConvertible {
    case accept
    case reject
    case startProcessing
    case requestSupplement
    case receiveSupplement
    case requestPayment
    case recordPayment(Payment)
    case resolve
    case returnResult
    case withdraw
    case stopProcessing
    case issueApology(Apology)

    public var kind: DossierActionKind {
        switch self {
        case .accept: .accept
        case .reject: .reject
        case .startProcessing: .startProcessing
        case .requestSupplement: .requestSupplement
        case .receiveSupplement: .receiveSupplement
        case .requestPayment: .requestPayment
        case .recordPayment: .recordPayment
        case .resolve: .resolve
        case .returnResult: .returnResult
        case .withdraw: .withdraw
        case .stopProcessing: .stopProcessing
        case .issueApology: .issueApology
        }
    }

    /// The payment, for ``recordPayment(_:)``.
    public var payment: Payment? {
        if case .recordPayment(let payment) = self { return payment }
        return nil
    }

    /// The apology, for ``issueApology(_:)``.
    public var apology: Apology? {
        if case .issueApology(let apology) = self { return apology }
        return nil
    }

    /// The action of a kind and its payload.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` when the kind is ``DossierActionKind/submit`` (field
    ///   `action`), when a payment or apology is missing where required (`payment`, `apology`), or given where it
    ///   is not.
    public static func make(kind: DossierActionKind, payment: Payment?, apology: Apology?) throws(DomainError) -> DossierAction {
        if kind != .recordPayment, payment != nil {
            throw DomainError.invalid(field: "payment", "is only allowed with record_payment (got \(kind))")
        }
        if kind != .issueApology, apology != nil {
            throw DomainError.invalid(field: "apology", "is only allowed with issue_apology (got \(kind))")
        }
        switch kind {
        case .submit: throw DomainError.invalid(field: "action", "submit is not a workflow step (use SubmitDossier)")
        case .accept: return .accept
        case .reject: return .reject
        case .startProcessing: return .startProcessing
        case .requestSupplement: return .requestSupplement
        case .receiveSupplement: return .receiveSupplement
        case .requestPayment: return .requestPayment
        case .recordPayment:
            guard let payment else { throw DomainError.invalid(field: "payment", "is required with record_payment") }
            return .recordPayment(payment)
        case .resolve: return .resolve
        case .returnResult: return .returnResult
        case .withdraw: return .withdraw
        case .stopProcessing: return .stopProcessing
        case .issueApology:
            guard let apology else { throw DomainError.invalid(field: "apology", "is required with issue_apology") }
            return .issueApology(apology)
        }
    }

    public var description: String { self.kind.name }
}
