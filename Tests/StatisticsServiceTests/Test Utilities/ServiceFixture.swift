import DomainModel
import RPCProtobuf
import StatisticsService

/// A statistics service over an in-memory store and a fixed catalog: province 11 with districts 094 and 096;
/// communes 03124 (in 094), 03154, 03157 and 03162 (in 096).
struct ServiceFixture {
    static let units: [UnitInfo] = [
        UnitInfo(code: "11", name: "Tỉnh Điện Biên", level: .province, parentCode: nil),
        UnitInfo(code: "094", name: "Thành phố Điện Biên Phủ", level: .district, parentCode: "11"),
        UnitInfo(code: "096", name: "Huyện Mường Nhé", level: .district, parentCode: "11"),
        UnitInfo(code: "03124", name: "Phường Noong Bua", level: .commune, parentCode: "094"),
        UnitInfo(code: "03154", name: "Xã Sín Thầu", level: .commune, parentCode: "096"),
        UnitInfo(code: "03157", name: "Xã Chung Chải", level: .commune, parentCode: "096"),
        UnitInfo(code: "03162", name: "Xã Nậm Kè", level: .commune, parentCode: "096"),
    ]

    static let procedures: [CatalogProcedure] = [
        CatalogProcedure(code: "P-HT-01", name: "Đăng ký khai sinh", field: "Hộ tịch", implementingLevel: .commune, onlineLevel: 2, onlineScheme: .notOnline),
        CatalogProcedure(code: "P-HT-02", name: "Đăng ký kết hôn", field: "Hộ tịch", implementingLevel: .commune, onlineLevel: 4, onlineScheme: .fullProcess),
        CatalogProcedure(code: "P-HT-03", name: "Đăng ký khai tử", field: "Hộ tịch", implementingLevel: .commune, onlineLevel: 3, onlineScheme: .partial),
        CatalogProcedure(code: "P-CT-01", name: "Chứng thực bản sao", field: "Chứng thực", implementingLevel: .commune, onlineLevel: 4, onlineScheme: .fullProcess),
        CatalogProcedure(code: "P-DD-01", name: "Đăng ký đất đai", field: "Đất đai", implementingLevel: .district, onlineLevel: 2, onlineScheme: .notOnline),
    ]

    let ingest: StatisticsIngest
    let service: StatisticsService

    init(catalog: (any CatalogDirectory)? = nil) throws {
        self.ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        let fixedNow = UnixInstant(seconds: 1_645_000_000)!  // 2022-02-16
        self.service = StatisticsService(
            ingest: self.ingest, catalog: catalog ?? StaticCatalogDirectory(units: Self.units, procedures: Self.procedures),
            clock: { fixedNow })
    }

    /// The commune scenario and its neighbours, with the procedures of the fixed catalog.
    static func scenarioEvents() -> [FeedEvent] {
        let feed = CommuneScenario.script()
        CommuneScenario.neighbours(after: feed)
        return feed.events.map { event in
            var event = event
            if event.cell.onlineLevel == 4 { event.cell.procedureCode = "P-HT-02" }
            if event.cell.onlineLevel == 3 { event.cell.procedureCode = "P-HT-03" }
            return event
        }
    }
}

func period(_ from: CivilDate, _ to: CivilDate) -> Motcua_Statistics_V1_Period {
    var period = Motcua_Statistics_V1_Period()
    period.fromDate = date(from)
    period.toDate = date(to)
    return period
}

func date(_ value: CivilDate) -> Motcua_Catalog_V1_Date {
    var date = Motcua_Catalog_V1_Date()
    date.year = Int32(value.year)
    date.month = Int32(value.month)
    date.day = Int32(value.day)
    return date
}

extension Motcua_Statistics_V1_Counts {
    /// The columns back as ``ReportCounts`` (derived ones dropped).
    var reportCounts: ReportCounts {
        var counts = ReportCounts()
        counts.carriedOver = self.carriedOver
        counts.newOnline = self.newOnline
        counts.newDirect = self.newDirect
        counts.newPostal = self.newPostal
        counts.newAssisted = self.newAssisted
        counts.resolvedEarly = self.resolvedEarly
        counts.resolvedOnTime = self.resolvedOnTime
        counts.resolvedLateWithApology = self.resolvedLateWithApology
        counts.resolvedLateWithoutApology = self.resolvedLateWithoutApology
        counts.returned = self.returned
        counts.inProgressWithin = self.inProgressWithin
        counts.inProgressOverdue = self.inProgressOverdue
        return counts
    }

    /// Whether the documented identities hold.
    var identitiesHold: Bool {
        self.toHandle == self.carriedOver + self.newTotal
            && self.toHandle == self.resolvedTotal + self.returned + self.inProgressTotal
            && self.newTotal == self.newOnline + self.newDirect + self.newPostal
            && self.resolvedTotal == self.resolvedEarly + self.resolvedOnTime + self.resolvedLate
            && self.resolvedLate == self.resolvedLateWithApology + self.resolvedLateWithoutApology
            && self.inProgressTotal == self.inProgressWithin + self.inProgressOverdue
    }
}

extension Motcua_Statistics_V1_Counts {
    init(_ counts: ReportCounts) {
        self.init()
        self.carriedOver = counts.carriedOver
        self.newOnline = counts.newOnline
        self.newDirect = counts.newDirect
        self.newPostal = counts.newPostal
        self.newAssisted = counts.newAssisted
        self.newTotal = counts.newTotal
        self.toHandle = counts.toHandle
        self.resolvedEarly = counts.resolvedEarly
        self.resolvedOnTime = counts.resolvedOnTime
        self.resolvedLate = counts.resolvedLate
        self.resolvedLateWithApology = counts.resolvedLateWithApology
        self.resolvedLateWithoutApology = counts.resolvedLateWithoutApology
        self.resolvedTotal = counts.resolvedTotal
        self.returned = counts.returned
        self.inProgressWithin = counts.inProgressWithin
        self.inProgressOverdue = counts.inProgressOverdue
        self.inProgressTotal = counts.inProgressTotal
    }
}
