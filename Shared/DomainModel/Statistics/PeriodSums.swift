/// The counters summed over the days before a period's first day and over the days before its end: everything a
/// report for [from, to) needs (``report``, ``decision766``).
public struct PeriodSums: Hashable, Sendable {
    /// Each counter summed over the days before `from`.
    public var beforeFrom: CounterVector
    /// Each counter summed over the days before `to`.
    public var beforeTo: CounterVector

    public init(beforeFrom: CounterVector = CounterVector(), beforeTo: CounterVector = CounterVector()) {
        self.beforeFrom = beforeFrom
        self.beforeTo = beforeTo
    }

    /// A counter over the period itself: its sum before `to` minus its sum before `from`.
    public func inPeriod(_ counter: StatCounter) -> Int64 { self.beforeTo[counter] - self.beforeFrom[counter] }

    public static func += (lhs: inout PeriodSums, rhs: PeriodSums) {
        lhs.beforeFrom += rhs.beforeFrom
        lhs.beforeTo += rhs.beforeTo
    }

    public static func + (lhs: PeriodSums, rhs: PeriodSums) -> PeriodSums {
        var sum = lhs
        sum += rhs
        return sum
    }

    /// The report's columns.
    public var report: ReportCounts { ReportCounts(self) }

    /// The counts of the Decision 766 indicators that come from dossiers.
    public var decision766: Decision766Counts { Decision766Counts(self) }

    // MARK: - Sums over groups of counters

    static let receivedCounters: [StatCounter] = [.receivedOnline, .receivedDirect, .receivedPostal]
    static let finishedCounters: [StatCounter] = [
        .resolvedEarly, .resolvedOnTime, .resolvedLateWithApology, .resolvedLateWithoutApology, .returned,
    ]

    static func received(_ vector: CounterVector) -> Int64 { self.receivedCounters.reduce(0) { $0 + vector[$1] } }
    static func finished(_ vector: CounterVector) -> Int64 { self.finishedCounters.reduce(0) { $0 + vector[$1] } }
}

/// The columns of the periodic report for one row and one period (the meanings are those of
/// `motcua.statistics.v1.Counts`).
public struct ReportCounts: Hashable, Sendable {
    public var carriedOver: Int64 = 0
    public var newOnline: Int64 = 0
    public var newDirect: Int64 = 0
    public var newPostal: Int64 = 0
    public var newAssisted: Int64 = 0
    public var resolvedEarly: Int64 = 0
    public var resolvedOnTime: Int64 = 0
    public var resolvedLateWithApology: Int64 = 0
    public var resolvedLateWithoutApology: Int64 = 0
    public var returned: Int64 = 0
    public var inProgressWithin: Int64 = 0
    public var inProgressOverdue: Int64 = 0

    public init() {}

    /// The columns of a period from its sums:
    /// carried over = received − finished before `from`; new and finished = their counters in the period;
    /// in progress = received − finished before `to`, of which overdue = `due` − `dueOrFinished` before `to`.
    public init(_ sums: PeriodSums) {
        let before = sums.beforeFrom
        let end = sums.beforeTo
        self.carriedOver = PeriodSums.received(before) - PeriodSums.finished(before)
        self.newOnline = sums.inPeriod(.receivedOnline)
        self.newDirect = sums.inPeriod(.receivedDirect)
        self.newPostal = sums.inPeriod(.receivedPostal)
        self.newAssisted = sums.inPeriod(.receivedAssisted)
        self.resolvedEarly = sums.inPeriod(.resolvedEarly)
        self.resolvedOnTime = sums.inPeriod(.resolvedOnTime)
        self.resolvedLateWithApology = sums.inPeriod(.resolvedLateWithApology)
        self.resolvedLateWithoutApology = sums.inPeriod(.resolvedLateWithoutApology)
        self.returned = sums.inPeriod(.returned)
        let inProgress = PeriodSums.received(end) - PeriodSums.finished(end)
        self.inProgressOverdue = end[.due] - end[.dueOrFinished]
        self.inProgressWithin = inProgress - self.inProgressOverdue
    }

