internal import DomainModel
internal import StatisticsService

/// The generated province of the benchmark: province 11, 10 districts, 129 communes of uneven size, 300 commune
/// procedures in 25 fields (each commune uses 40 of them), dossiers over two years (2022–2023).
struct BenchWorld {
    struct BenchProcedure {
        var code: String
        var field: String
        var level: Int
        var scheme: OnlineScheme
        var deadlineDays: Int
        var feeBearing: Bool
    }

    static let firstDay = CivilDate(year: 2022, month: 1, day: 1)!.daysSinceEpoch
    static let days = 730

    let units: [UnitInfo]
    let communes: [UnitInfo]
    let procedures: [BenchProcedure]
    let communeProcedures: [[Int]]
    let communeWeights: [Double]

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var units = [UnitInfo(code: "11", name: "Tỉnh Điện Biên (benchmark)", level: .province, parentCode: nil)]
        var communes: [UnitInfo] = []
        let districts = (94...103).map { String(format3($0)) }
        for (index, district) in districts.enumerated() {
            units.append(UnitInfo(code: district, name: "Huyện \(index + 1)", level: .district, parentCode: "11"))
        }
        for index in 0..<129 {
            let code = format5(3124 + index * 2)
            let commune = UnitInfo(code: code, name: "Xã \(index + 1)", level: .commune, parentCode: districts[index % districts.count])
            communes.append(commune)
            units.append(commune)
        }
        let fields = (1...25).map { "Lĩnh vực \($0)" }
        var procedures: [BenchProcedure] = []
        for index in 0..<300 {
            let level = [1, 2, 2, 2, 3, 4][random.below(6)]
            let scheme: OnlineScheme = level == 4 ? .fullProcess : level == 3 ? .partial : .notOnline
            procedures.append(BenchProcedure(
                code: "BENCH-\(format5(index))", field: fields[index % fields.count], level: level, scheme: scheme,
                deadlineDays: [1, 3, 5, 7, 10, 15][random.below(6)], feeBearing: random.chance(0.4)))
        }
        self.units = units
        self.communes = communes
        self.procedures = procedures
        self.communeProcedures = communes.map { _ in (0..<40).map { _ in random.below(300) } }
        self.communeWeights = communes.indices.map { index in 1.0 / Double(1 + index % 12) + (index % 17 == 0 ? 0.02 : 0.3) }
    }

    var catalog: StaticCatalogDirectory {
        StaticCatalogDirectory(
            units: self.units,
            procedures: self.procedures.map {
                CatalogProcedure(
                    code: $0.code, name: "Thủ tục \($0.code)", field: $0.field, implementingLevel: .commune, onlineLevel: $0.level,
                    onlineScheme: $0.scheme)
            })
    }

    /// How many of `total` dossiers each commune receives.
    func dossierCounts(total: Int) -> [Int] {
        let sum = self.communeWeights.reduce(0, +)
        var counts = self.communeWeights.map { Int(Double(total) * $0 / sum) }
        counts[0] += total - counts.reduce(0, +)
        return counts
    }

    /// The facts of a commune's dossiers, codes in order.
    func facts(commune index: Int, count: Int, seed: UInt64) -> [DossierFacts] {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 7919)
        let commune = self.communes[index]
        let lastDay = Self.firstDay + Self.days
        var result: [DossierFacts] = []
        result.reserveCapacity(count)
        for number in 0..<count {
            let procedure = self.procedures[self.communeProcedures[index][min(random.below(40), random.below(40))]]
            let received = Self.firstDay + random.below(Self.days)
            let channel: DossierChannel
            if procedure.level >= 3, random.chance(0.4) {
                channel = .online
            } else {
                channel = random.chance(0.08) ? .postal : .direct
            }
            let due = received + procedure.deadlineDays + procedure.deadlineDays / 3
            let supplements = random.chance(0.1) ? (random.chance(0.2) ? 2 : 1) : 0
            var status: DossierStatus = .processing
            var finished: Int?
            var paused: Int?
            var apologies = 0
            let roll = random.below(100)
            if received < lastDay - 20 && roll < 86 || roll < 40 {
                if roll < 80 {
                    let day = received + random.below(procedure.deadlineDays * 2 + 2)
                    finished = day
                    status = random.chance(0.7) ? .resultReturned : .resolved
                    if day > due, random.chance(0.5) { apologies = 1 }
                } else {
                    finished = received + random.below(4)
                    status = [.rejected, .withdrawn, .stopped][random.below(3)]
                }
            } else if supplements == 1 {
                status = .supplementRequested
                paused = received + 1
            }
            let cell = StatCell(
                unitCode: commune.code, procedureCode: procedure.code, field: procedure.field, onlineLevel: procedure.level,
                onlineScheme: procedure.scheme)
            result.append(DossierFacts(
                code: commune.code + "-" + format8(number), cell: cell, version: Int64(3 + supplements * 2), lastSequence: 0,
                status: status, channel: channel, assistedByStaff: channel == .online && random.chance(0.3),
                feeBearing: procedure.feeBearing, receivedDay: received, dueDay: due, finishedDay: finished, pausedDay: paused,
                apologies: apologies, supplementRequests: supplements,
                paidOnline: procedure.feeBearing && channel == .online && random.chance(0.5)))
        }
        return result
    }
}

func format3(_ value: Int) -> String { pad(value, 3) }
func format5(_ value: Int) -> String { pad(value, 5) }
func format8(_ value: Int) -> String { pad(value, 8) }

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
