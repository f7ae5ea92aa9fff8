/// The workflow of one dossier as a value-type state machine: the status of the national catalogue plus what the
/// rules need to remember (where a pause returns to, the appointment date, the clock, apologies).
///
/// ``apply(_:at:calendar:)`` either refuses a step (nothing changes) or changes the state and returns a
/// ``DossierTransition`` describing what happened, which the caller records (history entry, event). No I/O.
///
/// The steps each status allows (``allowedSteps(from:)``):
///
/// | status                    | steps |
/// |---------------------------|-------|
/// | 1 new                     | accept, reject, request_supplement, withdraw, issue_apology |
/// | 2 accepted                | start_processing, request_supplement, request_payment, withdraw, stop_processing, issue_apology |
/// | 4 processing              | resolve, request_supplement, request_payment, withdraw, stop_processing, issue_apology |
/// | 5 supplement requested    | receive_supplement (back to the status before the request), withdraw, stop_processing, issue_apology |
/// | 6 payment requested       | record_payment (back to the status before the request), withdraw, stop_processing, issue_apology |
/// | 9 resolved                | return_result |
/// | 3, 7, 8, 10               | none |
public struct DossierWorkflow: Hashable, Sendable {
    public private(set) var status: DossierStatus
    /// Where a supplement or payment request returns to; set while status is 5 or 6.
    public private(set) var resumeStatus: DossierStatus?
    /// The legal deadline applied at receipt.
    public let deadline: LegalDeadline
    /// The appointment date (ngày hẹn trả): the legal due date, moved by supplement pauses only.
    public private(set) var dueDate: CivilDate
    /// The last instant the result is due.
    public private(set) var dueAt: UnixInstant
    /// The new appointment date of the latest apology.
    public private(set) var promisedDate: CivilDate?
    /// Since when the clock is paused; set while status is 5.
    public private(set) var pausedSince: UnixInstant?
    public private(set) var supplementRequests: Int
    public private(set) var apologies: Int
    /// When processing ended.
    public private(set) var finishedAt: UnixInstant?
    /// When the result was returned.
    public private(set) var returnedAt: UnixInstant?
    /// When the last step (or the receipt) happened; a step may not happen before it.
    public private(set) var lastChangeAt: UnixInstant

    /// The state of a dossier just received.
    public init(channel: DossierChannel, receivedAt: UnixInstant, due: DueDate) {
        self.init(
            status: channel.initialStatus, resumeStatus: nil, deadline: due.deadline, dueDate: due.dueDate, dueAt: due.dueAt,
            promisedDate: nil, pausedSince: nil, supplementRequests: 0, apologies: 0, finishedAt: nil, returnedAt: nil,
            lastChangeAt: receivedAt)
    }

    /// A state as stored.
    public init(
        status: DossierStatus, resumeStatus: DossierStatus?, deadline: LegalDeadline, dueDate: CivilDate, dueAt: UnixInstant,
        promisedDate: CivilDate?, pausedSince: UnixInstant?, supplementRequests: Int, apologies: Int,
        finishedAt: UnixInstant?, returnedAt: UnixInstant?, lastChangeAt: UnixInstant
    ) {
        self.status = status
        self.resumeStatus = resumeStatus
        self.deadline = deadline
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.promisedDate = promisedDate
        self.pausedSince = pausedSince
        self.supplementRequests = supplementRequests
        self.apologies = apologies
        self.finishedAt = finishedAt
        self.returnedAt = returnedAt
        self.lastChangeAt = lastChangeAt
    }

    /// The date the citizen was last promised: the latest apology's date, else the appointment date.
    public var currentAppointment: CivilDate { self.promisedDate ?? self.dueDate }

    // MARK: - The transition table

    /// The statuses a step may start from.
    public static func allowedSources(of kind: DossierActionKind) -> [DossierStatus] {
        switch kind {
        case .submit: []
        case .accept, .reject: [.new]
        case .startProcessing: [.accepted]
        case .requestSupplement: [.new, .accepted, .processing]
        case .receiveSupplement: [.supplementRequested]
        case .requestPayment: [.accepted, .processing]
        case .recordPayment: [.paymentRequested]
        case .resolve: [.processing]
        case .returnResult: [.resolved]
        case .withdraw: [.new, .accepted, .processing, .supplementRequested, .paymentRequested]
        case .stopProcessing: [.accepted, .processing, .supplementRequested, .paymentRequested]
        case .issueApology: [.new, .accepted, .processing, .supplementRequested, .paymentRequested]
        }
    }

    /// The steps a status allows, in ``DossierActionKind`` order.
    public static func allowedSteps(from status: DossierStatus) -> [DossierActionKind] {
        DossierActionKind.steps.filter { self.allowedSources(of: $0).contains(status) }
    }

    /// Whether the step may start from the status.
    public static func allows(_ kind: DossierActionKind, from status: DossierStatus) -> Bool {
        self.allowedSources(of: kind).contains(status)
    }

