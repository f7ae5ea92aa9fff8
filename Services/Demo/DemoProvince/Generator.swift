import DomainModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes the plan: who files what, where, when and through which channel (``Generator``), then each dossier's history
/// (``HistoryBuilder``).
struct Generator {
    typealias Unit = DemoProvince.Unit
    typealias Procedure = DemoProvince.Procedure
    typealias Article = DemoProvince.Article

    /// A unit's procedures to draw from: all of its level, and those accepting online filings.
    struct Pool {
        var procedures: [Procedure]
        var picker: WeightedPicker
        var online: [Procedure]
        var onlinePicker: WeightedPicker
    }

    /// One dossier before its history: where, what, when, how.
    struct Draft {
        var unit: Unit
        var procedure: Procedure
        var channel: DossierChannel
        var assisted: Bool
        var receivedAt: UnixInstant
    }

    let calendar: WorkingCalendar
    let units: [Unit]
    let unitsByCode: [String: Unit]
    let pools: [ImplementingLevel: Pool]
    /// Dossiers per working day at each unit, before the seasonal factor.
    let rates: [String: Double]
    let zero: Set<String>
    let few: Set<String>
    /// The end of ``DemoProvince/demoToday``: nothing happens after it.
    let cutoff: UnixInstant
    var random: SplitMix64

    init(catalog: DemoProvince.Catalog) throws {
        self.calendar = catalog.calendar
        self.units = catalog.units.sorted { $0.code < $1.code }
        var byCode: [String: Unit] = [:]
        for unit in self.units { byCode[unit.code] = unit }
        self.unitsByCode = byCode
        self.zero = Set(Article.withoutDossier)
        self.few = Set(Article.few.keys)
        self.cutoff = VietnamTime.endOfDay(DemoProvince.demoToday)
        self.random = SplitMix64(seed: DemoProvince.seed)

        let communes = self.units.filter { $0.level == .commune }
        guard byCode[DemoProvince.provinceCode] != nil, communes.count == Article.communeCount else {
            throw DemoProvince.PlanError(
                message: "the catalog must have the 2022 units of Điện Biên (province \(DemoProvince.provinceCode), 129 communes); it has \(communes.count) communes")
        }
        for code in Article.withoutDossier + Article.few.keys.sorted() + Article.online.map(\.unit) where byCode[code] == nil {
            throw DemoProvince.PlanError(message: "the catalog has no unit \(code), which the article names")
        }
        for year in [DemoProvince.historyStart.year, DemoProvince.demoToday.year] where !catalog.calendar.covers(year: year) {
            throw DemoProvince.PlanError(message: "the catalog's holiday calendar does not cover \(year)")
        }

        var pools: [ImplementingLevel: Pool] = [:]
        let procedures = catalog.procedures.sorted { $0.code < $1.code }
        for level in ImplementingLevel.allCases {
            let here = procedures.filter { $0.implementingLevel == level }
            let online = here.filter(\.acceptsOnline)
            guard !here.isEmpty, !online.isEmpty else {
                throw DemoProvince.PlanError(message: "the catalog needs \(level)-level procedures, some of them at online level 3 or 4")
            }
            pools[level] = Pool(
                procedures: here, picker: WeightedPicker(weights: Self.weights(here, level: level)),
                online: online, onlinePicker: WeightedPicker(weights: Self.weights(online, level: level)))
        }
        self.pools = pools

        var rates: [String: Double] = [:]
        var unitRandom = SplitMix64(seed: DemoProvince.seed ^ 0x5EED_0F_0A7E5)
        for unit in self.units {
            let spread = 0.55 + 0.9 * unitRandom.unit()
            let base: Double
            switch (unit.level, unit.type) {
            case (.province, _): base = 20
            case (.district, .city): base = 6
            case (.district, .town): base = 1.5
            case (.district, _): base = 3.5 * (0.8 + 0.4 * unitRandom.unit())
            case (.commune, .ward): base = 3.0 * spread
            case (.commune, .township): base = 3.5 * spread
            case (.commune, _): base = 1.65 * spread
            }
            rates[unit.code] = base
        }
        self.rates = rates
    }

    // MARK: - Procedures

