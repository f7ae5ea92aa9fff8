/// What the statistics keep of one dossier: enough to know which counters it adds to on which days
/// (``contributions()``). Built from the first event of the dossier and updated by each later one
/// (``applying(_:)``); an event changes the counters by the difference between the contributions before and after.
///
/// Days are day numbers (``CivilDate/daysSinceEpoch``) of dates in Vietnam.
///
/// The rules:
/// - received: on the day of receipt, by channel (assisted online ones also in `receivedAssisted`);
/// - finished (resolved, rejected, withdrawn, stopped): on the day processing ended (never before receipt). A
///   resolved dossier is early, on time or late against its appointment date (moved by supplement pauses only; an
///   apology's new date does not count), late ones split by whether an apology was issued; the others are returned;
/// - the appointment date (never before receipt) in `due`, and for finished dossiers max(ended, appointment) in
///   `dueOrFinished`: the dossiers in progress and overdue at `to` are then `due` before `to` minus
///   `dueOrFinished` before `to`;
/// - Decision 766 on-time rule: a dossier with more than one supplement request is late (`multiSupplement*`).
///   Otherwise its processing "ends" on the day it finished, or, while a single supplement request is pending, on
///   the day the clock was paused, or, while still open, on the period's last day; it is late when that end is after
///   its appointment date. So a dossier whose end (if any) is after its appointment is late for every period whose
///   last day is after the appointment: it counts in `late766Due` on the day after its appointment and, once
///   finished, in `late766Finished` on the day it finished (to leave the periods that start after it).
public struct DossierFacts: Hashable, Sendable {
    /// One counter on one day.
    public struct Contribution: Hashable, Sendable {
        public var counter: StatCounter
        public var day: Int

        public init(_ counter: StatCounter, _ day: Int) {
            self.counter = counter
            self.day = day
        }
    }

    public var code: String
    public var cell: StatCell
    /// The version of the last event applied.
    public var version: Int64
    /// The feed sequence of the last event applied.
    public var lastSequence: Int64
    public var status: DossierStatus?
    public var channel: DossierChannel
    public var assistedByStaff: Bool
    public var feeBearing: Bool
    public var receivedDay: Int
    public var dueDay: Int?
    public var finishedDay: Int?
    public var pausedDay: Int?
    public var apologies: Int
    public var supplementRequests: Int
    /// Whether a payment was made online.
    public var paidOnline: Bool

    public init(
        code: String, cell: StatCell, version: Int64, lastSequence: Int64, status: DossierStatus?, channel: DossierChannel,
        assistedByStaff: Bool, feeBearing: Bool, receivedDay: Int, dueDay: Int?, finishedDay: Int?, pausedDay: Int?,
        apologies: Int, supplementRequests: Int, paidOnline: Bool
    ) {
        self.code = code
        self.cell = cell
        self.version = version
        self.lastSequence = lastSequence
        self.status = status
        self.channel = channel
        self.assistedByStaff = assistedByStaff
        self.feeBearing = feeBearing
        self.receivedDay = receivedDay
        self.dueDay = dueDay
        self.finishedDay = finishedDay
        self.pausedDay = pausedDay
        self.apologies = apologies
        self.supplementRequests = supplementRequests
        self.paidOnline = paidOnline
    }

    /// The facts after the first event seen of a dossier.
    public init(first event: FeedEvent) {
        self.init(
            code: event.dossierCode, cell: event.cell, version: event.dossierVersion, lastSequence: event.sequence,
            status: event.status, channel: event.channel, assistedByStaff: event.assistedByStaff, feeBearing: event.feeBearing,
            receivedDay: event.receivedOn.daysSinceEpoch, dueDay: event.dueDate?.daysSinceEpoch,
            finishedDay: event.finishedOn?.daysSinceEpoch, pausedDay: event.pausedOn?.daysSinceEpoch, apologies: event.apologies,
            supplementRequests: event.supplementRequests, paidOnline: event.paymentOnline == true)
    }

    /// The facts after an event of the same dossier (an event older than the last one applied changes nothing).
    public func applying(_ event: FeedEvent) -> DossierFacts {
        guard event.dossierVersion > self.version || (event.dossierVersion == self.version && event.sequence > self.lastSequence)
        else { return self }
        var next = DossierFacts(first: event)
        next.paidOnline = self.paidOnline || event.paymentOnline == true
        return next
    }

