public import DomainModel
public import RPCProtobuf

extension FeedEvent {
    /// The statistics' view of a feed event.
    ///
    /// The date of receipt is `received_on`, else the date of `received_at`, else of `occurred_at` (the receipt's
    /// instant); a missing or unknown channel counts as direct; an unknown action or status is kept as nil.
    ///
    /// - Throws: ``StatisticsError`` `invalidEvent` when the event has no dossier code or no date of receipt.
    public init(_ event: Motcua_Submission_V1_DossierEvent) throws(StatisticsError) {
        guard !event.dossierCode.isEmpty else {
            throw StatisticsError(code: .invalidEvent, message: "event \(event.sequence) has no dossier code")
        }
        guard let received = event.receivedOn?.civilDate ?? event.receivedAt?.vietnamDate ?? event.occurredAt?.vietnamDate else {
            throw StatisticsError(code: .invalidEvent, message: "event \(event.sequence) (\(event.dossierCode)) has no date of receipt")
        }
        let scheme: OnlineScheme?
        switch event.onlineScheme {
        case .fullProcess: scheme = .fullProcess
        case .partial: scheme = .partial
        case .none: scheme = .notOnline
        default: scheme = nil
        }
        let paymentOnline: Bool?
        switch event.payment?.method {
        case .onlineNationalPortal?, .onlineProvincialPortal?: paymentOnline = true
        case .atDesk?: paymentOnline = false
        default: paymentOnline = nil
        }
        self.init(
            sequence: event.sequence, dossierCode: event.dossierCode, dossierVersion: event.dossierVersion,
            action: DossierActionKind(rawValue: Int(event.action.rawValue)), status: DossierStatus(rawValue: Int(event.status.rawValue)),
            cell: StatCell(
                unitCode: event.unitCode, procedureCode: event.procedureCode, field: event.procedureField,
                onlineLevel: Int(event.onlineLevel), onlineScheme: scheme),
            feeBearing: event.feeBearing, channel: DossierChannel(rawValue: Int(event.channel.rawValue)) ?? .direct,
            assistedByStaff: event.assistedByStaff, receivedOn: received, dueDate: event.dueDate?.civilDate,
            supplementRequests: Int(event.supplementRequests), apologies: Int(event.apologies),
            pausedOn: event.pausedSince?.vietnamDate, finishedOn: event.finishedAt?.vietnamDate, paymentOnline: paymentOnline)
    }
}
