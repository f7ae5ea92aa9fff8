/// What the statistics need of one event of the submission service's feed (`motcua.submission.v1.DossierEvent`):
/// the dossier's identity and its state after the change, without applicant data.
public struct FeedEvent: Hashable, Sendable {
    /// Position in the feed: 1, 2, 3, … without gaps.
    public var sequence: Int64
    public var dossierCode: String
    /// The dossier's version after the change (1 for the receipt).
    public var dossierVersion: Int64
    /// What happened; nil for an action this build does not know.
    public var action: DossierActionKind?
    /// The status after the change; nil for a status this build does not know.
    public var status: DossierStatus?
    /// Where and what: the receiving unit and the procedure as at receipt.
    public var cell: StatCell
    public var feeBearing: Bool
    /// How it was received (an unknown channel counts as direct, as the national portal counts a missing one).
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    /// The date of receipt in Vietnam.
    public var receivedOn: CivilDate
    /// The appointment date after the change (moved by supplement pauses only); nil when unknown.
    public var dueDate: CivilDate?
    public var supplementRequests: Int
    public var apologies: Int
    /// The date the clock was paused (while a supplement is requested); nil otherwise.
    public var pausedOn: CivilDate?
    /// The date processing ended (resolved, rejected, withdrawn or stopped); nil while open.
    public var finishedOn: CivilDate?
    /// Whether this change recorded a payment made online (nil: no payment in this change).
    public var paymentOnline: Bool?

    public init(
        sequence: Int64, dossierCode: String, dossierVersion: Int64, action: DossierActionKind?, status: DossierStatus?,
        cell: StatCell, feeBearing: Bool, channel: DossierChannel, assistedByStaff: Bool, receivedOn: CivilDate,
        dueDate: CivilDate?, supplementRequests: Int = 0, apologies: Int = 0, pausedOn: CivilDate? = nil,
        finishedOn: CivilDate? = nil, paymentOnline: Bool? = nil
    ) {
        self.sequence = sequence
        self.dossierCode = dossierCode
        self.dossierVersion = dossierVersion
        self.action = action
        self.status = status
        self.cell = cell
        self.feeBearing = feeBearing
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.receivedOn = receivedOn
        self.dueDate = dueDate
        self.supplementRequests = supplementRequests
        self.apologies = apologies
        self.pausedOn = pausedOn
        self.finishedOn = finishedOn
        self.paymentOnline = paymentOnline
    }
}