    /// How often each field's procedures are filed at each level (relative), after the usual mix of a rural province:
    /// communes certify copies and register births, marriages and deaths; districts handle land and household
    /// businesses; the province's centre issues judicial records, driving licences and health permits.
    static let fieldWeights: [ImplementingLevel: [String: Double]] = [
        .commune: [
            "Chứng thực": 40, "Hộ tịch": 34, "Lao động - Thương binh và Xã hội": 12, "Công an": 5, "Nội vụ": 2,
            "Nông nghiệp": 2, "Văn hóa": 1.5, "Tư pháp": 1, "Giáo dục": 1, "Đất đai": 1, "Tài nguyên và Môi trường": 0.5,
        ],
        .district: [
            "Đất đai": 38, "Lao động - Thương binh và Xã hội": 14, "Chứng thực": 10, "Xây dựng": 9, "Kế hoạch và Đầu tư": 8,
            "Hộ tịch": 7, "Giáo dục": 4, "Nông nghiệp": 3, "Công thương": 3, "Văn hóa": 2, "Tài nguyên và Môi trường": 2,
        ],
        .province: [
            "Tư pháp": 20, "Giao thông vận tải": 18, "Kế hoạch và Đầu tư": 14, "Y tế": 10, "Đất đai": 8,
            "Lao động - Thương binh và Xã hội": 7, "Xây dựng": 6, "Công thương": 5, "Giáo dục": 5,
            "Tài nguyên và Môi trường": 4, "Nông nghiệp": 3,
        ],
    ]

    /// Each procedure's weight: its field's share, spread over the field's procedures by rank (the first codes of a
    /// field — the well-known procedures in the demo catalog — are filed most).
    static func weights(_ procedures: [Procedure], level: ImplementingLevel) -> [Double] {
        let fields = self.fieldWeights[level] ?? [:]
        var rank: [String: Int] = [:]
        return procedures.map { procedure in
            let position = rank[procedure.field, default: 0]
            rank[procedure.field] = position + 1
            let share = fields[procedure.field] ?? 0.3
            return share / pow(Double(position + 1), 1.3)
        }
    }

    func pool(for unit: Unit) -> Pool {
        let level: ImplementingLevel
        switch unit.level {
        case .province: level = .province
        case .district: level = .district
        case .commune: level = .commune
        }
        return self.pools[level]!
    }

    // MARK: - The plan

    mutating func run() throws -> DemoProvince.Plan {
        var drafts: [Draft] = []
        // 1. From the start of the history to the end of 2021, then 2. after the article's period: daily draws.
        var before = self.random.fork(1)
        drafts += self.daily(from: DemoProvince.historyStart, to: Article.from, random: &before)
        var after = self.random.fork(2)
        drafts += self.daily(from: Article.to, to: DemoProvince.demoToday.adding(days: 1), random: &after)

        // Histories first for the days before the period: the carried-over count fixes how many are new in it.
        var histories = self.random.fork(3)
        var dossiers: [DemoProvince.Dossier] = []
        dossiers.reserveCapacity(drafts.count + 9_000)
        for draft in drafts {
            dossiers.append(try HistoryBuilder.build(draft, calendar: self.calendar, cutoff: self.cutoff, random: &histories))
        }
        let carriedOver = dossiers.count { dossier in
            dossier.receivedOn < Article.from && !(dossier.finishedOn.map { $0 < Article.from } ?? false)
        }
        let newInPeriod = Article.dossiers - carriedOver
        var period = self.random.fork(4)
        for draft in try self.period(newTotal: newInPeriod, random: &period) {
            dossiers.append(try HistoryBuilder.build(draft, calendar: self.calendar, cutoff: self.cutoff, random: &histories))
        }

        var live = self.random.fork(5)
        let submissions = self.liveSubmissions(random: &live)
        return DemoProvince.Plan(dossiers: Self.numbered(dossiers), live: submissions)
    }

    /// A seasonal factor: busier before Tết and at the end of the year, quieter right after Tết.
    static func season(_ date: CivilDate) -> Double {
        switch (date.year, date.month) {
        case (2021, 12): return 1.1
        case (2022, 1): return date.day >= 4 ? 1.12 : 1.0
        case (2022, 2): return date.day <= 16 ? 0.9 : 1.0
        default: return 1.0
        }
    }

    /// How active a unit is in one phase (the article's communes filed little before it, more after it).
    func activity(_ code: String, afterArticle: Bool) -> Double {
        if self.zero.contains(code) { return afterArticle ? 0.35 : 0.05 }
        if self.few.contains(code) { return afterArticle ? 0.5 : 0.12 }
        return 1
    }

    /// The chance that a dossier is filed online on a date, by the receiving level: well under one in a hundred in
    /// 2021, growing after the article (training, publicity, staff typing dossiers in at the desks).
    func onlineChance(_ unit: Unit, on date: CivilDate) -> Double {
        let base: Double
        switch unit.level {
        case .commune: base = 0.003
        case .district: base = 0.008
        case .province: base = 0.02
        }
        guard date >= Article.to else { return base }
        let span = Double(Article.to.days(until: DemoProvince.demoToday) + 1)
        let progress = Double(Article.to.days(until: date)) / span
        return base + (0.06 - base) * progress
    }

