import DomainModel

/// Builds the feed events of dossiers step by step, as the submission service would send them, with consecutive
/// sequence numbers across every dossier of one script.
final class FeedScript {
    private(set) var events: [FeedEvent] = []
    private var nextSequence: Int64

    init(firstSequence: Int64 = 1) {
        self.nextSequence = firstSequence
    }

    /// A dossier received on `received` (a date in January 2022 when given as a day number of the month).
    @discardableResult
    func receive(
        _ code: String, unit: String = "03162", procedure: String = "P-HT-01", field: String = "Hộ tịch", level: Int = 2,
        scheme: OnlineScheme? = .notOnline, channel: DossierChannel = .direct, assisted: Bool = false, feeBearing: Bool = false,
        on received: CivilDate, due: CivilDate?
    ) -> DossierHandle {
        let cell = StatCell(unitCode: unit, procedureCode: procedure, field: field, onlineLevel: level, onlineScheme: scheme)
        let event = FeedEvent(
            sequence: self.takeSequence(), dossierCode: code, dossierVersion: 1, action: .submit, status: channel.initialStatus,
            cell: cell, feeBearing: feeBearing, channel: channel, assistedByStaff: assisted, receivedOn: received, dueDate: due)
        self.events.append(event)
        return DossierHandle(script: self, last: event)
    }

    fileprivate func append(_ event: FeedEvent) {
        self.events.append(event)
    }

    fileprivate func takeSequence() -> Int64 {
        defer { self.nextSequence += 1 }
        return self.nextSequence
    }
}

/// One dossier of a ``FeedScript``: each step appends the event of the change.
final class DossierHandle {
    private let script: FeedScript
    private(set) var last: FeedEvent

    fileprivate init(script: FeedScript, last: FeedEvent) {
        self.script = script
        self.last = last
    }

    @discardableResult
    private func step(_ action: DossierActionKind, _ change: (inout FeedEvent) -> Void) -> DossierHandle {
        var event = self.last
        event.sequence = self.script.takeSequence()
        event.dossierVersion += 1
        event.action = action
        event.paymentOnline = nil
        change(&event)
        self.script.append(event)
        self.last = event
        return self
    }

    @discardableResult func accept() -> DossierHandle { self.step(.accept) { $0.status = .accepted } }
    @discardableResult func startProcessing() -> DossierHandle { self.step(.startProcessing) { $0.status = .processing } }

    @discardableResult
    func resolve(on date: CivilDate) -> DossierHandle {
        self.step(.resolve) {
            $0.status = .resolved
            $0.finishedOn = date
        }
    }

    @discardableResult func returnResult() -> DossierHandle { self.step(.returnResult) { $0.status = .resultReturned } }

    @discardableResult
    func reject(on date: CivilDate) -> DossierHandle {
        self.step(.reject) {
            $0.status = .rejected
            $0.finishedOn = date
        }
    }

    @discardableResult
    func withdraw(on date: CivilDate) -> DossierHandle {
        self.step(.withdraw) {
            $0.status = .withdrawn
            $0.finishedOn = date
            $0.pausedOn = nil
        }
    }

    @discardableResult
    func stop(on date: CivilDate) -> DossierHandle {
        self.step(.stopProcessing) {
            $0.status = .stopped
            $0.finishedOn = date
            $0.pausedOn = nil
        }
    }

    @discardableResult
    func requestSupplement(on date: CivilDate) -> DossierHandle {
        self.step(.requestSupplement) {
            $0.status = .supplementRequested
            $0.pausedOn = date
            $0.supplementRequests += 1
        }
    }

    /// The supplement arrived; the appointment date moved to `newDue` (the submission service computes it).
    @discardableResult
    func receiveSupplement(newDue: CivilDate?) -> DossierHandle {
        self.step(.receiveSupplement) {
            $0.status = .processing
            $0.pausedOn = nil
            if let newDue { $0.dueDate = newDue }
        }
    }

    @discardableResult
    func apologise() -> DossierHandle { self.step(.issueApology) { $0.apologies += 1 } }

    @discardableResult
    func recordPayment(online: Bool) -> DossierHandle {
        self.step(.recordPayment) {
            $0.status = .processing
            $0.paymentOnline = online
        }
    }
}

/// A date in 2022.
func day(_ month: Int, _ day: Int, year: Int = 2022) -> CivilDate {
    CivilDate(year: year, month: month, day: day)!
}

/// A date in January 2022.
func jan(_ day: Int) -> CivilDate { CivilDate(year: 2022, month: 1, day: day)! }
