import DomainModel
import RPCCore
import RPCProtobuf
import StatisticsService
import Testing

@Suite("StatisticsService: reports, breakdowns and unit activity")
struct StatisticsServiceReportTests {
    static func fixture() async throws -> ServiceFixture {
        let fixture = try ServiceFixture()
        try await fixture.ingest.apply(ServiceFixture.scenarioEvents())
        return fixture
    }

    static func request(_ unit: String, breakdown: Motcua_Statistics_V1_Breakdown = .unspecified) -> Motcua_Statistics_V1_GetReportRequest {
        var request = Motcua_Statistics_V1_GetReportRequest()
        request.unitCode = unit
        request.period = period(CommuneScenario.from, CommuneScenario.to)
        request.breakdown = breakdown
        return request
    }

    @Test("GetReport for commune 03162: every column as counted by hand, with totals and rates")
    func communeReport() async throws {
        let fixture = try await Self.fixture()
        let report = try await fixture.service.getReport(Self.request("03162"))
        let total = try #require(report.total)
        #expect(total.reportCounts == CommuneScenario.expected)
        #expect(total.newTotal == 10)
        #expect(total.toHandle == 11)
        #expect(total.resolvedLate == 2)
        #expect(total.resolvedTotal == 6)
        #expect(total.inProgressTotal == 3)
        #expect(total.onlineRate == 0.3)
        #expect(total.onTimeRate == 4.0 / 6.0)
        #expect(total.identitiesHold)
        #expect(report.unit?.name == "Xã Nậm Kè")
        #expect(report.unit?.parentCode == "096")
        #expect(report.asOfSequence == Int64(ServiceFixture.scenarioEvents().count))
        #expect(report.rows.isEmpty)
    }

    @Test("GetReport for district 096 by child unit: the district's own row, every commune (zero ones too), rows sum to the total")
    func districtByChild() async throws {
        let fixture = try await Self.fixture()
        let report = try await fixture.service.getReport(Self.request("096", breakdown: .childUnit))
        #expect(report.rows.map(\.key) == ["096", "03154", "03157", "03162"])
        #expect(report.rows.map(\.kind) == [.unitItself, .childUnit, .childUnit, .childUnit])
        #expect(report.rows[1].counts?.reportCounts == ReportCounts())
        #expect(report.rows[3].counts?.reportCounts == CommuneScenario.expected)
        let sum = report.rows.reduce(ReportCounts()) { $0 + ($1.counts?.reportCounts ?? ReportCounts()) }
        #expect(sum == report.total?.reportCounts)
        #expect(report.total?.identitiesHold == true)
        #expect(report.rows.allSatisfy { $0.counts?.identitiesHold == true })
        // 03157: carried over 1, new online 1 + direct 1, early 1, returned 1, overdue 1; 096 itself: 1 new within.
        #expect(report.rows[2].counts?.toHandle == 3)
        #expect(report.rows[0].counts?.inProgressWithin == 1)
        #expect(report.total?.toHandle == 15)  // 11 + 3 + 1
    }

    @Test("GetReport for the province by child unit: districts with and without dossiers sum to the province")
    func provinceByChild() async throws {
        let fixture = try await Self.fixture()
        let report = try await fixture.service.getReport(Self.request("11", breakdown: .childUnit))
        #expect(report.rows.map(\.key) == ["094", "096"])
        #expect(report.rows[0].counts?.reportCounts == ReportCounts())
        #expect(report.rows[1].counts?.reportCounts == report.total?.reportCounts)
        #expect(report.total?.toHandle == 15)
    }

    @Test("GetReport for the province by commune: every commune in one call, after the rows of units that received dossiers themselves")
    func provinceByCommune() async throws {
        let fixture = try await Self.fixture()
        let report = try await fixture.service.getReport(Self.request("11", breakdown: .commune))
        #expect(report.rows.map(\.key) == ["096", "03124", "03154", "03157", "03162"])
        #expect(report.rows.map(\.kind) == [.unitItself, .commune, .commune, .commune, .commune])
        #expect(report.rows[4].counts?.reportCounts == CommuneScenario.expected)
        let sum = report.rows.reduce(ReportCounts()) { $0 + ($1.counts?.reportCounts ?? ReportCounts()) }
        #expect(sum == report.total?.reportCounts)
        let commune = try await fixture.service.getReport(Self.request("03162", breakdown: .commune))
        #expect(commune.rows.map(\.key) == ["03162"])
    }