    func postalChance(_ unit: Unit) -> Double {
        switch unit.level {
        case .commune: 0.008
        case .district: 0.03
        case .province: 0.05
        }
    }

    /// Draws each unit's dossiers day by day for [from, to): about its rate on working days (Poisson), none on days off.
    func daily(from: CivilDate, to: CivilDate, random: inout SplitMix64) -> [Draft] {
        var drafts: [Draft] = []
        let afterArticle = from >= Article.to
        var day = from
        while day < to {
            defer { day = day.adding(days: 1) }
            guard self.calendar.isWorkingDay(day) else { continue }
            let season = Self.season(day)
            for unit in self.units {
                let rate = (self.rates[unit.code] ?? 0) * season * self.activity(unit.code, afterArticle: afterArticle)
                let count = Self.poisson(rate, random: &random)
                for _ in 0..<count {
                    let channel: DossierChannel
                    let draw = random.unit()
                    if draw < self.onlineChance(unit, on: day) {
                        channel = .online
                    } else if draw < self.onlineChance(unit, on: day) + self.postalChance(unit) {
                        channel = .postal
                    } else {
                        channel = .direct
                    }
                    let assisted = channel == .online && random.chance(unit.level == .commune ? 0.6 : 0.3)
                    drafts.append(self.draft(unit: unit, day: day, channel: channel, assisted: assisted, random: &random))
                }
            }
        }
        return drafts
    }

    /// The article's period: exactly `newTotal` dossiers, the named communes with their exact numbers, online ones only
    /// where the article's handful was filed, the rest of the units sharing the remainder by their rates.
    func period(newTotal: Int, random: inout SplitMix64) throws -> [Draft] {
        var workingDays: [CivilDate] = []
        var day = Article.from
        while day < Article.to {
            if self.calendar.isWorkingDay(day) { workingDays.append(day) }
            day = day.adding(days: 1)
        }
        let dayPicker = WeightedPicker(weights: workingDays.map(Self.season))
        var drafts: [Draft] = []
        var fixed: [String: Int] = [:]
        for online in Article.online {
            let unit = self.unitsByCode[online.unit]!
            for _ in 0..<online.count {
                let day = workingDays[dayPicker.pick(&random)]
                drafts.append(self.draft(unit: unit, day: day, channel: .online, assisted: online.assisted, random: &random))
            }
            fixed[online.unit, default: 0] += online.count
        }
        for (code, count) in Article.few.sorted(by: { $0.key < $1.key }) {
            let unit = self.unitsByCode[code]!
            for _ in 0..<(count - fixed[code, default: 0]) {
                let day = workingDays[dayPicker.pick(&random)]
                drafts.append(self.draft(unit: unit, day: day, channel: .direct, assisted: false, random: &random))
            }
        }
        let remainder = newTotal - drafts.count
        let regular = self.units.filter { !self.zero.contains($0.code) && !self.few.contains($0.code) }
        guard remainder > regular.count * 5 else {
            throw DemoProvince.PlanError(message: "\(newTotal) new dossiers leave too few for the other units")
        }
        // Largest remainders: each regular unit gets its share of the remainder by its rate, exactly.
        let weights = regular.map { self.rates[$0.code] ?? 0 }
        let total = weights.reduce(0, +)
        let quotas = weights.map { Double(remainder) * $0 / total }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let short = remainder - counts.reduce(0, +)
        let order = quotas.indices.sorted { (quotas[$0] - Double(counts[$0]), regular[$1].code) > (quotas[$1] - Double(counts[$1]), regular[$0].code) }
        for index in order.prefix(short) { counts[index] += 1 }
        for (unit, count) in zip(regular, counts) {
            for _ in 0..<count {
                let day = workingDays[dayPicker.pick(&random)]
                let channel: DossierChannel = random.chance(self.postalChance(unit)) ? .postal : .direct
                drafts.append(self.draft(unit: unit, day: day, channel: channel, assisted: false, random: &random))
            }
        }
        return drafts
    }

    /// A dossier received at `unit` on `day`: its procedure and its time of receipt.
    func draft(unit: Unit, day: CivilDate, channel: DossierChannel, assisted: Bool, random: inout SplitMix64) -> Draft {
        let pool = self.pool(for: unit)
        let procedure = channel == .online
            ? pool.online[pool.onlinePicker.pick(&random)] : pool.procedures[pool.picker.pick(&random)]
        let minutes: Int
        switch channel {
        case .direct: minutes = random.int(450...1005)  // 07:30–16:45 at the desk
        case .postal: minutes = random.int(480...960)  // logged by the desk, 08:00–16:00
        case .online: minutes = assisted ? random.int(450...1005) : random.int(390...1350)  // 06:30–22:30 from home
        }
        let receivedAt = VietnamTime.startOfDay(day).adding(seconds: Int64(minutes) * 60 + Int64(random.int(0...59)))
        return Draft(unit: unit, procedure: procedure, channel: channel, assisted: assisted, receivedAt: receivedAt)
    }

