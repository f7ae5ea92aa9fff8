import CatalogService
import DomainModel
import RPCCore
import RPCProtobuf
import Testing

@Suite("ListProcedures, GetProcedure, ListFields: search and filters")
struct ProcedureSearchTests {
    func list(_ service: CatalogService, _ configure: (inout Motcua_Catalog_V1_ListProceduresRequest) -> Void) async throws
        -> Motcua_Catalog_V1_ListProceduresResponse
    {
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        configure(&request)
        return try await service.listProcedures(request)
    }

    @Test("\"dang ky khai sinh\" finds \"Đăng ký khai sinh\" first, exactly as the Vietnamese text does", arguments: [
        "dang ky khai sinh", "Đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "  dang   ky-khai sinh ",
    ])
    func diacritics(query: String) async throws {
        let fixture = try await CatalogFixture.readOnly()
        let response = try await list(fixture.service) { $0.query = query }
        #expect(response.procedures.first?.name == "Đăng ký khai sinh")
        #expect(response.procedures.first?.code == "DEMO-HT-X001")
        #expect(response.totalSize >= 4)  // also lại khai sinh, lưu động, có yếu tố nước ngoài…
        #expect(response.procedures.allSatisfy { $0.name.lowercased().contains("khai sinh") })
    }

    @Test("Words match in any order, in the code too; phrase matches rank before scattered words")
    func relevance() async throws {
        let fixture = try await CatalogFixture.readOnly()
        let byWords = try await list(fixture.service) { $0.query = "cu tru xac nhan" }
        #expect(byWords.procedures.map(\.name).contains("Xác nhận thông tin về cư trú"))
        let byCode = try await list(fixture.service) { $0.query = "demo-ca-x001" }
        #expect(byCode.procedures.first?.code == "DEMO-CA-X001")
        let chung = try await list(fixture.service) { $0.query = "chung thuc ban sao tu ban chinh" }
        #expect(chung.procedures.first?.name.hasPrefix("Chứng thực bản sao từ bản chính") == true)
        let nothing = try await list(fixture.service) { $0.query = "xyzzy khong co" }
        #expect(nothing.totalSize == 0 && nothing.procedures.isEmpty && nothing.nextPageToken.isEmpty)
    }

    @Test("Filters by field (folded), implementing level, online level and 2022 scheme combine with AND")
    func filters() async throws {
        let fixture = try await CatalogFixture.readOnly()
        let civil = try await list(fixture.service) { $0.field = "ho tich"; $0.pageSize = 500 }
        #expect(civil.totalSize == 34)
        #expect(civil.procedures.allSatisfy { $0.field == "Hộ tịch" })
        let communeCivil = try await list(fixture.service) { $0.field = "Hộ tịch"; $0.implementingLevel = .commune }
        #expect(communeCivil.totalSize == 20)
        let level4 = try await list(fixture.service) { $0.onlineLevel = 4 }
        #expect(level4.totalSize == 587)
        let full = try await list(fixture.service) { $0.onlineScheme = .fullProcess }
        #expect(full.totalSize == 587)
        let commune = try await list(fixture.service) { $0.implementingLevel = .commune; $0.pageSize = 500 }
        #expect(commune.totalSize == 119)
        #expect(commune.procedures.allSatisfy { $0.implementingLevel == .commune })
        let combined = try await list(fixture.service) {
            $0.query = "dang ky"; $0.field = "cong an"; $0.implementingLevel = .commune; $0.onlineLevel = 4; $0.onlineScheme = .fullProcess
        }
        #expect(combined.procedures.map(\.name).contains("Đăng ký thường trú"))
        #expect(combined.procedures.allSatisfy { $0.field == "Công an" && $0.onlineLevel == 4 })
    }

    @Test("Malformed filters are INVALID_ARGUMENT naming the field")
    func malformedFilters() async throws {
        let fixture = try await CatalogFixture.readOnly()
        let service = fixture.service
        await expectFailure(.invalidArgument, field: "online_level") { _ = try await list(service) { $0.onlineLevel = 5 } }
        await expectFailure(.invalidArgument, field: "implementing_level") {
            _ = try await list(service) { $0.implementingLevel = Motcua_Catalog_V1_ImplementingLevel(rawValue: 9) }
        }
        await expectFailure(.invalidArgument, field: "online_scheme") {
            _ = try await list(service) { $0.onlineScheme = Motcua_Catalog_V1_OnlineScheme(rawValue: -1) }
        }
        await expectFailure(.invalidArgument, field: "query") { _ = try await list(service) { $0.query = String(repeating: "a", count: 201) } }
        await expectFailure(.invalidArgument, field: "field") { _ = try await list(service) { $0.field = String(repeating: "b", count: 201) } }
    }

    @Test("GetProcedure: found, NOT_FOUND for an unknown code, INVALID_ARGUMENT for a malformed one")
    func getProcedure() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_GetProcedureRequest()
        request.code = "DEMO-CA-X001"
        let procedure = try await fixture.service.getProcedure(request)
        #expect(procedure.name == "Đăng ký thường trú")
        #expect(procedure.demo && procedure.onlineLevel == 4 && procedure.onlineScheme == .fullProcess)
        #expect(procedure.legalDeadline?.amount == 7 && procedure.legalDeadline?.unit == .workingDays)
        #expect(procedure.fees.first?.amountVnd == 20_000)
        #expect(procedure.updatedAt?.seconds == CatalogFixture.now.seconds && procedure.revision == 0)
        request.code = "DEMO-XX-X999"
        await expectFailure(.notFound) { _ = try await fixture.service.getProcedure(request) }
        for malformed in ["", "đăng ký", "-1.000", String(repeating: "1", count: 41), "abc"] {
            request.code = malformed
            await expectFailure(.invalidArgument, field: "code") { _ = try await fixture.service.getProcedure(request) }
        }
    }

    @Test("ListFields: every field with its counts, optionally for one implementing level")
    func fields() async throws {
        let fixture = try await CatalogFixture.readOnly()
        let all = try await fixture.service.listFields(Motcua_Catalog_V1_ListFieldsRequest())
        #expect(all.fields.count == 17)
        #expect(all.fields.reduce(0) { $0 + Int($1.procedureCount) } == 1_764)
        #expect(all.fields.reduce(0) { $0 + Int($1.onlineLevel4Count) } == 587)
        var request = Motcua_Catalog_V1_ListFieldsRequest()
        request.implementingLevel = .commune
        let commune = try await fixture.service.listFields(request)
        #expect(commune.fields.reduce(0) { $0 + Int($1.procedureCount) } == 119)
        #expect(commune.fields.first { $0.name == "Hộ tịch" }?.procedureCount == 20)
        request.implementingLevel = Motcua_Catalog_V1_ImplementingLevel(rawValue: 42)
        await expectFailure(.invalidArgument, field: "implementing_level") { _ = try await fixture.service.listFields(request) }
    }

    @Test("Until the data is loaded every RPC is UNAVAILABLE")
    func notReady() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let service = CatalogService(
                store: fixture.store, readiness: CatalogReadiness(ready: false), logger: CatalogFixture.quietLogger)
            await expectFailure(.unavailable) { _ = try await service.listProcedures(Motcua_Catalog_V1_ListProceduresRequest()) }
            await expectFailure(.unavailable) { _ = try await service.listUnits(Motcua_Catalog_V1_ListUnitsRequest()) }
        }
    }
}