    /// The facts after an event: `previous` updated, or new facts for a dossier not seen before.
    public static func applying(_ event: FeedEvent, to previous: DossierFacts?) -> DossierFacts {
        previous.map { $0.applying(event) } ?? DossierFacts(first: event)
    }

    // MARK: - Derived facts

    /// Whether processing has ended (resolved, rejected, withdrawn or stopped).
    public var isFinished: Bool { self.finishedDay != nil }

    /// The day processing ended, never before receipt.
    public var effectiveFinishedDay: Int? { self.finishedDay.map { max($0, self.receivedDay) } }

    /// The appointment date, never before receipt.
    public var effectiveDueDay: Int? { self.dueDay.map { max($0, self.receivedDay) } }

    /// Whether the dossier ended resolved (status 9 or 10) rather than rejected, withdrawn or stopped.
    public var endedResolved: Bool { self.status == .resolved || self.status == .resultReturned }

    /// The outcome counter of a finished dossier.
    public var outcome: StatCounter? {
        guard let finished = self.effectiveFinishedDay else { return nil }
        guard self.endedResolved else { return .returned }
        guard let due = self.effectiveDueDay else { return .resolvedOnTime }
        if finished < due { return .resolvedEarly }
        if finished == due { return .resolvedOnTime }
        return self.apologies > 0 ? .resolvedLateWithApology : .resolvedLateWithoutApology
    }

    /// Whether the 766 rule counts the dossier late whatever the period: more than one supplement request.
    public var hasMultipleSupplementRequests: Bool { self.supplementRequests > 1 }

    /// The day the 766 rule takes as the end of processing when the period lasts beyond it: the day it finished, or
    /// the day a single pending supplement request paused the clock; nil while open (the period's last day).
    public var end766Day: Int? {
        if let finished = self.effectiveFinishedDay { return finished }
        if self.status == .supplementRequested, let paused = self.pausedDay { return max(paused, self.receivedDay) }
        return nil
    }

    /// Whether, by the 766 rule with a single supplement request at most, the dossier is late for the periods whose
    /// last day is after its appointment date: its end (if any) is after the appointment.
    public var isLate766AfterDue: Bool {
        guard !self.hasMultipleSupplementRequests, let due = self.effectiveDueDay else { return false }
        guard let end = self.end766Day else { return true }
        return end > due
    }

    // MARK: - Contributions

    /// The counters the dossier adds one to, and on which days (see the type's rules).
    public func contributions() -> [Contribution] {
        var result: [Contribution] = []
        result.reserveCapacity(10)
        let received = self.receivedDay
        switch self.channel {
        case .online:
            result.append(Contribution(.receivedOnline, received))
            if self.assistedByStaff { result.append(Contribution(.receivedAssisted, received)) }
        case .direct:
            result.append(Contribution(.receivedDirect, received))
        case .postal:
            result.append(Contribution(.receivedPostal, received))
        }
        if self.cell.isOnlineCapable {
            result.append(Contribution(self.channel == .online ? .onlineCapableOnline : .onlineCapableInPerson, received))
        }
        if self.feeBearing {
            result.append(Contribution(.feeBearingReceived, received))
            if self.paidOnline { result.append(Contribution(.paidOnlineReceived, received)) }
        }
        let finished = self.effectiveFinishedDay
        if let finished, let outcome = self.outcome {
            result.append(Contribution(outcome, finished))
        }
        if let due = self.effectiveDueDay {
            result.append(Contribution(.due, due))
            if let finished { result.append(Contribution(.dueOrFinished, max(finished, due))) }
        }
        if self.hasMultipleSupplementRequests {
            result.append(Contribution(.multiSupplementReceived, received))
            if let finished { result.append(Contribution(.multiSupplementFinished, finished)) }
        } else if self.isLate766AfterDue, let due = self.effectiveDueDay {
            result.append(Contribution(.late766Due, due + 1))
            if let finished { result.append(Contribution(.late766Finished, finished)) }
        }
        return result
    }
}
