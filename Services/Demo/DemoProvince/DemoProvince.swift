public import DomainModel

/// The DEMO province: a deterministic history of dossiers for the real 2022 units of Điện Biên and the catalog's
/// procedures, shaped so that the statistics service reproduces the figures of the February 2022 article
/// (``Article``): 8,479 dossiers to handle from 1 January to 16 February 2022 (carried over from 2021 plus new), level
/// 3/4 online services with a handful of dossiers, 17 of the 129 communes without any dossier (the seven the article
/// names among them), Tìa Dình and Phường Him Lam with exactly one, Xuân Lao and Nậm Khăn with a few.
///
/// Around that period the history looks like a rural province: from ``historyStart`` to ``demoToday``, dossiers are
/// received mostly at the one-stop desks of the communes (civil status, certification, social support), at the
/// district desks (land, construction, household business) and at the provincial Public Administration Service
/// Centre (judicial records, transport, health); some by post and a few online, many of those typed in by desk staff.
/// Most are resolved before their appointment date, some on it, some late (with or without an apology letter);
/// some need supplements or payments; a few are rejected, withdrawn or stopped, and a few stay open and overdue.
///
/// Everything is labelled: the source system is ``sourceSystem``, actors and receivers start with `DEMO:`, the
/// applicants are fictitious. The same catalog always gives the same plan (one seeded ``SplitMix64``; lists are
/// sorted by code first), so loading it again through the idempotent RPCs adds nothing.
public enum DemoProvince {
    /// The generator's seed.
    public static let seed: UInt64 = 0xD1E4_B1E4_2022_0216
    /// The `source_system` of every imported dossier.
    public static let sourceSystem = "DEMO-igate-dienbien"
    /// The `caller` of the live submissions and their steps (the retry key with their request ids).
    public static let liveCaller = "DEMO-loader"
    /// The first day of the history: the day the demo province's electronic one-stop system went live.
    public static let historyStart = CivilDate(year: 2021, month: 10, day: 1)!
    /// The last day of the imported history ("demo today"): nothing happens after its end.
    public static let demoToday = CivilDate(year: 2022, month: 4, day: 29)!
    /// GSO code of the province (Tỉnh Điện Biên).
    public static let provinceCode = "11"

    /// Why no plan could be made (a catalog without the units or procedures the demo needs).
    public struct PlanError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var description: String { self.message }
    }

    /// The plan for a catalog: every imported dossier with its history, and the live submissions.
    public static func plan(_ catalog: Catalog) throws -> Plan {
        var generator = try Generator(catalog: catalog)
        return try generator.run()
    }
}

extension DemoProvince {
    /// The dossiers to import and the live ones to submit.
    public struct Plan: Sendable {
        /// Every imported dossier, in order of receipt (the order of the import).
        public var dossiers: [Dossier]
        /// The live submissions.
        public var live: [LiveSubmission]

        /// The report columns of the dossiers received by the units `counted` selects, for the period [from, to).
        public func counts(from: CivilDate, to: CivilDate, units counted: (String) -> Bool = { _ in true }) -> Counts {
            var counts = Counts()
            for dossier in self.dossiers where counted(dossier.unitCode) {
                counts.add(dossier, from: from, to: to)
            }
            return counts
        }

        /// The province's columns for the article's period.
        public var articleCounts: Counts { self.counts(from: Article.from, to: Article.to) }

        /// Dossiers received in [from, to) by receiving unit.
        public func newByUnit(from: CivilDate, to: CivilDate) -> [String: Int] {
            var result: [String: Int] = [:]
            for dossier in self.dossiers where dossier.receivedOn >= from && dossier.receivedOn < to {
                result[dossier.unitCode, default: 0] += 1
            }
            return result
        }

        /// Counts by year, channel and outcome (for the documentation and the loader's summary).
        public var composition: Composition { Composition(self.dossiers) }
    }

    /// The demo history in numbers.
    public struct Composition: Hashable, Sendable {
        public struct Year: Hashable, Sendable {
            public var year: Int
            public var total = 0
            public var direct = 0
            public var online = 0
            public var assisted = 0
            public var postal = 0
        }

        /// Received per calendar year.
        public var years: [Year]
        /// By receiving level: communes, district desks, the province's centre.
        public var atCommunes = 0
        public var atDistricts = 0
        public var atProvince = 0
        /// Where the histories end at the end of ``DemoProvince/demoToday``.
        public var resolvedEarly = 0
        public var resolvedOnTime = 0
        public var resolvedLateWithApology = 0
        public var resolvedLateWithoutApology = 0
        public var rejected = 0
        public var withdrawn = 0
        public var stopped = 0
        public var openWithin = 0
        public var openOverdue = 0
        /// Of the resolved, those whose result was handed over.
        public var resultReturned = 0
        /// Dossiers with at least one supplement request, with two or more, with an apology, with a recorded payment.
        public var withSupplement = 0
        public var withTwoSupplements = 0
        public var withApology = 0
        public var withPayment = 0
        /// History steps after the receipts (events = dossiers + steps).
        public var steps = 0

        public var total: Int { self.years.reduce(0) { $0 + $1.total } }

        init(_ dossiers: [Dossier]) {
            var years: [Int: Year] = [:]
            let end = DemoProvince.demoToday.adding(days: 1)
            for dossier in dossiers {
                let year = dossier.receivedOn.year
                var entry = years[year] ?? Year(year: year)
                entry.total += 1
                switch dossier.channel {
                case .direct: entry.direct += 1
                case .online:
                    entry.online += 1
                    if dossier.assistedByStaff { entry.assisted += 1 }
                case .postal: entry.postal += 1
                }
                years[year] = entry
                switch dossier.unitCode.utf8.count {
                case 5: self.atCommunes += 1
                case 3: self.atDistricts += 1
                default: self.atProvince += 1
                }
                switch dossier.status {
                case .resolved, .resultReturned:
                    let finished = dossier.finishedOn ?? end
                    if finished < dossier.dueDate {
                        self.resolvedEarly += 1
                    } else if finished == dossier.dueDate {
                        self.resolvedOnTime += 1
                    } else if dossier.apologies > 0 {
                        self.resolvedLateWithApology += 1
                    } else {
                        self.resolvedLateWithoutApology += 1
                    }
                    if dossier.status == .resultReturned { self.resultReturned += 1 }
                case .rejected: self.rejected += 1
                case .withdrawn: self.withdrawn += 1
                case .stopped: self.stopped += 1
                default:
                    if dossier.dueDate >= end { self.openWithin += 1 } else { self.openOverdue += 1 }
                }
                if dossier.supplementRequests > 0 { self.withSupplement += 1 }
                if dossier.supplementRequests > 1 { self.withTwoSupplements += 1 }
                if dossier.apologies > 0 { self.withApology += 1 }
                if dossier.paid { self.withPayment += 1 }
                self.steps += dossier.steps.count
            }
            self.years = years.values.sorted { $0.year < $1.year }
        }
    }
}