    /// The status a step leads to, when it does not depend on the dossier (nil for the steps that return to the
    /// status before a request; the same status for an apology).
    public static func nominalTarget(of kind: DossierActionKind, from status: DossierStatus) -> DossierStatus? {
        switch kind {
        case .submit, .receiveSupplement, .recordPayment: nil
        case .accept: .accepted
        case .reject: .rejected
        case .startProcessing: .processing
        case .requestSupplement: .supplementRequested
        case .requestPayment: .paymentRequested
        case .resolve: .resolved
        case .returnResult: .resultReturned
        case .withdraw: .withdrawn
        case .stopProcessing: .stopped
        case .issueApology: status
        }
    }

    // MARK: - Applying a step

    /// Applies one step at an instant.
    ///
    /// - Parameters:
    ///   - calendar: the working-day calendar (used when a supplement arrives and to check an apology's date).
    /// - Returns: what happened; the state has changed.
    /// - Throws: ``DomainError``: `failedPrecondition` when the status does not allow the step (the message names the
    ///   current status, the step and the statuses it needs and leads to) or the calendar lacks a year;
    ///   `invalidArgument` for an instant before the previous step (`occurred_at`), an invalid payment or apology.
    ///   Nothing changes when it throws.
    public mutating func apply(_ action: DossierAction, at instant: UnixInstant, calendar: WorkingCalendar) throws(DomainError) -> DossierTransition {
        let kind = action.kind
        let from = self.status
        guard Self.allows(kind, from: from) else { throw Self.refusal(kind, from: from) }
        guard instant >= self.lastChangeAt else {
            throw DomainError.invalid(field: "occurred_at", "must not be before the previous step (\(self.lastChangeAt), got \(instant))")
        }
        var next = self
        var effects: [DossierTransition.Effect] = []
        switch action {
        case .accept:
            next.status = .accepted
        case .reject:
            next.finish(as: .rejected, at: instant)
            effects.append(.finished)
        case .startProcessing:
            next.status = .processing
        case .requestSupplement:
            next.resumeStatus = from
            next.status = .supplementRequested
            next.pausedSince = instant
            next.supplementRequests += 1
            effects.append(.clockPaused)
        case .receiveSupplement:
            let pausedAt = self.pausedSince ?? instant
            let resumed = try SupplementPause.resume(
                dueDate: self.dueDate, dueAt: self.dueAt, unit: self.deadline.unit, pausedAt: pausedAt, resumedAt: instant,
                calendar: calendar)
            next.dueDate = resumed.dueDate
            next.dueAt = resumed.dueAt
            next.pausedSince = nil
            next.status = self.resumeStatus ?? .processing
            next.resumeStatus = nil
            effects.append(.clockResumed(from: self.dueDate, to: resumed.dueDate, pausedUnits: resumed.pausedUnits))
        case .requestPayment:
            next.resumeStatus = from
            next.status = .paymentRequested
        case .recordPayment(let payment):
            let problems = payment.violations().map { $0.nested(under: "payment") }
            guard problems.isEmpty else { throw DomainError.invalid(problems) }
            next.status = self.resumeStatus ?? .processing
            next.resumeStatus = nil
            effects.append(.paymentRecorded(payment))
        case .resolve:
            next.finish(as: .resolved, at: instant)
            effects.append(.finished)
        case .returnResult:
            next.status = .resultReturned
            next.returnedAt = instant
            effects.append(.resultReturned)
        case .withdraw:
            next.finish(as: .withdrawn, at: instant)
            effects.append(.finished)
        case .stopProcessing:
            next.finish(as: .stopped, at: instant)
            effects.append(.finished)
        case .issueApology(let apology):
            try apology.check(currentAppointment: self.currentAppointment, issuedOn: VietnamTime.date(of: instant), calendar: calendar)
            next.promisedDate = apology.newDate
            next.apologies += 1
            effects.append(.apologyIssued(apology))
        }
        next.lastChangeAt = instant
        self = next
        return DossierTransition(action: action, from: from, to: next.status, at: instant, effects: effects)
    }

    private mutating func finish(as status: DossierStatus, at instant: UnixInstant) {
        self.status = status
        self.finishedAt = instant
        self.pausedSince = nil
        self.resumeStatus = nil
    }

    /// The error of a refused step: names the current status, the step, and the statuses the step needs and leads to.
    public static func refusal(_ kind: DossierActionKind, from status: DossierStatus) -> DomainError {
        let sources = self.allowedSources(of: kind)
        guard !sources.isEmpty else {
            return .failedPrecondition("\(kind) is not a workflow step (the dossier is in status \(status))")
        }
        let needs = sources.count == 1 ? "status \(sources[0])" : "one of the statuses " + sources.map(\.description).joined(separator: ", ")
        let leads: String
        switch kind {
        case .receiveSupplement, .recordPayment: leads = "back to the status before the request"
        case .issueApology: leads = "without changing the status"
        default: leads = self.nominalTarget(of: kind, from: status).map { "to status \($0)" } ?? ""
        }
        let allowed = self.allowedSteps(from: status)
        let hint = allowed.isEmpty ? "no step is allowed from it" : "it allows " + allowed.map(\.name).joined(separator: ", ")
        return .failedPrecondition(
            "cannot \(kind) a dossier in status \(status): \(kind) goes from \(needs) \(leads); \(hint)")
    }
}
