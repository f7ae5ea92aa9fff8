public import DomainModel

extension DemoProvince {
    /// The applicant of a demo dossier (fictitious: names drawn from common Thái, H'Mông and Kinh names).
    public struct Applicant: Hashable, Sendable {
        public var fullName: String
        /// A 12-digit citizen ID number with the Điện Biên prefix 011 (fictitious).
        public var idNumber: String
        /// Empty when not given.
        public var phone: String
        public var address: String
    }

    /// One step of a demo dossier's history after its receipt.
    public struct Step: Hashable, Sendable {
        public var action: DossierAction
        public var at: UnixInstant
        public var actor: String
        public var note: String
    }

    /// One imported dossier of the demo history, with what its history leads to.
    public struct Dossier: Hashable, Sendable {
        /// Its id in the demo source system (``DemoProvince/sourceSystem``), e.g. `DB-2022-004711`.
        public var sourceID: String
        /// Its original code, `UNITCODE-YYMMDD-NNNN`.
        public var code: String
        public var procedureCode: String
        public var unitCode: String
        public var channel: DossierChannel
        public var assistedByStaff: Bool
        public var applicant: Applicant
        public var receivedAt: UnixInstant
        public var receivedBy: String
        public var steps: [Step]

        // What the history leads to, by the workflow of DomainModel (the one the submission service applies).

        /// The date of receipt in Vietnam.
        public var receivedOn: CivilDate
        /// The appointment date after the history (moved by supplement pauses only).
        public var dueDate: CivilDate
        /// The status after the history.
        public var status: DossierStatus
        /// The day processing ended (resolved, rejected, withdrawn, stopped) in Vietnam; nil while open.
        public var finishedOn: CivilDate?
        public var apologies: Int
        public var supplementRequests: Int
        /// Whether a payment was recorded.
        public var paid: Bool
    }

    /// A live dossier the loader submits with SubmitDossier (received when it is loaded), then moves with
    /// TransitionDossier. Retry-safe: ``DemoProvince/liveCaller`` with ``requestID`` (and one request id per step).
    public struct LiveSubmission: Hashable, Sendable {
        public var requestID: String
        public var procedureCode: String
        public var unitCode: String
        public var channel: DossierChannel
        public var assistedByStaff: Bool
        public var applicant: Applicant
        public var receivedBy: String
        public var note: String
        /// Steps applied right after the submission, in order (the n-th expects version n).
        public var steps: [DossierActionKind]
    }
}
