internal import DemoProvince
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

/// `motcua demo load` and `motcua demo picture` against a fake server holding a small synthetic catalog (the real one
/// is exercised end to end by Tests/interop/test_demo_suite.py).
@Suite("Demo commands")
struct DemoCommandTests {
    /// 1 province, 10 districts, 129 communes: those the article names, and numbered fillers.
    static let units: [Motcua_Catalog_V1_Unit] = {
        func unit(_ code: String, _ name: String, _ level: Motcua_Catalog_V1_UnitLevel, _ type: Motcua_Catalog_V1_UnitType, _ parent: String)
            -> Motcua_Catalog_V1_Unit
        {
            .with {
                $0.code = code
                $0.name = name
                $0.level = level
                $0.type = type
                $0.parentCode = parent
                $0.validFrom = Fixtures.date(2021, 1, 1)
            }
        }
        var units = [unit("11", "Tỉnh Điện Biên", .province, .province, "")]
        let districts = (94...103).map { "0\($0)" }
        units += districts.map { unit($0, "Huyện \($0)", .district, $0 == "094" ? .city : .district, "11") }
        let named = DemoProvince.Article.withoutDossier + DemoProvince.Article.few.keys.sorted() + ["03133"]
        for (index, code) in named.enumerated() {
            units.append(unit(code, "Xã \(code)", .commune, code == "03127" || code == "03133" ? .ward : .commune, districts[index % 10]))
        }
        var filler = 4_000
        while units.count < 1 + 10 + 129 {
            units.append(unit("0\(filler)", "Xã 0\(filler)", .commune, .commune, districts[filler % 10]))
            filler += 1
        }
        return units
    }()

    /// Three procedures per level, one of them online (level 4).
    static let procedures: [Motcua_Catalog_V1_Procedure] = {
        let levels: [(Motcua_Catalog_V1_ImplementingLevel, String)] = [(.province, "T"), (.district, "H"), (.commune, "X")]
        return levels.flatMap { level, letter in
            (1...3).map { number in
                Motcua_Catalog_V1_Procedure.with {
                    $0.code = "DEMO-HT-\(letter)00\(number)"
                    $0.name = "Thủ tục \(letter)\(number)"
                    $0.field = "Hộ tịch"
                    $0.implementingLevel = level
                    $0.onlineLevel = number == 1 ? 4 : 2
                    $0.legalDeadline = .with {
                        $0.amount = Int32(number * 3)
                        $0.unit = .workingDays
                    }
                    if number == 2 { $0.fees = [.with { $0.name = "Lệ phí"; $0.amountVnd = 50_000 }] }
                }
            }
        }
    }()

    static let days: [Motcua_Catalog_V1_CalendarDay] = [
        .with { $0.date = Fixtures.date(2021, 9, 2); $0.kind = .publicHoliday; $0.name = "Quốc khánh" },
        .with { $0.date = Fixtures.date(2022, 1, 1); $0.kind = .publicHoliday; $0.name = "Tết Dương lịch" },
        .with { $0.date = Fixtures.date(2022, 2, 1); $0.kind = .publicHoliday; $0.name = "Tết Nguyên đán" },
    ]

    /// The plan the loader must send: the generator on the same catalog.
    static let plan: DemoProvince.Plan = {
        let catalog = DemoProvince.Catalog(
            units: units.map { DemoProvince.Unit(code: $0.code, name: $0.name, level: UnitLevel(proto: $0.level)!, type: UnitType(proto: $0.type)!, parentCode: $0.parentCode) },
            procedures: procedures.map {
                DemoProvince.Procedure(
                    code: $0.code, field: $0.field, implementingLevel: ImplementingLevel(proto: $0.implementingLevel)!,
                    onlineLevel: Int($0.onlineLevel), deadline: LegalDeadline(proto: $0.legalDeadline!)!,
                    feeVND: $0.fees.reduce(0) { $0 + $1.amountVnd })
            },
            calendar: WorkingCalendar(days: days.compactMap(CalendarDay.init(proto:))))
        return try! DemoProvince.plan(catalog)
    }()