    @Test("GetReport by field, online level and scheme: rows sum to the total, which equals the unit report")
    func breakdowns() async throws {
        let fixture = try await Self.fixture()
        let plain = try await fixture.service.getReport(Self.request("096"))
        for breakdown in [Motcua_Statistics_V1_Breakdown.field, .onlineLevel, .onlineScheme] {
            let report = try await fixture.service.getReport(Self.request("096", breakdown: breakdown))
            let sum = report.rows.reduce(ReportCounts()) { $0 + ($1.counts?.reportCounts ?? ReportCounts()) }
            #expect(sum == report.total?.reportCounts, "\(breakdown)")
            #expect(report.total?.reportCounts == plain.total?.reportCounts, "\(breakdown)")
        }
        let fields = try await fixture.service.getReport(Self.request("096", breakdown: .field))
        #expect(fields.rows.map(\.key) == ["Đất đai", "Hộ tịch"])
        #expect(fields.rows[0].counts?.newDirect == 1)
        let levels = try await fixture.service.getReport(Self.request("03162", breakdown: .onlineLevel))
        #expect(levels.rows.map(\.key) == ["2", "3", "4"])
        #expect(levels.rows.map(\.label) == ["Mức độ 2", "Mức độ 3", "Mức độ 4"])
        #expect(levels.rows[1].counts?.newOnline == 2)
        #expect(levels.rows[1].counts?.newAssisted == 1)
        #expect(levels.rows[2].counts?.resolvedLateWithApology == 1)
        let schemes = try await fixture.service.getReport(Self.request("03162", breakdown: .onlineScheme))
        #expect(schemes.rows.map(\.key) == ["full_process", "partial", "none"])
        #expect(schemes.rows.map(\.label) == ["Toàn trình", "Một phần", "Không trực tuyến"])
    }

    @Test("ListUnitActivity: all communes of the province in one call, the ones without dossiers flagged and counted")
    func unitActivity() async throws {
        let fixture = try await Self.fixture()
        var request = Motcua_Statistics_V1_ListUnitActivityRequest()
        request.parentCode = "11"
        request.period = period(CommuneScenario.from, CommuneScenario.to)
        request.level = .commune
        request.sort = .newTotal
        request.descending = true
        let response = try await fixture.service.listUnitActivity(request)
        #expect(response.unitCount == 4)
        #expect(response.withoutDossierCount == 2)
        #expect(response.withoutOnlineDossierCount == 2)
        #expect(response.idleCount == 2)
        #expect(response.units.map { $0.unit?.code ?? "" } == ["03162", "03157", "03124", "03154"])
        #expect(response.units.map(\.noDossier) == [false, false, true, true])
        #expect(response.units[0].counts?.reportCounts == CommuneScenario.expected)
        #expect(response.parentCounts?.toHandle == 15)

        request.onlyWithoutDossier = true
        request.sort = .name
        request.descending = false
        let idle = try await fixture.service.listUnitActivity(request)
        #expect(idle.units.map { $0.unit?.name ?? "" } == ["Phường Noong Bua", "Xã Sín Thầu"])
        #expect(idle.unitCount == 4)
        #expect(idle.withoutDossierCount == 2)

        var children = Motcua_Statistics_V1_ListUnitActivityRequest()
        children.parentCode = "096"
        children.period = period(CommuneScenario.from, CommuneScenario.to)
        let direct = try await fixture.service.listUnitActivity(children)
        #expect(direct.units.map { $0.unit?.code ?? "" } == ["03154", "03157", "03162"])
        #expect(direct.withoutDossierCount == 1)
    }

    @Test("errors: missing or malformed arguments name the field; unknown units are NOT_FOUND")
    func errors() async throws {
        let fixture = try await Self.fixture()
        var request = Self.request("03162")
        request.period = nil
        await Self.expectError(.invalidArgument, "period:") { _ = try await fixture.service.getReport(request) }
        request = Self.request("0316")
        await Self.expectError(.invalidArgument, "unit_code:") { _ = try await fixture.service.getReport(request) }
        request = Self.request("03162")
        request.period = period(CommuneScenario.to, CommuneScenario.from)
        await Self.expectError(.invalidArgument, "period.to_date:") { _ = try await fixture.service.getReport(request) }
        request.period?.toDate = nil
        await Self.expectError(.invalidArgument, "period.to_date:") { _ = try await fixture.service.getReport(request) }
        request = Self.request("99999")
        await Self.expectError(.notFound, "unit_code:") { _ = try await fixture.service.getReport(request) }
        var activity = Motcua_Statistics_V1_ListUnitActivityRequest()
        activity.parentCode = "03162"
        activity.period = period(CommuneScenario.from, CommuneScenario.to)
        activity.level = .district
        await Self.expectError(.invalidArgument, "level:") { _ = try await fixture.service.listUnitActivity(activity) }
    }

    @Test("UNAVAILABLE while loading, and when the catalog is unreachable with nothing cached")
    func unavailable() async throws {
        let ingest = StatisticsIngest(store: try GRDBStatisticsStore.inMemory(), index: StatisticsIndex())
        let loading = StatisticsService(
            ingest: ingest, catalog: StaticCatalogDirectory(units: ServiceFixture.units), readiness: StartupGate(open: false))
        await Self.expectError(.unavailable, "") { _ = try await loading.getReport(Self.request("03162")) }
        struct Unreachable: CatalogDirectory {
            func units(asOf date: CivilDate) async throws -> UnitTree { throw StatisticsError(code: .unavailable, message: "catalog down") }
            func procedures() async throws -> [CatalogProcedure] { throw StatisticsError(code: .unavailable, message: "catalog down") }
        }
        let fixture = try ServiceFixture(catalog: Unreachable())
        await Self.expectError(.unavailable, "catalog down") { _ = try await fixture.service.getReport(Self.request("03162")) }
    }

    static func expectError(_ code: Status.Code, _ prefix: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(code)")
        } catch let error as RPCError {
            #expect(error.code == code, "\(error)")
            #expect(error.message.hasPrefix(prefix), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
