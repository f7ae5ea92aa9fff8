import CatalogService
import DomainModel
import RPCCore
import RPCProtobuf
import Testing

@Suite("ListUnits, GetUnit, UpsertUnits")
struct UnitServiceTests {
    @Test("Today (10 Feb 2022) there are 1 province, 10 districts and 129 communes, provinces first")
    func listAll() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let response = try await fixture.service.listUnits(Motcua_Catalog_V1_ListUnitsRequest())
            #expect(response.asOf == protoDate(2022, 2, 10))
            #expect(response.units.count == 140)
            #expect(response.units.first?.code == "11" && response.units.first?.typeName == "Tỉnh")
            #expect(response.units.filter { $0.level == .district }.count == 10)
            #expect(response.units.filter { $0.level == .commune }.count == 129)
            #expect(response.units.allSatisfy { $0.validFrom == protoDate(2021, 1, 1) && $0.validTo == nil })
        }
    }

    @Test("Filters: level, parent, name with or without diacritics; before the data's validity, nothing")
    func filters() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            var request = Motcua_Catalog_V1_ListUnitsRequest()
            request.parentCode = "096"
            #expect(try await fixture.service.listUnits(request).units.count == 11)
            request.parentCode = ""
            request.query = "nam ke"
            let namKe = try await fixture.service.listUnits(request)
            #expect(namKe.units.map(\.name) == ["Xã Nậm Kè"])
            request.query = ""
            request.level = .district
            let districts = try await fixture.service.listUnits(request)
            #expect(districts.units.map(\.typeName).filter { $0 == "Huyện" }.count == 8)
            request.asOf = protoDate(2020, 6, 1)
            #expect(try await fixture.service.listUnits(request).units.isEmpty)
            request.asOf = protoDate(2022, 2, 31)
            await expectFailure(.invalidArgument, field: "as_of") { _ = try await fixture.service.listUnits(request) }
            request.asOf = nil
            request.parentCode = "96"
            // A 2-digit code is a province code, which is well-formed: no district has it as parent, so nothing matches.
            #expect(try await fixture.service.listUnits(request).units.isEmpty)
            request.parentCode = "0960"
            await expectFailure(.invalidArgument, field: "parent_code") { _ = try await fixture.service.listUnits(request) }
            request.parentCode = ""
            request.level = Motcua_Catalog_V1_UnitLevel(rawValue: 8)
            await expectFailure(.invalidArgument, field: "level") { _ = try await fixture.service.listUnits(request) }
        }
    }

    @Test("GetUnit: by code, NOT_FOUND when unknown or not in force on as_of, INVALID_ARGUMENT when malformed")
    func getUnit() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            var request = Motcua_Catalog_V1_GetUnitRequest()
            request.code = "03127"
            let himLam = try await fixture.service.getUnit(request)
            #expect(himLam.name == "Phường Him Lam" && himLam.parentCode == "094" && himLam.type == .ward)
            request.code = "99999"
            await expectFailure(.notFound) { _ = try await fixture.service.getUnit(request) }
            request.code = "03127"
            request.asOf = protoDate(2019, 1, 1)
            await expectFailure(.notFound) { _ = try await fixture.service.getUnit(request) }
            request.code = "3127"
            request.asOf = nil
            await expectFailure(.invalidArgument, field: "code") { _ = try await fixture.service.getUnit(request) }
        }
    }

    @Test("UpsertUnits: a merger closes two communes and opens a new one; as_of then selects the right list")
    func merger() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            var get = Motcua_Catalog_V1_GetUnitRequest()
            get.code = "03154"
            var sinThau = try await fixture.service.getUnit(get)
            get.code = "03155"
            var senThuong = try await fixture.service.getUnit(get)
            sinThau.validTo = protoDate(2023, 12, 31)
            senThuong.validTo = protoDate(2023, 12, 31)
            var merged = Motcua_Catalog_V1_Unit()
            merged.code = "03154"
            merged.name = "Xã Sín Thầu"
            merged.type = .commune
            merged.parentCode = "096"
            merged.validFrom = protoDate(2024, 1, 1)
            var request = Motcua_Catalog_V1_UpsertUnitsRequest()
            request.units = [sinThau, senThuong, merged]
            let response = try await fixture.service.upsertUnits(request)
            #expect(response.created == 1 && response.updated == 2 && response.unchanged == 0 && response.sequence == 3)

            var list = Motcua_Catalog_V1_ListUnitsRequest()
            list.parentCode = "096"
            list.asOf = protoDate(2023, 6, 1)
            #expect(try await fixture.service.listUnits(list).units.count == 11)
            list.asOf = protoDate(2024, 6, 1)
            #expect(try await fixture.service.listUnits(list).units.count == 10)
            get.code = "03155"
            get.asOf = protoDate(2024, 6, 1)
            await expectFailure(.notFound) { _ = try await fixture.service.getUnit(get) }
            get.asOf = nil  // without as_of: the version in force today (10 February 2022), now closed at the end of 2023
            #expect(try await fixture.service.getUnit(get).validTo == protoDate(2023, 12, 31))
        }
    }

    @Test("UpsertUnits names every offending field and writes nothing")
    func invalidUnits() async throws {
        try await CatalogFixture.with(demo: false) { fixture async throws in
            var orphan = Motcua_Catalog_V1_Unit()
            orphan.code = "03998"
            orphan.name = "Xã Mới"
            orphan.type = .commune
            orphan.parentCode = "199"
            orphan.validFrom = protoDate(2024, 1, 1)
            var broken = Motcua_Catalog_V1_Unit()
            broken.code = "x"
            broken.name = "Xã Hỏng"
            var request = Motcua_Catalog_V1_UpsertUnitsRequest()
            request.units = [orphan, broken]
            let error = await rpcError { _ = try await fixture.service.upsertUnits(request) }
            #expect(error?.code == .invalidArgument)
            for field in ["units[1].code:", "units[1].type:", "units[1].valid_from:"] {
                #expect(error?.message.contains(field) == true, "\(field) missing from \(error?.message ?? "")")
            }
            request.units = [orphan]
            let parentError = await rpcError { _ = try await fixture.service.upsertUnits(request) }
            #expect(parentError?.code == .invalidArgument)
            #expect(parentError?.message.hasPrefix("units[0].parent_code:") == true)
            #expect(try await fixture.store.latestSequence() == 0)
        }
    }
}