    /// A Poisson draw (Knuth's method; the rates here are small).
    static func poisson(_ rate: Double, random: inout SplitMix64) -> Int {
        guard rate > 0 else { return 0 }
        let limit = exp(-rate)
        var product = random.unit()
        var count = 0
        while product > limit {
            count += 1
            product *= random.unit()
        }
        return count
    }

    // MARK: - Codes and ids

    /// Sorts the dossiers by receipt and gives them their codes (per unit and day, from 0001) and source ids (per year,
    /// from 000001).
    static func numbered(_ dossiers: [DemoProvince.Dossier]) -> [DemoProvince.Dossier] {
        var sorted = dossiers.enumerated().sorted { lhs, rhs in
            (lhs.element.receivedAt, lhs.element.unitCode, lhs.offset) < (rhs.element.receivedAt, rhs.element.unitCode, rhs.offset)
        }.map(\.element)
        var daily: [String: Int] = [:]
        var yearly: [Int: Int] = [:]
        for index in sorted.indices {
            let day = sorted[index].receivedOn
            let key = sorted[index].unitCode + "-" + day.iso8601
            let number = daily[key, default: 0] + 1
            daily[key] = number
            let serial = yearly[day.year, default: 0] + 1
            yearly[day.year] = serial
            let yymmdd = DemoNames.padded(day.year % 100, 2) + DemoNames.padded(day.month, 2) + DemoNames.padded(day.day, 2)
            sorted[index].code = sorted[index].unitCode + "-" + yymmdd + "-" + DemoNames.padded(number, 4)
            sorted[index].sourceID = "DB-\(day.year)-" + DemoNames.padded(serial, 6)
        }
        return sorted
    }

    // MARK: - Live submissions

    /// A few dossiers submitted live (received when the demo is loaded): a desk filing in Nậm Kè, online filings in
    /// Tìa Dình (at the commune's computer), Phường Him Lam and the province's centre, a postal one in Xuân Lao, a land
    /// dossier at the Mường Nhé district desk.
    func liveSubmissions(random: inout SplitMix64) -> [DemoProvince.LiveSubmission] {
        let commune = self.pools[.commune]!
        let district = self.pools[.district]!
        let province = self.pools[.province]!
        /// The most filed procedure of a list (the first of the highest weight).
        func top(_ procedures: [Procedure], _ level: ImplementingLevel) -> String {
            let weights = Self.weights(procedures, level: level)
            let best = weights.indices.max { weights[$0] < weights[$1] || (weights[$0] == weights[$1] && $0 > $1) } ?? 0
            return procedures[best].code
        }
        // Online at the communes: a civil-status procedure (a birth registration in the demo catalog) when there is one.
        let civilStatus = commune.online.filter { $0.field == "Hộ tịch" }
        let onlineAtCommune = top(civilStatus.isEmpty ? commune.online : civilStatus, .commune)
        let plans: [(String, String, DossierChannel, Bool, [DossierActionKind])] = [
            ("03162", top(commune.procedures, .commune), .direct, false, [.startProcessing, .resolve]),
            ("03384", onlineAtCommune, .online, true, [.accept, .startProcessing]),
            ("03127", onlineAtCommune, .online, false, []),
            ("11", top(province.online, .province), .online, false, [.accept]),
            ("03302", top(commune.procedures, .commune), .postal, false, [.accept]),
            ("096", top(district.procedures, .district), .direct, false, [.startProcessing]),
        ]
        return plans.enumerated().map { index, plan in
            let (code, procedure, channel, assisted, steps) = plan
            let unit = self.unitsByCode[code]!
            let person = DemoNames.person(urban: unit.type != .commune, random: &random)
            let receiver = channel == .online && !assisted ? "portal" : "DEMO:mc-\(code)"
            return DemoProvince.LiveSubmission(
                requestID: "demo-live-" + DemoNames.padded(index + 1, 2), procedureCode: procedure, unitCode: code,
                channel: channel, assistedByStaff: assisted,
                applicant: DemoProvince.Applicant(
                    fullName: person.name, idNumber: person.idNumber, phone: DemoNames.phone(random: &random),
                    address: HistoryBuilder.address(unit: unit, random: &random)),
                receivedBy: receiver, note: "DEMO: submitted live by motcua demo load", steps: steps)
        }
    }
}
