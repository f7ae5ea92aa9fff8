/// The Decision 766/QĐ-TTg indicators this service can compute, and their scoring.
///
/// Scoring (the computation guide): points = max when the rate reaches the threshold, else rate × max ÷ threshold.
/// An indicator scored linearly has threshold 1. The points of each indicator below are this service's split of its
/// group's points (group 2: 20, group 3: 22 = online services 12 + online payment 10) among the indicators it
/// supports; the thresholds are those of the guide where it gives one (3.1: 80%, 3.3: 50%), otherwise stated here.
public enum Decision766Index {
    /// One computed indicator.
    public struct Indicator: Hashable, Sendable {
        public var code: String
        public var name: String
        public var group: String
        public var numerator: Int64
        public var denominator: Int64
        public var threshold: Double
        public var maxPoints: Double
        public var method: String

        public init(
            code: String, name: String, group: String, numerator: Int64, denominator: Int64, threshold: Double,
            maxPoints: Double, method: String
        ) {
            self.code = code
            self.name = name
            self.group = group
            self.numerator = numerator
            self.denominator = denominator
            self.threshold = threshold
            self.maxPoints = maxPoints
            self.method = method
        }

        /// numerator ÷ denominator; 0 when the denominator is 0.
        public var rate: Double { ReportCounts.ratio(self.numerator, self.denominator) }

        public var points: Double { Decision766Index.points(rate: self.rate, threshold: self.threshold, maxPoints: self.maxPoints) }
    }

    /// What the catalog and the per-procedure counters say about procedures.
    public struct ProcedureCoverage: Hashable, Sendable {
        /// Procedures in scope (the catalog's, for the unit's level).
        public var procedures: Int64
        /// Of them, offered online (partial or full-process online service, or old level 3/4).
        public var offeredOnline: Int64
        /// Of the offered-online ones, those with at least one dossier received online in the period.
        public var offeredOnlineWithOnlineDossier: Int64

        public init(procedures: Int64, offeredOnline: Int64, offeredOnlineWithOnlineDossier: Int64) {
            self.procedures = procedures
            self.offeredOnline = offeredOnline
            self.offeredOnlineWithOnlineDossier = offeredOnlineWithOnlineDossier
        }
    }

    public static let progressGroup = "Tiến độ, kết quả giải quyết"
    public static let onlineGroup = "Cung cấp dịch vụ trực tuyến"

    /// points = max when rate ≥ threshold, else rate × max ÷ threshold.
    public static func points(rate: Double, threshold: Double, maxPoints: Double) -> Double {
        guard threshold > 0 else { return maxPoints }
        if rate >= threshold { return maxPoints }
        return max(0, rate) * maxPoints / threshold
    }

    /// The indicators, by code.
    public static func indicators(counts: Decision766Counts, coverage: ProcedureCoverage) -> [Indicator] {
        [
            Indicator(
                code: "2.1", name: "Tỷ lệ hồ sơ xử lý đúng hạn", group: self.progressGroup, numerator: counts.onTime,
                denominator: counts.handled, threshold: 1, maxPoints: 20,
                method: "dossiers carried over or received in the period that ended, or were still open at its last day, "
                    + "on or before their appointment date (moved by supplement pauses: supplement time excluded); "
                    + "a single pending supplement request ends processing; more than one supplement request is late; "
                    + "scored linearly"),
            Indicator(
                code: "3.1", name: "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", group: self.onlineGroup,
                numerator: coverage.offeredOnline, denominator: coverage.procedures, threshold: 0.8, maxPoints: 4,
                method: "procedures of the catalog (for a district or commune: of its implementing level) offered as a "
                    + "partial or full-process online service (or at old level 3/4); full points at 80%"),
            Indicator(
                code: "3.2", name: "Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến", group: self.onlineGroup,
                numerator: coverage.offeredOnlineWithOnlineDossier, denominator: coverage.offeredOnline, threshold: 0.8,
                maxPoints: 4,
                method: "online services of 3.1 with at least one dossier received online in the period at the unit; "
                    + "full points at 80% (threshold assumed)"),
            Indicator(
                code: "3.3", name: "Tỷ lệ hồ sơ nộp trực tuyến", group: self.onlineGroup, numerator: counts.receivedOnline,
                denominator: counts.received, threshold: 0.5, maxPoints: 4,
                method: "dossiers received online (channel 2) ÷ all dossiers received in the period (synchronisation "
                    + "rate 1: every dossier is here); full points at 50%"),
            Indicator(
                code: "3.6", name: "Tỷ lệ thanh toán trực tuyến", group: self.onlineGroup, numerator: counts.paidOnline,
                denominator: counts.feeBearing, threshold: 0.5, maxPoints: 10,
                method: "dossiers received in the period of procedures with fees that were paid online (national or "
                    + "provincial payment portal) ÷ those dossiers; full points at 50% (threshold assumed)"),
        ]
    }

    /// The indicators of the decision this service cannot compute, with why.
    public static let notSupported: [String] = [
        "1.1–1.4 (transparency): announcement and publication dates and synchronisation data are not in the catalog or the feed",
        "2.2 (average processing time): the feed gives dates, not the working time spent",
        "3.4–3.5 (fee integration): the catalog does not say which fees are integrated with the national payment platform",
        "4.x (digitisation): attachment digitisation and e-results are not in the feed",
        "5.x (satisfaction): ratings and feedback are not in the feed",
    ]
}