    static func server(applied: Int64 = 42) -> FakeServer {
        FakeServer { call in
            switch call.method {
            case "ListUnits":
                let request = try call.request(Motcua_Catalog_V1_ListUnitsRequest.self)
                return [Motcua_Catalog_V1_ListUnitsResponse.with {
                    $0.units = request.level == .unspecified ? units : units.filter { $0.level == request.level }
                }]
            case "ListProcedures":
                return [Motcua_Catalog_V1_ListProceduresResponse.with {
                    $0.procedures = procedures
                    $0.totalSize = Int32(procedures.count)
                }]
            case "ListCalendarDays":
                return [Motcua_Catalog_V1_ListCalendarDaysResponse.with {
                    $0.days = days
                    $0.coveredYears = [2021, 2022]
                }]
            case "ImportDossiers":
                let count = try call.decode(Motcua_Submission_V1_ImportDossiersRequest.self).reduce(0) { $0 + $1.dossiers.count }
                return [Motcua_Submission_V1_ImportDossiersResponse.with {
                    $0.received = Int32(count)
                    $0.imported = Int32(count - 10)
                    $0.alreadyImported = 10
                }]
            case "SubmitDossier":
                let request = try call.request(Motcua_Submission_V1_SubmitDossierRequest.self)
                return [Motcua_Submission_V1_SubmitDossierResponse.with {
                    $0.dossier = .with {
                        $0.code = "\(request.unitCode)-261127-0001"
                        $0.status = .accepted
                        $0.version = 1
                    }
                }]
            case "TransitionDossier":
                let request = try call.request(Motcua_Submission_V1_TransitionDossierRequest.self)
                return [Motcua_Submission_V1_TransitionDossierResponse.with {
                    $0.dossier = .with {
                        $0.code = request.code
                        $0.status = .processing
                        $0.version = request.expectedVersion + 1
                    }
                }]
            case "StreamEvents":
                return [Motcua_Submission_V1_StreamEventsResponse.with { $0.message = .started(.with { $0.currentSequence = 42 }) }]
            case "GetFeedStatus":
                return [Motcua_Statistics_V1_FeedStatus.with {
                    $0.state = .following
                    $0.appliedSequence = applied
                    $0.headSequence = 42
                }]
            default:
                throw RPCError(code: .unimplemented, message: call.method)
            }
        }
    }

    @Test("demo load: the plan through ImportDossiers in messages of at most 1000, the live ones with retry keys")
    func load() async throws {
        let server = Self.server()
        let result = await runCLI(["demo", "load", "--no-wait", "--json"], server: server)
        #expect(result.code == 0, "\(result.error)")
        let plan = Self.plan
        let imports = try #require(server.calls.first { $0.method == "ImportDossiers" })
        let messages = try imports.decode(Motcua_Submission_V1_ImportDossiersRequest.self)
        #expect(messages.allSatisfy { $0.dossiers.count <= 1000 })
        let sent = messages.flatMap(\.dossiers)
        #expect(sent.count == plan.dossiers.count)
        #expect(sent.map(\.sourceID) == plan.dossiers.map(\.sourceID))
        #expect(sent.allSatisfy { $0.sourceSystem == "DEMO-igate-dienbien" })
        let first = try #require(sent.first)
        let planned = plan.dossiers[0]
        #expect(first.code == planned.code && first.unitCode == planned.unitCode && first.procedureCode == planned.procedureCode)
        #expect(first.receivedAt == planned.receivedAt.proto && first.applicant?.idNumber == planned.applicant.idNumber)
        #expect(first.history.map(\.action.rawValue) == planned.steps.map { Int32($0.action.kind.rawValue) })
        let apologies = sent.flatMap(\.history).filter { $0.action == .issueApology }
        #expect(!apologies.isEmpty && apologies.allSatisfy { $0.apology != nil && $0.payment == nil })
        let payments = sent.flatMap(\.history).filter { $0.action == .recordPayment }
        #expect(!payments.isEmpty && payments.allSatisfy { ($0.payment?.amountVnd ?? 0) > 0 })

        let submits = try server.calls.filter { $0.method == "SubmitDossier" }.map { try $0.request(Motcua_Submission_V1_SubmitDossierRequest.self) }
        #expect(submits.map(\.requestID) == (1...6).map { "demo-live-0\($0)" })
        #expect(submits.allSatisfy { $0.caller == "DEMO-loader" })
        let steps = try server.calls.filter { $0.method == "TransitionDossier" }
            .map { try $0.request(Motcua_Submission_V1_TransitionDossierRequest.self) }
        #expect(steps.count == plan.live.reduce(0) { $0 + $1.steps.count })
        #expect(steps.first?.requestID == "demo-live-01-step-1" && steps.first?.expectedVersion == 1)
        #expect(steps.allSatisfy { $0.caller == "DEMO-loader" && !$0.actor.isEmpty })
        #expect(!server.calls.contains { $0.method == "GetFeedStatus" })  // --no-wait

        #expect(result.output.contains("\"toHandle\": \"8479\""))
        #expect(result.output.contains("\"imported\": \(plan.dossiers.count - 10)"))
        #expect(result.output.contains("\"alreadyImported\": 10"))
    }

