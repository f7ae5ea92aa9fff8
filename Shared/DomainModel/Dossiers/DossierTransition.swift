/// What one workflow step did: the action the handler carries out (history entry, event) is described here, the
/// state itself lives in ``DossierWorkflow``.
public struct DossierTransition: Hashable, Sendable {
    /// A consequence of the step besides the status change.
    public enum Effect: Hashable, Sendable {
        /// The clock stopped (a supplement was requested).
        case clockPaused
        /// The clock started again: the appointment date moved from `from` to `to` by `pausedUnits` working days
        /// (calendar days, or hours, depending on the deadline's unit).
        case clockResumed(from: CivilDate, to: CivilDate, pausedUnits: Int)
        /// An apology promised a new appointment date.
        case apologyIssued(Apology)
        /// Fees were paid.
        case paymentRecorded(Payment)
        /// Processing ended (rejected, withdrawn, stopped or resolved).
        case finished
        /// The result was returned to the citizen.
        case resultReturned
    }

    public var action: DossierAction
    public var from: DossierStatus
    public var to: DossierStatus
    /// When the step happened.
    public var at: UnixInstant
    public var effects: [Effect]

    public init(action: DossierAction, from: DossierStatus, to: DossierStatus, at: UnixInstant, effects: [Effect]) {
        self.action = action
        self.from = from
        self.to = to
        self.at = at
        self.effects = effects
    }
}