    public var newTotal: Int64 { self.newOnline + self.newDirect + self.newPostal }
    public var toHandle: Int64 { self.carriedOver + self.newTotal }
    public var resolvedLate: Int64 { self.resolvedLateWithApology + self.resolvedLateWithoutApology }
    public var resolvedTotal: Int64 { self.resolvedEarly + self.resolvedOnTime + self.resolvedLate }
    public var inProgressTotal: Int64 { self.inProgressWithin + self.inProgressOverdue }

    /// new online ÷ all new; 0 when nothing was received.
    public var onlineRate: Double { Self.ratio(self.newOnline, self.newTotal) }

    /// (early + on time) ÷ resolved; 0 when nothing was resolved.
    public var onTimeRate: Double { Self.ratio(self.resolvedEarly + self.resolvedOnTime, self.resolvedTotal) }

    /// carried over + new = resolved + returned + in progress.
    public var balances: Bool { self.toHandle == self.resolvedTotal + self.returned + self.inProgressTotal }

    public static func += (lhs: inout ReportCounts, rhs: ReportCounts) {
        lhs.carriedOver += rhs.carriedOver
        lhs.newOnline += rhs.newOnline
        lhs.newDirect += rhs.newDirect
        lhs.newPostal += rhs.newPostal
        lhs.newAssisted += rhs.newAssisted
        lhs.resolvedEarly += rhs.resolvedEarly
        lhs.resolvedOnTime += rhs.resolvedOnTime
        lhs.resolvedLateWithApology += rhs.resolvedLateWithApology
        lhs.resolvedLateWithoutApology += rhs.resolvedLateWithoutApology
        lhs.returned += rhs.returned
        lhs.inProgressWithin += rhs.inProgressWithin
        lhs.inProgressOverdue += rhs.inProgressOverdue
    }

    public static func + (lhs: ReportCounts, rhs: ReportCounts) -> ReportCounts {
        var sum = lhs
        sum += rhs
        return sum
    }

    /// numerator ÷ denominator, 0 when the denominator is 0.
    public static func ratio(_ numerator: Int64, _ denominator: Int64) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}

/// The dossier counts behind the Decision 766 indicators for one period.
public struct Decision766Counts: Hashable, Sendable {
    /// Dossiers received or processed in the period: carried over + new.
    public var handled: Int64
    /// Of `handled`, late by the 766 rule (supplement time excluded, more than one supplement request late, open
    /// dossiers judged on the period's last day, a single pending supplement request ends processing).
    public var late: Int64
    /// Received in the period.
    public var received: Int64
    /// Received online in the period.
    public var receivedOnline: Int64
    /// Received in the period, of fee-bearing procedures.
    public var feeBearing: Int64
    /// Of `feeBearing`, paid online.
    public var paidOnline: Int64
    /// Received in the period, of online-capable procedures, filed at a desk or by post.
    public var onlineCapableInPerson: Int64
    /// Received in the period, of online-capable procedures, filed online.
    public var onlineCapableOnline: Int64

    public init(_ sums: PeriodSums) {
        let report = ReportCounts(sums)
        self.handled = report.toHandle
        self.late = sums.beforeTo[.late766Due] - sums.beforeFrom[.late766Finished]
            + sums.beforeTo[.multiSupplementReceived] - sums.beforeFrom[.multiSupplementFinished]
        self.received = report.newTotal
        self.receivedOnline = report.newOnline
        self.feeBearing = sums.inPeriod(.feeBearingReceived)
        self.paidOnline = sums.inPeriod(.paidOnlineReceived)
        self.onlineCapableInPerson = sums.inPeriod(.onlineCapableInPerson)
        self.onlineCapableOnline = sums.inPeriod(.onlineCapableOnline)
    }

    /// Of `handled`, on time by the 766 rule.
    public var onTime: Int64 { self.handled - self.late }
}
