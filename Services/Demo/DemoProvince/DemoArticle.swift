public import DomainModel

extension DemoProvince {
    /// The figures of the source article (Điện Biên, February 2022) that the demo reproduces exactly, for the
    /// statistics period [2022-01-01, 2022-02-17) (1 January to 16 February 2022).
    public enum Article {
        /// First day of the article's period.
        public static let from = CivilDate(year: 2022, month: 1, day: 1)!
        /// The day after the article's last day (16 February 2022): the exclusive end of the statistics period.
        public static let to = CivilDate(year: 2022, month: 2, day: 17)!
        /// Dossiers to handle in the period: carried over from 2021 plus received in the period.
        public static let dossiers = 8_479
        /// Communes (xã, phường, thị trấn) in the province.
        public static let communeCount = 129
        /// The communes the article names among those that received no dossier.
        public static let namedWithoutDossier = ["03162", "03157", "03154", "03208", "03367", "03334", "03316"]
        /// The ten others (the article gives no names): remote highland communes chosen once, by hand, in the districts
        /// the article speaks of and their neighbours.
        public static let otherWithoutDossier = [
            "03155",  // Xã Sen Thượng, Mường Nhé
            "03176",  // Xã Vàng Đán, Nậm Pồ
            "03199",  // Xã Si Pa Phìn, Nậm Pồ
            "03190",  // Xã Hừa Ngài, Mường Chà
            "03191",  // Xã Huổi Mí, Mường Chà
            "03226",  // Xã Tả Sìn Thàng, Tủa Chùa
            "03229",  // Xã Lao Xả Phình, Tủa Chùa
            "03304",  // Xã Tênh Phông, Tuần Giáo
            "03359",  // Xã Hẹ Muông, Điện Biên
            "03385",  // Xã Háng Lìa, Điện Biên Đông
        ]
        /// The 17 communes without any dossier in the period, by code.
        public static var withoutDossier: [String] { (namedWithoutDossier + otherWithoutDossier).sorted() }
        /// Communes with very few dossiers in the period: exactly these numbers. Tìa Dình (1, filed online by desk
        /// staff at the computer the commune installed), Phường Him Lam (1, online), Xuân Lao (3), Nậm Khăn (2).
        public static let few: [String: Int] = ["03384": 1, "03127": 1, "03302": 3, "03174": 2]
        /// The online dossiers of the period ("level 3/4 services almost none"): unit, count, typed in by desk staff.
        static let online: [(unit: String, count: Int, assisted: Bool)] = [
            ("03384", 1, true),  // Tìa Dình
            ("03127", 1, false),  // Phường Him Lam
            ("03133", 1, false),  // Phường Tân Thanh
            ("094", 1, true),  // Thành phố Điện Biên Phủ
            ("11", 2, false),  // the provincial Public Administration Service Centre
        ]
        /// Online dossiers received in the period: a handful.
        public static var onlineCount: Int { online.reduce(0) { $0 + $1.count } }
    }

    /// The columns of the periodic report (as `motcua.statistics.v1.Counts`), computed from the plan.
    public struct Counts: Hashable, Sendable {
        public var carriedOver = 0
        public var newOnline = 0
        public var newDirect = 0
        public var newPostal = 0
        public var newAssisted = 0
        public var resolvedEarly = 0
        public var resolvedOnTime = 0
        public var resolvedLateWithApology = 0
        public var resolvedLateWithoutApology = 0
        public var returned = 0
        public var inProgressWithin = 0
        public var inProgressOverdue = 0

        public init() {}

        public var newTotal: Int { self.newOnline + self.newDirect + self.newPostal }
        public var toHandle: Int { self.carriedOver + self.newTotal }
        public var resolvedLate: Int { self.resolvedLateWithApology + self.resolvedLateWithoutApology }
        public var resolvedTotal: Int { self.resolvedEarly + self.resolvedOnTime + self.resolvedLate }
        public var inProgressTotal: Int { self.inProgressWithin + self.inProgressOverdue }

        /// Every column by its proto field name (snake_case), totals included.
        public var columns: [(name: String, value: Int)] {
            [
                ("carried_over", self.carriedOver), ("new_online", self.newOnline), ("new_direct", self.newDirect),
                ("new_postal", self.newPostal), ("new_assisted", self.newAssisted), ("new_total", self.newTotal),
                ("to_handle", self.toHandle), ("resolved_early", self.resolvedEarly), ("resolved_on_time", self.resolvedOnTime),
                ("resolved_late", self.resolvedLate), ("resolved_late_with_apology", self.resolvedLateWithApology),
                ("resolved_late_without_apology", self.resolvedLateWithoutApology), ("resolved_total", self.resolvedTotal),
                ("returned", self.returned), ("in_progress_within", self.inProgressWithin),
                ("in_progress_overdue", self.inProgressOverdue), ("in_progress_total", self.inProgressTotal),
            ]
        }

        /// Adds one dossier as the statistics service counts it for the period [from, to).
        mutating func add(_ dossier: Dossier, from: CivilDate, to: CivilDate) {
            let received = dossier.receivedOn
            guard received < to else { return }
            let finishedBeforeFrom = dossier.finishedOn.map { $0 < from } ?? false
            let finishedBeforeTo = dossier.finishedOn.map { $0 < to } ?? false
            if received < from {
                guard !finishedBeforeFrom else { return }
                self.carriedOver += 1
            } else {
                switch dossier.channel {
                case .online:
                    self.newOnline += 1
                    if dossier.assistedByStaff { self.newAssisted += 1 }
                case .direct: self.newDirect += 1
                case .postal: self.newPostal += 1
                }
            }
            if finishedBeforeTo, let finished = dossier.finishedOn {
                // finished in [from, to)
                if dossier.status == .resolved || dossier.status == .resultReturned {
                    if finished < dossier.dueDate {
                        self.resolvedEarly += 1
                    } else if finished == dossier.dueDate {
                        self.resolvedOnTime += 1
                    } else if dossier.apologies > 0 {
                        self.resolvedLateWithApology += 1
                    } else {
                        self.resolvedLateWithoutApology += 1
                    }
                } else {
                    self.returned += 1
                }
            } else if dossier.dueDate >= to {
                self.inProgressWithin += 1
            } else {
                self.inProgressOverdue += 1
            }
        }
    }
}