    @Test("demo load waits for the statistics service unless --no-wait; summary text")
    func loadWaits() async throws {
        let server = Self.server()
        let result = await runCLI(["demo", "load"], server: server)
        #expect(result.code == 0, "\(result.error)")
        #expect(server.calls.contains { $0.method == "StreamEvents" } && server.calls.contains { $0.method == "GetFeedStatus" })
        #expect(result.output.contains("Statistics has applied the feed up to event 42."))
        #expect(result.output.contains("8,479 dossiers = "))
        #expect(result.error.contains("demo: importing dossiers: "))
    }

    @Test("stats feed --wait gives up after --wait-limit with the last error")
    func feedWaitLimit() async throws {
        let result = await runCLI(["stats", "feed", "--wait", "--wait-limit", "0.5"], server: Self.server(applied: 7))
        #expect(result.code == 1)
        #expect(result.error.contains("did not apply the feed up to event 42 within 0.5 s"))
    }

    @Test("demo picture: the province's line, the communes without dossiers by district, the few")
    func picture() async throws {
        @Sendable func activity(_ code: String, _ name: String, new: Int64, online: Int64 = 0) -> Motcua_Statistics_V1_UnitActivity {
            .with {
                $0.unit = .with {
                    $0.code = code
                    $0.name = name
                    $0.level = .commune
                    $0.parentCode = "096"
                }
                $0.counts = Fixtures.counts(new: new, online: online)
                $0.noDossier = new == 0
            }
        }
        let server = FakeServer { call in
            switch call.method {
            case "GetReport":
                return [Motcua_Statistics_V1_Report.with {
                    $0.period = Fixtures.period
                    $0.total = .with {
                        $0.carriedOver = 1_446
                        $0.newDirect = 7_027
                        $0.newOnline = 6
                        $0.newTotal = 7_033
                        $0.toHandle = 8_479
                        $0.onlineRate = 6.0 / 7_033
                    }
                }]
            case "ListUnitActivity":
                return [Motcua_Statistics_V1_ListUnitActivityResponse.with {
                    $0.units = [activity("03154", "Xã Sín Thầu", new: 0), activity("03162", "Xã Nậm Kè", new: 0), activity("03160", "Xã Mường Nhé", new: 80),
                                activity("03384", "Xã Tìa Dình", new: 1, online: 1)]
                    $0.unitCount = 129
                    $0.withoutDossierCount = 17
                }]
            case "ListUnits":
                return [Motcua_Catalog_V1_ListUnitsResponse.with { $0.units = [Fixtures.muongNhe] }]
            default:
                throw RPCError(code: .unimplemented, message: call.method)
            }
        }
        let result = await runCLI(["demo", "picture"], server: server)
        #expect(result.code == 0, "\(result.error)")
        let report = try server.calls[0].request(Motcua_Statistics_V1_GetReportRequest.self)
        #expect(report.unitCode == "11" && report.period == Fixtures.period)
        #expect(result.output.contains("8,479 dossiers = 1,446 carried over from 2021 + 7,033 received"))
        #expect(result.output.contains("online share 0.09%"))
        #expect(result.output.contains("17 of 129 communes received no dossier:\n    Huyện Mường Nhé: Xã Sín Thầu, Xã Nậm Kè\n"))
        #expect(result.output.contains("very few: Xã Tìa Dình 1"))
        let json = await runCLI(["demo", "picture", "--json"], server: server)
        #expect(json.output.contains("\"withoutDossierCount\": 17"))
        #expect(json.output.contains("\"toHandle\": \"8479\""))
    }
}
